using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GenerationModels.Harness;

namespace PayloadOracle;

/// <summary>
/// Usage: <c>dotnet run --project tools/PayloadOracle -- [--lenient] [--out report.md] [--require-all] [--name label=path] spec...</c>
/// <para>
/// For every OpenAPI spec (YAML or JSON): one payload per object schema, built from the spec's own <c>example</c> /
/// <c>examples</c> values (schema-level examples as they are, otherwise property examples composed, following
/// <c>$ref</c>, <c>allOf</c> and array items); the real generator runs over the spec in memory; the models are
/// compiled and loaded; each payload must deserialize, land in declared members (nothing in any
/// <c>AdditionalProperties</c>) and serialize back to identical text. <c>--lenient</c> generates with
/// <c>GenerationModelsContractViolations=Lenient</c>. <c>--require-all</c> exits 1 unless every payload passes (CI).
/// </para>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool lenient = false, requireAll = false;
        string? output = null;
        var specs = new List<(string Label, string Path)>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lenient": lenient = true; break;
                case "--require-all": requireAll = true; break;
                case "--out": output = args[++i]; break;
                case "--name":
                    string[] pair = args[++i].Split('=', 2);
                    specs.Add((pair[0], pair[1]));
                    break;
                default: specs.Add((Path.GetFileName(args[i]), args[i])); break;
            }
        }
        if (specs.Count == 0)
        {
            Console.Error.WriteLine("usage: PayloadOracle [--lenient] [--out report.md] [--require-all] [--name label=path] spec...");
            return 2;
        }

        var results = new List<SpecResult>();
        foreach (var (label, path) in specs)
        {
            Console.Error.WriteLine($"{label}: {path}");
            var result = Oracle.Run(label, path, lenient);
            results.Add(result);
            Console.Error.WriteLine("  " + result.Summary);
        }
        string report = Report.Write(results, lenient, args);
        ReportText.WriteReport(report, output);
        Console.WriteLine(string.Join("\n", results.Select(r => r.Label + ": " + r.Summary)));
        bool allPass = results.All(r => r.Error is null && r.Schemas.Where(s => s.Outcome != Outcome.NoExample).All(s => s.Outcome == Outcome.Exact));
        return requireAll && !allPass ? 1 : 0;
    }
}
