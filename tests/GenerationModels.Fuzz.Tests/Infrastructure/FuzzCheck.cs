using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using GenerationModels.Fuzz.Tests.Docs;
using Microsoft.CodeAnalysis.CSharp;

namespace GenerationModels.Fuzz.Tests.Infrastructure;

/// <summary>A broken promise found by the fuzzer, with the offending doc isolated when it could be.</summary>
public sealed class FuzzFailure : Exception
{
    public FuzzFailure(string message) : base(message) { }
}

/// <summary>Counts over one fuzz test, for its report line.</summary>
public sealed class FuzzStats
{
    private long _models, _members, _unknownMembers, _enums, _enumValues, _jsonDocuments, _skippedModels, _linkedModels, _unions, _unionCases, _unionsSkipped, _jsonByBehaviour, _skippedUnchecked;
    private long _batches, _docs, _compiledBatches, _compiledDocs, _types, _notASchema, _jsonMembers, _jsonByDiagnostic, _jsonDeclaredAny;
    private long _generatorTicks, _compileTicks, _sourceChars, _docChars, _slowestTicks;
    private readonly ConcurrentDictionary<string, long> _diagnostics = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public FuzzStats(string name) => Name = name;

    public string Name { get; }

    public long Docs => Interlocked.Read(ref _docs);

    /// <summary>Models and enums run through their generated converters, and the JSON documents that took.</summary>
    public long ModelsExercised => Interlocked.Read(ref _models);

    public long EnumsExercised => Interlocked.Read(ref _enums);

    public long MembersChecked => Interlocked.Read(ref _members);

    public long JsonDocuments => Interlocked.Read(ref _jsonDocuments);

    public long UnionsExercised => Interlocked.Read(ref _unions);

    public long UnionCasesChecked => Interlocked.Read(ref _unionCases);

    public long LinkedModelsChecked => Interlocked.Read(ref _linkedModels);

    public long SkippedModels => Interlocked.Read(ref _skippedModels);

    public long JsonMembersByBehaviour => Interlocked.Read(ref _jsonByBehaviour);

