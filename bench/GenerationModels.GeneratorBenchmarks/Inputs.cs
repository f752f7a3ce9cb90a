using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using GenerationModels.Harness;

namespace GeneratorBench;

/// <summary>Where a doc set comes from.</summary>
public enum DocSource
{
    /// <summary>Docs sampled from ../shared/corpora, across its repos and dialects.</summary>
    Corpus,

    /// <summary>Speakeasy and OpenAPI Generator docs written by <see cref="SyntheticDocs"/>.</summary>
    Synthetic,
}

/// <summary>One project's worth of schema docs: what one compilation hands the generator.</summary>
public sealed class DocSet
{
    public DocSet(DocSource source, IReadOnlyList<InMemoryAdditionalText> docs)
    {
        Source = source;
        Docs = docs;
        Characters = docs.Sum(d => (long)d.Text.Length);
    }

    public DocSource Source { get; }

    public IReadOnlyList<InMemoryAdditionalText> Docs { get; }

    public long Characters { get; }

    /// <summary>Built once per process and size (both builders are deterministic).</summary>
    private static readonly ConcurrentDictionary<(DocSource, int), DocSet> Cache = new();

    public static DocSet Get(DocSource source, int count)
        => Cache.GetOrAdd((source, count), key => key.Item1 == DocSource.Corpus ? CorpusSampler.Sample(key.Item2) : SyntheticDocs.Create(key.Item2));
}

/// <summary>
/// Samples docs from the developer corpus (<c>../shared/corpora</c> beside the repository, laid out
/// <c>&lt;dialect&gt;/&lt;owner+repo&gt;/&lt;path&gt;/*.md</c>; nothing is copied into the repository). Every repo folder gets
/// an equal share of the set (capped by its size, the rest spread over the others). Within a repo, docs are taken in
/// a fixed order that follows links (breadth first from seeds in a hashed order), so that the docs a doc links to are
/// mostly in the set too, and a smaller set's docs from a repo are a prefix of a larger set's. Paths become
/// <c>/project/Schemas/&lt;dialect&gt;/&lt;repo&gt;/&lt;path in repo&gt;</c>: one compilation, relative links unchanged.
/// </summary>
public static class CorpusSampler
{
    private static readonly Regex LinkTarget = new(@"\]\(\s*<?([^)<>#\s]+\.md)(?:#[^)]*)?>?\s*\)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static List<Repo>? s_repos;

    /// <summary>The corpus folder: <c>--corpora &lt;path&gt;</c>, else <c>GENERATIONMODELS_CORPORA</c>, else ../shared/corpora from the repository root.</summary>
    public static string? OverrideRoot { get; set; }

    public static string Root()
    {
        string root = OverrideRoot
            ?? Environment.GetEnvironmentVariable("GENERATIONMODELS_CORPORA")
            ?? Path.GetFullPath(Path.Combine(Harness.RepositoryRoot(), "..", "shared", "corpora"));
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException(
                $"The developer corpus is not at '{root}'. The corpus-derived doc sets are sampled from it (expected layout " +
                "<dialect>/<owner+repo>/**/*.md, ../shared/corpora beside the repository root). Pass --corpora <folder>, " +
                "set GENERATIONMODELS_CORPORA, or run only the synthetic sets with --source synthetic.");
        }
        return root;
    }

    public static DocSet Sample(int count)
    {
        var repos = s_repos ??= Load(Root());
        int available = repos.Sum(r => r.Ordered.Count);
        if (available < count)
        {
            throw new InvalidOperationException($"the corpus at {Root()} has {available} docs; {count} were asked for");
        }

        // Equal shares, capped by each repo's size; what a small repo cannot give goes round the others.
        var quota = new int[repos.Count];
        int left = count;
        while (left > 0)
        {
            var open = Enumerable.Range(0, repos.Count).Where(i => quota[i] < repos[i].Ordered.Count).ToList();
            int share = Math.Max(1, left / open.Count);
            foreach (int i in open)
            {
                int take = Math.Min(Math.Min(share, repos[i].Ordered.Count - quota[i]), left);
                quota[i] += take;
                left -= take;
                if (left == 0) break;
            }
        }

        var docs = new List<InMemoryAdditionalText>(count);
        for (int i = 0; i < repos.Count; i++)
        {
            foreach (var doc in repos[i].Ordered.Take(quota[i]))
            {
                docs.Add(new InMemoryAdditionalText($"{Harness.ProjectDirectory}/Schemas/{repos[i].Dialect}/{repos[i].Name}/{doc.Relative}", doc.Text));
            }
        }
        return new DocSet(DocSource.Corpus, docs);
    }

