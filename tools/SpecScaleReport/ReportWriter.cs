using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using GenerationModels.Harness;
using static GenerationModels.Harness.ReportText;
using Microsoft.CodeAnalysis;

namespace SpecScaleReport;

/// <summary>Renders the markdown report: counts, timings, our own diagnostics and compiler messages about generated code.</summary>
internal static class ReportWriter
{
    private const int Listed = 25;

    public static string Write(string command, SpecModel model, List<(FormResult Run, CheckResult Check)> results, List<string> differences, RoundTripResult roundTrips, List<string> failures, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        var (yaml, yamlCheck) = results[0];
        sb.AppendLine("# OpenAPI scale report");
        sb.AppendLine();
        sb.AppendLine("Issue #8's scale proof: the real `GenerationModelsGenerator` over an OpenAPI spec of realistic size, synthesised by");
        sb.AppendLine("`tools/SpecScaleReport` (deterministic: fixed seed) in two forms, YAML / OpenAPI 3.0 (`nullable: true`) and JSON / OpenAPI 3.1");
        sb.AppendLine("(`type: [x, \"null\"]`). Each form is one compilation of two spec files (`api` and a sibling `other` that the main file");
        sb.AppendLine("refers into with `other.yaml#/components/schemas/X`, and that refers back). The generator runs through");
        sb.AppendLine("`CSharpGeneratorDriver` (public API only, AdditionalFiles marked `GenerationModelsSchema=true` as a build marks them); its");
        sb.AppendLine("output is compiled to an assembly against the platform assemblies and `GenerationModels.Runtime` (nullable enabled, XML doc");
        sb.AppendLine("comments checked); then every generated type and property is compared with what the spec says it should be, and every");
        sb.AppendLine("model and union round-trips a JSON document through the generated serializer context.");
        sb.AppendLine();
        sb.AppendLine("Regenerate (exit code 1 on any of the conditions under [Pass/fail](#passfail)):");
        sb.AppendLine();
        sb.AppendLine("```sh");
        sb.AppendLine(command);
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("Add `--write <dir>` to get the synthetic spec files (`api.yaml`, `other.yaml`, `api.json`, `other.json`) for inspection.");
        sb.AppendLine();
        sb.AppendLine(Inv($"Machine: {Environment.ProcessorCount} cores{Cpu()}, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}, Roslyn {typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly.GetName().Version}, Release build. ") +
            (GitStamp.GeneratorVersion() is { } version ? "Generator: " + version + ". " : "") +
            Inv($"Seed {model.Seed}. The whole run took {elapsed.TotalSeconds:0} s{LoadAverage()}. Timings are wall-clock on a machine shared with other work: read them as magnitudes."));
        sb.AppendLine();
        sb.AppendLine(failures.Count == 0 ? "**Result: pass.**" : "**Result: FAIL** — " + string.Join("; ", failures) + ".");
        sb.AppendLine();

        sb.AppendLine("## Summary");
        sb.AppendLine();
        sb.AppendLine("| | " + string.Join(" | ", results.Select(r => r.Run.Label)) + " |");
        sb.AppendLine("|---|" + string.Join("|", results.Select(_ => "---:")) + "|");
        Row(sb, results, "Spec files", (r, _) => string.Join(" + ", r.Files.Select(f => Inv($"`{Path.GetFileName(f.Path)}` {Kb(f.Text.Length)}, {f.Text.Count(c => c == '\n'):N0} lines"))));
        Row(sb, results, "Named schemas (in the sibling file)", (_, c) => Inv($"{c.Schemas} ({model.In(SpecSynthesizer.Other).Count()})"));
        Row(sb, results, "Types emitted: models / enums / unions", (_, c) => Inv($"**{c.TypesGenerated}**: {c.Models} / {c.Enums} / {c.Unions}"));
        Row(sb, results, "Nested types (inline schemas): models / enums / unions", (_, c) => Inv($"{c.NestedTypes}: {c.NestedModels} / {c.NestedEnums} / {c.NestedUnions}"));
        Row(sb, results, "Aliases (no type of their own, inlined where used)", (_, c) => Inv($"{c.Aliases}"));
        Row(sb, results, "Fields (models and nested models)", (_, c) => Inv($"**{c.Fields:N0}**"));
        Row(sb, results, "Fields typed precisely", (_, c) => Inv($"**{c.Precise:N0} ({Percent(c.Precise, c.Fields)})**"));
        Row(sb, results, "… of which `JsonElement` because the spec says any value", (_, c) => Inv($"{c.DeclaredAny}"));
        Row(sb, results, "`JsonElement` fallbacks the spec does not ask for", (_, c) => Inv($"**{c.Fallbacks}**"));
        Row(sb, results, "`JsonElement` by a documented limitation, provoked on purpose", (_, c) => Inv($"{c.LimitFallbacks}"));
        Row(sb, results, "Types or properties that differ from the spec", (_, c) => Inv($"**{c.Mismatches}**"));
        Row(sb, results, "Union cases typed precisely", (_, c) => Inv($"{c.UnionCasesPrecise} of {c.UnionCases}"));
        Row(sb, results, "Enum members", (_, c) => Inv($"{c.EnumValues}"));
        Row(sb, results, "Generator exceptions", (r, _) => Inv($"**{(r.GeneratorException is null ? 0 : 1)}**"));
        Row(sb, results, "Generator diagnostics: warnings (not provoked on purpose) / infos", (r, c) => Inv($"{r.GeneratorDiagnostics.Count(d => d.Severity >= DiagnosticSeverity.Warning)} (**{c.UnexpectedWarnings.Count()}**) / {r.GeneratorDiagnostics.Count(d => d.Severity < DiagnosticSeverity.Warning)}"));
        Row(sb, results, "Compile errors / warnings", (r, _) => Inv($"**{r.CompileErrors.Count}** / **{r.CompileWarnings.Count}**") + (r.CompiledBy is null ? "" : " (same code)"));
        Row(sb, results, "Generator time, cold (new driver; JIT included for the first form)", (r, _) => Inv($"**{r.Cold!.GeneratorMs:N0} ms**"));
        Row(sb, results, "Generator time, full run on a new driver, JIT warm (median)", (r, _) => Inv($"{Program.Median(r.Fresh.Select(t => t.GeneratorMs)):N0} ms"));
        Row(sb, results, "Generator time, warm re-run after editing one schema (median)", (r, _) => Inv($"**{Program.Median(r.Edits.Select(t => t.GeneratorMs)):N0} ms**"));
        Row(sb, results, "Generator time, re-run with nothing changed", (r, _) => Inv($"{r.NoChange!.GeneratorMs:N0} ms"));
        Row(sb, results, "Compile time of the generated code (to an assembly)", (r, _) => r.CompiledBy is null ? Inv($"{r.CompileMs / 1000:0.0} s") : "same code: not compiled again");
        Row(sb, results, "Generated", (r, _) => Inv($"{r.Sources.Length} files, {r.GeneratedChars:N0} chars; assembly {Kb(r.AssemblyBytes)}"));
        Row(sb, results, "Forms generate the same code", (_, _) => differences.Count == 0 ? "yes (all sources identical but for the header naming the spec file)" : Inv($"**no: {differences.Count} sources differ**"));
        sb.AppendLine();
        sb.AppendLine(roundTrips.NotRun is not null
            ? "Round trips: not run (" + roundTrips.NotRun + ")."
            : Inv($"Round trips (YAML form's assembly, every model and union): {roundTrips.Attempted} JSON documents read and written back: {roundTrips.Exact} identical, {roundTrips.Equivalent} the same JSON value written differently (a non-ASCII member name escaped, or members in another order after a union picked a case), **{roundTrips.Failed} failed**; {roundTrips.Milliseconds:0} ms.") +
                (roundTrips.Unsatisfiable + roundTrips.Skipped == 0 ? "" : Inv($" Not attempted: {roundTrips.Unsatisfiable} schemas no finite JSON satisfies (required, non-nullable members lead back to the schema), {roundTrips.Skipped} deeper than the builder goes.")));
        foreach (string failure in roundTrips.Failures) sb.AppendLine("- failed: " + Code(failure));
        foreach (string different in roundTrips.WrittenDifferently) sb.AppendLine("- written differently: " + Code(different));
        sb.AppendLine();

        Coverage(sb, model, yaml);
        Timings(sb, results);
        Diagnostics(sb, model, results);
        Fields(sb, results);
        Policy(sb);
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, List<(FormResult Run, CheckResult Check)> results, string title, Func<FormResult, CheckResult, string> cell)
        => sb.AppendLine("| " + title + " | " + string.Join(" | ", results.Select(r => cell(r.Run, r.Check))) + " |");

