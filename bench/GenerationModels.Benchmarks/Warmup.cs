using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace Bench;

/// <summary>
/// Quick mode, before BenchmarkDotNet starts: calls every benchmark of the selected classes in rounds (up to 2,000
/// calls or 20 ms each) with pauses, so that tiered compilation (and dynamic PGO) has promoted the serializers' code
/// to its final tier in this process (the in-process toolchain measures in the same process; a short job alone
/// measured half-promoted code: slower, and with more allocated bytes, as .NET 10 stack-allocates some objects only
/// in optimized code), and measures how long the slowest benchmark of each class
/// takes per call, from which quick mode sets a fixed invocation count per class (no pilot stage).
/// </summary>
public static class Warmup
{
    public static Dictionary<Type, double> Run(IEnumerable<Type> benchmarkClasses, int rounds = 6)
    {
        var operations = new List<(Type Type, Func<object> Call)>();
        foreach (Type type in benchmarkClasses)
        {
            foreach (bool unknown in new[] { false, true })
            {
                object instance = Activator.CreateInstance(type)!;
                type.GetProperty("UnknownMembers")!.SetValue(instance, unknown);
                type.GetMethod("Setup")!.Invoke(instance, null);
                operations.AddRange(BenchmarkMethods(type)
                    .Select(m => (type, (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), instance, m))));
            }
        }
        var slowest = new Dictionary<Type, double>();
        bool cpu = ThreadCpuClock.Instance.IsAvailable;
        for (int round = 0; round < rounds; round++)
        {
            foreach ((Type type, Func<object> call) in operations)
            {
                var watch = Stopwatch.StartNew();
                long start = cpu ? ThreadCpuClock.Instance.GetTimestamp() : Stopwatch.GetTimestamp();
                int calls = 0;
                while (calls < 2000 && watch.ElapsedMilliseconds < 20)
                {
                    GC.KeepAlive(call());
                    calls++;
                }
                double seconds = cpu
                    ? (ThreadCpuClock.Instance.GetTimestamp() - start) / 1e9
                    : (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
                if (round == rounds - 1)
                {
                    slowest[type] = Math.Max(slowest.GetValueOrDefault(type), seconds / calls);
                }
            }
            Thread.Sleep(250); // no new code for a while: tiered compilation installs call counting and promotes
        }
        return slowest;
    }

    public static IEnumerable<MethodInfo> BenchmarkMethods(Type type)
        => type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);
}
