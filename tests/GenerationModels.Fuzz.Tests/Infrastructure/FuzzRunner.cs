using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GenerationModels.Fuzz.Tests.Docs;
using GenerationModels.Generator;
using GenerationModels.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenerationModels.Fuzz.Tests.Infrastructure;

/// <summary>MSBuild knobs a batch runs with (they change names and types in the output).</summary>
public sealed record BatchOptions(string Namespace, string? ContextName, bool DecimalNumbers)
{
    public static readonly BatchOptions Default = new("TestModels", null, false);

    public static readonly CsCheck.Gen<BatchOptions> Gen =
        CsCheck.Gen.Select(
            CsCheck.Gen.Frequency((6, "TestModels"), (1, "Acme.Shop.Models"), (1, "Acme.System.Json"), (1, "Models.Pet")),
            CsCheck.Gen.Frequency((6, (string?)null), (1, "Pet"), (1, "JsonContext")),
            CsCheck.Gen.Frequency((4, false), (1, true)),
            (ns, context, decimalNumbers) => new BatchOptions(ns, context, decimalNumbers));

    public override string ToString() => $"namespace {Namespace}, context {ContextName ?? "(default)"}, numbers {(DecimalNumbers ? "decimal" : "double")}";
}

/// <summary>One broken promise, tied to the doc it came from when that is known.</summary>
public sealed record Problem(string? DocPath, string Message)
{
    public override string ToString() => (DocPath is null ? "" : DocPath + ": ") + Message;
}

/// <summary>What one batch run produced and which promises it broke.</summary>
public sealed class BatchResult
{
    public List<Problem> Problems { get; } = new();

    public bool Compiled { get; set; }

    public int Docs { get; set; }

    public int Types { get; set; }

    public int NotASchema { get; set; }

    public int JsonElementMembers { get; set; }

    /// <summary>Time in the generator driver, and in compiling its output.</summary>
    public System.TimeSpan GeneratorTime { get; set; }

    public System.TimeSpan CompileTime { get; set; }

    public long SourceChars { get; set; }

    public long DocChars { get; set; }

    public int JsonElementByDiagnostic { get; set; }

    public int JsonElementDeclaredAny { get; set; }

    public Dictionary<string, int> DiagnosticCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>What the behavioural check executed (well-formed batches only).</summary>
    public BehaviourCounts Behaviour { get; } = new();

    /// <summary>
    /// JsonElement members of docs with no expectation (mutated, random) that no diagnostic names: judged by behaviour
    /// once the batch compiled (<see cref="BehaviourChecker.CheckUnexplainedJsonMembers"/>), not by words of their type cell.
    /// </summary>
    public List<(string Path, SyntaxTree Tree, PropertyDeclarationSyntax Property, string JsonName)> UnexplainedJsonMembers { get; } = new();

    /// <summary>Of those, the members whose value was read into the property and written back unchanged.</summary>
    public int JsonElementByBehaviour { get; set; }
}

/// <summary>
/// Runs the real generator over a batch of docs the way the compiler does (one driver, one compilation), compiles
/// its output, and checks the promises that hold for any input:
/// <list type="number">
/// <item>the driver never throws and reports no generator exception (CS8785) or other non-GM diagnostic;</item>
/// <item>every GM diagnostic points into a doc of the batch, at a line the doc has;</item>
/// <item>every doc either yields generated source or is reported as not a schema (GM0004), unreadable (GM0008) or an alias
/// that needs no type (GM0013), never both;</item>
/// <item>the output compiles with no errors and no warnings (documentation diagnostics on);</item>
/// <item>every member typed JsonElement is explained: a GM0002/GM0003/GM0009 diagnostic names it, or its type cell names an
/// "any" type (see <see cref="AnySpelling"/>; well-formed docs), or, in a doc with no expectation (mutated, random), it keeps any
/// JSON value read into it and writes it back (<see cref="BehaviourChecker.CheckUnexplainedJsonMembers"/>);</item>
/// <item>for well-formed docs, the generated type has exactly the members, types, requiredness and nullability the doc gives.</item>
/// </list>
/// </summary>
public static class FuzzRunner
{
    private static readonly Lazy<CSharpCompilation> Base = new(() => GeneratorHarness.CreateCompilation());

    public static BatchResult Run(IReadOnlyList<FuzzDoc> docs, BatchOptions options, bool compile, CancellationToken cancellationToken = default)
    {
        var result = new BatchResult { Docs = docs.Count, Compiled = compile, DocChars = docs.Sum(d => (long)d.Text.Length) };
        var byPath = docs.ToDictionary(d => GeneratorHarness.DocPath(d.RelativePath), StringComparer.Ordinal);
        var texts = docs.Select(d => (AdditionalText)new InMemoryAdditionalText(GeneratorHarness.DocPath(d.RelativePath), d.Text)).ToList();
        var properties = new Dictionary<string, string>
        {
            ["RootNamespace"] = options.Namespace,
            ["MSBuildProjectDirectory"] = GeneratorHarness.ProjectDirectory,
        };
        if (options.ContextName is not null) properties["GenerationModelsContextName"] = options.ContextName;
        if (options.DecimalNumbers) properties["GenerationModelsNumberType"] = "decimal";

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new GenerationModelsGenerator().AsSourceGenerator() },
            texts,
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(properties, _ => true),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