    private static void Coverage(StringBuilder sb, SpecModel model, FormResult yaml)
    {
        sb.AppendLine("## What the spec contains");
        sb.AppendLine();
        sb.AppendLine("About 90 hand-written schemas cover every construct on purpose (cycles, self-references, nested containers, unions,");
        sb.AppendLine("allOf, aliases, awkward names, the sibling file); the rest are generated SaaS-style resources (3–40 properties, most");
        sb.AppendLine("under 15; descriptions, some with markdown and text that must be escaped in XML doc comments), enums, unions and");
        sb.AppendLine(Inv($"aliases. The main file also has {model.Paths.Entries.Count} paths (list/create/retrieve/delete) that refer to the schemas, as real specs do;"));
        sb.AppendLine("the generator reads schemas only. Counts below are from the YAML form (the JSON form differs only in how it spells null).");
        sb.AppendLine();
        var counts = new Counter();
        foreach (var kind in model.Schemas.GroupBy(s => s.Kind)) counts.Add("named schemas: " + KindName(kind.Key), kind.Count());
        foreach (string stem in new[] { SpecSynthesizer.Main, SpecSynthesizer.Other })
        {
            var root = model.Document(stem, SpecForm.Yaml30);
            var schemas = (MapNode)((MapNode)root["components"]!)["schemas"]!;
            foreach (var entry in schemas.Entries)
            {
                Walk(entry.Value, counts, atSchemaRoot: true);
                if (entry.Key.Any(c => !char.IsAsciiLetterOrDigit(c)) || char.IsAsciiDigit(entry.Key[0]) || char.IsAsciiLetterLower(entry.Key[0]))
                {
                    counts.Add("schema names needing sanitising (kebab/snake, dots, spaces, digits first, keywords, «», /, accents, capitals)");
                }
            }
        }
        sb.AppendLine("| Construct | Count |");
        sb.AppendLine("|---|---:|");
        foreach (var (key, count) in counts.Top().OrderBy(p => p.Key, StringComparer.Ordinal)) sb.AppendLine(Inv($"| {Cell(key)} | {count:N0} |"));
        sb.AppendLine();
        sb.AppendLine("Hand-written on purpose: `Customer` ⇄ `Invoice` and `Team` ⇄ `Member` cycles, `TreeNode`/`Category`/`namespace` self-references,");
        sb.AppendLine("`other.yaml` `Address.owner` → `api.yaml` `Customer` (a cycle across files), `ReportMatrix.cells` (array of map of array of");
        sb.AppendLine("`$ref`), `Invoice` (allOf over `AuditedResource`, itself allOf over `Resource` + `Timestamps`; a base member made required");
        sb.AppendLine("later), `OrganizationProfile` (71 fields through allOf: two presence masks), unions `PaymentSource` (discriminator + mapping),");
        sb.AppendLine("`Shape` (discriminator, implicit mapping), `ExpandableCustomer` (anyOf string | `$ref`), `Notification` (titled inline cases),");
        sb.AppendLine("aliases of aliases and of arrays of inline enums/objects, a nullable alias and a nullable named enum behind required properties,");
        sb.AppendLine("`Error` in both files (the sibling's becomes `OtherError`), percent-encoded and `~1`-escaped `$ref`s, and `WeirdProps`");
        sb.AppendLine("(`@id`/`id`, `createdAt`/`created_at`, `$schema`, `2fa_enabled`, keywords).");
        sb.AppendLine();
    }

