using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Parsing;
using GenerationModels.Harness;
using Microsoft.CodeAnalysis;

namespace CorpusReport;

/// <summary>Runs the real generator over one repo folder (one compilation), compiles its output and classifies every doc.</summary>
internal static class RepoAnalyzer
{
    private const int ListedCompileMessages = 5;

    /// <summary>Order of the document kinds as the generator's enum declares them (for stable report columns).</summary>
    public static readonly ConcurrentDictionary<string, int> KindOrder = new(StringComparer.Ordinal);

    public static RepoResult Analyze(string corpusRoot, string dialect, string repo, IReadOnlyList<string> files)
    {
        var result = new RepoResult(dialect, repo);
        string repoDirectory = Path.Combine(corpusRoot, dialect, repo);
        var docs = new List<(string Path, string Relative, string Text)>(files.Count);
        foreach (string file in files)
        {
            docs.Add((file, Relative(corpusRoot, file), File.ReadAllText(file)));
        }
        result.Docs = docs.Count;

        // 1. The real generator, as one compilation.
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RootNamespace"] = "Corpus." + SanitizeNamespace(dialect + "-" + repo),
            ["MSBuildProjectDirectory"] = repoDirectory,
        };
        // Doc comments of the output not checked (as a project without GenerateDocumentationFile builds), as this report always ran.
        var harness = new GeneratorHarness(properties) { GeneratorParseOptions = GeneratorHarness.DefaultParseOptions, TrackSteps = false };
        var additionalTexts = docs.Select(d => (AdditionalText)new InMemoryAdditionalText(d.Path, d.Text)).ToImmutableArray();
        var compilation = GeneratorHarness.CreateCompilation("Corpus", Array.Empty<SyntaxTree>());
        var driver = GeneratorHarness.TimedRun(harness.CreateDriver(additionalTexts), compilation, out var timing, out var output, out var generatorDiagnostics);
        result.GeneratorMs = timing.GeneratorMs;
        var run = driver.GetRunResult().Results.Single();
        result.GeneratedFiles = run.GeneratedSources.Length;
        if (run.Exception is not null)
        {
            result.GeneratorExceptions++;
            result.Exceptions.Add("generator: " + Describe(run.Exception));
        }

        var allGeneratorDiagnostics = generatorDiagnostics;
        foreach (var diagnostic in allGeneratorDiagnostics) result.GeneratorDiagnostics.Add(diagnostic.Id);