        Compilation output;
        ImmutableArray<Diagnostic> diagnostics;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(Base.Value, out output, out diagnostics, cancellationToken);
            result.GeneratorTime = clock.Elapsed;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            result.Problems.Add(new Problem(null, "the generator driver threw: " + exception));
            return result;
        }
        var run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null) result.Problems.Add(new Problem(null, "the generator threw: " + run.Exception));

        // Generator diagnostics: only GM ids, each in a doc of the batch, at a line it has.
        var diagnosticsByDoc = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        var lineCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Id.StartsWith("GM", StringComparison.Ordinal))
            {
                result.Problems.Add(new Problem(null, $"non-GM generator diagnostic {diagnostic}"));
                continue;
            }
            result.DiagnosticCounts[diagnostic.Id] = result.DiagnosticCounts.GetValueOrDefault(diagnostic.Id) + 1;
            var span = diagnostic.Location.GetLineSpan();
            if (!byPath.TryGetValue(span.Path ?? "", out var doc))
            {
                result.Problems.Add(new Problem(null, $"{diagnostic.Id} does not point at a doc of the batch: '{span.Path}'"));
                continue;
            }
            if (!lineCounts.TryGetValue(span.Path!, out int lines)) lineCounts[span.Path!] = lines = LineCount(doc.Text);
            if (span.StartLinePosition.Line < 0 || span.StartLinePosition.Line > lines)
            {
                result.Problems.Add(new Problem(span.Path, $"{diagnostic.Id} points at line {span.StartLinePosition.Line + 1}, but the doc has {lines} lines"));
            }
            string message;
            try
            {
                message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception exception)
            {
                result.Problems.Add(new Problem(span.Path, $"{diagnostic.Id} message cannot be formatted: {exception.Message}"));
                continue;
            }
            if (message.Length == 0) result.Problems.Add(new Problem(span.Path, $"{diagnostic.Id} has an empty message"));
            (diagnosticsByDoc.TryGetValue(span.Path!, out var list) ? list : diagnosticsByDoc[span.Path!] = new List<Diagnostic>()).Add(diagnostic);
        }

        // Which generated tree came from which doc (the header comment names the doc's path).
        var treesByDoc = new Dictionary<string, List<SyntaxTree>>(StringComparer.Ordinal);
        var docOfTree = new Dictionary<SyntaxTree, string>();
        foreach (var source in run.GeneratedSources)
        {
            string text = source.SourceText.ToString();
            // A batch is at most 256 docs (FuzzSettings), so each model has a file of its own naming one doc.
            var named = GeneratedDocs.Of(text);
            if (named.Count == 0) continue; // the serializer context
            if (named.Count > 1) throw new InvalidOperationException($"generated source {source.HintName} holds {named.Count} models: the per-doc checks need a file per model");
            string relative = named[0].Doc;
            string path = GeneratorHarness.ProjectDirectory + "/" + relative;
            if (!byPath.ContainsKey(path))
            {
                result.Problems.Add(new Problem(null, $"generated source {source.HintName} names an unknown doc '{relative}'"));
                continue;
            }
            (treesByDoc.TryGetValue(path, out var list) ? list : treesByDoc[path] = new List<SyntaxTree>()).Add(source.SyntaxTree);
            docOfTree[source.SyntaxTree] = path;
        }

        var aliases = AliasNames(diagnosticsByDoc);
        foreach (var (path, doc) in byPath)
        {
            bool emitted = treesByDoc.TryGetValue(path, out var trees) && trees.Count > 0;
            var docDiagnostics = diagnosticsByDoc.GetValueOrDefault(path) ?? new List<Diagnostic>();
            bool notASchema = docDiagnostics.Any(d => d.Id is "GM0004" or "GM0008" or "GM0013");
            if (emitted) result.Types++;
            if (notASchema) result.NotASchema++;
            if (!emitted && !notASchema) result.Problems.Add(new Problem(path, "no type was generated and no GM0004/GM0008/GM0013 says why"));
            if (emitted && notASchema) result.Problems.Add(new Problem(path, "a type was generated although GM0004/GM0008/GM0013 says the doc has none"));
            if (trees is { Count: > 1 }) result.Problems.Add(new Problem(path, $"{trees.Count} sources were generated from one doc"));
            if (emitted) CheckJsonElementMembers(doc, path, trees!, docDiagnostics, aliases, result, judgeByBehaviour: compile && doc.Expected is null);
        }

        result.SourceChars = run.GeneratedSources.Sum(s => (long)s.SourceText.Length);
        if (!compile) return result;

        clock.Restart();
        var compileProblems = output.GetDiagnostics(cancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        result.CompileTime = clock.Elapsed;
        foreach (var problem in compileProblems.Take(50))
        {
            string? path = problem.Location.SourceTree is { } tree && docOfTree.TryGetValue(tree, out var p) ? p : null;
            result.Problems.Add(new Problem(path, "generated code does not compile cleanly: " + problem));
        }
        if (compileProblems.Count > 0) return result;

        // JsonElement members of mutated and random docs that no diagnostic names: their JSON must be kept.
        if (result.UnexplainedJsonMembers.Count > 0) BehaviourChecker.CheckUnexplainedJsonMembers(result.UnexplainedJsonMembers, output, result);

        foreach (var (path, doc) in byPath)
        {
            if (doc.Expected is null) continue;
            ExpectationChecker.Check(doc, path, options, output, treesByDoc.GetValueOrDefault(path) ?? new List<SyntaxTree>(), docOfTree, diagnosticsByDoc.GetValueOrDefault(path) ?? new List<Diagnostic>(), result.Problems);
        }
        if (result.Problems.Count > 0) return result;

        // Run what was compiled: every well-formed model, enum and union, through its generated converter.
        var exercised = byPath
            .Where(p => p.Value.Expected is not null && treesByDoc.TryGetValue(p.Key, out var t) && t.Count == 1)
            .Select(p => (Path: p.Key, Doc: p.Value, Type: BehaviourChecker.TopLevelType(output, treesByDoc[p.Key][0])))
            .Where(p => p.Type is not null)
            .Select(p => (p.Path, p.Doc, p.Type!));
        BehaviourChecker.Check(exercised, output, result.Behaviour, result.Problems, options.DecimalNumbers);
        return result;
    }

    /// <summary>Lines as the generator's scanner counts them: LF, CRLF and a lone CR each end one.</summary>
    private static int LineCount(string text)
    {
        int lines = 1;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                lines++;
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
        }
        return lines;
    }

    /// <summary>Every JsonElement member is reported (GM0002/GM0003/GM0009, naming it) or typed so by the doc itself.</summary>
    /// <summary>
    /// The docs of the batch that are aliases (GM0013), by path and by schema name ("Schema 'X' is …"): a link to one
    /// has the type the alias stands for, any JSON included.
    /// </summary>
    private static HashSet<string> AliasNames(Dictionary<string, List<Diagnostic>> diagnosticsByDoc)
    {
        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (docPath, list) in diagnosticsByDoc)
        {
            foreach (var diagnostic in list.Where(d => d.Id == "GM0013"))
            {
                aliases.Add(Generator.Resolution.PathUtil.Normalize(docPath));
                string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                int end = message.IndexOf("' is ", StringComparison.Ordinal);
                if (message.StartsWith("Schema '", StringComparison.Ordinal) && end > 8) aliases.Add(message.Substring(8, end - 8));
            }
        }
        return aliases;
    }

    /// <summary>What a type links to, at any depth: each reference's name and, when it has one, its target's path.</summary>
    private static IEnumerable<string> References(Generator.Model.TypeRef? type, string fromPath)
    {
        for (; type is not null; type = type.Element)
        {
            if (type.Kind != Generator.Model.TypeKind.Reference) continue;
            if (type.Name is { } name) yield return name;
            if (type.Target is { Length: > 0 } target) yield return Generator.Resolution.PathUtil.Combine(Generator.Resolution.PathUtil.Directory(fromPath), target);
        }
    }

    private static void CheckJsonElementMembers(FuzzDoc doc, string path, List<SyntaxTree> trees, List<Diagnostic> diagnostics, HashSet<string> aliases, BatchResult result, bool judgeByBehaviour)
    {
        List<Generator.Model.SchemaField>? fields = null;
        string? validText = null;
        List<string>? explaining = null;
        foreach (var tree in trees)
        {
            foreach (var property in tree.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>())
            {
                string? jsonName = JsonName(property);
                if (jsonName is null || !property.Type.ToString().Contains("JsonElement", StringComparison.Ordinal)) continue;
                result.JsonElementMembers++;
                string quoted = "'" + jsonName + "'";
                explaining ??= diagnostics.Where(d => d.Id is "GM0002" or "GM0003" or "GM0009").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
                if (explaining.Any(message => message.Contains(quoted, StringComparison.Ordinal)))
                {
                    result.JsonElementByDiagnostic++;
                    continue;
                }
                // No diagnostic names the member. A doc with no expectation (mutated, random) in a compiled batch is judged
                // by behaviour: any JSON value read into the member is kept there and written back.
                if (judgeByBehaviour)
                {
                    result.UnexplainedJsonMembers.Add((path, tree, property, jsonName));
                    continue;
                }
                // A well-formed doc (its types are also checked exactly) or a batch not compiled: the doc must spell the type as "any JSON".
                if (fields is null)
                {
                    validText = ValidUtf16(doc.Text);
                    var parsed = Generator.Parsing.DocumentParser.Parse(path, doc.Text, CancellationToken.None);
                    fields = parsed.Model is null ? new List<Generator.Model.SchemaField>() : AllFields(parsed.Model).ToList();
                }
                var candidates = fields.Where(f => f.JsonName == jsonName).ToList();
                if (candidates.Count == 0)
                {
                    result.Problems.Add(new Problem(path, $"member '{jsonName}' is a JsonElement, and the doc has no field of that name"));
                    continue;
                }
                var cells = candidates.Select(f => CellAt(validText!, f.Location)).ToList();
                // A link to an alias (a top-level list of any JSON) has the alias's element type.
                if (cells.Any(cell => AnySpelling.Matches(cell, doc.Text)) || candidates.Any(f => References(f.Type, path).Any(aliases.Contains)))
                {
                    result.JsonElementDeclaredAny++;
                    continue;
                }
                result.Problems.Add(new Problem(path, $"member '{Show(jsonName)}' is a JsonElement with no GM0002/GM0003/GM0009, and its type cell '{Show(cells[0])}' names no 'any' type"));
            }
        }
    }

    internal static string? JsonName(PropertyDeclarationSyntax property)
    {
        foreach (var attribute in property.AttributeLists.SelectMany(l => l.Attributes))
        {
            if (!attribute.Name.ToString().EndsWith("JsonPropertyName", StringComparison.Ordinal)) continue;
            if (attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal) return literal.Token.ValueText;
        }
        return null;
    }

    private static IEnumerable<Generator.Model.SchemaField> AllFields(Generator.Model.SchemaType type)
        => type.Fields.Concat(type.Nested.SelectMany(AllFields));

    private static string CellAt(string text, Generator.Model.SourceSpan span)
    {
        int start = Math.Clamp(span.Start, 0, text.Length);
        int length = Math.Clamp(span.Length, 0, text.Length - start);
        // A cell with escaped pipes is longer in the source than its text: widen to the end of the line.
        int lineEnd = text.IndexOfAny(new[] { '\n', '\r' }, start);
        if (lineEnd < 0) lineEnd = text.Length;
        return text.Substring(start, Math.Max(length, Math.Min(lineEnd - start, length + 16)));
    }

    private static string ValidUtf16(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>Text for a failure message: escaped, and cut when huge.</summary>
    public static string Show(string text)
    {
        string literal = SymbolDisplay.FormatLiteral(text.Length > 300 ? text.Substring(0, 300) + "…" : text, quote: false);
        return literal;
    }
}

