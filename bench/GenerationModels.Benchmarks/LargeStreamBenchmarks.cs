using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Bench.Generated;
using F = Bench.FastTwins;
using G = Bench.Generated;

namespace Bench;

/// <summary>
/// Large top-level arrays of <c>CompletionResponse</c> (10 MB and 100 MB, no unknown members), read three ways with
/// A (the generated context) and F (STJ source generation at its best for reads of these shapes):
/// from a <c>byte[]</c> already in memory (the reference); from a file with <see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(Stream, JsonTypeInfo{TValue}, System.Threading.CancellationToken)"/>
/// (elements one at a time, none kept: the bounded-memory way); and from a file with
/// <see cref="JsonSerializer.DeserializeAsync{TValue}(Stream, JsonTypeInfo{TValue}, System.Threading.CancellationToken)"/> into a list (the
/// result is held, the payload is not). Each returns the number of elements it saw. The file is written once to
/// the temporary directory (then read from the page cache). Peak memory is measured separately, one fresh process per
/// case (<see cref="StreamMemory"/>).
/// </summary>
[MemoryDiagnoser]
public class LargeStreamBenchmarks
{
    private byte[] _json = null!;
    private string _path = null!;

    [Params(10, 100)]
    public int SizeMB { get; set; }

    public Family Family => SizeMB == 100 ? Family.List100MB : Family.List10MB;

    [GlobalSetup]
    public void Setup()
    {
        _json = Payloads.Get(Family, unknownMembers: false);
        _path = StreamMemory.PayloadFile(Family);
    }

    [Benchmark(Baseline = true)]
    public int Bytes_A_Generated() => JsonSerializer.Deserialize(_json, CompletionListBenchmarks.GeneratedListInfo)!.Count;

    [Benchmark]
    public async Task<int> StreamEnumerable_A_Generated()
    {
        await using var file = StreamMemory.Open(_path);
        int count = 0;
        await foreach (G.CompletionResponse? item in JsonSerializer.DeserializeAsyncEnumerable(file, GenerationModelsJsonContext.Default.CompletionResponse))
        {
            if (item is not null) count++;
        }
        return count;
    }

    [Benchmark]
    public async Task<int> StreamList_A_Generated()
    {
        await using var file = StreamMemory.Open(_path);
        return (await JsonSerializer.DeserializeAsync(file, CompletionListBenchmarks.GeneratedListInfo))!.Count;
    }

    [Benchmark]
    public int Bytes_F_StjFastTwins() => JsonSerializer.Deserialize(_json, F.FastTwinJsonContext.Default.ListCompletionResponse)!.Count;

    [Benchmark]
    public async Task<int> StreamEnumerable_F_StjFastTwins()
    {
        await using var file = StreamMemory.Open(_path);
        int count = 0;
        await foreach (F.CompletionResponse? item in JsonSerializer.DeserializeAsyncEnumerable(file, F.FastTwinJsonContext.Default.CompletionResponse))
        {
            if (item is not null) count++;
        }
        return count;
    }
}

/// <summary>
/// Peak memory of the large reads: each case runs in a fresh process (<c>--stream-memory-case</c>), which reports its
/// peak working set (VmHWM from /proc/self/status), the largest managed heap seen (GC heap size sampled every 256
/// elements and at the end, for the stream cases; after the read for the bytes cases) and the bytes it allocated.
/// The parent (<c>--stream-memory</c>) writes the payload files first, runs the cases and prints a table.
/// </summary>
public static class StreamMemory
{
    private static readonly string[] Cases = { "Bytes_A", "StreamEnumerable_A", "StreamList_A", "Bytes_F", "StreamEnumerable_F" };

    public static string PayloadPath(Family family) => Path.Combine(Path.GetTempPath(), $"generationmodels-bench-{family}.json");

    /// <summary>Writes the payload file unless it is there with the right length (the child processes only read it).</summary>
    public static string PayloadFile(Family family)
    {
        string path = PayloadPath(family);
        byte[] json = Payloads.Get(family, unknownMembers: false);
        if (!File.Exists(path) || new FileInfo(path).Length != json.Length)
        {
            File.WriteAllBytes(path, json);
        }
        return path;
    }

