using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using GenerationModels.Harness;
using GenerationModels.Fuzz.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Fuzz.Tests;

/// <summary>
/// Property-based fuzzing of the OpenAPI input: specs generated in JSON and YAML (OpenAPI 3.0, 3.1, Swagger 2.0) with
/// refs (dangling, cyclic, cross-file), unions, allOf, inline objects, odd names, then mutated as text. Oracle per
/// batch: the generator never throws, the output compiles with no errors or warnings, and every spec file either
/// generated a type or carries a GM diagnostic located in it. <c>GENERATIONMODELS_FUZZ_SPECS</c> sets the number of
/// specs (1,000 by default; docs/robustness.md).
/// </summary>
public sealed class SpecFuzzTests
{
    private const int BatchSize = 25;

    private static int SpecCount
        => int.TryParse(Environment.GetEnvironmentVariable("GENERATIONMODELS_FUZZ_SPECS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 1_000;

    private static readonly string[] Names = { "Pet", "pet", "Order", "class", "1st", "my-name", "a.b", "Ünïcode", "", "x y", "Pet~1", "a/b", "__", "event", "GenerationModelsJsonContext", "ToString", "Pet\u202E", "zero\u200Bwidth" };

    private static readonly string[] Hostile = { ":", "- ", "{", "}", "[", "]", "'", "\"", "\t", "\n", "\r", "&a ", "*a", "#", "\\", "\u202E", "\0", "\uFEFF", "\uD800", "$ref: ", "type: ", "null", "~", "<<: ", "!!binary ", "---\n", "...\n", "%YAML 1.2\n", "\\u0000", "1e999", "-", "," };

    private static readonly Gen<string> Name = Gen.OneOf(Gen.OneOf(Names), Gen.String[Gen.Char["a-zA-Z0-9_-"], 1, 12]);

    private static readonly Gen<string> Format = Gen.OneOf("date-time", "date", "uuid", "int32", "int64", "float", "double", "decimal", "byte", "binary", "weird");

    /// <summary>A schema as a JSON value (YAML accepts JSON), nested up to <paramref name="depth"/>.</summary>
    private static Gen<string> Schema(int depth, string[] names)
    {
        var leaf = Gen.OneOf(
            Gen.Select(Gen.OneOf("string", "integer", "number", "boolean", "object", "array", "null", "wat"), Format, Gen.Bool, (t, f, n) => $"{{\"type\": \"{t}\", \"format\": \"{f}\"{(n ? ", \"nullable\": true" : "")}}}"),
            Gen.Select(Gen.OneOf(names), Gen.Int[0, 3], (n, kind) => kind switch
            {
                0 => $"{{\"$ref\": \"#/components/schemas/{Escape(n)}\"}}",
                1 => $"{{\"$ref\": \"other.yaml#/components/schemas/{Escape(n)}\"}}",
                2 => $"{{\"$ref\": \"#/definitions/{Escape(n)}\"}}",
                _ => "{\"$ref\": \"#/nowhere/at/all\"}",
            }),
            Gen.Select(Gen.OneOf(names).Array[0, 4], values => $"{{\"enum\": [{string.Join(", ", values.Select(v => $"\"{Escape(v)}\"").Concat(new[] { "null", "1", "[2]", "{}" }))}]}}"),
            Gen.Const("{\"type\": [\"string\", \"null\"]}"),
            Gen.Const("true"),
            Gen.Const("{}"));
        if (depth <= 0) return leaf;
        var inner = Schema(depth - 1, names);
        return Gen.Frequency(
            (4, leaf),
            (2, Gen.Select(Name.Array[0, 5], inner.Array[5], Name.Array[0, 3], (keys, values, required) =>
                $"{{\"type\": \"object\", \"required\": [{string.Join(", ", required.Select(r => $"\"{Escape(r)}\""))}], \"properties\": {{{string.Join(", ", keys.Select((k, i) => $"\"{Escape(k)}\": {values[i]}"))}}}, \"additionalProperties\": {values[0]}}}")),
            (1, Gen.Select(inner, v => $"{{\"type\": \"array\", \"items\": {v}}}")),
            (1, Gen.Select(inner, v => $"{{\"type\": \"object\", \"additionalProperties\": {v}}}")),
            (1, Gen.Select(Gen.OneOf("oneOf", "anyOf", "allOf"), inner.Array[1, 4], Name, Gen.Bool, (kw, parts, prop, disc) =>
                $"{{\"{kw}\": [{string.Join(", ", parts)}]{(disc ? $", \"discriminator\": {{\"propertyName\": \"{Escape(prop)}\", \"mapping\": {{\"x\": \"#/components/schemas/{Escape(prop)}\"}}}}" : "")}, \"deprecated\": true}}")));
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>One spec file: name and text, well formed or mutated, and its schema names when it is not mutated (a union's marked with a leading U+0001).</summary>
    private static readonly Gen<(string File, string Text, string[]? Schemas)> Spec =
        Gen.Select(Name.Array[1, 6], Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 1_000_000], (names, version, yaml, seed) => (names, version, yaml, seed))
            .SelectMany(t => Schema(2, t.names).Array[t.names.Length].Select(schemas => (t, schemas)))
            .SelectMany(p => Gen.Frequency((5, Gen.Const(0)), (3, Gen.Const(1)), (2, Gen.Int[2, 4])).Select(mutations => (p.t, p.schemas, mutations)))
            .SelectMany(p => Gen.Select(Gen.Int[0, int.MaxValue].Array[8], Gen.OneOf(Hostile).Array[8], (positions, inserts) =>
            {
                var (names, version, yaml, seed) = p.t;
                string text = Render(names, p.schemas, version, yaml);
                for (int m = 0; m < p.mutations; m++) text = Mutate(text, positions[m], positions[m + 4], inserts[m]);
                return ($"spec{seed.ToString(CultureInfo.InvariantCulture)}.{(yaml ? "yaml" : "json")}", text, p.mutations == 0 && names.Distinct(StringComparer.Ordinal).Count() == names.Length ? names.Select((n, i) => IsUnion(p.schemas[i]) ? "\u0001" + n : n).ToArray() : null);
            }));

    /// <summary>The spec as JSON, or as block-style YAML whose schemas are JSON flow values (YAML accepts those).</summary>
    private static string Render(string[] names, string[] schemas, int version, bool yaml)
    {
        string versionKey = version == 2 ? "swagger" : "openapi";
        string versionValue = version switch { 0 => "3.0.3", 1 => "3.1.0", _ => "2.0" };
        var members = names.Select((n, i) => (Key: "\"" + Escape(n) + "\"", Value: schemas[i])).ToArray();
        if (!yaml)
        {
            string body = string.Join(",\n    ", members.Select(m => m.Key + ": " + m.Value));
            return version == 2
                ? $"{{\"{versionKey}\": \"{versionValue}\", \"definitions\": {{\n    {body}}}}}"
                : $"{{\"{versionKey}\": \"{versionValue}\", \"components\": {{\"schemas\": {{\n    {body}}}}}}}";
        }
        var sb = new StringBuilder().Append(versionKey).Append(": \"").Append(versionValue).Append("\"\n");
        sb.Append(version == 2 ? "definitions:\n" : "components:\n  schemas:\n");
        string indent = version == 2 ? "  " : "    ";
        foreach (var (key, value) in members) sb.Append(indent).Append(key).Append(": ").Append(value).Append('\n');
        return sb.ToString();
    }

    private static string Mutate(string text, int a, int b, string insert)
    {
        if (text.Length == 0) return insert;
        int start = a % text.Length;
        int length = Math.Min(b % 8, text.Length - start);
        return (b % 3) switch
        {
            0 => text.Remove(start, length).Insert(start, insert), // replace a few chars
            1 => text.Substring(0, start), // truncate
            _ => text.Insert(start, text.Substring(start, length)), // duplicate a run
        };
    }

    [Fact]
    public void Generated_and_mutated_specs_never_break_the_generator_or_the_build()
    {
        int batches = (SpecCount + BatchSize - 1) / BatchSize;
        int specs = 0, types = 0, explained = 0, schemasJudged = 0, schemasByType = 0, schemasByDiagnostic = 0;
        var ids = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Spec.Array[BatchSize].Sample("specs", batch =>
        {
            // Distinct paths per batch; the same file name twice would be one file.
            var files = batch.Select((s, i) => ($"api/{i}/{s.File}", s.Text)).ToArray();
            var schemas = batch.Select(s => s.Schemas).ToArray();
            var run = new GeneratorHarness().Run(files);
            if (run.Result.Exception is not null)
            {
                // Isolate the spec that makes it throw, and show it with its control characters escaped.
                var culprit = files.FirstOrDefault(f => new GeneratorHarness().Run(new[] { f }).Result.Exception is not null);
                throw new InvalidOperationException($"generator threw on {culprit.Item1}: {Visible(culprit.Item2)}\n{run.Result.Exception}");
            }
            var problems = run.CompilationProblems;
            if (problems.Length > 0) throw new InvalidOperationException("generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(10)) + "\n" + Dump(files));
            for (int f = 0; f < files.Length; f++)
            {
                var (path, text) = files[f];
                string full = GeneratorHarness.DocPath(path);
                bool generated = run.Result.GeneratedSources.Any(s => s.SourceText.ToString().Contains("from Schemas/" + path + ".", StringComparison.Ordinal));
                bool diagnosed = run.GeneratorDiagnostics.Any(d => d.Location.GetLineSpan().Path == full);
                if (!generated && !diagnosed) throw new InvalidOperationException($"{path} generated nothing and says nothing:\n{text}");
                if (!generated) explained++;
                if (schemas[f] is { } names) JudgeSchemas(run, path, text, names, ref schemasJudged, ref schemasByType, ref schemasByDiagnostic);
            }
            specs += files.Length;
            types += run.Output.SyntaxTrees.Count() - 2;
            foreach (var d in run.GeneratorDiagnostics) ids[d.Id] = ids.TryGetValue(d.Id, out int c) ? c + 1 : 1;
        }, iter: batches, threads: 1, print: batch => Dump(batch.Select((s, i) => ($"api/{i}/{s.File}", s.Text)).ToArray()), shrinkIterations: 0);

        Assert.True(specs >= SpecCount, $"only {specs} of {SpecCount} specs were run");
        Assert.True(schemasJudged > 0 && schemasByType > 0, $"no schema was judged on its own ({schemasJudged} judged, {schemasByType} by their type)");
        string line = string.Create(CultureInfo.InvariantCulture,
            $"specs ({Infrastructure.Seeded.Describe}): {specs:N0} specs in {batches:N0} compiled batches, {types:N0} types generated, {explained:N0} specs that generated nothing (each explained by a diagnostic); "
            + $"{schemasJudged:N0} schemas of unmutated specs judged one by one ({schemasByType:N0} by their generated type, {schemasByDiagnostic:N0} by a diagnostic naming them); diagnostics: {string.Join(", ", ids.Select(p => $"{p.Key} {p.Value:N0}"))}");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Infrastructure.FuzzSettings.ReportFile is { } file) System.IO.File.AppendAllText(file, DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) + " " + line + Environment.NewLine);
    }

    /// <summary>
    /// Per schema, for a spec that was not mutated: each schema under components/definitions yields a type whose summary
    /// names it (<c>The 'Name' schema|enum|union</c>) or a GM diagnostic in the spec naming it (<c>'Name'</c>). Names
    /// the doc comment must escape or drop (non-ASCII, &amp;, &lt;, &gt;, controls) are matched by diagnostic only, or
    /// counted as judged by type when the file has a type and no diagnostic names them.
    /// </summary>
    private static void JudgeSchemas(GeneratorRun run, string path, string text, string[] names, ref int judged, ref int byType, ref int byDiagnostic)
    {
        string full = GeneratorHarness.DocPath(path);
        var sources = run.Result.GeneratedSources.Select(s => s.SourceText.ToString()).Where(s => s.Contains("from Schemas/" + path + ".", StringComparison.Ordinal)).ToList();
        var messages = run.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == full).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        bool fileHasUnion = sources.Any(s => s.Contains("<summary>Exactly one of the case properties is set", StringComparison.Ordinal));
        foreach (string marked in names)
        {
            // A union's summary does not name its schema: a union schema is judged by the file having a union type.
            bool union = marked.StartsWith('\u0001');
            string name = union ? marked.Substring(1) : marked;
            bool plain = name.All(c => c >= 0x20 && c < 0x7F && c is not '&' and not '<' and not '>');
            bool typed = plain && sources.Any(s => s.Contains("<summary>The '" + name + "' ", StringComparison.Ordinal));
            bool diagnosed = messages.Any(m => m.Contains("'" + name + "'", StringComparison.Ordinal));
            if (!plain && !diagnosed && sources.Count > 0) typed = true;
            if (union && fileHasUnion) typed = true;
            if (!typed && !diagnosed)
            {
                throw new InvalidOperationException($"{path}: schema '{Visible(name)}' has no generated type and no diagnostic names it\n{text}\n"
                    + $"summaries generated from it: {string.Join(" | ", sources.SelectMany(Summaries))}\ndiagnostics: {string.Join(" | ", messages)}");
            }
            judged++;
            if (typed) byType++;
            else byDiagnostic++;
        }
    }

    private static bool IsUnion(string schema) => schema.StartsWith("{\"oneOf\"", StringComparison.Ordinal) || schema.StartsWith("{\"anyOf\"", StringComparison.Ordinal);

    private static IEnumerable<string> Summaries(string source)
        => source.Split('\n').Where(l => l.TrimStart().StartsWith("/// <summary>", StringComparison.Ordinal)).Select(l => l.Trim());

    private static string Visible(string? text)
        => text is null ? "(the batch only)" : System.Text.Json.JsonSerializer.Serialize(text);

    private static string Dump((string Path, string Text)[] files) => string.Join("\n", files.Select(f => $"--- {f.Path}\n{f.Text}"));
}
