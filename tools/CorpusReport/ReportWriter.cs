using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using GenerationModels.Harness;
using static GenerationModels.Harness.ReportText;

namespace CorpusReport;

/// <summary>
/// Renders the markdown report. It holds only counts, paths relative to the corpus root, our own diagnostic arguments
/// (skip reasons, type texts and link targets the generator reported) and compiler messages about our generated code.
/// </summary>
internal static class ReportWriter
{
    private const int TopN = 10;

    public static string Write(string command, string? generatorVersion, IReadOnlyList<RepoResult> results, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        var total = new Stats();
        foreach (var result in results) total.Add(result);
        var dialects = results.GroupBy(r => r.Dialect, StringComparer.Ordinal)
            .Select(g =>
            {
                var stats = new Stats();
                foreach (var r in g) stats.Add(r);
                return (Dialect: g.Key, Stats: stats);
            })
            .ToList();
        var kinds = total.Kinds.Keys
            .OrderBy(k => RepoAnalyzer.KindOrder.TryGetValue(k, out int order) ? order : int.MaxValue)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();

        sb.AppendLine("# Corpus report");
        sb.AppendLine();
        sb.AppendLine("What the generator makes of the shared corpus of real schema docs. Each repo folder (`<dialect>/<owner+repo>`) is one");
        sb.AppendLine("compilation: the real `GenerationModelsGenerator` runs over all its docs, and the generated code is compiled against the");
        sb.AppendLine("platform assemblies and `GenerationModels.Runtime`. Every doc is also classified with the generator's own `DocumentParser`.");
        sb.AppendLine("The report holds counts, paths relative to the corpus root and our own diagnostic / compiler messages only.");
        sb.AppendLine();
        sb.AppendLine("Regenerate (exit code 1 while any generator exception or compile error remains):");
        sb.AppendLine();
        sb.AppendLine("```sh");
        sb.AppendLine(command);
        sb.AppendLine("```");
        sb.AppendLine();
        if (generatorVersion is not null) sb.Append("Generator: ").Append(generatorVersion).Append(". ");
        sb.AppendLine(Inv($"{total.Docs} docs in {Plural(total.Repos, "repo")} of {Plural(dialects.Count, "dialect")}; the run took {elapsed.TotalSeconds:0} s (generator {total.GeneratorMs / 1000:0.0} s, compiling {total.CompileMs / 1000:0.0} s)."));
        sb.AppendLine();
        sb.AppendLine("Columns: *kinds* are `ParsedDocument.Shape` (objects and opaque types as Model; NotASchema when no schema was read); *skipped* docs got GM0004 (not a schema); *fields* counts every field of every");
        sb.AppendLine("model, nested types included; a *fallback* is a field the generator typed as `JsonElement` with GM0002 (type not");
        sb.AppendLine("understood) or GM0003 (linked doc not found); *precisely typed* = fields without a fallback; *declared any* fields");
        sb.AppendLine("(`JsonElement` because the doc says any) count as precisely typed and are shown separately; *compile* columns are");
        sb.AppendLine("errors / warnings from compiling the generated code; *generator ms* is the driver's timing of the generator\n(`GeneratorDriver.GetTimingInfo()`; one cold run per repo, JIT included for the first).");
        sb.AppendLine();

        sb.AppendLine("## Summary by dialect");
        sb.AppendLine();
        TableHeader(sb, "Dialect", kinds);
        foreach (var (dialect, stats) in dialects) TableRow(sb, dialect, stats, kinds);
        TableRow(sb, "**TOTAL**", total, kinds);
        sb.AppendLine();

        sb.AppendLine("## Top problems");
        sb.AppendLine();
        sb.AppendLine("### Skip reasons (GM0004)");
        sb.AppendLine();
        SkipReasons(sb, total, dialects);
        sb.AppendLine();
        sb.AppendLine("### Fallback categories");
        sb.AppendLine();
        Fallbacks(sb, total, dialects);
        sb.AppendLine();
        sb.AppendLine("### Compile diagnostics of the generated code, by ID");
        sb.AppendLine();
        CompileDiagnostics(sb, total, dialects);
        sb.AppendLine();
        sb.AppendLine("### Generator diagnostics, by ID");
        sb.AppendLine();
        GeneratorDiagnostics(sb, total, dialects);
        sb.AppendLine();

        sb.AppendLine("## Per repo");
        foreach (var result in results)
        {
            sb.AppendLine();
            sb.AppendLine($"### {result.Name}");
            sb.AppendLine();
            TableHeader(sb, "Repo", kinds);
            TableRow(sb, Code(result.Name), result, kinds);
            sb.AppendLine();
            sb.AppendLine(Inv($"Readers: {string.Join(", ", result.Readers.Top().Select(p => $"{Code(p.Key)} {p.Value}"))}. ") +
                Inv($"Generated files: {result.GeneratedFiles}. Compile time: {result.CompileMs:0} ms. ") +
                "Generator diagnostics: " + (result.GeneratorDiagnostics.Count == 0 ? "none" : string.Join(", ", result.GeneratorDiagnostics.Top().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Inv($"{p.Key} {p.Value}")))) + ".");
            if (result.Exceptions.Count != 0)
            {
                sb.AppendLine();
                sb.AppendLine("**Exceptions:**");
                sb.AppendLine();
                CodeBlock(sb, result.Exceptions);
            }
            if (result.SkipReasons.Count != 0)
            {
                sb.AppendLine();
                sb.AppendLine("| Skip reason | Docs | Examples |");
                sb.AppendLine("|---|---:|---|");
                foreach (var (reason, count) in result.SkipReasons.Top())
                {
                    sb.AppendLine(Inv($"| {Cell(reason)} | {count} | {string.Join("<br>", result.SkipExamples.For(reason).Select(Code))} |"));
                }
            }
            if (result.Fallbacks != 0 || result.DeclaredAny != 0 || result.SdkTypes != 0 || result.UnmatchedFallbackDiagnostics != 0)
            {
                sb.AppendLine();
                sb.AppendLine(Inv($"Fallbacks: GM0002 unknown type {result.FallbackUnknownType}, GM0003 unresolved link {result.FallbackUnresolvedLink}; declared any {result.DeclaredAny}; SDK-side type (GM0009) {result.SdkTypes}; not on a field (union cases) {result.UnmatchedFallbackDiagnostics}."));
                TopTable(sb, "Unknown type (GM0002)", result.UnknownTypes);
                TopTable(sb, "Unresolved link target (GM0003)", result.UnresolvedTargets);
                TopTable(sb, "Not on a field (union cases): ID and type / target", result.UnmatchedFallbackTypes, "Cases", result.UnmatchedFallbackExamples);
                TopTable(sb, "SDK-side type (GM0009)", result.SdkTypeNames);
            }
            if (result.CompileErrors != 0)
            {
                sb.AppendLine();
                sb.AppendLine(Inv($"Compile errors by ID: {string.Join(", ", CompileIds(result, error: true))}. First {result.FirstErrors.Count}:"));
                sb.AppendLine();
                CodeBlock(sb, result.FirstErrors);
            }
            if (result.CompileWarnings != 0)
            {
                sb.AppendLine();
                sb.AppendLine(Inv($"Compile warnings by ID: {string.Join(", ", CompileIds(result, error: false))}. First {result.FirstWarnings.Count}:"));
                sb.AppendLine();
                CodeBlock(sb, result.FirstWarnings);
            }
        }
        return sb.ToString();
    }

    public static string Percent(Stats stats)
        => stats.Fields == 0 ? "—" : Inv($"{100.0 * (stats.Fields - stats.Fallbacks) / stats.Fields:0.0}%");

    private static void TableHeader(StringBuilder sb, string first, IReadOnlyList<string> kinds)
    {
        sb.AppendLine($"| {first} | Docs | {string.Join(" | ", kinds.Select(Cell))} | Skipped | Fields | Precisely typed | Fallbacks | Declared any | Generator exceptions | Compile errors | Compile warnings | Generator ms |");
        sb.AppendLine($"|---|---:|{string.Concat(kinds.Select(_ => "---:|"))}---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    private static void TableRow(StringBuilder sb, string name, Stats s, IReadOnlyList<string> kinds)
    {
        bool bold = name.StartsWith("**", StringComparison.Ordinal);
        string B(string v) => bold ? "**" + v + "**" : v;
        string N(int v) => B(v.ToString(CultureInfo.InvariantCulture));
        var cells = new List<string> { name, N(s.Docs) };
        cells.AddRange(kinds.Select(k => N(s.Kinds[k])));
        cells.Add(N(s.Skipped));
        cells.Add(N(s.Fields));
        cells.Add(B(Percent(s)));
        cells.Add(N(s.Fallbacks));
        cells.Add(N(s.DeclaredAny));
        cells.Add(N(s.GeneratorExceptions + s.ParserExceptions));
        cells.Add(N(s.CompileErrors));
        cells.Add(N(s.CompileWarnings));
        cells.Add(B(Inv($"{s.GeneratorMs:0}")));
        sb.AppendLine("| " + string.Join(" | ", cells) + " |");
    }

    private static void SkipReasons(StringBuilder sb, Stats total, IReadOnlyList<(string Dialect, Stats Stats)> dialects)
    {
        if (total.SkipReasons.Count == 0)
        {
            sb.AppendLine("No doc was skipped.");
            return;
        }
        sb.AppendLine("| Reason (cut at ':' or 80 chars) | Docs | Dialects | Examples |");
        sb.AppendLine("|---|---:|---|---|");
        foreach (var (reason, count) in total.SkipReasons.Top())
        {
            string where = Where(dialects, s => s.SkipReasons, reason);
            sb.AppendLine(Inv($"| {Cell(reason)} | {count} | {where} | {string.Join("<br>", total.SkipExamples.For(reason).Select(Code))} |"));
        }
    }

    private static void Fallbacks(StringBuilder sb, Stats total, IReadOnlyList<(string Dialect, Stats Stats)> dialects)
    {
        sb.AppendLine("Field fallbacks by category. *SDK-side type* fields (GM0009, e.g. `rawResponse`) are `JsonElement` by design and,");
        sb.AppendLine("like *declared any*, count as precisely typed. The last column counts GM0002/GM0003 reported on no field (union");
        sb.AppendLine("cases, which the generator checks like fields; not included in the field counts).");
        sb.AppendLine();
        sb.AppendLine("| Dialect | Fields | GM0002 unknown type | GM0003 unresolved link | Declared any | SDK-side type (GM0009) | Not on a field (union cases) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (dialect, s) in dialects)
        {
            sb.AppendLine(Inv($"| {dialect} | {s.Fields} | {s.FallbackUnknownType} | {s.FallbackUnresolvedLink} | {s.DeclaredAny} | {s.SdkTypes} | {s.UnmatchedFallbackDiagnostics} |"));
        }
        sb.AppendLine(Inv($"| **TOTAL** | **{total.Fields}** | **{total.FallbackUnknownType}** | **{total.FallbackUnresolvedLink}** | **{total.DeclaredAny}** | **{total.SdkTypes}** | **{total.UnmatchedFallbackDiagnostics}** |"));
        TopTable(sb, "Unknown type (GM0002), whole corpus", total.UnknownTypes);
        TopTable(sb, "Unresolved link target (GM0003), whole corpus", total.UnresolvedTargets);
        TopTable(sb, "Not on a field (union cases), whole corpus: ID and type / target", total.UnmatchedFallbackTypes, "Cases", total.UnmatchedFallbackExamples);
        TopTable(sb, "SDK-side type (GM0009), whole corpus", total.SdkTypeNames);
    }

    private static void CompileDiagnostics(StringBuilder sb, Stats total, IReadOnlyList<(string Dialect, Stats Stats)> dialects)
    {
        if (total.CompileDiagnosticIds.Count == 0)
        {
            sb.AppendLine("The generated code compiles without errors or warnings.");
            return;
        }
        sb.AppendLine("| ID | Count | Dialects |");
        sb.AppendLine("|---|---:|---|");
        foreach (var (id, count) in total.CompileDiagnosticIds.Top())
        {
            string where = Where(dialects, s => s.CompileDiagnosticIds, id);
            sb.AppendLine(Inv($"| {id} | {count} | {where} |"));
        }
        sb.AppendLine();
        sb.AppendLine("One example each (verbatim; about our generated code):");
        sb.AppendLine();
        CodeBlock(sb, total.CompileDiagnosticIds.Top().Select(p => total.CompileDiagnosticExamples.For(p.Key).FirstOrDefault() ?? p.Key));
    }

    private static void GeneratorDiagnostics(StringBuilder sb, Stats total, IReadOnlyList<(string Dialect, Stats Stats)> dialects)
    {
        var ids = total.GeneratorDiagnostics.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            sb.AppendLine("None.");
            return;
        }
        sb.AppendLine($"| Dialect | {string.Join(" | ", ids)} |");
        sb.AppendLine($"|---|{string.Concat(ids.Select(_ => "---:|"))}");
        foreach (var (dialect, s) in dialects)
        {
            sb.AppendLine($"| {dialect} | {string.Join(" | ", ids.Select(id => s.GeneratorDiagnostics[id].ToString(CultureInfo.InvariantCulture)))} |");
        }
        sb.AppendLine($"| **TOTAL** | {string.Join(" | ", ids.Select(id => "**" + total.GeneratorDiagnostics[id].ToString(CultureInfo.InvariantCulture) + "**"))} |");
    }

    private static IEnumerable<string> CompileIds(RepoResult result, bool error)
        => result.CompileDiagnosticIds.Top()
            .Where(p => (result.CompileDiagnosticExamples.For(p.Key).FirstOrDefault() ?? "").Contains(error ? ": error " : ": warning ", StringComparison.Ordinal))
            .Select(p => Inv($"{p.Key} {p.Value}"));

    private static void TopTable(StringBuilder sb, string title, Counter counter, string unit = "Fields", Examples? examples = null)
    {
        if (counter.Count == 0) return;
        sb.AppendLine();
        sb.AppendLine(Inv($"| {title} | {unit} |") + (examples is null ? "" : " Examples |"));
        sb.AppendLine("|---|---:|" + (examples is null ? "" : "---|"));
        foreach (var (key, count) in counter.Top(TopN))
        {
            sb.AppendLine(Inv($"| {Code(Shorten(key, 120))} | {count} |") + (examples is null ? "" : " " + string.Join("<br>", examples.For(key).Select(Code)) + " |"));
        }
        if (counter.Count > TopN)
        {
            int rest = counter.Total - counter.Top(TopN).Sum(p => p.Value);
            sb.AppendLine(Inv($"| *{counter.Count - TopN} more* | {rest} |") + (examples is null ? "" : " |"));
        }
    }

    /// <summary>The dialects that counted <paramref name="key"/>, most first: <c>oag-go 3, oag-java 1</c>.</summary>
    private static string Where(IReadOnlyList<(string Dialect, Stats Stats)> dialects, Func<Stats, Counter> counter, string key)
        => string.Join(", ", dialects.Where(d => counter(d.Stats)[key] != 0)
            .OrderByDescending(d => counter(d.Stats)[key]).ThenBy(d => d.Dialect, StringComparer.Ordinal)
            .Select(d => Inv($"{d.Dialect} {counter(d.Stats)[key]}")));

    private static void CodeBlock(StringBuilder sb, IEnumerable<string> lines)
    {
        sb.AppendLine("````text");
        foreach (string line in lines) sb.AppendLine(line.ReplaceLineEndings(" "));
        sb.AppendLine("````");
    }

    private static string Plural(int n, string noun) => Inv($"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "…";
}