    private static string KindName(SchemaKind kind) => kind switch
    {
        SchemaKind.Object => "objects",
        SchemaKind.StringEnum => "string enums",
        SchemaKind.IntegerEnum => "integer enums",
        SchemaKind.NumberEnum => "number enums",
        SchemaKind.Union => "oneOf/anyOf unions",
        _ => "aliases (primitives, arrays, maps, $refs)",
    };

    private static void Walk(Node node, Counter counts, bool atSchemaRoot)
    {
        switch (node)
        {
            case SeqNode seq:
                foreach (var item in seq.Items) Walk(item, counts, false);
                return;
            case MapNode map:
                foreach (var entry in map.Entries)
                {
                    switch (entry.Key)
                    {
                        case "properties" when entry.Value is MapNode properties:
                            counts.Add("properties", properties.Entries.Count);
                            if (!atSchemaRoot) counts.Add("inline object schemas (nested types)");
                            foreach (var property in properties.Entries) Walk(property.Value, counts, false);
                            continue;
                        case "required" when entry.Value is SeqNode required:
                            counts.Add("required properties", required.Items.Count);
                            continue;
                        case "$ref" when entry.Value is Scalar { Value: string reference }:
                            counts.Add(reference.StartsWith('#') ? "`$ref` within the file" : "`$ref` into the other file");
                            if (reference.Contains('%')) counts.Add("`$ref` percent-encoded");
                            if (reference.Contains("~1", StringComparison.Ordinal)) counts.Add("`$ref` with `~1` (a `/` in the name)");
                            continue;
                        case "nullable": counts.Add("`nullable: true`"); continue;
                        case "readOnly": counts.Add("`readOnly`"); continue;
                        case "writeOnly": counts.Add("`writeOnly`"); continue;
                        case "deprecated": counts.Add(atSchemaRoot ? "`deprecated` schemas" : "`deprecated` properties"); continue;
                        case "default": counts.Add("`default`"); continue;
                        case "example": counts.Add("`example`"); continue;
                        case "description": counts.Add("descriptions"); if (entry.Value is Scalar { Value: string d } && d.Contains('\n')) counts.Add("multi-line descriptions"); continue;
                        case "format" when entry.Value is Scalar { Value: string format }: counts.Add("`format: " + format + "`"); continue;
                        case "enum" when !atSchemaRoot: counts.Add("inline enums (nested types)"); continue;
                        case "discriminator" when entry.Value is MapNode discriminator:
                            counts.Add(discriminator.Has("mapping") ? "`discriminator` with `mapping`" : "`discriminator` without `mapping`");
                            continue;
                        case "allOf": counts.Add(atSchemaRoot ? "`allOf` compositions (named)" : "`allOf` one-part wrappers (described or nullable `$ref`)"); break;
                        case "oneOf" or "anyOf" when !atSchemaRoot: counts.Add("inline `" + entry.Key + "` (nested unions)"); break;
                        case "additionalProperties" when entry.Value is Scalar { Value: bool b }: counts.Add("`additionalProperties: " + (b ? "true" : "false") + "`"); continue;
                        case "additionalProperties": counts.Add("`additionalProperties: <schema>` (maps)"); break;
                        case "type" when entry.Value is Scalar { Value: "array" }: counts.Add("arrays"); continue;
                        case "items" when entry.Value is MapNode items && (items.Has("items") || items.Has("additionalProperties")):
                            counts.Add("containers nested in containers");
                            break;
                        case "x-enum-varnames": counts.Add("`x-enum-varnames`"); continue;
                    }
                    if (entry.Key.StartsWith("x-", StringComparison.Ordinal)) counts.Add("`x-` extensions");
                    if (entry.Key != "discriminator") Walk(entry.Value, counts, false);
                }
                return;
        }
    }

