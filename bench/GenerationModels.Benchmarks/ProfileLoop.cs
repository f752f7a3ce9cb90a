using System;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Bench;

/// <summary>
/// <c>--loop FAMILY OPERATION_CONFIG [SHAPE] [unknown] [SECONDS]</c>, e.g. <c>--loop Invoice WriteBytes_A_Generated</c>:
/// calls one benchmark method in a loop for a few seconds (default 10), for a sampling profiler to attach to
/// (<c>DOTNET_PerfMapEnabled=1 perf record -g dotnet GenerationModels.Benchmarks.dll --loop ...</c>). Prints the calls
/// per second (wall clock: not a result) and the exact bytes allocated per call. Nothing is verified or compared.
/// </summary>
public static class ProfileLoop
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: --loop FAMILY OPERATION_CONFIG [Declared|Shuffled|Hard] [unknown] [alloc-types] [SECONDS]");
            return 2;
        }
        Family family = Enum.Parse<Family>(args[1], ignoreCase: true);
        string method = args[2];
        PayloadShape shape = PayloadShape.Declared;
        bool unknown = false;
        double seconds = 10;
        bool allocationTypes = false;
        for (int i = 3; i < args.Length; i++)
        {
            if (string.Equals(args[i], "alloc-types", StringComparison.OrdinalIgnoreCase)) allocationTypes = true;
            else if (double.TryParse(args[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double s)) seconds = s;
            else if (string.Equals(args[i], "unknown", StringComparison.OrdinalIgnoreCase)) unknown = true;
            else shape = Enum.Parse<PayloadShape>(args[i], ignoreCase: true);
        }
        Type type = Program.BenchmarkClass(family);
        if (family is Family.List10MB or Family.List100MB && typeof(LargeStreamBenchmarks).GetMethod(method) is not null)
        {
            // The large-array methods have one payload: a shape, unknown members or allocation sampling would be ignored.
            if (shape != PayloadShape.Declared || unknown || allocationTypes)
            {
                Console.Error.WriteLine($"--loop {family} {method}: only [SECONDS] applies (the large-array payload has no shape, unknown members or alloc-types mode)");
                return 2;
            }
            return RunLarge(family, method, seconds);
        }
        object instance = Activator.CreateInstance(type)!;
        type.GetProperty("UnknownMembers")?.SetValue(instance, unknown);
        type.GetProperty("Shape")?.SetValue(instance, shape);
        type.GetMethod("Setup")!.Invoke(instance, null);
        MethodInfo m = type.GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{type.Name} has no method {method}");
        var op = (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), instance, m);
        long bytes = Paired.Allocated(op);
        if (allocationTypes)
        {
            // The runtime's allocation sampling (an event about every 100 KB allocated, naming the type that crossed
            // it): over many calls, the types a call allocates, roughly in proportion to their bytes.
            using var listener = new AllocationTypes();
            var sampled = Stopwatch.StartNew();
            while (sampled.Elapsed.TotalSeconds < seconds) GC.KeepAlive(op());
            System.Threading.Thread.Sleep(500);
            Console.WriteLine($"{family} {shape} {(unknown ? "with" : "without")} unknown members, {method}: {bytes} B allocated per call; allocation samples by type:");
            foreach (var (typeName, count) in listener.Top(15)) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,8} {typeName}"));
            return 0;
        }
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 1000; i++) GC.KeepAlive(op());
            calls += 1000;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{family} {shape} {(unknown ? "with" : "without")} unknown members, {method}: {calls / watch.Elapsed.TotalSeconds:F0} calls/s (wall clock, not a result), {bytes} B allocated per call"));
        return 0;
    }

    /// <summary>
    /// <c>--loop List10MB|List100MB METHOD [SECONDS]</c>: one of <see cref="LargeStreamBenchmarks"/>' methods (e.g.
    /// <c>StreamEnumerable_A_Generated</c>) called in a loop, one call at a time.
    /// </summary>
    private static int RunLarge(Family family, string method, double seconds)
    {
        var instance = new LargeStreamBenchmarks { SizeMB = family == Family.List100MB ? 100 : 10 };
        instance.Setup(); // writes the payload file when it is missing

        MethodInfo m = typeof(LargeStreamBenchmarks).GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{nameof(LargeStreamBenchmarks)} has no method {method}");
        int Call() => m.Invoke(instance, null) switch
        {
            int count => count,
            System.Threading.Tasks.Task<int> task => task.GetAwaiter().GetResult(),
            var other => throw new InvalidOperationException($"{method} returned {other}"),
        };
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            GC.KeepAlive(Call());
            calls++;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{family}, {method}: {calls} calls in {watch.Elapsed.TotalSeconds:F1} s (wall clock, not a result)"));
        return 0;
    }
}

/// <summary>Counts the runtime's allocation-tick events (GC keyword, verbose) by the type each names.</summary>
internal sealed class AllocationTypes : System.Diagnostics.Tracing.EventListener
{
    private readonly System.Collections.Generic.Dictionary<string, long> _counts = new();

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null || e.Payload is null) return;
        int at = e.PayloadNames.IndexOf("TypeName");
        string type = at >= 0 ? e.Payload[at]?.ToString() ?? "?" : "?";
        lock (_counts) _counts[type] = (_counts.TryGetValue(type, out long n) ? n : 0) + 1;
    }

    public System.Collections.Generic.List<(string Type, long Count)> Top(int n)
    {
        lock (_counts) return System.Linq.Enumerable.ToList(System.Linq.Enumerable.Take(System.Linq.Enumerable.Select(System.Linq.Enumerable.OrderByDescending(_counts, kv => kv.Value), kv => (kv.Key, kv.Value)), n));
    }
}