    private sealed record CorpusDoc(string Relative, string Text);

    private sealed record Repo(string Dialect, string Name, List<CorpusDoc> Ordered);

    private static List<Repo> Load(string root)
    {
        var repos = new List<Repo>();
        foreach (string dialectDir in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (string repoDir in Directory.GetDirectories(dialectDir).OrderBy(d => d, StringComparer.Ordinal))
            {
                var docs = Directory.EnumerateFiles(repoDir, "*.md", SearchOption.AllDirectories)
                    .Where(f => !GeneratorHarness.IsCorpusLicenceFile(repoDir, f))
                    .Select(f => new CorpusDoc(Path.GetRelativePath(repoDir, f).Replace('\\', '/'), File.ReadAllText(f)))
                    .ToList();
                if (docs.Count != 0) repos.Add(new Repo(Path.GetFileName(dialectDir), Path.GetFileName(repoDir), LinkOrder(docs)));
            }
        }
        if (repos.Count == 0) throw new InvalidOperationException($"no <dialect>/<repo>/**/*.md docs under {root}");
        return repos;
    }

    /// <summary>All docs of a repo, breadth first along links from seeds taken in a fixed hashed order.</summary>
    private static List<CorpusDoc> LinkOrder(List<CorpusDoc> docs)
    {
        var byPath = new Dictionary<string, CorpusDoc>(StringComparer.Ordinal);
        var byPathIgnoreCase = new Dictionary<string, CorpusDoc>(StringComparer.OrdinalIgnoreCase);
        foreach (var doc in docs)
        {
            byPath[doc.Relative] = doc;
            byPathIgnoreCase.TryAdd(doc.Relative, doc);
        }
        var ordered = new List<CorpusDoc>(docs.Count);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<CorpusDoc>();
        foreach (var seed in docs.OrderBy(d => Fnv(d.Relative)).ThenBy(d => d.Relative, StringComparer.Ordinal))
        {
            if (!taken.Add(seed.Relative)) continue;
            queue.Enqueue(seed);
            while (queue.Count > 0)
            {
                var doc = queue.Dequeue();
                ordered.Add(doc);
                string directory = doc.Relative.Contains('/') ? doc.Relative[..doc.Relative.LastIndexOf('/')] : "";
                foreach (Match link in LinkTarget.Matches(doc.Text))
                {
                    string target = Normalize(directory.Length == 0 ? link.Groups[1].Value : directory + "/" + link.Groups[1].Value);
                    if ((byPath.TryGetValue(target, out var linked) || byPathIgnoreCase.TryGetValue(target, out linked)) && taken.Add(linked.Relative))
                    {
                        queue.Enqueue(linked);
                    }
                }
            }
        }
        return ordered;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join("/", parts);
    }

    private static uint Fnv(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }
}

/// <summary>
/// Realistic schema docs written in code, with a fixed seed: Speakeasy TypeScript-style models (<c>## Fields</c>, an
/// example fence, links such as <c>[components.X](../../models/components/x.md)</c>, arrays and records of links),
/// enums (<c>## Values</c>) and unions (<c>## Supported Types</c>), and OpenAPI Generator python and typescript models
/// (<c>## Properties</c>, <c>[**X**](X.md)</c>, <c>List[X]</c>, <c>Dict[str, X]</c>, <c>[optional]</c>) and enums
/// (<c>## Enum</c>). About a quarter of the fields link to another doc of the same SDK folder; descriptions sometimes
/// carry markup (code spans, emphasis, links) as real ones do.
/// </summary>
public static class SyntheticDocs
{
    private static readonly string[] Nouns =
    {
        "Account", "Invoice", "Payment", "Customer", "Order", "Product", "Shipment", "Address", "Subscription", "Plan",
        "Webhook", "Event", "Session", "Token", "User", "Team", "Project", "Workspace", "Domain", "Link", "Tag", "Folder",
        "Commission", "Partner", "Program", "Reward", "Discount", "Coupon", "Refund", "Dispute", "Charge", "Price",
        "Tax", "Report", "Metric", "Dataset", "Model", "Prompt", "Completion", "Generation", "Message", "Thread",
        "Channel", "Device", "Location", "Region", "Policy", "Role", "Permission", "Identity", "Credential", "Key",
    };

