using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Bench;

/// <summary>
/// Quick mode's second opinion on the headline ratios, for a machine shared with other work. For one payload family
/// and operation, A, B, D and E (reads only), each on the payload without and with unknown members, are run in short
/// alternating batches (about 2 ms each, order rotated every round), each batch timed with the thread's CPU time;
/// every ratio is taken within a round and the median over the rounds is reported with its interquartile range.
/// Load that changes over seconds hits all of them alike and cancels out of the ratios, which is not true of
/// BenchmarkDotNet's one-benchmark-after-another runs. Allocated bytes per call are exact
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>). Not a BenchmarkDotNet measurement.
/// </summary>
public static class Paired
{
    private static readonly string[] Operations = { "ReadBytes", "ReadStream", "WriteBytes" };
    private static readonly string[] Serializers = { "_A_Generated", "_B_StjSourceGen", "_E_StjSourceGenSettable", "_D_Newtonsoft" };

    public static string Run(IEnumerable<Family> families, Func<Family, Type> benchmarkClass, bool cpu, int rounds = 31)
    {
        var times = new StringBuilder();
        var allocations = new StringBuilder();
        times.AppendLine($"Paired, interleaved ratios of {(cpu ? "thread CPU" : "wall-clock")} time per call: median over the rounds [25th–75th percentile]. "
            + "\"with/without\" compares the same serializer on the payload with unknown members to the one without (the payload with them is larger: see the last column).");
        times.AppendLine();
        times.AppendLine("| payload | operation | A/B, no unknown | A/B, unknown | E/B, no unknown | E/B, unknown | D/A, no unknown | D/A, unknown | A with/without unknown | B with/without unknown | bytes with/without |");
        times.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        allocations.AppendLine("Allocated bytes per call (exact, same runs):");
        allocations.AppendLine();
        allocations.AppendLine("| payload | operation | A, no unknown | B, no unknown | E, no unknown | D, no unknown | A, unknown | B, unknown | E, unknown | D, unknown |");
        allocations.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (Family family in families)
        {
            Type type = benchmarkClass(family);
            object Instance(bool unknown)
            {
                object instance = Activator.CreateInstance(type)!;
                type.GetProperty("UnknownMembers")!.SetValue(instance, unknown);
                type.GetMethod("Setup")!.Invoke(instance, null);
                return instance;
            }
            object without = Instance(false), with = Instance(true);
            double bytesRatio = (double)Payloads.Get(family, true).Length / Payloads.Get(family, false).Length;
            foreach (string operation in Operations)
            {
                // ops[variant * 4 + serializer]; null where there is no such benchmark (E writes).
                var ops = new Func<object>?[8];
                for (int variant = 0; variant < 2; variant++)
                {
                    for (int s = 0; s < 4; s++)
                    {
                        ops[variant * 4 + s] = type.GetMethod(operation + Serializers[s], BindingFlags.Public | BindingFlags.Instance) is { } m
                            ? (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), variant == 0 ? without : with, m)
                            : null;
                    }
                }
                var present = Enumerable.Range(0, 8).Where(i => ops[i] is not null).ToArray();
                var batch = new int[8];
                bool slow = false;
                foreach (int i in present)
                {
                    double single = Measure(ops[i]!, 2, cpu) / 2;
                    batch[i] = (int)Math.Clamp(Math.Round(0.002 / single), 1, 100_000);
                    slow |= single > 0.02;
                }
                int roundCount = slow ? Math.Min(rounds, 11) : rounds;
                var perCall = new List<double[]>();
                for (int round = 0; round < roundCount; round++)
                {
                    var t = new double[8];
                    for (int k = 0; k < present.Length; k++)
                    {
                        int i = present[(k + round) % present.Length];
                        t[i] = Measure(ops[i]!, batch[i], cpu) / batch[i];
                    }
                    perCall.Add(t);
                }
                string Ratio(int x, int y) => ops[x] is null || ops[y] is null ? "" : Quartiles(perCall.Select(t => t[x] / t[y]));
                times.AppendLine($"| {family} | {operation} | {Ratio(0, 1)} | {Ratio(4, 5)} | {Ratio(2, 1)} | {Ratio(6, 5)} | {Ratio(3, 0)} | {Ratio(7, 4)} | {Ratio(4, 0)} | {Ratio(5, 1)} | {bytesRatio.ToString("F2", CultureInfo.InvariantCulture)} |");
                string Alloc(int i) => ops[i] is null ? "" : Bytes(Allocated(ops[i]!));
                allocations.AppendLine($"| {family} | {operation} | {Alloc(0)} | {Alloc(1)} | {Alloc(2)} | {Alloc(3)} | {Alloc(4)} | {Alloc(5)} | {Alloc(6)} | {Alloc(7)} |");
            }
        }
        return times + Environment.NewLine + allocations;
    }

    private static double Measure(Func<object> op, int calls, bool cpu)
    {
        long start = cpu ? ThreadCpuClock.Instance.GetTimestamp() : Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++) GC.KeepAlive(op());
        long end = cpu ? ThreadCpuClock.Instance.GetTimestamp() : Stopwatch.GetTimestamp();
        return cpu ? (end - start) / 1e9 : (end - start) / (double)Stopwatch.Frequency;
    }

    private static long Allocated(Func<object> op)
    {
        GC.KeepAlive(op());
        long before = GC.GetAllocatedBytesForCurrentThread();
        const int calls = 4;
        for (int i = 0; i < calls; i++) GC.KeepAlive(op());
        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }

    private static string Quartiles(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return string.Create(CultureInfo.InvariantCulture, $"{At(0.5):F2} [{At(0.25):F2}–{At(0.75):F2}]");
    }

    private static string Bytes(long bytes) => bytes >= 1 << 20
        ? (bytes / 1048576.0).ToString("F2", CultureInfo.InvariantCulture) + " MB"
        : bytes >= 1 << 10 ? (bytes / 1024.0).ToString("F2", CultureInfo.InvariantCulture) + " KB" : bytes + " B";
}
