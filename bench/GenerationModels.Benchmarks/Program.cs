using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/GenerationModels.Benchmarks -- --quick</c>: every family but the 10 MB one
/// with a short in-process job, after a warm-up and the paired A/B ratios (<see cref="Paired"/>); <c>--filter</c>
/// narrows it (and <c>--filter *List10MB*</c> runs the 10 MB family). Without <c>--quick</c> the arguments go to
/// <see cref="BenchmarkSwitcher"/> as they are (e.g. <c>--filter *Invoice*</c>, <c>--job short</c>, <c>--list flat</c>),
/// with BenchmarkDotNet's default out-of-process toolchain and wall-clock time. Either way the payloads are checked
/// first (<see cref="Verification"/>; <c>--no-verify</c> skips it, <c>--verify-only</c> stops after it), and
/// BenchmarkDotNet.Artifacts/ beside this project gets the reports plus results/tables-*.md (ratio tables).
/// Other switches: <c>--wall-clock</c> (quick mode: wall-clock instead of thread CPU time); <c>--loop</c> calls one
/// benchmark method for a profiler (<see cref="ProfileLoop"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "--stream-memory-case")
        {
            return StreamMemory.RunCase(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        }
        if (args.Length > 0 && args[0] == "--loop")
        {
            return ProfileLoop.Run(args);
        }
        if (args.Contains("--compare-worker"))
        {
            return CompareCommits.RunWorker(args);
        }
        if (args.Contains("--compare-commits"))
        {
            return CompareCommits.RunDriver(args);
        }
        if (args.Contains("--headline") || args.Contains("--smoke"))
        {
            return Headline.Run(args.Contains("--smoke"), ProjectDirectory());
        }
        if (args.Contains("--stream-memory"))
        {
            Console.WriteLine(StreamMemory.Run(typeof(Program).Assembly.Location, new[] { 10, 100 }, Console.WriteLine));
            return 0;
        }
        var arguments = args.ToList();
        bool pairedOnly = arguments.Remove("--paired");
        bool others = arguments.Remove("--others");
        bool quick = arguments.Remove("--quick") || pairedOnly;
        bool noVerify = arguments.Remove("--no-verify");
        bool verifyOnly = arguments.Remove("--verify-only");
        bool wallClock = arguments.Remove("--wall-clock");
        string artifacts = Path.Combine(ProjectDirectory(), "BenchmarkDotNet.Artifacts");

        // Quick mode without a filter runs every family but the 10 MB one (which alone takes about three minutes:
        // run it with --quick --filter *List10MB*).
        List<string> filters = Filters(arguments);
        bool quickDefault = quick && filters.Count == 0;
        if (quickDefault)
        {
            arguments.Add("--filter");
            arguments.Add("*");
        }
        var families = Enum.GetValues<Family>()
            .Where(f => f != Family.List100MB)
            .Where(f => !(quickDefault && f == Family.List10MB))
            .Where(f => filters.Count == 0 || Warmup.BenchmarkMethods(BenchmarkClass(f))
                .Any(m => filters.Any(pattern => Glob(pattern).IsMatch(BenchmarkClass(f).FullName + "." + m.Name))))
            .ToArray();

        if (!noVerify && !arguments.Contains("--list") && !arguments.Contains("--help") && !arguments.Contains("--version"))
        {
            var watch = Stopwatch.StartNew();
            Verification.Run(families, Console.Out);
            Console.WriteLine($"verification passed in {watch.Elapsed.TotalSeconds:F1} s");
        }
        if (verifyOnly)
        {
            return 0;
        }

        IConfig config = DefaultConfig.Instance
            .WithArtifactsPath(artifacts)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared))
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(20))
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median);

        var started = Stopwatch.StartNew();
        var summaries = new List<Summary>();
        string? pairedTables = null;
        if (quick)
        {
            // In-process (no generated project, no process per benchmark), short, with a fixed invocation count per
            // class so that no pilot stage is needed, and timed with the benchmark thread's CPU time (ThreadCpuClock)
            // unless --wall-clock is given or the clock is not available.
            bool cpuClock = !wallClock && ThreadCpuClock.Instance.IsAvailable;
            var watch = Stopwatch.StartNew();
            Dictionary<Type, double> slowest = Warmup.Run(families.Select(BenchmarkClass));
            Console.WriteLine($"warm-up took {watch.Elapsed.TotalSeconds:F1} s; clock: {(cpuClock ? ThreadCpuClock.Instance.Title : "wall clock")}");
            Job job = Job.Default
                .WithId(cpuClock ? "QuickCpu" : "Quick")
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(7)
                .WithUnrollFactor(1)
                .WithEvaluateOverhead(false);
            if (cpuClock)
            {
                job = job.WithClock(ThreadCpuClock.Instance);
            }
            watch.Restart();
            pairedTables = Paired.Run(families, BenchmarkClass, cpuClock, includeOthers: others, progress: Console.WriteLine);
            Console.WriteLine($"paired ratios took {watch.Elapsed.TotalSeconds:F1} s (printed with the tables at the end)");
            if (pairedOnly)
            {
                string pairedPath = Path.Combine(artifacts, "results", $"paired-{DateTime.Now:yyyyMMdd-HHmmss}.md");
                Directory.CreateDirectory(Path.GetDirectoryName(pairedPath)!);
                string text = $"Commit {Headline.Commit(ProjectDirectory())}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Headline.LoadAverage()}{Environment.NewLine}{Environment.NewLine}{pairedTables}";
                File.WriteAllText(pairedPath, text);
                Console.WriteLine(text);
                Console.WriteLine($"paired tables written to {pairedPath}");
                return 0;
            }
            foreach (Family family in families)
            {
                Type type = BenchmarkClass(family);
                // The slowest benchmark of the class gets about 50 ms per iteration, the fastest a few ms.
                long invocations = Math.Clamp((long)Math.Round(0.050 / slowest[type]), 1, 1_000_000);
                summaries.Add(BenchmarkRunner.Run(type, config.AddJob(job.WithInvocationCount(invocations)), arguments.ToArray()));
            }
        }
        else
        {
            summaries.AddRange(BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments.ToArray(), config));
        }

        if (summaries.Any(s => s.Reports.Length > 0))
        {
            string tables = RatioTables.Write(summaries.Where(s => s.Reports.Length > 0).ToList());
            if (pairedTables is not null)
            {
                tables += Environment.NewLine + pairedTables;
            }
            string path = Path.Combine(artifacts, "results", $"tables-{DateTime.Now:yyyyMMdd-HHmmss}.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, tables);
            Console.WriteLine(tables);
            Console.WriteLine($"tables written to {path}; benchmarks took {started.Elapsed.TotalMinutes:F1} min");
        }
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    internal static Type BenchmarkClass(Family family) => family switch
    {
        Family.Generation => typeof(GenerationBenchmarks),
        Family.ChatCompletionResponse => typeof(ChatCompletionResponseBenchmarks),
        Family.CompletionResponse => typeof(CompletionResponseBenchmarks),
        Family.Invoice => typeof(InvoiceBenchmarks),
        Family.List100KB => typeof(List100KBBenchmarks),
        Family.List10MB => typeof(List10MBBenchmarks),
        Family.List100MB => typeof(LargeStreamBenchmarks),
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    /// <summary>The values of --filter / -f (BenchmarkDotNet takes several after one switch).</summary>
    private static List<string> Filters(List<string> arguments)
    {
        var result = new List<string>();
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is "--filter" or "-f")
            {
                for (int j = i + 1; j < arguments.Count && !arguments[j].StartsWith('-'); j++)
                {
                    result.Add(arguments[j]);
                }
            }
        }
        return result;
    }

    private static Regex Glob(string pattern)
        => new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase);

    internal static string ProjectDirectory()
        => typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BenchProjectDirectory")?.Value
           ?? Directory.GetCurrentDirectory();
}

