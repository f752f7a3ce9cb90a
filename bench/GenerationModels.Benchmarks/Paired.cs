using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Bench;

/// <summary>
/// The paired quick mode, for a machine shared with other work (not a BenchmarkDotNet measurement). For one payload
/// family, shape and operation, A and every STJ configuration (B, E, F, G; C and D with <c>includeOthers</c>), each on
/// the payload without and with unknown members, run in short batches (about 2 ms each) interleaved within a round.
/// The order inside a round is a seeded random permutation, and every second round runs the previous round's order
/// backwards (ABBA), so that neither side sits systematically first after a pause or a collection. Each batch is timed
/// with the thread's CPU time; every ratio is taken within one round, and the median over the rounds is reported
/// with its interquartile range and its worst round. Load that changes over seconds hits both sides of a ratio alike.
/// Allocated bytes per call are exact (<see cref="GC.GetAllocatedBytesForCurrentThread"/>).
/// </summary>
public static class Paired
{
    private const string A = "_A_Generated";

    /// <summary>The STJ configurations that count for "fastest STJ" (docs/benchmarks.md: baselines).</summary>
    private static readonly string[] Stj = { "_B_StjSourceGen", "_E_StjSourceGenSettable", "_F_StjFastTwins", "_G_StjSerializationOnly" };

    private static readonly string[] Others = { "_C_StjReflection", "_D_Newtonsoft" };