/// <summary>
/// The type spellings the README documents as "any JSON" (<c>*any*</c>, the python any-type list) and the ones the
/// readers treat so by design: <c>object</c>/<c>Object</c>, <c>interface{}</c>, <c>unknown</c>, <c>mixed</c>,
/// <c>Value</c>, <c>JsonElement</c>/<c>JsonNode</c>, <c>dynamic</c>, inline <c>Union[…]</c>, python <c>dict</c>/<c>list</c>
/// without item types, <c>None</c> alone, and frozendict keys that link to an <c>anyOf</c>/<c>oneOf</c> sub-section.
/// Matched on whole words of the raw type cell.
/// </summary>
public static class AnySpelling
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "any", "object", "mixed", "unknown", "interface", "value", "jsonelement", "jsonnode", "dynamic", "anytype", "union",
        "dict", "frozendict", "list", "tuple", "none", "none_type",
    };

    public static bool Matches(string cell, string docText)
    {
        var word = new System.Text.StringBuilder();
        foreach (char c in cell + " ")
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word.Append(c);
                continue;
            }
            // Go's Nullable prefix wraps a type in the same word (NullableUnion[…] is Nullable + Union[…]).
            string w = word.ToString();
            if (w.StartsWith("Nullable", StringComparison.Ordinal) && w.Length > 8) w = w.Substring(8);
            if (w.Length > 0 && Words.Contains(w)) return true;
            word.Clear();
        }
        // frozendict: a key linked to a '# name' section that is an anyOf/oneOf (kept as JSON until such unions are modelled).
        return cell.Contains("](#", StringComparison.Ordinal) || docText.Contains("anyOf", StringComparison.Ordinal) || docText.Contains("oneOf", StringComparison.Ordinal) || docText.Contains("allOf", StringComparison.Ordinal);
    }
}
