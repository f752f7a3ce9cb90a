using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

using Bench;

namespace GeneratorBench;

/// <summary>
/// <c>dotnet run -c Release --project bench/GenerationModels.GeneratorBenchmarks -- --quick</c> (well under five minutes)
/// or without <c>--quick</c> (the full run). Both do the report (paired ratios, step breakdown, memory, output size
/// against System.Text.Json's generator, compile time) and then the BenchmarkDotNet classes
/// (<see cref="ColdRunBenchmarks"/>, <see cref="IncrementalBenchmarks"/>); quick mode runs those in process with a short
/// job timed with the thread's CPU time, the full mode with BenchmarkDotNet's default toolchain and its own arguments
/// (e.g. <c>--filter *ColdRun*</c>, <c>--job short</c>). Everything goes to BenchmarkDotNet.Artifacts/results/ beside
/// this project (<c>generator-at-scale-*.md</c> plus BenchmarkDotNet's own reports).
/// Switches: <c>--report-only</c>, <c>--bdn-only</c>, <c>--corpora &lt;folder&gt;</c> (default: ../shared/corpora beside
/// the repository), <c>--source corpus|synthetic</c> (one family of doc sets only, report), <c>--sizes 100,500</c> (report
/// sizes; the largest is also used for output size and compile time), <c>--output-only</c> (report: inputs, output size, compile time and whole build cost only), <c>--timings-only</c> (report: inputs and paired
/// timings only).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var arguments = args.ToList();
        bool quick = arguments.Remove("--quick");
        bool reportOnly = arguments.Remove("--report-only");
        bool bdnOnly = arguments.Remove("--bdn-only");
        string? corpora = Take(arguments, "--corpora");
        string? sourceFilter = Take(arguments, "--source");
        string? sizes = Take(arguments, "--sizes");
        bool timingsOnly = arguments.Remove("--timings-only");
        bool outputOnly = arguments.Remove("--output-only");
        // Only the pathological-input classes (linear time on hostile docs), no report.
        bool pathological = arguments.Remove("--pathological");
        if (corpora is not null) CorpusSampler.OverrideRoot = Path.GetFullPath(corpora);

        string? profile = Take(arguments, "--profile");
        if (profile is not null)
        {
            // For a profiler (dotnet-trace collect -- dotnet <this dll> --profile corpus:2000:10:cold): one operation, many times.
            var parts = profile.Split(':');
            var scenario = Scenario.Create(Enum.Parse<DocSource>(parts[0], ignoreCase: true), int.Parse(parts[1], CultureInfo.InvariantCulture));
            Func<object> operation = parts.Length > 3 && parts[3] == "add" ? scenario.AddOneDoc : parts.Length > 3 && parts[3] == "edit" ? scenario.EditOneDoc : parts.Length > 3 && parts[3] == "csharp" ? scenario.CSharpOnlyEdit : scenario.ColdRun;
            if (parts.Length > 3 && parts[3] == "stj")
            {
                var comparison = StjComparison.Run(scenario.Set).Result;
                Console.WriteLine(StjComparison.Describe(comparison));
                Console.WriteLine(comparison.ErrorSummary());
                return 0;
            }
            if (parts.Length > 4 && parts[4] == "count")
            {
                foreach (var (label, driver) in new[] { ("cold", scenario.ColdRun()), ("replay", scenario.ReplayRun()), ("tiny", scenario.TinyRun()) })
                {
                    var result = driver.GetRunResult().Results.Single();
                    // A fingerprint of the whole output (hint names and texts, in hint-name order): two commits that should
                    // write the same files can be compared byte for byte.
                    using var sha = System.Security.Cryptography.SHA256.Create();
                    foreach (var source in result.GeneratedSources.OrderBy(x => x.HintName, StringComparer.Ordinal))
                    {
                        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(source.HintName + "\n" + source.SourceText + "\n");
                        sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
                    }
                    sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                    Console.WriteLine($"{label}: {result.GeneratedSources.Length} sources, {result.GeneratedSources.Sum(x => (long)x.SourceText.Length)} chars, SHA-256 {Convert.ToHexString(sha.Hash!)[..16]}, exception {result.Exception?.Message}");
                }
                return 0;
            }
            if (parts.Length > 4 && parts[4] == "parse")
            {
                // What the compiler parses again when an edit makes one model file new: each generated model file (a
                // model's own, or a shared one past 256 models), parsed N times, median thread CPU per file.
                var files = scenario.WarmDriver.GetRunResult().Results.Single().GeneratedSources
                    .Where(s => !s.HintName.StartsWith("GenerationModelsJsonContext", StringComparison.Ordinal)).ToList();
                int repeats = int.Parse(parts[2], CultureInfo.InvariantCulture);
                var perFile = new List<double>();
                foreach (var file in files)
                {
                    var times = new List<double>();
                    for (int i = 0; i < repeats + 3; i++)
                    {
                        long start = ThreadCpuClock.Instance.GetTimestamp();
                        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(file.SourceText, Harness.ParseOptions);
                        GC.KeepAlive(tree.GetRoot());
                        if (i >= 3) times.Add((ThreadCpuClock.Instance.GetTimestamp() - start) / 1e6);
                    }
                    times.Sort();
                    perFile.Add(times[times.Count / 2]);
                }
                perFile.Sort();
                var chars = files.Select(f => (double)f.SourceText.Length).OrderBy(c => c).ToList();
                Console.WriteLine($"{files.Count} model files: parse median {perFile[perFile.Count / 2]:F3} thread CPU ms [p90 {perFile[perFile.Count * 9 / 10]:F3}, max {perFile[^1]:F3}]; characters median {chars[chars.Count / 2]:N0} [p90 {chars[chars.Count * 9 / 10]:N0}]");
                return 0;
            }
            if (parts.Length > 4 && parts[4] == "steps")
            {
                // Per tracked step: time and output reasons of one re-run from a tracked warm driver (tracking adds its own cost).
                Console.WriteLine(Report.StepProfile(scenario, parts[3], int.Parse(parts[2], CultureInfo.InvariantCulture)));
                return 0;
            }
            if (parts.Length > 4 && parts[4] == "median")
            {
                // As the report times one call: a full collection first, then the thread's CPU time of the call alone
                // (after enough calls for tiered compilation to have settled).
                for (int i = 0; i < 40; i++) operation();
                System.Threading.Thread.Sleep(500);
                var samples = new List<double>();
                for (int i = 0; i < int.Parse(parts[2], CultureInfo.InvariantCulture); i++)
                {
                    GC.Collect();
                    long start = ThreadCpuClock.Instance.GetTimestamp();
                    GC.KeepAlive(operation());
                    samples.Add((ThreadCpuClock.Instance.GetTimestamp() - start) / 1e6);
                }
                samples.Sort();
                Console.WriteLine($"{samples.Count} calls after a full GC each: median {samples[samples.Count / 2]:F2} thread CPU ms [p25 {samples[samples.Count / 4]:F2}, p75 {samples[samples.Count * 3 / 4]:F2}]");
                return 0;
            }
            for (int i = 0; i < 3; i++) operation();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            int gcs = GC.CollectionCount(0);
            var watch = Stopwatch.StartNew();
            long cpu = ThreadCpuClock.Instance.GetTimestamp();
            int count = int.Parse(parts[2], CultureInfo.InvariantCulture);
            for (int i = 0; i < count; i++) operation();
            Console.WriteLine($"{count} runs: {watch.Elapsed.TotalMilliseconds / count:F1} ms each, {(ThreadCpuClock.Instance.GetTimestamp() - cpu) / 1e6 / count:F1} thread CPU ms, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / count:N0} bytes allocated each, {GC.CollectionCount(0) - gcs} gen0 GCs");
            return 0;
        }
        var sources = sourceFilter is null
            ? new[] { DocSource.Corpus, DocSource.Synthetic }
            : new[] { Enum.Parse<DocSource>(sourceFilter, ignoreCase: true) };
        var total = Stopwatch.StartNew();
        string artifacts = Path.Combine(Harness.ProjectDirectoryOnDisk(), "BenchmarkDotNet.Artifacts");
        string resultsDirectory = Path.Combine(artifacts, "results");
        Directory.CreateDirectory(resultsDirectory);
        string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

        // Fail before anything is measured when an input is missing.
        if (sources.Contains(DocSource.Corpus)) Console.WriteLine("corpus: " + CorpusSampler.Root());
        Console.WriteLine("System.Text.Json generator: " + StjComparison.FindStjGenerator());

        var output = new StringBuilder();
        output.AppendLine($"# Generator at scale — {(quick ? "quick" : "full")} mode, {DateTime.Now:yyyy-MM-dd HH:mm}");
        output.AppendLine();
        output.AppendLine("Command: `dotnet run -c Release --project bench/GenerationModels.GeneratorBenchmarks -- " + string.Join(" ", args) + "`");
        output.AppendLine();

        if (pathological && !bdnOnly)
        {
            // The paired pathological table only, then its BenchmarkDotNet class.
            output.AppendLine(Report.Machine());
            output.AppendLine();
            output.AppendLine(Report.Pathological(quick ? 7 : 15, Console.Out));
        }
        else if (!bdnOnly)
        {
            var settings = quick
                ? new ReportSettings(Rounds: 5, Sizes: new[] { 100, 500, 2000 }, sources, CompileRepeats: 3, CompileSize: 500, OutputSizes: new[] { 500 }, BatchMs: 25, StepRuns: 1)
                : new ReportSettings(Rounds: 15, Sizes: new[] { 100, 500, 2000 }, sources, CompileRepeats: 3, CompileSize: 2000, OutputSizes: new[] { 100, 500, 2000 }, BatchMs: 50, StepRuns: 3);
            if (sizes is not null)
            {
                // A smaller report while developing: --sizes 100,500 (the largest is used for compile and output size).
                int[] list = sizes.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                settings = settings with { Sizes = list, CompileSize = list.Max(), OutputSizes = new[] { list.Max() } };
            }
            settings = settings with { TimingsOnly = timingsOnly, OutputOnly = outputOnly };
            var watch = Stopwatch.StartNew();
            output.AppendLine(Report.Run(settings, Console.Out));
            Console.WriteLine($"report took {watch.Elapsed.TotalSeconds:F0} s");
            File.WriteAllText(Path.Combine(resultsDirectory, $"generator-at-scale-{stamp}.md"), output.ToString());
        }

        int exitCode = 0;
        if (!reportOnly)
        {
            var classes = pathological
                ? new[] { typeof(PathologicalBenchmarks) }
                : new[] { typeof(ColdRunBenchmarks), typeof(IncrementalBenchmarks), typeof(PathologicalBenchmarks) };
            var summaries = RunBenchmarkDotNet(quick, arguments, artifacts, sources, classes);
            var valid = summaries.Where(s => s.Reports.Length > 0).ToList();
            if (valid.Count > 0)
            {
                output.AppendLine(BdnTables(valid));
            }
            exitCode = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }

        output.AppendLine();
        output.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Whole program: {total.Elapsed.TotalMinutes:F1} min; load average at the end: {Report.LoadAverage()}."));
        string path = Path.Combine(resultsDirectory, $"generator-at-scale-{stamp}.md");
        File.WriteAllText(path, output.ToString());
        Console.WriteLine(output.ToString());
        Console.WriteLine("written to " + path);
        return exitCode;
    }

    private static List<Summary> RunBenchmarkDotNet(bool quick, List<string> arguments, string artifacts, DocSource[] sources, Type[] classes)
    {
        IConfig config = DefaultConfig.Instance
            .WithArtifactsPath(artifacts)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared))
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
            .WithOptions(ConfigOptions.DisableLogFile);
        bool hasFilter = arguments.Contains("--filter") || arguments.Contains("-f");
        if (!hasFilter && sources.Length == 1)
        {
            // BenchmarkDotNet filters by parameter only through its own switches; --source narrows the report, and the
            // BenchmarkDotNet classes below always run both families unless --filter says otherwise.
            Console.WriteLine("note: --source narrows the report only; BenchmarkDotNet runs both families");
        }
        if (quick)
        {
            // In process, short, one call per iteration, timed with the benchmark thread's CPU time (a shared machine:
            // time spent descheduled does not count; the run's own GCs do).
            bool cpuClock = ThreadCpuClock.Instance.IsAvailable;
            Job job = Job.Default
                .WithId(cpuClock ? "QuickCpu" : "Quick")
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(5)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithEvaluateOverhead(false);
            if (cpuClock) job = job.WithClock(ThreadCpuClock.Instance);
            config = config.AddJob(job);
            if (!hasFilter)
            {
                arguments.Add("--filter");
                arguments.Add("*");
            }
            var summaries = new List<Summary>();
            foreach (var type in classes)
            {
                summaries.Add(BenchmarkRunner.Run(type, config, arguments.ToArray()));
            }
            return summaries;
        }
        if (!hasFilter && !arguments.Contains("--list"))
        {
            arguments.Add("--filter");
            arguments.Add("*");
        }
        if (!arguments.Contains("--job") && !arguments.Contains("-j"))
        {
            // The default job's pilot would pick one call per iteration anyway (a full run takes about a second): fix
            // the counts so that the run has a known length.
            config = config.AddJob(Job.Default.WithId("Full").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithInvocationCount(1).WithUnrollFactor(1));
        }
        return BenchmarkSwitcher.FromTypes(classes).Run(arguments.ToArray(), config).ToList();
    }

    /// <summary>Mean, median, allocated and the ratio of means to the group's baseline, per (source, docs).</summary>
    private static string BdnTables(IReadOnlyList<Summary> summaries)
    {
        var text = new StringBuilder();
        text.AppendLine("#### BenchmarkDotNet");
        text.AppendLine();
        text.AppendLine("```");
        foreach (string line in summaries[0].HostEnvironmentInfo.ToFormattedString()) text.AppendLine(line);
        foreach (var summary in summaries)
        {
            foreach (string job in summary.BenchmarksCases.Select(b => b.Job.DisplayInfo).Distinct()) text.AppendLine($"{summary.Title}: {job}");
        }
        text.AppendLine("```");
        foreach (var summary in summaries)
        {
            var rows = summary.Reports.Where(r => r.Success && r.ResultStatistics is not null).Select(r => new
            {
                Method = r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
                Baseline = r.BenchmarkCase.Descriptor.Baseline,
                // One cell per parameter (set and docs for the scale classes, the shape for the pathological one).
                Params = string.Join(" | ", r.BenchmarkCase.Parameters.Items.Select(p => p.Value is int count ? count.ToString("N0", CultureInfo.InvariantCulture) : p.Value?.ToString() ?? "")),
                Mean = r.ResultStatistics!.Mean / 1e6,
                Median = r.ResultStatistics!.Median / 1e6,
                Allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0,
            }).ToList();
            text.AppendLine();
            var parameterNames = summary.BenchmarksCases.First().Parameters.Items.Select(p => p.Name == "Source" ? "set" : p.Name.ToLowerInvariant()).ToList();
            text.AppendLine($"{summary.BenchmarksCases.First().Descriptor.Type.Name} (ratio: mean / mean of the baseline with the same {string.Join(" and ", parameterNames)})");
            text.AppendLine();
            text.AppendLine($"| {string.Join(" | ", parameterNames)} | benchmark | mean ms | median ms | allocated | ratio |");
            text.AppendLine($"|{string.Concat(parameterNames.Select(_ => "---|"))}---|---:|---:|---:|---:|");
            foreach (var group in rows.GroupBy(r => r.Params))
            {
                var baseline = group.FirstOrDefault(r => r.Baseline);
                foreach (var row in group)
                {
                    string ratio = baseline is null ? "" : (row.Mean / baseline.Mean).ToString("F2", CultureInfo.InvariantCulture);
                    text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Params} | {row.Method} | {row.Mean:F2} | {row.Median:F2} | {row.Allocated / 1024.0 / 1024.0:F1} MB | {ratio} |"));
                }
            }
        }
        return text.ToString();
    }

    private static string? Take(List<string> arguments, string name)
    {
        int index = arguments.IndexOf(name);
        if (index < 0) return null;
        if (index + 1 >= arguments.Count) throw new ArgumentException($"{name} needs a value");
        string value = arguments[index + 1];
        arguments.RemoveRange(index, 2);
        return value;
    }
}
