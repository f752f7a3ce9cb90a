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
            Console.Error.WriteLine("usage: --loop FAMILY OPERATION_CONFIG [Declared|Shuffled|Hard] [unknown] [SECONDS]");
            return 2;
        }
        Family family = Enum.Parse<Family>(args[1], ignoreCase: true);
        string method = args[2];
        PayloadShape shape = PayloadShape.Declared;
        bool unknown = false;
        double seconds = 10;
        for (int i = 3; i < args.Length; i++)
        {
            if (double.TryParse(args[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double s)) seconds = s;
            else if (string.Equals(args[i], "unknown", StringComparison.OrdinalIgnoreCase)) unknown = true;
            else shape = Enum.Parse<PayloadShape>(args[i], ignoreCase: true);
        }
        Type type = Program.BenchmarkClass(family);
        if (family is Family.List10MB or Family.List100MB && typeof(LargeStreamBenchmarks).GetMethod(method) is not null) return RunLarge(family, method, seconds);
        object instance = Activator.CreateInstance(type)!;
        type.GetProperty("UnknownMembers")?.SetValue(instance, unknown);
        type.GetProperty("Shape")?.SetValue(instance, shape);
        type.GetMethod("Setup")!.Invoke(instance, null);
        MethodInfo m = type.GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{type.Name} has no method {method}");
        var op = (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), instance, m);
        long bytes = Paired.Allocated(op);
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