    public static string Run(IEnumerable<Family> families, Func<Family, Type> benchmarkClass, bool cpu, int rounds = 41, bool includeOthers = false, Action<string>? progress = null)
    {
        var speed = new StringBuilder();
        var unknownCost = new StringBuilder();
        var allocations = new StringBuilder();
        string clock = cpu ? "thread CPU" : "wall-clock";
        speed.AppendLine($"Paired quick mode ({clock} time, {rounds} interleaved rounds, seeded random order with ABBA reversal). "
            + "Speed-up = time of the STJ configuration / time of A in the same round (above 1: A is faster); median [25th–75th percentile] (worst round).");
        speed.AppendLine();
        string otherHeads = includeOthers ? " over C | over D |" : "";
        speed.AppendLine($"| payload | shape | operation | unknown | over B | over E | over F | over G |{otherHeads} **over the fastest STJ** |");
        speed.AppendLine($"|---|---|---|---|---:|---:|---:|---:|{(includeOthers ? "---:|---:|" : "")}---:|");
        unknownCost.AppendLine("Cost of unknown members: time on the payload with them / time on the same payload without them, same rounds (median [IQR]); the payload with them is larger (last column).");
        unknownCost.AppendLine();
        unknownCost.AppendLine("| payload | shape | operation | A | B | E | bytes with/without |");
        unknownCost.AppendLine("|---|---|---|---:|---:|---:|---:|");
        allocations.AppendLine("Allocated bytes per call (exact, same runs); last column: A / the least any STJ configuration allocates.");
        allocations.AppendLine();
        allocations.AppendLine("| payload | shape | operation | unknown | A | B | E | F | G | A / least STJ |");
        allocations.AppendLine("|---|---|---|---|---:|---:|---:|---:|---:|---:|");
        string[] columns = Stj.Concat(includeOthers ? Others : Array.Empty<string>()).ToArray();
        foreach (Family family in families)
        {
            Type type = benchmarkClass(family);
            foreach (PayloadShape shape in Enum.GetValues<PayloadShape>())
            {
                object Instance(bool unknown)
                {
                    object instance = Activator.CreateInstance(type)!;
                    type.GetProperty("UnknownMembers")!.SetValue(instance, unknown);
                    type.GetProperty("Shape")!.SetValue(instance, shape);
                    type.GetMethod("Setup")!.Invoke(instance, null);
                    return instance;
                }
                object without = Instance(false), with = Instance(true);
                double bytesRatio = (double)Payloads.Get(family, true, shape).Length / Payloads.Get(family, false, shape).Length;
                foreach (string operation in new[] { SerializerBenchmarks<object, object, object, object>.ReadBytes, SerializerBenchmarks<object, object, object, object>.ReadStream, SerializerBenchmarks<object, object, object, object>.WriteBytes })
                {
                    if (shape != PayloadShape.Declared && operation != SerializerBenchmarks<object, object, object, object>.ReadBytes)
                    {
                        continue; // writes use the Declared payload's models; stream reads are measured on Declared
                    }
                    progress?.Invoke($"paired: {family} {shape} {operation}");
                    string[] names = new[] { A }.Concat(columns).ToArray();
                    // ops[variant][name]
                    var ops = new Dictionary<string, Func<object>>[2];
                    for (int variant = 0; variant < 2; variant++)
                    {
                        ops[variant] = new Dictionary<string, Func<object>>();
                        foreach (string name in names)
                        {
                            if (type.GetMethod(operation + name, BindingFlags.Public | BindingFlags.Instance) is { } m)
                            {
                                ops[variant][name] = (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), variant == 0 ? without : with, m);
                            }
                        }
                    }
                    var all = Enumerable.Range(0, 2).SelectMany(v => ops[v].Keys.Select(n => (Variant: v, Name: n))).ToArray();
                    var batch = new Dictionary<(int, string), int>();
                    bool slow = false;
                    foreach (var op in all)
                    {
                        double single = Measure(ops[op.Variant][op.Name], 2, cpu) / 2;
                        batch[op] = (int)Math.Clamp(Math.Round(0.002 / single), 1, 100_000);
                        slow |= single > 0.02;
                    }
                    int roundCount = slow ? Math.Min(rounds, 11) : rounds;
                    var perRound = new List<Dictionary<(int, string), double>>();
                    var random = new Random(20261204);
                    var order = all.ToArray();
                    for (int round = 0; round < roundCount; round++)
                    {
                        if (round % 2 == 0)
                        {
                            random.Shuffle(order);
                        }
                        else
                        {
                            Array.Reverse(order);
                        }
                        var t = new Dictionary<(int, string), double>();
                        foreach (var op in order)
                        {
                            t[op] = Measure(ops[op.Variant][op.Name], batch[op], cpu) / batch[op];
                        }
                        perRound.Add(t);
                    }
                    for (int variant = 0; variant < 2; variant++)
                    {
                        int v = variant;
                        string Over(string name) => !ops[v].ContainsKey(name) ? "" : Summary(perRound.Select(t => t[(v, name)] / t[(v, A)]));
                        string[] stjHere = Stj.Where(ops[v].ContainsKey).ToArray();
                        string fastest = Summary(perRound.Select(t => stjHere.Min(n => t[(v, n)]) / t[(v, A)]));
                        string others = includeOthers ? $" {Over(Others[0])} | {Over(Others[1])} |" : "";
                        speed.AppendLine($"| {family} | {shape} | {operation} | {(v == 1 ? "yes" : "no")} | {Over(Stj[0])} | {Over(Stj[1])} | {Over(Stj[2])} | {Over(Stj[3])} |{others} **{fastest}** |");

                        var bytes = names.Where(ops[v].ContainsKey).ToDictionary(n => n, n => Allocated(ops[v][n]));
                        string Alloc(string name) => bytes.TryGetValue(name, out long b) ? Bytes(b) : "";
                        long least = Stj.Where(bytes.ContainsKey).Min(n => bytes[n]);
                        string allocRatio = least == 0 ? "?" : ((double)bytes[A] / least).ToString("F2", CultureInfo.InvariantCulture);
                        allocations.AppendLine($"| {family} | {shape} | {operation} | {(v == 1 ? "yes" : "no")} | {Alloc(A)} | {Alloc(Stj[0])} | {Alloc(Stj[1])} | {Alloc(Stj[2])} | {Alloc(Stj[3])} | {allocRatio} |");
                    }
                    string Cost(string name) => !ops[0].ContainsKey(name) ? "" : Summary(perRound.Select(t => t[(1, name)] / t[(0, name)]), worst: false);
                    unknownCost.AppendLine($"| {family} | {shape} | {operation} | {Cost(A)} | {Cost(Stj[0])} | {Cost(Stj[1])} | {bytesRatio.ToString("F2", CultureInfo.InvariantCulture)} |");
                }
            }
        }
        return speed + Environment.NewLine + unknownCost + Environment.NewLine + allocations;
    }

    /// <summary>Seconds for <paramref name="calls"/> calls: the thread's CPU time, or wall-clock time.</summary>
    internal static double Measure(Func<object> op, int calls, bool cpu)
    {
        long start = cpu ? ThreadCpuClock.Instance.GetTimestamp() : Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++) GC.KeepAlive(op());
        long end = cpu ? ThreadCpuClock.Instance.GetTimestamp() : Stopwatch.GetTimestamp();
        return cpu ? (end - start) / 1e9 : (end - start) / (double)Stopwatch.Frequency;
    }

    /// <summary>Bytes allocated per call on this thread (exact), after one call not counted.</summary>
    internal static long Allocated(Func<object> op)
    {
        GC.KeepAlive(op());
        long before = GC.GetAllocatedBytesForCurrentThread();
        const int calls = 4;
        for (int i = 0; i < calls; i++) GC.KeepAlive(op());
        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }

    /// <summary>Median [25th–75th percentile] (worst round = the smallest speed-up), invariant culture.</summary>
    private static string Summary(IEnumerable<double> values, bool worst = true)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return worst
            ? string.Create(CultureInfo.InvariantCulture, $"{At(0.5):F2} [{At(0.25):F2}–{At(0.75):F2}] ({sorted[0]:F2})")
            : string.Create(CultureInfo.InvariantCulture, $"{At(0.5):F2} [{At(0.25):F2}–{At(0.75):F2}]");
    }

    private static string Bytes(long bytes) => bytes >= 1 << 20
        ? (bytes / 1048576.0).ToString("F2", CultureInfo.InvariantCulture) + " MB"
        : bytes >= 1 << 10 ? (bytes / 1024.0).ToString("F2", CultureInfo.InvariantCulture) + " KB" : bytes + " B";
}