    private static readonly string[] Suffixes =
    {
        "", "Request", "Response", "Details", "Summary", "Settings", "Item", "Line", "Input", "Output", "Data", "Info",
        "Status", "Schema", "Config", "Options", "Result", "Entry", "Attributes", "Metadata",
    };

    private static readonly string[] FieldWords =
    {
        "id", "name", "description", "created", "updated", "amount", "currency", "status", "type", "url", "email", "count",
        "total", "enabled", "expires", "source", "target", "external", "display", "label", "key", "value", "region",
        "country", "city", "owner", "parent", "version", "limit", "offset", "score", "rank", "weight", "priority", "color",
        "image", "title", "slug", "path", "method", "code", "message", "reason", "category", "level", "mode", "kind",
    };

    private static readonly string[] Words =
    {
        "the", "a", "unique", "identifier", "of", "this", "object", "when", "it", "was", "created", "in", "currency",
        "minor", "units", "set", "by", "server", "caller", "optional", "value", "used", "for", "filtering", "list",
        "returned", "only", "if", "requested", "number", "seconds", "since", "epoch", "ISO", "format", "customer",
        "account", "must", "be", "one", "each", "entry", "maps", "to", "an", "item", "shown", "in", "dashboard",
    };

    private enum Kind { SpeakeasyModel, SpeakeasyEnum, SpeakeasyUnion, OagModel, OagEnum }

    private sealed record Planned(Kind Kind, string Name, string Folder, string File);

    public static DocSet Create(int count)
    {
        var random = new Random(20261125);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var plan = new List<Planned>(count);
        for (int i = 0; i < count; i++)
        {
            double roll = random.NextDouble();
            var kind = roll < 0.55 ? Kind.SpeakeasyModel : roll < 0.65 ? Kind.SpeakeasyEnum : roll < 0.70 ? Kind.SpeakeasyUnion : roll < 0.95 ? Kind.OagModel : Kind.OagEnum;
            string name;
            do
            {
                name = Nouns[random.Next(Nouns.Length)] + Nouns[random.Next(Nouns.Length)] + Suffixes[random.Next(Suffixes.Length)];
                if (kind is Kind.SpeakeasyEnum or Kind.OagEnum) name += random.Next(2) == 0 ? "Status" : "Type";
                if (names.Contains(name)) name += (i % 97).ToString(CultureInfo.InvariantCulture);
            }
            while (!names.Add(name));
            bool speakeasy = kind is Kind.SpeakeasyModel or Kind.SpeakeasyEnum or Kind.SpeakeasyUnion;
            // Two SDK folders per family, as a project holding two generated SDKs would have them.
            string folder = speakeasy
                ? (i % 3 == 0 ? "sdk-ts/docs/models/operations" : "sdk-ts/docs/models/components")
                : (i % 2 == 0 ? "oag-python/docs" : "oag-typescript/docs");
            string file = speakeasy ? name.ToLowerInvariant() + ".md" : name + ".md";
            plan.Add(new Planned(kind, name, folder, file));
        }

        var speakeasyTargets = plan.Where(p => p.Kind is Kind.SpeakeasyModel or Kind.SpeakeasyEnum or Kind.SpeakeasyUnion).ToList();
        var oagTargetsByFolder = plan.Where(p => p.Kind is Kind.OagModel or Kind.OagEnum).GroupBy(p => p.Folder).ToDictionary(g => g.Key, g => g.ToList());
        var speakeasyModels = plan.Where(p => p.Kind == Kind.SpeakeasyModel).ToList();

        var docs = new List<InMemoryAdditionalText>(count);
        foreach (var doc in plan)
        {
            string text = doc.Kind switch
            {
                Kind.SpeakeasyModel => SpeakeasyModel(random, doc, speakeasyTargets),
                Kind.SpeakeasyEnum => SpeakeasyEnum(random, doc),
                Kind.SpeakeasyUnion => SpeakeasyUnion(random, doc, speakeasyModels),
                Kind.OagModel => OagModel(random, doc, oagTargetsByFolder[doc.Folder]),
                _ => OagEnum(random, doc),
            };
            docs.Add(new InMemoryAdditionalText($"{Harness.ProjectDirectory}/Schemas/{doc.Folder}/{doc.File}", text));
        }
        return new DocSet(DocSource.Synthetic, docs);
    }

