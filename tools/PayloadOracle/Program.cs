using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GenerationModels.Harness;

namespace PayloadOracle;

/// <summary>
/// Usage: <c>dotnet run --project tools/PayloadOracle -- [--lenient] [--wire-naming X] [--out report.md] [--require-all] [--name label=path] [--docs label=spec=folder] spec...</c>
/// <para>
/// For every OpenAPI spec (YAML or JSON): one payload per object schema, built from the spec's own <c>example</c> /
/// <c>examples</c> values (schema-level examples as they are, otherwise property examples composed, following
/// <c>$ref</c>, <c>allOf</c> and array items); the real generator runs over the spec in memory; the models are
/// compiled and loaded; each payload must deserialize, land in declared members (nothing in any
/// <c>AdditionalProperties</c>) and serialize back to identical text. <c>--lenient</c> generates with
/// <c>GenerationModelsContractViolations=Lenient</c>. <c>--require-all</c> exits 1 unless every payload passes (CI).
/// </para>
/// <para>
/// <c>--docs label=spec=folder</c>: the same payloads from the spec, read and written by the models the generator makes
/// from the SDK's markdown docs in <c>folder</c> (the docs an SDK publishes beside its spec), matched to schemas by name.
/// <c>--wire-naming X</c> sets <c>GenerationModelsWireNaming</c> for every run (unset by default, as in a new project).
/// </para>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool lenient = false, requireAll = false;
        string? output = null, wireNaming = null;
        var specs = new List<(string Label, string Path, string? Docs)>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lenient": lenient = true; break;
                case "--require-all": requireAll = true; break;
                case "--out": output = args[++i]; break;
                case "--wire-naming": wireNaming = args[++i]; break;
                case "--name":
                    string[] pair = args[++i].Split('=', 2);
                    specs.Add((pair[0], pair[1], null));
                    break;
                case "--docs":
                    string[] triple = args[++i].Split('=', 3);
                    if (triple.Length != 3) return Usage();
                    specs.Add((triple[0], triple[1], triple[2]));
                    break;
                default: specs.Add((Path.GetFileName(args[i]), args[i], null)); break;
            }
        }
        if (specs.Count == 0) return Usage();

        var results = new List<SpecResult>();
        foreach (var (label, path, docs) in specs)
        {
            Console.Error.WriteLine(docs is null ? $"{label}: {path}" : $"{label}: {path}, models from the docs in {docs}");
            var result = Oracle.Run(label, path, lenient, docs, wireNaming);
            results.Add(result);
            Console.Error.WriteLine("  " + result.Summary);
        }
        string report = Report.Write(results, lenient, args);
        ReportText.WriteReport(report, output);
        Console.WriteLine(string.Join("\n", results.Select(r => r.Label + ": " + r.Summary)));
        bool allPass = results.All(r => r.Error is null && r.Schemas.Where(s => s.Outcome != Outcome.NoExample).All(s => s.Outcome == Outcome.Exact));
        return requireAll && !allPass ? 1 : 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: PayloadOracle [--lenient] [--wire-naming X] [--out report.md] [--require-all] [--name label=path] [--docs label=spec=folder] spec...");
        return 2;
    }
}