    public void Add(BatchResult result)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _docs, result.Docs);
        if (result.Compiled)
        {
            Interlocked.Increment(ref _compiledBatches);
            Interlocked.Add(ref _compiledDocs, result.Docs);
        }
        Interlocked.Add(ref _types, result.Types);
        Interlocked.Add(ref _models, result.Behaviour.Models);
        Interlocked.Add(ref _members, result.Behaviour.Members);
        Interlocked.Add(ref _unknownMembers, result.Behaviour.UnknownMembers);
        Interlocked.Add(ref _enums, result.Behaviour.Enums);
        Interlocked.Add(ref _enumValues, result.Behaviour.EnumValues);
        Interlocked.Add(ref _jsonDocuments, result.Behaviour.Documents);
        Interlocked.Add(ref _skippedModels, result.Behaviour.Skipped);
        Interlocked.Add(ref _linkedModels, result.Behaviour.LinkedModels);
        Interlocked.Add(ref _skippedUnchecked, result.Behaviour.SkippedUnchecked);
        Interlocked.Add(ref _unions, result.Behaviour.Unions);
        Interlocked.Add(ref _unionCases, result.Behaviour.UnionCases);
        Interlocked.Add(ref _unionsSkipped, result.Behaviour.UnionsSkipped);
        Interlocked.Add(ref _notASchema, result.NotASchema);
        Interlocked.Add(ref _jsonMembers, result.JsonElementMembers);
        Interlocked.Add(ref _jsonByDiagnostic, result.JsonElementByDiagnostic);
        Interlocked.Add(ref _jsonDeclaredAny, result.JsonElementDeclaredAny);
        Interlocked.Add(ref _jsonByBehaviour, result.JsonElementByBehaviour);
        Interlocked.Add(ref _generatorTicks, result.GeneratorTime.Ticks);
        Interlocked.Add(ref _compileTicks, result.CompileTime.Ticks);
        Interlocked.Add(ref _sourceChars, result.SourceChars);
        Interlocked.Add(ref _docChars, result.DocChars);
        long total = result.GeneratorTime.Ticks + result.CompileTime.Ticks;
        for (long seen = Interlocked.Read(ref _slowestTicks); total > seen; seen = Interlocked.Read(ref _slowestTicks))
        {
            if (Interlocked.CompareExchange(ref _slowestTicks, total, seen) == seen) break;
        }
        foreach (var (id, count) in result.DiagnosticCounts) _diagnostics.AddOrUpdate(id, count, (_, c) => c + count);
    }

    public string Summary()
    {
        var diagnostics = string.Join(", ", _diagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name} ({Seeded.Describe}): {Docs:N0} docs in {_batches:N0} generator runs ({_compiledDocs:N0} docs in {_compiledBatches:N0} compiled batches), "
            + $"{_types:N0} types generated, {_notASchema:N0} docs not a schema; {_jsonMembers:N0} JsonElement members "
            + $"({_jsonByDiagnostic:N0} reported by GM0002/3/9, {_jsonDeclaredAny:N0} declared 'any', {_jsonByBehaviour:N0} with no diagnostic judged by behaviour: kept and written back); "
            + $"executed: {_models:N0} models ({_members:N0} typed members, {_linkedModels:N0} linked models read through a link, {_unknownMembers:N0} unknown members kept; {_skippedModels:N0} skipped: a required member with no JSON to build, {_skippedUnchecked:N0} of them a link read either way, the rest cycles of required links), "
            + $"{_enums:N0} enums ({_enumValues:N0} values), {_unions:N0} unions ({_unionCases:N0} cases landed and written back; {_unionsSkipped:N0} skipped: an unchecked case), {_jsonDocuments:N0} JSON documents; diagnostics: {diagnostics}; "
            + $"{_docChars / 1e6:F1} M doc chars in, {_sourceChars / 1e6:F1} M source chars out; generator {TimeSpan.FromTicks(_generatorTicks).TotalSeconds:F1} s, "
            + $"compile {TimeSpan.FromTicks(_compileTicks).TotalSeconds:F1} s (slowest batch {TimeSpan.FromTicks(_slowestTicks).TotalSeconds:F1} s); {_clock.Elapsed.TotalSeconds:F1} s wall");
    }
}

/// <summary>Runs a batch generator through <see cref="FuzzRunner"/> with CsCheck and turns a broken promise into a readable failure.</summary>
public static class FuzzCheck
{
    /// <summary>
    /// Samples batches until <paramref name="docs"/> docs went through the generator. On a failure, CsCheck shrinks the
    /// batch and the message names the doc (re-run alone, then with its folder) and shows its text as a C# literal.
    /// </summary>
    public static FuzzStats Run(string name, Gen<FuzzDoc[]> batches, int docs, double docsPerBatch, bool varyOptions = true)
    {
        var stats = new FuzzStats(name);
        var gen = varyOptions ? Gen.Select(batches, BatchOptions.Gen) : batches.Select(b => (b, BatchOptions.Default));
        for (int round = 0; stats.Docs < docs; round++)
        {
            int iterations = Math.Max(1, (int)Math.Ceiling((docs - stats.Docs) / docsPerBatch));
            gen.Sample(
                $"{name}#{round}",
                (batch, options) =>
                {
                    bool compile = ShouldCompile(batch);
                    var result = FuzzRunner.Run(batch, options, compile);
                    stats.Add(result);
                    if (result.Problems.Count > 0) throw new FuzzFailure(Describe(batch, options, result, compile));
                },
                iter: iterations,
                threads: FuzzSettings.Threads,
                print: t => $"{t.Item1.Length} docs ({t.Item2})",
                shrinkIterations: 0);
        }
        Report(stats);
        return stats;
    }