/// <summary>Markdown tables per family, operation and payload variant: mean, allocated bytes and ratios to B.</summary>
public static class RatioTables
{
    private static readonly string[] Labels = { "A generated", "B STJ source-gen", "C STJ reflection", "D Newtonsoft", "E STJ source-gen, settable twins", "F STJ source-gen, fast twins", "G STJ serialization-only, fast twins" };

    public static string Write(IReadOnlyList<Summary> summaries)
    {
        var text = new StringBuilder();
        var first = summaries[0];
        text.AppendLine("```");
        text.AppendLine(first.HostEnvironmentInfo.ToFormattedString().Aggregate(new StringBuilder(), (b, l) => b.AppendLine(l)).ToString().TrimEnd());
        text.AppendLine($"Runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSArchitecture}, GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        foreach (Summary summary in summaries)
        {
            foreach (string job in summary.BenchmarksCases.Select(b => b.Job.DisplayInfo).Distinct())
            {
                text.AppendLine($"{summary.Title}: {job}");
            }
        }
        text.AppendLine("```");
        var rows = summaries.SelectMany(s => s.Reports).Where(r => r.Success && r.ResultStatistics is not null).Select(r => new
        {
            Family = r.BenchmarkCase.Descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal),
            Operation = r.BenchmarkCase.Descriptor.Categories.FirstOrDefault() ?? "",
            Unknown = r.BenchmarkCase.Parameters["UnknownMembers"]?.ToString() ?? "",
            Shape = r.BenchmarkCase.Parameters["Shape"]?.ToString() ?? "",
            Method = r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
            Mean = r.ResultStatistics!.Mean,
            Min = r.ResultStatistics!.Min,
            Allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0,
        }).ToList();
        foreach (var group in rows.GroupBy(r => (r.Family, r.Operation, r.Unknown, r.Shape)))
        {
            var baseline = group.FirstOrDefault(r => r.Method.Contains("_B_", StringComparison.Ordinal));
            text.AppendLine();
            text.AppendLine($"#### {group.Key.Family} — {group.Key.Shape} — {group.Key.Operation} — unknown members: {(group.Key.Unknown == "True" ? "yes" : "no")}");
            text.AppendLine();
            text.AppendLine("| serializer | mean | min | allocated | ratio to B (mean) | ratio to B (min) | alloc ratio to B |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var row in group)
            {
                string label = Labels.FirstOrDefault(l => row.Method.Contains("_" + l[0] + "_", StringComparison.Ordinal)) ?? row.Method;
                string ratio = baseline is null ? "?" : (row.Mean / baseline.Mean).ToString("F2", CultureInfo.InvariantCulture);
                string ratioMin = baseline is null ? "?" : (row.Min / baseline.Min).ToString("F2", CultureInfo.InvariantCulture);
                string alloc = baseline is null || baseline.Allocated == 0 ? "?" : ((double)row.Allocated / baseline.Allocated).ToString("F2", CultureInfo.InvariantCulture);
                text.AppendLine($"| {label} | {Time(row.Mean)} | {Time(row.Min)} | {Bytes(row.Allocated)} | {ratio} | {ratioMin} | {alloc} |");
            }
        }
        return text.ToString();
    }

    internal static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e6 => (nanoseconds / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (nanoseconds / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " μs",
        _ => nanoseconds.ToString("F0", CultureInfo.InvariantCulture) + " ns",
    };

    internal static string Bytes(long bytes) => bytes switch
    {
        >= 1 << 20 => (bytes / 1048576.0).ToString("F2", CultureInfo.InvariantCulture) + " MB",
        >= 1 << 10 => (bytes / 1024.0).ToString("F2", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