    public static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Parent: one child process per size and case; returns a Markdown table.</summary>
    public static string Run(string dll, IEnumerable<int> sizes, Action<string>? progress = null)
    {
        var text = new StringBuilder();
        text.AppendLine("| size | case | elements | peak working set | peak managed heap | allocated | time (wall, one run) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (int size in sizes)
        {
            Family family = size == 100 ? Family.List100MB : Family.List10MB;
            PayloadFile(family);
            foreach (string name in Cases)
            {
                progress?.Invoke($"stream memory: {size} MB {name}");
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
                start.ArgumentList.Add(dll);
                start.ArgumentList.Add("--stream-memory-case");
                start.ArgumentList.Add(name);
                start.ArgumentList.Add(size.ToString(CultureInfo.InvariantCulture));
                using var process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                string line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"stream memory case {name} {size} MB failed: {output}");
                string[] f = line.Split(' ');
                text.AppendLine($"| {size} MB | {name} | {long.Parse(f[1], CultureInfo.InvariantCulture):N0} | {MB(f[2])} | {MB(f[3])} | {MB(f[4])} | {double.Parse(f[5], CultureInfo.InvariantCulture):F2} s |");
            }
        }
        return text.ToString();
    }

    private static string MB(string bytes) => (long.Parse(bytes, CultureInfo.InvariantCulture) / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    /// <summary>Child: runs one case once after one warm-up read of a 100 KB list, prints "RESULT count peakWS peakHeap allocated seconds".</summary>
    public static int RunCase(string name, int size)
    {
        Family family = size == 100 ? Family.List100MB : Family.List10MB;
        string path = PayloadPath(family);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("run --stream-memory (it writes the payload files first)", path);
        }
        // Warm the code paths on a small payload (not the measured one), then forget it.
        byte[] small = Payloads.Get(Family.List100KB, unknownMembers: false);
        for (int i = 0; i < 20; i++)
        {
            JsonSerializer.Deserialize(small, CompletionListBenchmarks.GeneratedListInfo);
            JsonSerializer.Deserialize(small, F.FastTwinJsonContext.Default.ListCompletionResponse);
        }
        small = null!;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long peakHeap = 0;
        void Sample() => peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        int count = 0;
        switch (name)
        {
            case "Bytes_A":
            {
                byte[] json = File.ReadAllBytes(path);
                var list = JsonSerializer.Deserialize(json, CompletionListBenchmarks.GeneratedListInfo)!;
                Sample();
                count = list.Count;
                GC.KeepAlive(json);
                break;
            }
            case "Bytes_F":
            {
                byte[] json = File.ReadAllBytes(path);
                var list = JsonSerializer.Deserialize(json, F.FastTwinJsonContext.Default.ListCompletionResponse)!;
                Sample();
                count = list.Count;
                GC.KeepAlive(json);
                break;
            }
            case "StreamEnumerable_A":
                count = Enumerate(path, GenerationModelsJsonContext.Default.CompletionResponse, Sample);
                break;
            case "StreamEnumerable_F":
                count = Enumerate(path, F.FastTwinJsonContext.Default.CompletionResponse, Sample);
                break;
            case "StreamList_A":
            {
                using var file = Open(path);
                var list = JsonSerializer.DeserializeAsync(file, CompletionListBenchmarks.GeneratedListInfo).AsTask().GetAwaiter().GetResult()!;
                Sample();
                count = list.Count;
                break;
            }
            default:
                throw new ArgumentException("unknown case " + name, nameof(name));
        }
        double seconds = watch.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {count} {PeakWorkingSet()} {peakHeap} {allocated} {seconds:F3}"));
        return 0;
    }

    private static int Enumerate<T>(string path, JsonTypeInfo<T> info, Action sample)
    {
        using var file = Open(path);
        var items = JsonSerializer.DeserializeAsyncEnumerable(file, info).GetAsyncEnumerator();
        int count = 0;
        try
        {
            while (items.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                if (items.Current is not null) count++;
                if ((count & 255) == 0) sample();
            }
        }
        finally
        {
            items.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        sample();
        return count;
    }

    private static long PeakWorkingSet()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return Environment.WorkingSet;
    }
}
