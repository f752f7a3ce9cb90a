using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace Bench;

/// <summary>
/// Before/after across commits (<c>bash bench/compare-commits.sh BASE [HEAD]</c>; docs/benchmarks.md, "Before and
/// after a change"). The script builds these benchmark sources twice, against BASE's generator and runtime and
/// against HEAD's, and runs this driver (<c>--compare-commits</c>), which starts one worker process of each build
/// (<c>--compare-worker</c>) per launch and lets them take turns: in every round pair one worker runs a round and then
/// the other, and the order alternates from pair to pair (ABBA: B H, H B, B H, ...) and from launch to launch. The
/// worker that is not measuring waits on its standard input, so the two never compete for a core. A round times, in
/// a seeded random order (the same for both sides of a pair), one batch of every operation with the thread's CPU time:
/// A (the generated context) and F (STJ source generation over the fast twins, the same code in both builds: the
/// control) reading and writing the Declared payload of every family, without and with unknown members. Each ratio
/// HEAD / BASE is taken within a round pair; the table gives the median, the interquartile range and the worst pair
/// over all pairs of all launches. Allocated bytes per call are exact (<see cref="GC.GetAllocatedBytesForCurrentThread"/>).
/// </summary>
public static class CompareCommits
{
    public static readonly Family[] Families = { Family.Generation, Family.ChatCompletionResponse, Family.CompletionResponse, Family.Invoice, Family.List100KB };
    private static readonly string[] Operations = { SerializerBenchmarks<object, object, object, object>.ReadBytes, SerializerBenchmarks<object, object, object, object>.WriteBytes };
    private const string Ours = "_A_Generated";
    private const string Control = "_F_StjFastTwins";

    private sealed record Op(string Key, Family Family, string Operation, bool Unknown, string Serializer, Func<object> Call);

    // ---- worker --------------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>--compare-worker [--verify] [--batch-ms N] [--wall-clock]</c>: builds the operations, optionally verifies the
    /// payloads (<see cref="Verification"/>), warms up, prints <c>ready {json}</c> (allocated bytes per call), then
    /// answers every <c>round N</c> line on standard input with <c>round {json}</c> (seconds per call) until <c>quit</c>.
    /// Everything else goes to standard error.
    /// </summary>
    public static int RunWorker(string[] args)
    {
        bool verify = args.Contains("--verify");
        bool cpu = !args.Contains("--wall-clock") && ThreadCpuClock.Instance.IsAvailable;
        double batchSeconds = Value(args, "--batch-ms", 5.0) / 1000;
        if (verify)
        {
            Verification.Run(Families, Console.Error);
        }
        Op[] ops = BuildOps();
        WarmUp(ops);
        var batch = ops.ToDictionary(o => o.Key, o => (int)Math.Clamp(Math.Round(batchSeconds / (Paired.Measure(o.Call, 4, cpu) / 4)), 1, 1_000_000));
        var allocated = ops.ToDictionary(o => o.Key, o => Paired.Allocated(o.Call));
        var stdout = Console.Out;
        stdout.WriteLine("ready " + JsonSerializer.Serialize(allocated, CompareJsonContext.Default.DictionaryStringInt64));
        stdout.Flush();
        string? line;
        while ((line = Console.In.ReadLine()) is not null && line != "quit")
        {
            int round = int.Parse(line.AsSpan("round ".Length), CultureInfo.InvariantCulture);
            Op[] order = ops.ToArray();
            new Random(round).Shuffle(order);
            var times = new Dictionary<string, double>();
            foreach (Op op in order)
            {
                times[op.Key] = Paired.Measure(op.Call, batch[op.Key], cpu) / batch[op.Key];
            }
            stdout.WriteLine("round " + JsonSerializer.Serialize(times, CompareJsonContext.Default.DictionaryStringDouble));
            stdout.Flush();
        }
        return 0;
    }

