using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SpecScaleReport;

/// <summary>
/// <c>dotnet run --project tools/SpecScaleReport -c Release -- [--schemas 400] [--seed 8] [--out docs/openapi-scale-report.md]
/// [--write dir] [--runs 3] [--edits 5]</c>.
/// Synthesises a spec of N named schemas (main file plus a sibling file) in two forms, YAML/OpenAPI 3.0 and
/// JSON/OpenAPI 3.1; runs the real generator over each form as one compilation (cold, <c>--runs</c> full runs on new
/// drivers, one run with nothing changed, <c>--edits</c> one-schema edits); compiles the output; checks every generated
/// type and property against the spec; round-trips JSON through the generated context; writes a markdown report.
/// <c>--write</c> also writes the spec files (never commit them: the tool makes them again, deterministically).
/// Exit code 1 on a generator exception, a compile error or warning, a warning-level generator diagnostic the spec does
/// not provoke on purpose, a property whose type differs from the spec, an edit that changes other than one source,
/// the two forms generating different code, or a failed round trip; 2 on bad arguments.
/// </summary>
internal static class Program
{
    public const int DefaultSeed = 8;

    private static int Main(string[] args)
    {
        int schemas = 400;
        int seed = DefaultSeed;
        int fresh = 3;
        int edits = 5;
        string? outPath = null;
        string? writeDirectory = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (arg)
            {
                case "--schemas" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out int n): schemas = n; break;
                case "--seed" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out int s): seed = s; break;
                case "--runs" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out int r): fresh = r; break;
                case "--edits" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out int e): edits = e; break;
                case "--out" when Next() is { } o: outPath = o; break;
                case "--write" when Next() is { } w: writeDirectory = w; break;
                case "-h" or "--help": return Usage(0);
                default: return Usage(2);
            }
        }
        if (schemas < SpecSynthesizer.MinimumSchemas)
        {
            Console.Error.WriteLine($"--schemas must be at least {SpecSynthesizer.MinimumSchemas} (the hand-written schemas alone are about 90)");
            return 2;
        }

        var total = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{total.Elapsed.TotalSeconds,5:0.0}s] {message}");

        var model = SpecSynthesizer.Create(schemas, seed, GeneratorRunner.ContextName);
        Log($"synthesised {model.Schemas.Count} schemas ({model.In(SpecSynthesizer.Other).Count()} in the sibling file), seed {seed}");
        if (writeDirectory is not null)
        {
            Directory.CreateDirectory(writeDirectory);
            foreach (var form in new[] { SpecForm.Yaml30, SpecForm.Json31 })
            {
                foreach (var (stem, text, _) in GeneratorRunner.Render(model, form))
                {
                    string file = Path.Combine(writeDirectory, Lowering.FileName(stem, form));
                    File.WriteAllText(file, text);
                    Log("wrote " + file);
                }
            }
        }

        var results = new List<(FormResult Run, CheckResult Check)>();
        foreach (var form in new[] { SpecForm.Yaml30, SpecForm.Json31 })
        {
            var run = GeneratorRunner.Run(model, form, fresh, edits, Log, results.Count == 0 ? null : results[0].Run);
            var check = Checker.Check(model, run);
            Log($"{run.Label}: {check.Fields} fields, {check.Precise} precise, {check.Fallbacks} fallbacks, {check.LimitFallbacks} deliberate, {check.Mismatches} mismatches, {check.UnexpectedWarnings.Count()} unexpected warnings");
            results.Add((run, check));
            GC.Collect();
        }
        var differences = Equivalence.Compare(results[0].Run, results[1].Run);
        Log($"forms compared: {differences.Count} differing sources");
        var roundTrips = RoundTrip.Run(model, results[0].Run, seed, Log);
        total.Stop();

        var arguments = new List<string> { "--schemas", schemas.ToString(CultureInfo.InvariantCulture) };
        if (seed != DefaultSeed) arguments.AddRange(new[] { "--seed", seed.ToString(CultureInfo.InvariantCulture) });
        if (outPath is not null) arguments.AddRange(new[] { "--out", outPath });
        string command = "dotnet run --project tools/SpecScaleReport -c Release -- " + string.Join(" ", arguments);
        var failures = Failures(results, differences, roundTrips);
        string report = ReportWriter.Write(command, model, results, differences, roundTrips, failures, total.Elapsed);
        GenerationModels.Harness.ReportText.WriteReport(report, outPath);

        foreach (string failure in failures) Console.Error.WriteLine("FAIL: " + failure);
        var (yaml, yamlCheck) = results[0];
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(failures.Count == 0 ? "OK" : "FAIL")}: {yamlCheck.Schemas} schemas, {yamlCheck.TypesGenerated} types + {yamlCheck.NestedTypes} nested, {yamlCheck.Fields} fields " +
            $"({yamlCheck.Precise} precise, {yamlCheck.LimitFallbacks} deliberate limitations, {yamlCheck.Fallbacks} fallbacks, {yamlCheck.Mismatches} mismatches); " +
            $"generator {yaml.Cold!.GeneratorMs:0} ms cold / {Median(yaml.Edits.Select(e => e.GeneratorMs)):0} ms after an edit; " +
            $"{results.Sum(r => r.Run.CompileErrors.Count)} compile errors; {total.Elapsed.TotalSeconds:0.0} s{(outPath is null ? "" : "; report: " + outPath)}"));
        return failures.Count == 0 ? 0 : 1;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0) return double.NaN;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>What makes the run fail (exit code 1), one line each.</summary>
    private static List<string> Failures(List<(FormResult Run, CheckResult Check)> results, List<string> differences, RoundTripResult roundTrips)
    {
        var failures = new List<string>();
        foreach (var (run, check) in results)
        {
            if (run.GeneratorException is not null) failures.Add($"{run.Label}: the generator threw {run.GeneratorException.GetType().Name}");
            if (run.CompileErrors.Count != 0) failures.Add($"{run.Label}: {run.CompileErrors.Count} compile errors");
            if (run.CompileWarnings.Count != 0) failures.Add($"{run.Label}: {run.CompileWarnings.Count} compile warnings");
            int unexpected = check.UnexpectedWarnings.Count();
            if (unexpected != 0) failures.Add($"{run.Label}: {unexpected} warning-level generator diagnostics the spec does not provoke on purpose");
            if (check.Mismatches != 0) failures.Add($"{run.Label}: {check.Mismatches} generated types or properties differ from the spec");
            if (check.Fallbacks != 0) failures.Add($"{run.Label}: {check.Fallbacks} properties fell back to JsonElement where the spec gives a type");
            int changed = run.Edits.Count(e => e.ChangedSources != e.ExpectedChanged);
            if (changed != 0) failures.Add($"{run.Label}: {changed} of {run.Edits.Count} one-schema edits changed other generated sources than the edited schema's (and those composed over it)");
        }
        if (differences.Count != 0) failures.Add($"the YAML 3.0 and JSON 3.1 forms generate different code ({differences.Count} sources)");
        if (roundTrips.Failed != 0) failures.Add($"{roundTrips.Failed} of {roundTrips.Attempted} JSON round trips failed");
        return failures;
    }

    private static int Usage(int code)
    {
        Console.Error.WriteLine("usage: dotnet run --project tools/SpecScaleReport -c Release -- [--schemas 400] [--seed N] [--out docs/openapi-scale-report.md] [--write <dir>] [--runs 3] [--edits 5]");
        return code;
    }
}