    /// <summary>Every batch in CI; in long mode one in <see cref="FuzzSettings.CompileEvery"/>, chosen by content so a failing seed reproduces.</summary>
    private static bool ShouldCompile(FuzzDoc[] batch)
    {
        if (FuzzSettings.CompileEvery == 1) return true;
        uint hash = 2166136261;
        foreach (var doc in batch.Take(3)) foreach (char c in doc.Text.AsSpan(0, Math.Min(doc.Text.Length, 256))) hash = (hash ^ c) * 16777619;
        return hash % (uint)FuzzSettings.CompileEvery == 0;
    }

    private static void Report(FuzzStats stats)
    {
        string line = stats.Summary();
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
        if (FuzzSettings.ReportFile is { } file) File.AppendAllText(file, DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) + " " + line + Environment.NewLine);
    }

    /// <summary>The problems, and the smallest set of docs (the doc alone, else its folder) that still shows one.</summary>
    public static string Describe(FuzzDoc[] batch, BatchOptions options, BatchResult result, bool compile)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{result.Problems.Count} problem(s) in a batch of {batch.Length} docs ({options}):");
        foreach (var problem in result.Problems.Take(15)) sb.AppendLine("  - " + Cut(problem.ToString(), 2000));

        List<string?> suspects;
        if (result.Problems.Any(p => p.DocPath is null))
        {
            // A batch-level failure (the generator threw): find a doc that fails so on its own.
            suspects = batch.Where(d => FuzzRunner.Run(new[] { d }, options, compile: false).Problems.Any(p => p.DocPath is null)).Take(1)
                .Select(d => (string?)Harness.GeneratorHarness.DocPath(d.RelativePath)).ToList();
            foreach (string? path in suspects)
            {
                var doc = batch.First(d => Harness.GeneratorHarness.DocPath(d.RelativePath) == path);
                sb.AppendLine().AppendLine("Fails on its own:").AppendLine($"  (\"{doc.RelativePath}\", {Literal(doc.Text)}),");
            }
            return sb.ToString();
        }
        suspects = result.Problems.Select(p => p.DocPath).Where(p => p is not null).Distinct().Take(3).ToList();
        foreach (string? path in suspects)
        {
            var doc = batch.First(d => Harness.GeneratorHarness.DocPath(d.RelativePath) == path);
            // Alone, the doc must show one of the batch's own problems (links to its siblings fail differently without them).
            var original = result.Problems.Where(p => p.DocPath == path).Select(p => p.Message).ToHashSet();
            var alone = FuzzRunner.Run(new[] { doc }, options, compile);
            bool aloneReproduces = alone.Problems.Any(p => original.Contains(p.Message));
            FuzzDoc[] reproduction = aloneReproduces ? new[] { doc } : batch.Where(d => Folder(d) == Folder(doc)).ToArray();
            var again = aloneReproduces ? alone : FuzzRunner.Run(reproduction, options, compile);
            sb.AppendLine();
            sb.AppendLine(again.Problems.Count > 0
                ? $"Reproduces with {reproduction.Length} doc(s): {string.Join(", ", again.Problems.Take(3).Select(p => Cut(p.ToString(), 600)))}"
                : "Does not reproduce outside the batch (a cross-doc interaction); the docs of its folder:");
            foreach (var d in reproduction)
            {
                sb.AppendLine($"  (\"{d.RelativePath}\", {Literal(d.Text)}),");
            }
        }
        return sb.ToString();
    }

    private static string Folder(FuzzDoc doc) => doc.RelativePath.Substring(0, Math.Max(0, doc.RelativePath.IndexOf('/')));

    private static string Literal(string text)
        => text.Length > 3000 ? SymbolDisplay.FormatLiteral(text.Substring(0, 3000), quote: true) + " /* cut: " + text.Length.ToString(CultureInfo.InvariantCulture) + " chars */" : SymbolDisplay.FormatLiteral(text, quote: true);

    private static string Cut(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "…";
}