        // Compile the generated code (the generator's own diagnostics are not part of this).
        var stopwatch = Stopwatch.StartNew();
        foreach (var diagnostic in output.GetDiagnostics())
        {
            if (diagnostic.IsSuppressed || diagnostic.Severity < DiagnosticSeverity.Warning) continue;
            string message = diagnostic.ToString();
            result.CompileDiagnosticIds.Add(diagnostic.Id);
            result.CompileDiagnosticExamples.Add(diagnostic.Id, message);
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                result.CompileErrors++;
                if (result.FirstErrors.Count < ListedCompileMessages) result.FirstErrors.Add(message);
            }
            else
            {
                result.CompileWarnings++;
                if (result.FirstWarnings.Count < ListedCompileMessages) result.FirstWarnings.Add(message);
            }
        }
        result.CompileMs = stopwatch.Elapsed.TotalMilliseconds;

        // GM0002/GM0003 (and GM0009, SDK-side types) are reported per field, at the field's row, with the field's JSON
        // name as first argument: index them by doc path, then match them to the parsed fields.
        var fieldDiagnostics = allGeneratorDiagnostics
            .Where(d => d.Id is DiagnosticDescriptors.UnknownTypeId or DiagnosticDescriptors.UnresolvedLinkId or SdkTypeId)
            .Select(d => (Path: d.Location.GetLineSpan().Path, Info: new FieldDiagnostic(d.Id, d.Location.GetLineSpan().StartLinePosition.Line, Arguments(d))))
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Info).ToList(), StringComparer.Ordinal);

        // 2./3. Classify every doc with the generator's own parser and count its fields.
        foreach (var doc in docs)
        {
            ParsedDocument parsed;
            try
            {
                parsed = DocumentParser.Parse(doc.Path, doc.Text, CancellationToken.None);
            }
            catch (Exception exception)
            {
                result.ParserExceptions++;
                result.Kinds.Add("(parser exception)");
                result.Exceptions.Add($"parser on {doc.Relative}: {Describe(exception)}");
                continue;
            }

            var (kind, order) = KindOf(parsed.Shape);
            KindOrder.TryAdd(kind, order);
            result.Kinds.Add(kind);
            result.Readers.Add(parsed.Dialect);

            var notASchema = parsed.Diagnostics.FirstOrDefault(d => d.DescriptorId == DiagnosticDescriptors.NotASchemaId);
            if (notASchema is not null)
            {
                result.Skipped++;
                string reason = ShortReason(notASchema.Arguments.Count > 0 ? notASchema.Arguments[0] : "(no reason given)");
                result.SkipReasons.Add(reason);
                result.SkipExamples.Add(reason, doc.Relative);
            }

            fieldDiagnostics.TryGetValue(doc.Path, out var pending);
            if (parsed.Model is not null) CountFields(parsed.Model, pending, result);
            // What is left was reported on something other than a field, e.g. a union case (first argument: the union's name).
            foreach (var diagnostic in pending ?? new List<FieldDiagnostic>())
            {
                if (diagnostic.Id == SdkTypeId) continue;
                result.UnmatchedFallbackDiagnostics++;
                string? argument = diagnostic.Argument(1);
                string key = diagnostic.Id + " " + (argument is null ? "(unreadable)" : argument.Trim().Length == 0 ? "(empty type text)" : argument);
                result.UnmatchedFallbackTypes.Add(key);
                if (!result.UnmatchedFallbackExamples.For(key).Contains(doc.Relative)) result.UnmatchedFallbackExamples.Add(key, doc.Relative);
            }
        }
        return result;
    }

    private static void CountFields(SchemaType type, List<FieldDiagnostic>? pending, RepoResult result)
    {
        foreach (var field in type.Fields)
        {
            result.Fields++;
            if (IsDeclaredAny(field.Type)) result.DeclaredAny++;
            if (pending is null || pending.Count == 0) continue;
            if (Take(pending, DiagnosticDescriptors.UnknownTypeId, field) is { } unknownType)
            {
                result.FallbackUnknownType++;
                result.UnknownTypes.Add(unknownType.Argument(1) ?? "(unreadable)");
            }
            else if (Take(pending, DiagnosticDescriptors.UnresolvedLinkId, field) is { } unresolved)
            {
                result.FallbackUnresolvedLink++;
                result.UnresolvedTargets.Add(unresolved.Argument(1) ?? "(unreadable)");
            }
            else if (Take(pending, SdkTypeId, field) is { } sdkType)
            {
                result.SdkTypes++;
                result.SdkTypeNames.Add(sdkType.Argument(1) ?? "(unreadable)");
            }
        }
        foreach (var nested in type.Nested) CountFields(nested, pending, result);
    }

    private static bool IsDeclaredAny(TypeRef? type)
    {
        for (; type is not null; type = type.Element)
        {
            if (type.Kind == GenerationModels.Generator.Model.TypeKind.Any) return true;
        }
        return false;
    }

    /// <summary>GM0009: a field typed with an SDK-side type (HTTP response objects); a JsonElement by design, not a fallback.</summary>
    private const string SdkTypeId = "GM0009";

    /// <summary>A per-field generator diagnostic: ID, zero-based line and its message arguments (null when unreadable).</summary>
    private sealed record FieldDiagnostic(string Id, int Line, string[]? Arguments)
    {
        public string? Argument(int index) => Arguments is not null && index < Arguments.Length ? Arguments[index] : null;
    }

    /// <summary>Finds (and consumes) the diagnostic <paramref name="id"/> reported at <paramref name="field"/>'s row for its JSON name.</summary>
    private static FieldDiagnostic? Take(List<FieldDiagnostic> pending, string id, SchemaField field)
    {
        for (int i = 0; i < pending.Count; i++)
        {
            var diagnostic = pending[i];
            if (diagnostic.Id != id || diagnostic.Line != field.Location.Line || diagnostic.Argument(0) != field.JsonName) continue;
            pending.RemoveAt(i);
            return diagnostic;
        }
        return null;
    }

    private static readonly ConcurrentDictionary<string, Regex?> MessagePatterns = new(StringComparer.Ordinal);

    /// <summary>
    /// A diagnostic's arguments, read back from its message with the descriptor's own format (Roslyn does not expose them):
    /// <c>Field '{0}' has type '{1}', …</c> becomes <c>^Field '(.*)' has type '(.*)', …$</c>.
    /// </summary>
    private static string[]? Arguments(Diagnostic diagnostic)
    {
        var pattern = MessagePatterns.GetOrAdd(diagnostic.Id, id =>
        {
            if (!DiagnosticDescriptors.ById.TryGetValue(id, out var descriptor)) return null;
            string format = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var regex = new StringBuilder("^");
            int last = 0;
            foreach (Match hole in Regex.Matches(format, @"\{(\d+)\}"))
            {
                regex.Append(Regex.Escape(format.Substring(last, hole.Index - last)));
                regex.Append("(?<a").Append(hole.Groups[1].Value).Append(">.*)");
                last = hole.Index + hole.Length;
            }
            regex.Append(Regex.Escape(format.Substring(last))).Append('$');
            return new Regex(regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
        });
        if (pattern is null) return null;
        var match = pattern.Match(diagnostic.GetMessage(CultureInfo.InvariantCulture));
        if (!match.Success) return null;
        var arguments = new List<string>();
        for (int n = 0; match.Groups["a" + n.ToString(CultureInfo.InvariantCulture)] is { Success: true } group; n++) arguments.Add(group.Value);
        return arguments.ToArray();
    }

    /// <summary>A skip reason cut at its first ':' or after 80 characters, so similar reasons group together.</summary>
    internal static string ShortReason(string reason)
    {
        int colon = reason.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) reason = reason.Substring(0, colon);
        if (reason.Length > 80) reason = reason.Substring(0, 80) + "…";
        return reason.Trim();
    }

    /// <summary>
    /// The report's kind of a parsed doc (the columns of the committed reports and baseline): a schema's shape, with
    /// objects and opaque types counted as models, or NotASchema when no schema was read.
    /// </summary>
    private static (string Kind, int Order) KindOf(SchemaShape? shape) => shape switch
    {
        null => ("NotASchema", 3),
        SchemaShape.Enum => ("Enum", 1),
        SchemaShape.Union => ("Union", 2),
        SchemaShape.Alias => ("Alias", 4),
        _ => ("Model", 0),
    };

    private static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        text.Append(exception.GetType().FullName).Append(": ").Append(exception.Message.ReplaceLineEndings(" "));
        var frames = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4);
        foreach (string frame in frames) text.Append(" | ").Append(frame);
        if (exception.InnerException is not null) text.Append(" ---> ").Append(Describe(exception.InnerException));
        return text.ToString();
    }

    public static string Relative(string corpusRoot, string path) => Path.GetRelativePath(corpusRoot, path).Replace('\\', '/');

    /// <summary><c>speakeasy-typescript</c> + <c>dubinc+dub-ts</c> → <c>SpeakeasyTypescriptDubincDubTs</c>.</summary>
    internal static string SanitizeNamespace(string name)
    {
        var text = new StringBuilder();
        bool upper = true;
        foreach (char c in name)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                text.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        if (text.Length == 0 || char.IsDigit(text[0])) text.Insert(0, 'N');
        return text.ToString();
    }
}
