using System.Collections.Generic;
using System.Linq;
using System.Text;
using static GenerationModels.Harness.ReportText;

namespace PayloadOracle;

/// <summary>The markdown report: a summary line per spec, then the schemas that did not come back exactly.</summary>
internal static class Report
{
    public static string Write(List<SpecResult> results, bool lenient, string[] args)
    {
        var s = new StringBuilder();
        s.Append("# Payload oracle report\n\n");
        s.Append("Payloads built from each spec's own `example` values (one per object schema), read and written back through the\n");
        s.Append(results.Any(r => r.DocsFolder is not null)
            ? "models the generator makes from the SDK's markdown docs published beside that spec (the payloads still come from the spec). Contract violations: "
            : "models the generator makes from that spec. Contract violations: ").Append(lenient ? "`Lenient`" : "`Strict` (default)").Append(".\n\n");
        s.Append("Produced by: `dotnet run --project tools/PayloadOracle -c Release -- ").Append(string.Join(" ", args.Select(a => a.Contains(' ') ? "\"" + a + "\"" : a))).Append("`\n\n");
        s.Append("| spec | object schemas | with example payload | exact | reordered only | changed | unknown members | read fails | write fails | no model |\n");
        s.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            if (r.Error is not null)
            {
                s.Append("| ").Append(r.Label).Append(" | error: ").Append(Cell(r.Error)).Append(" ||||||||\n");
                continue;
            }
            s.Append($"| {r.Label} | {r.Schemas.Count} | {r.WithPayload} | {r.Count(Outcome.Exact)} | {r.Count(Outcome.Reordered)} | {r.Count(Outcome.Changed)} | {r.Count(Outcome.Unknown)} | {r.Count(Outcome.ReadFails)} | {r.Count(Outcome.WriteFails)} | {r.Count(Outcome.NoModel)} |\n");
        }
        s.Append("\n`reordered only`: the same members and values written in the model's member order (the schema-level example\n");
        s.Append("lists them in another order; JSON object order carries no meaning, RFC 8259 §4).\n");
        foreach (var r in results.Where(r => r.Error is null))
        {
            var notExact = r.Schemas.Where(x => x.Outcome is not (Outcome.Exact or Outcome.NoExample)).ToList();
            s.Append("\n## ").Append(r.Label).Append("\n\n");
            s.Append($"{r.GeneratedSources} generated sources, {r.GeneratorDiagnostics} generator diagnostics{(r.GeneratorDiagnostics == 0 ? "" : " (" + r.DiagnosticIds + ")")}. ");
            s.Append($"Exact: {string.Join(", ", r.Schemas.Where(x => x.Outcome == Outcome.Exact).Select(x => x.Schema).Take(40))}{(r.Count(Outcome.Exact) > 40 ? ", …" : "")}.\n\n");
            if (notExact.Count == 0) continue;
            s.Append("| schema | outcome | detail |\n|---|---|---|\n");
            foreach (var x in notExact)
            {
                s.Append("| ").Append(Cell(x.Schema)).Append(" | ").Append(x.Outcome).Append(" | ").Append(Cell(x.Detail)).Append(" |\n");
            }
        }
        return s.ToString();
    }
}
