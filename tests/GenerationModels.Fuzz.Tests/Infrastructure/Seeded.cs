using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading;
using CsCheck;

namespace GenerationModels.Fuzz.Tests.Infrastructure;

/// <summary>
/// Runs a CsCheck generator over a reproducible sequence of cases. CsCheck's own <c>Sample</c> draws every case from
/// a per-thread random PCG, so two runs never test the same cases; here case <c>i</c> is generated from
/// <c>PCG(stream, seed + i)</c>, so a run is fixed by one number, <see cref="BaseSeed"/>:
/// <list type="bullet">
/// <item><c>GENERATIONMODELS_FUZZ_SEED=N</c> sets it (a run with the same N tests the same cases);</item>
/// <item>without it, CI (<c>CI=true</c>, set by <c>.ci/run</c>) uses the fixed <see cref="CiSeed"/>;</item>
/// <item>elsewhere, or with <c>GENERATIONMODELS_FUZZ_SEED=random</c>, a fresh random seed (the rotating seed).</item>
/// </list>
/// The seed is printed in every report line and in every failure. A failing case is handed to CsCheck with its own
/// seed, so CsCheck shrinks it and prints its <c>CsCheck_Seed</c> as well.
/// </summary>
public static class Seeded
{
    /// <summary>The seed CI runs with.</summary>
    public const ulong CiSeed = 20_261_204;

    private static readonly (ulong Seed, string Source) s_choice = Choose();

    public static ulong BaseSeed => s_choice.Seed;

    /// <summary>Where <see cref="BaseSeed"/> came from ("fixed CI seed", "GENERATIONMODELS_FUZZ_SEED", "random").</summary>
    public static string Source => s_choice.Source;

    public static string Describe => string.Create(CultureInfo.InvariantCulture, $"seed {BaseSeed} ({Source}; reproduce with GENERATIONMODELS_FUZZ_SEED={BaseSeed})");

    private static (ulong, string) Choose()
    {
        string? value = Environment.GetEnvironmentVariable("GENERATIONMODELS_FUZZ_SEED");
        if (ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong seed)) return (seed, "GENERATIONMODELS_FUZZ_SEED");
        bool random = string.Equals(value, "random", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        return random
            ? (BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 16, "random") // short enough to type
            : (CiSeed, "fixed CI seed");
    }

    /// <summary>The generator for case <paramref name="index"/> of the test named <paramref name="stream"/>.</summary>
    public static PCG Case(string stream, long index)
    {
        uint s = 2166136261;
        foreach (char c in stream) s = (s ^ c) * 16777619;
        return new PCG(s, unchecked(BaseSeed * 0x9E3779B97F4A7C15UL + (ulong)index));
    }

    /// <summary>
    /// Asserts <paramref name="iter"/> cases, <c>0..iter-1</c>, on <paramref name="threads"/> threads. On the first
    /// failure the remaining cases stop, the case is shrunk by CsCheck from its seed (<paramref name="shrinkIterations"/>
    /// further cases; 0 for tests whose cases are slow and that isolate the culprit themselves), and the failure names
    /// both seeds.
    /// </summary>
    public static void Sample<T>(this Gen<T> gen, string stream, Action<T> assert, long iter, int threads, Func<T, string> print, int shrinkIterations = 200)
    {
        long next = -1;
        Exception? failure = null;
        string? failedSeed = null;
        T? failedCase = default;
        var done = new CountdownEvent(threads);
        void Worker(object? _)
        {
            try
            {
                for (long i = Interlocked.Increment(ref next); i < iter && Volatile.Read(ref failure) is null; i = Interlocked.Increment(ref next))
                {
                    var pcg = Case(stream, i);
                    ulong state = pcg.State;
                    T value = gen.Generate(pcg, null, out Size _);
                    try
                    {
                        assert(value);
                    }
                    catch (Exception exception)
                    {
                        lock (done)
                        {
                            if (failure is null)
                            {
                                failedSeed = pcg.ToString(state);
                                failedCase = value;
                                Volatile.Write(ref failure, exception);
                            }
                        }
                    }
                }
            }
            finally
            {
                done.Signal();
            }
        }
        for (int t = 1; t < threads; t++) ThreadPool.UnsafeQueueUserWorkItem(Worker, null);
        Worker(null);
        done.Wait();
        if (failure is null) return;

        string header = $"fuzz case failed ({Describe}; case seed for CsCheck: \"{failedSeed}\")";
        if (shrinkIterations > 0)
        try
        {
            // CsCheck runs the failing seed first, then shrinks with further random cases.
            gen.Sample(assert, seed: failedSeed, iter: shrinkIterations, threads: threads, print: print);
        }
        catch (Exception shrunk)
        {
            throw new FuzzFailure($"{header}\nshrunk by CsCheck: {shrunk.Message}\n--- the original case: {Cut(print(failedCase!))}\n{failure}");
        }
        throw new FuzzFailure($"{header}\n{Cut(print(failedCase!))}\n{failure}");
    }

    public static void Sample<T1, T2>(this Gen<(T1, T2)> gen, string stream, Action<T1, T2> assert, long iter, int threads, Func<(T1, T2), string> print, int shrinkIterations = 200)
        => Sample(gen, stream, t => assert(t.Item1, t.Item2), iter, threads, print, shrinkIterations);

    public static void Sample<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, string stream, Action<T1, T2, T3> assert, long iter, int threads, Func<(T1, T2, T3), string> print, int shrinkIterations = 200)
        => Sample(gen, stream, t => assert(t.Item1, t.Item2, t.Item3), iter, threads, print, shrinkIterations);

    private static string Cut(string text) => text.Length <= 5000 ? text : text.Substring(0, 5000) + " …";
}