    private static Op[] BuildOps()
    {
        var ops = new List<Op>();
        foreach (Family family in Families)
        {
            Type type = Program.BenchmarkClass(family);
            foreach (bool unknown in new[] { false, true })
            {
                object instance = Activator.CreateInstance(type)!;
                type.GetProperty("UnknownMembers")!.SetValue(instance, unknown);
                type.GetProperty("Shape")!.SetValue(instance, PayloadShape.Declared);
                type.GetMethod("Setup")!.Invoke(instance, null);
                foreach (string operation in Operations)
                {
                    foreach (string serializer in new[] { Ours, Control })
                    {
                        MethodInfo method = type.GetMethod(operation + serializer, BindingFlags.Public | BindingFlags.Instance)!;
                        var call = (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), instance, method);
                        ops.Add(new Op(Key(family, operation, unknown, serializer), family, operation, unknown, serializer, call));
                    }
                }
            }
        }
        return ops.ToArray();
    }

    private static string Key(Family family, string operation, bool unknown, string serializer) => $"{family}|{operation}|{(unknown ? "yes" : "no")}|{serializer}";

    /// <summary>As <see cref="Warmup"/>: every operation called in rounds with pauses, so tiered compilation has promoted the code.</summary>
    private static void WarmUp(Op[] ops)
    {
        for (int round = 0; round < 6; round++)
        {
            foreach (Op op in ops)
            {
                var watch = Stopwatch.StartNew();
                for (int calls = 0; calls < 2000 && watch.ElapsedMilliseconds < 20; calls++) GC.KeepAlive(op.Call());
            }
            Thread.Sleep(250);
        }
    }

    // ---- driver --------------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>--compare-commits --base DLL --head DLL --base-label TEXT --head-label TEXT --bench-label TEXT --command-label TEXT --out FILE
    /// [--launches N] [--rounds N] [--batch-ms N] [--wall-clock]</c>: the driver (see the class summary).
    /// </summary>
    public static int RunDriver(string[] args)
    {
        string baseDll = Text(args, "--base"), headDll = Text(args, "--head"), output = Text(args, "--out");
        string baseLabel = Text(args, "--base-label"), headLabel = Text(args, "--head-label"), benchLabel = Text(args, "--bench-label"), command = Text(args, "--command-label");
        int launches = (int)Value(args, "--launches", 3), rounds = (int)Value(args, "--rounds", 30);
        double batchMs = Value(args, "--batch-ms", 5.0);
        bool wallClock = args.Contains("--wall-clock");
        string loadBefore = Headline.LoadAverage();
        var started = Stopwatch.StartNew();

        var pairs = new List<(Dictionary<string, double> Base, Dictionary<string, double> Head)>();
        Dictionary<string, long>? baseAllocated = null, headAllocated = null;
        int roundIndex = 0;
        for (int launch = 0; launch < launches; launch++)
        {
            string extra = string.Create(CultureInfo.InvariantCulture, $" --batch-ms {batchMs}{(wallClock ? " --wall-clock" : "")}{(launch == 0 ? " --verify" : "")}");
            // Start order alternates too; both warm up at the same time (not measured).
            using Worker first = new(launch % 2 == 0 ? baseDll : headDll, extra), second = new(launch % 2 == 0 ? headDll : baseDll, extra);
            Worker baseWorker = launch % 2 == 0 ? first : second, headWorker = launch % 2 == 0 ? second : first;
            var baseReady = baseWorker.Ready();
            var headReady = headWorker.Ready();
            baseAllocated ??= baseReady;
            headAllocated ??= headReady;
            Console.WriteLine($"launch {launch + 1}/{launches}: both workers ready ({started.Elapsed.TotalSeconds:F0} s)");
            for (int pair = 0; pair < rounds; pair++, roundIndex++)
            {
                bool baseFirst = (pair + launch) % 2 == 0;
                Dictionary<string, double> b, h;
                if (baseFirst)
                {
                    b = baseWorker.Round(roundIndex);
                    h = headWorker.Round(roundIndex);
                }
                else
                {
                    h = headWorker.Round(roundIndex);
                    b = baseWorker.Round(roundIndex);
                }
                pairs.Add((b, h));
            }
        }

        string report = Report(pairs, baseAllocated!, headAllocated!, new Labels(command, baseLabel, headLabel, benchLabel, loadBefore, Headline.LoadAverage(), started.Elapsed, launches, rounds, batchMs, wallClock));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, report);
        Console.WriteLine(report);
        Console.WriteLine($"written to {output} ({started.Elapsed.TotalMinutes:F1} min)");
        return 0;
    }

    private sealed record Labels(string Command, string Base, string Head, string Bench, string LoadBefore, string LoadAfter, TimeSpan Elapsed, int Launches, int Rounds, double BatchMs, bool WallClock);

    private static string Report(List<(Dictionary<string, double> Base, Dictionary<string, double> Head)> pairs, Dictionary<string, long> baseAllocated, Dictionary<string, long> headAllocated, Labels labels)
    {
        var text = new StringBuilder();
        string clock = labels.WallClock ? "wall-clock" : "thread CPU";
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"# Before / after: BASE `{labels.Base}` against HEAD `{labels.Head}`"));
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"`{labels.Command}` ({labels.Launches} launches × {labels.Rounds} round pairs, batches of ~{labels.BatchMs} ms, {clock} time), "
            + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {labels.LoadBefore} before and {labels.LoadAfter} after, {labels.Elapsed.TotalMinutes:F1} min; "
            + $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores. "
            + $"Both builds compile the benchmark sources of {labels.Bench} against their own commit's generator, runtime and build props/targets."));
        text.AppendLine();
        text.AppendLine("Declared payloads (schema order, no explicit nulls: what the writer writes). Time ratio = HEAD / BASE per call within one round pair "
            + "(below 1: HEAD is faster); median [25th–75th percentile] (worst pair) over all pairs. **A** is the generated code under test; **F** "
            + "(STJ source generation over the fast twins) is the same code in both builds, the control: its ratio shows how far the two sides' "
            + "machine differed (ideally 1.00). A / F = A's ratio divided by F's in the same pair. Times are medians over all rounds of that side.");
        text.AppendLine();
        text.AppendLine("| payload | operation | unknown | A at BASE | A at HEAD | **A: HEAD / BASE** | F (control): HEAD / BASE | A / F | A allocated BASE → HEAD |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (Family family in Families)
        {
            foreach (string operation in Operations)
            {
                foreach (string unknown in new[] { "no", "yes" })
                {
                    string a = $"{family}|{operation}|{unknown}|{Ours}", f = $"{family}|{operation}|{unknown}|{Control}";
                    if (!pairs[0].Base.ContainsKey(a) || !pairs[0].Head.ContainsKey(a)) continue;
                    string ratioA = Summary(pairs.Select(p => p.Head[a] / p.Base[a]));
                    string ratioF = Summary(pairs.Select(p => p.Head[f] / p.Base[f]));
                    string corrected = Summary(pairs.Select(p => p.Head[a] / p.Base[a] / (p.Head[f] / p.Base[f])), worst: false);
                    double baseTime = Median(pairs.Select(p => p.Base[a])), headTime = Median(pairs.Select(p => p.Head[a]));
                    string alloc = $"{RatioTables.Bytes(baseAllocated[a])} → {RatioTables.Bytes(headAllocated[a])}";
                    if (baseAllocated[a] > 0)
                    {
                        alloc += string.Create(CultureInfo.InvariantCulture, $" ({(double)headAllocated[a] / baseAllocated[a]:F2})");
                    }
                    text.AppendLine($"| {family} | {operation} | {unknown} | {RatioTables.Time(baseTime * 1e9)} | {RatioTables.Time(headTime * 1e9)} | **{ratioA}** | {ratioF} | {corrected} | {alloc} |");
                }
            }
        }
        AllocationTable(text, "A's allocated bytes per call, exact (the table above rounds to 0.01 KB):", Ours, baseAllocated, headAllocated, exact: true);
        AllocationTable(text, "F's allocated bytes per call (the control; equal at BASE and HEAD unless the runtime differs):", Control, baseAllocated, headAllocated, exact: false);
        return text.ToString();
    }

    /// <summary>One configuration's allocated bytes per call at both commits: exact with the difference, or rounded.</summary>
    private static void AllocationTable(StringBuilder text, string title, string configuration, Dictionary<string, long> baseAllocated, Dictionary<string, long> headAllocated, bool exact)
    {
        text.AppendLine();
        text.AppendLine(title);
        text.AppendLine();
        text.AppendLine(exact ? "| payload | operation | unknown | BASE | HEAD | HEAD − BASE |" : "| payload | operation | unknown | BASE | HEAD |");
        text.AppendLine(exact ? "|---|---|---|---:|---:|---:|" : "|---|---|---|---:|---:|");
        foreach (string key in baseAllocated.Keys.Where(k => k.EndsWith(configuration, StringComparison.Ordinal) && headAllocated.ContainsKey(k)))
        {
            string[] parts = key.Split('|');
            long before = baseAllocated[key], after = headAllocated[key];
            text.AppendLine(exact
                ? string.Create(CultureInfo.InvariantCulture, $"| {parts[0]} | {parts[1]} | {parts[2]} | {before} | {after} | {after - before:+0;-0;0} |")
                : $"| {parts[0]} | {parts[1]} | {parts[2]} | {RatioTables.Bytes(before)} | {RatioTables.Bytes(after)} |");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Median [25th–75th percentile] (worst = the largest HEAD / BASE ratio), invariant culture.</summary>
    private static string Summary(IEnumerable<double> values, bool worst = true)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return worst
            ? string.Create(CultureInfo.InvariantCulture, $"{At(0.5):F2} [{At(0.25):F2}–{At(0.75):F2}] ({sorted[^1]:F2})")
            : string.Create(CultureInfo.InvariantCulture, $"{At(0.5):F2} [{At(0.25):F2}–{At(0.75):F2}]");
    }

    private static string Text(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} is required");
    }

    private static double Value(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>One worker process: <c>dotnet DLL --compare-worker ...</c>; its standard error goes to ours.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Process _process;

        public Worker(string dll, string extra)
        {
            var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --compare-worker{extra}")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + dll);
            Dll = dll;
        }

        public string Dll { get; }

        public Dictionary<string, long> Ready()
            => JsonSerializer.Deserialize(Expect("ready "), CompareJsonContext.Default.DictionaryStringInt64)!;

        public Dictionary<string, double> Round(int index)
        {
            _process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {index}"));
            _process.StandardInput.Flush();
            return JsonSerializer.Deserialize(Expect("round "), CompareJsonContext.Default.DictionaryStringDouble)!;
        }

        private string Expect(string prefix)
        {
            string line = _process.StandardOutput.ReadLine()
                ?? throw new InvalidOperationException($"worker {Dll} exited (code {(_process.WaitForExit(5000) ? _process.ExitCode : -1)}) before '{prefix.Trim()}'");
            return line.StartsWith(prefix, StringComparison.Ordinal)
                ? line[prefix.Length..]
                : throw new InvalidOperationException($"worker {Dll}: expected '{prefix.Trim()}', got: {line}");
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.StandardInput.WriteLine("quit");
                    _process.StandardInput.Flush();
                    if (!_process.WaitForExit(10_000)) _process.Kill();
                }
            }
            catch (IOException)
            {
                // the worker is gone already
            }
            _process.Dispose();
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, long>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, double>))]
internal sealed partial class CompareJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