    private static void Timings(StringBuilder sb, List<(FormResult Run, CheckResult Check)> results)
    {
        sb.AppendLine("## Timings");
        sb.AppendLine();
        sb.AppendLine("*Generator* is the driver's own timing of the generator (`GeneratorDriver.GetTimingInfo()`); *wall* is the whole");
        sb.AppendLine("`RunGeneratorsAndUpdateCompilation` call (parsing the generated sources into the compilation included); *allocated* is");
        sb.AppendLine("what the process allocated during the call. Each run starts from a collected heap. An edit adds one property to one");
        sb.AppendLine("object schema of `api` (edits accumulate), replaces that AdditionalFile on the same driver and re-runs. The whole file is");
        sb.AppendLine("parsed again (one spec is one AdditionalFile); *changed sources* counts generated models (and other generated files)");
        sb.AppendLine("whose text changed, each model's text cut from its file at the line naming its doc (past 256 models, models share");
        sb.AppendLine("files); it must be the edited schema's, plus those of schemas whose allOf includes it.");
        sb.AppendLine("Which pipeline steps re-run after an edit is not replayed at this size: Roslyn's step tracking (a testing aid that");
        sb.AppendLine("builds never turn on) grows with the cube of the schemas in this pipeline, minutes per run. `PipelineTests` assert the");
        sb.AppendLine("re-runs step by step on small projects (an edit re-emits that doc; a position-only change re-emits nothing).");
        sb.AppendLine();
        sb.AppendLine("| Form | Run | Generator ms | Wall ms | Allocated | Changed sources |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var (run, _) in results)
        {
            var rows = new List<Timing> { run.Cold! };
            rows.AddRange(run.Fresh);
            rows.Add(run.NoChange!);
            rows.AddRange(run.Edits);
            foreach (var t in rows)
            {
                string what = t.Edited is null ? t.What : "edit `" + t.Edited + "`";
                sb.AppendLine(Inv($"| {run.Label} | {what} | {t.GeneratorMs:N0} | {t.WallMs:N0} | {t.AllocatedBytes / 1048576.0:N0} MB | {(t.ChangedSources < 0 ? "" : t.ChangedSources.ToString(CultureInfo.InvariantCulture) + (t.ExpectedChanged > 1 ? Inv($" (the schema and {t.ExpectedChanged - 1} composed over it)") : ""))} |"));
            }
        }
        sb.AppendLine();
    }

    private static void Diagnostics(StringBuilder sb, SpecModel model, List<(FormResult Run, CheckResult Check)> results)
    {
        sb.AppendLine("## Generator diagnostics");
        sb.AppendLine();
        sb.AppendLine("Every diagnostic is matched to what the spec provokes on purpose (by ID, file and message). *On purpose* are the");
        sb.AppendLine("infos for aliases (GM0013) and member renames (GM0006), the warning for the one type the spec names in two files");
        sb.AppendLine("(GM0020), and the warnings for the two documented limitations it uses (listed under *Deliberate limitations*). Any");
        sb.AppendLine("other warning fails the run.");
        sb.AppendLine();
        sb.AppendLine("| Form | ID | Severity | Count | On purpose | Not on purpose |");
        sb.AppendLine("|---|---|---|---:|---:|---:|");
        foreach (var (run, check) in results)
        {
            foreach (var group in check.Diagnostics.GroupBy(d => (d.Diagnostic.Id, d.Diagnostic.Severity)).OrderBy(g => g.Key.Id, StringComparer.Ordinal))
            {
                sb.AppendLine(Inv($"| {run.Label} | {group.Key.Id} | {group.Key.Severity} | {group.Count()} | {group.Count(d => d.Expected is not null)} | {group.Count(d => d.Expected is null)} |"));
            }
        }
        sb.AppendLine();
        foreach (var (run, check) in results)
        {
            var unexpected = check.Diagnostics.Where(d => d.Expected is null).Select(d => d.Diagnostic).ToList();
            if (unexpected.Count != 0)
            {
                sb.AppendLine(Inv($"Not on purpose ({run.Label}, first {Math.Min(Listed, unexpected.Count)} of {unexpected.Count}):"));
                sb.AppendLine();
                foreach (var d in unexpected.Take(Listed)) sb.AppendLine("- " + Code(Describe(d)));
                sb.AppendLine();
            }
            if (check.MissingExpected.Count != 0)
            {
                sb.AppendLine(Inv($"Provoked on purpose but not reported ({run.Label}): ") + string.Join(", ", check.MissingExpected.Select(e => Code($"{e.Id} {e.File}: {e.MessageFragment}"))) + ".");
                sb.AppendLine();
            }
        }
        sb.AppendLine("Warnings provoked on purpose (YAML form):");
        sb.AppendLine();
        foreach (var d in results[0].Check.Diagnostics.Where(d => d.Expected is not null && d.Diagnostic.Severity >= DiagnosticSeverity.Warning))
        {
            sb.AppendLine("- " + Code(Describe(d.Diagnostic)) + " — " + d.Expected!.Why);
        }
        sb.AppendLine();
    }

    private static void Fields(StringBuilder sb, List<(FormResult Run, CheckResult Check)> results)
    {
        sb.AppendLine("## Fields");
        sb.AppendLine();
        sb.AppendLine("Each property's C# type is compared with the spec: primitives by format, arrays and maps element by element, `$ref`s by");
        sb.AppendLine("the generated type's name (aliases by what they stand for), inline schemas by the kind of nested type (and then its own");
        sb.AppendLine("members); plus nullability (`T?` unless required and not nullable), `required`, and `[Obsolete]` for `deprecated`.");
        sb.AppendLine();
        foreach (var (run, check) in results)
        {
            sb.AppendLine("### " + run.Label);
            sb.AppendLine();
            if (check.LimitList.Count != 0)
            {
                sb.AppendLine("Deliberate limitations (`JsonElement`, with the generator's warning at the field):");
                sb.AppendLine();
                foreach (string line in check.LimitList) sb.AppendLine("- " + Code(line));
                sb.AppendLine();
            }
            if (check.Fallbacks == 0)
            {
                sb.AppendLine("`JsonElement` fallbacks the spec does not ask for: none.");
            }
            else
            {
                sb.AppendLine("`JsonElement` fallbacks the spec does not ask for, by reason:");
                sb.AppendLine();
                sb.AppendLine("| Reason | Fields |");
                sb.AppendLine("|---|---:|");
                foreach (var (reason, count) in check.FallbackReasons.Top()) sb.AppendLine(Inv($"| {Code(reason)} | {count} |"));
                sb.AppendLine();
                foreach (string line in check.FallbackList.Take(Listed)) sb.AppendLine("- " + Code(line));
            }
            sb.AppendLine();
            if (check.Mismatches == 0)
            {
                sb.AppendLine("Types or properties that differ from the spec: none.");
            }
            else
            {
                sb.AppendLine(Inv($"Types or properties that differ from the spec (first {Math.Min(Listed, check.Mismatches)} of {check.Mismatches}):"));
                sb.AppendLine();
                foreach (string line in check.MismatchList.Take(Listed)) sb.AppendLine("- " + Code(line));
            }
            sb.AppendLine();
            if (run.CompileErrors.Count + run.CompileWarnings.Count != 0)
            {
                sb.AppendLine("Compile diagnostics (first ones):");
                sb.AppendLine();
                foreach (var d in run.CompileErrors.Concat(run.CompileWarnings).Take(Listed)) sb.AppendLine("- " + Code(d.ToString()));
                sb.AppendLine();
            }
        }
    }

    private static void Policy(StringBuilder sb)
    {
        sb.AppendLine("## Pass/fail");
        sb.AppendLine();
        sb.AppendLine("The tool exits with 1 (and CI's e2e step fails) when, in either form:");
        sb.AppendLine();
        sb.AppendLine("- the generator throws, or its output has a compile error or a compile warning (the spec is ours: nothing excuses one);");
        sb.AppendLine("- the generator reports a warning the spec does not provoke on purpose. Provoked on purpose are only the documented");
        sb.AppendLine("  limitations a real spec runs into (`allOf` with a `oneOf` part and `allOf` over another file's schema, GM0012; a `$ref`");
        sb.AppendLine("  to another file's alias, GM0003) and the type two files both name (GM0020). Infos (GM0006 renames, GM0013 aliases)");
        sb.AppendLine("  are listed, never fatal;");
        sb.AppendLine("- a property falls back to `JsonElement` where the spec gives a type, or any generated type or property differs from what");
        sb.AppendLine("  the spec says (type, nullability, `required`, `[Obsolete]`, enum members, union cases, a missing or extra type);");
        sb.AppendLine("- an edit of one schema changes other generated sources than its own and those of schemas composed over it (allOf);");
        sb.AppendLine("- the two forms generate different code, or a JSON round trip through the generated context fails.");
        sb.AppendLine();
        sb.AppendLine("A provoked warning that stops appearing is listed, not fatal: a limitation fixed makes the field precise, which passes.");
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return Inv($"{d.Id} {Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}: {d.GetMessage(CultureInfo.InvariantCulture)}");
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : Inv($"{100.0 * part / whole:0.0}%");

    private static string Kb(long bytes) => Inv($"{bytes / 1024.0:N0} KB");

    /// <summary>The 1-minute load average at the end of the run (Linux), as context for the timings.</summary>
    private static string LoadAverage() => LoadAverages(1) is { } load ? $", with a load average of {load[0]} at its end" : "";

    private static string Cpu() => CpuModel() is { } model ? " (" + model + ")" : "";

    private static string Code(string text) => CodeCut(text, 400);
}