    private static string Sentence(Random random, bool markup)
    {
        int length = random.Next(4, 16);
        var text = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            if (i > 0) text.Append(' ');
            string word = Words[random.Next(Words.Length)];
            if (markup && i == 2) text.Append('`').Append(word).Append('`');
            else if (markup && i == 5) text.Append('*').Append(word).Append('*');
            else text.Append(word);
        }
        text[0] = char.ToUpperInvariant(text[0]);
        if (markup && random.Next(3) == 0) text.Append(" See [the guide](https://example.com/docs/guide)");
        return text.Append('.').ToString();
    }

    private static List<string> FieldNames(Random random, int count, bool snake)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (result.Count < count)
        {
            string first = FieldWords[random.Next(FieldWords.Length)];
            string name = random.Next(3) == 0 ? first : first + (snake ? "_" : "") + Capitalize(FieldWords[random.Next(FieldWords.Length)], !snake);
            if (seen.Add(name)) result.Add(name);
        }
        return result;
    }

    private static string Capitalize(string word, bool capital) => capital ? char.ToUpperInvariant(word[0]) + word[1..] : word;

    private static string SpeakeasyLink(Planned from, Planned to)
    {
        string module = to.Folder.EndsWith("operations", StringComparison.Ordinal) ? "operations" : "components";
        return $"[{module}.{to.Name}](../../models/{module}/{to.File})";
    }

    private static string SpeakeasyModel(Random random, Planned doc, List<Planned> targets)
    {
        int fieldCount = random.Next(3, 22);
        var fields = FieldNames(random, fieldCount, snake: false);
        bool example = random.Next(4) == 0;
        var text = new StringBuilder();
        text.Append("# ").Append(doc.Name).Append("\n\n");
        if (random.Next(3) != 0) text.Append(Sentence(random, markup: random.Next(4) == 0)).Append("\n\n");
        text.Append("## Example Usage\n\n```typescript\nimport { ").Append(doc.Name).Append(" } from \"acme/models/components\";\n\nlet value: ")
            .Append(doc.Name).Append(" = {\n");
        foreach (string field in fields.Take(6)) text.Append("  ").Append(field).Append(": \"<value>\",\n");
        text.Append("};\n```\n\n## Fields\n\n");
        text.Append(example ? "| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n" : "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n");
        foreach (string field in fields)
        {
            string type;
            int roll = random.Next(100);
            if (roll < 25)
            {
                var target = targets[random.Next(targets.Count)];
                string link = SpeakeasyLink(doc, target);
                type = random.Next(5) switch { 0 => link + "[]", 1 => "Record<string, " + link + ">", _ => link };
            }
            else
            {
                type = roll switch
                {
                    < 50 => "*string*",
                    < 60 => "*number*",
                    < 68 => "*boolean*",
                    < 74 => "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)",
                    < 82 => "*string*[]",
                    < 88 => "Record<string, *any*>",
                    < 92 => "*any*",
                    < 96 => "*number*[]",
                    _ => "Record<string, *string*>",
                };
            }
            bool required = random.Next(3) == 0;
            text.Append("| `").Append(field).Append("` | ").Append(type).Append(" | ").Append(required ? ":heavy_check_mark:" : ":heavy_minus_sign:")
                .Append(" | ").Append(random.Next(4) == 0 ? "N/A" : Sentence(random, markup: random.Next(6) == 0));
            if (example) text.Append(" | ").Append(random.Next(2) == 0 ? "" : "example_" + field);
            text.Append(" |\n");
        }
        return text.ToString();
    }

    private static string SpeakeasyEnum(Random random, Planned doc)
    {
        var values = FieldNames(random, random.Next(2, 9), snake: true);
        var text = new StringBuilder();
        text.Append("# ").Append(doc.Name).Append("\n\n");
        if (random.Next(2) == 0) text.Append(Sentence(random, markup: false)).Append("\n\n");
        text.Append("## Example Usage\n\n```typescript\nimport { ").Append(doc.Name).Append(" } from \"acme/models/components\";\n\nlet value: ")
            .Append(doc.Name).Append(" = \"").Append(values[0]).Append("\";\n```\n\n## Values\n\n");
        if (random.Next(2) == 0)
        {
            text.Append("```typescript\n").Append(string.Join(" | ", values.Select(v => "\"" + v + "\""))).Append("\n```\n");
        }
        else
        {
            text.Append("| Name | Value |\n| ---- | ----- |\n");
            foreach (string value in values) text.Append("| `").Append(Capitalize(value.Replace("_", ""), true)).Append("` | ").Append(value).Append(" |\n");
        }
        return text.ToString();
    }

    private static string SpeakeasyUnion(Random random, Planned doc, List<Planned> models)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(doc.Name).Append("\n\n").Append(Sentence(random, markup: false)).Append("\n\n\n## Supported Types\n\n");
        int cases = random.Next(2, 5);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < cases; i++)
        {
            var model = models[random.Next(models.Count)];
            if (!used.Add(model.Name)) continue;
            string module = model.Folder.EndsWith("operations", StringComparison.Ordinal) ? "operations" : "components";
            text.Append("### `").Append(module).Append('.').Append(model.Name).Append("`\n\n```typescript\nconst value: ").Append(module).Append('.')
                .Append(model.Name).Append(" = {\n  id: \"<id>\",\n};\n```\n\n");
        }
        text.Append("### `string`\n\n```typescript\nconst value: string = \"<value>\";\n```\n");
        return text.ToString();
    }

    private static string OagModel(Random random, Planned doc, List<Planned> targets)
    {
        bool python = doc.Folder.StartsWith("oag-python", StringComparison.Ordinal);
        var fields = FieldNames(random, random.Next(3, 22), snake: python);
        var text = new StringBuilder();
        text.Append("# ").Append(doc.Name).Append("\n\n");
        if (random.Next(3) != 0) text.Append(Sentence(random, markup: false)).Append("\n\n");
        text.Append("## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n");
        foreach (string field in fields)
        {
            string type;
            int roll = random.Next(100);
            if (roll < 25)
            {
                var target = targets[random.Next(targets.Count)];
                type = random.Next(5) switch
                {
                    0 => python ? $"[**List[{target.Name}]**]({target.File})" : $"[**Array&lt;{target.Name}&gt;**]({target.File})",
                    1 => python ? $"[**Dict[str, {target.Name}]**]({target.File})" : $"[**{{ [key: string]: {target.Name}; }}**]({target.File})",
                    _ => $"[**{target.Name}**]({target.File})",
                };
            }
            else if (python)
            {
                type = roll switch
                {
                    < 50 => "**str**", < 58 => "**int**", < 64 => "**float**", < 72 => "**bool**", < 78 => "**datetime**",
                    < 86 => "**List[str]**", < 92 => "**Dict[str, object]**", < 96 => "**object**", _ => "**date**",
                };
            }
            else
            {
                type = roll switch
                {
                    < 50 => "**string**", < 64 => "**number**", < 72 => "**boolean**", < 78 => "**string**",
                    < 86 => "**Array&lt;string&gt;**", < 92 => "**{ [key: string]: any; }**", _ => "**any**",
                };
            }
            string notes = random.Next(3) == 0 ? "" : python ? "[optional] " : "[optional] [default to undefined]";
            if (random.Next(8) == 0) notes += " [readonly]";
            text.Append("**").Append(field).Append("** | ").Append(type).Append(" | ").Append(random.Next(4) == 0 ? "" : Sentence(random, markup: false))
                .Append(" | ").Append(notes).Append('\n');
        }
        if (python)
        {
            text.Append("\n## Example\n\n```python\nfrom acme.models.").Append(doc.Name.ToLowerInvariant()).Append(" import ").Append(doc.Name)
                .Append("\n\njson = \"{}\"\ninstance = ").Append(doc.Name).Append(".from_json(json)\nprint(instance.to_json())\n```\n");
        }
        text.Append("\n[[Back to Model list]](../README.md#documentation-for-models) [[Back to API list]](../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)\n");
        return text.ToString();
    }

    private static string OagEnum(Random random, Planned doc)
    {
        var values = FieldNames(random, random.Next(2, 8), snake: true);
        var text = new StringBuilder();
        text.Append("# ").Append(doc.Name).Append("\n\n");
        if (random.Next(2) == 0) text.Append(Sentence(random, markup: false)).Append("\n\n");
        text.Append("## Enum\n\n");
        foreach (string value in values) text.Append("* `").Append(value.ToUpperInvariant()).Append("` (value: `'").Append(value).Append("'`)\n\n");
        text.Append("[[Back to Model list]](../README.md#documentation-for-models) [[Back to API list]](../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)\n");
        return text.ToString();
    }
}
