using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using GenerationModels.Harness;
using Microsoft.CodeAnalysis;
using static GenerationModels.Harness.ReportText;

using Bench;

namespace GeneratorBench;

/// <summary>How much the report measures: quick mode keeps the whole program well under five minutes.</summary>
public sealed record ReportSettings(int Rounds, int[] Sizes, DocSource[] Sources, int CompileRepeats, int CompileSize, int[] OutputSizes, double BatchMs, int StepRuns, bool TimingsOnly = false, bool OutputOnly = false);

/// <summary>
/// The measurements that are not BenchmarkDotNet micro-benchmarks, written as markdown:
/// paired, interleaved ratios (floor vs full run, growth, incremental re-runs) timed with the thread's CPU time, a
/// per-step breakdown of a run, memory of a cold run, output size against System.Text.Json's generator, and the
/// compile time of the output.
/// </summary>
public static class Report
{
    /// <summary>Calls of each operation before any is timed (past tiered JIT's 30-call threshold).</summary>
    private const int WarmupCalls = 40;

    private static readonly string[] Operations = { "floor", "full", "edit", "csharp", "add", "replay", "tiny" };

    public static string Run(ReportSettings settings, TextWriter log)
    {
        var text = new StringBuilder();
        var started = Stopwatch.StartNew();
        text.AppendLine(Machine());

        // 1. Inputs.
        text.AppendLine();
        text.AppendLine("#### Inputs");
        text.AppendLine();
        text.AppendLine("| set | docs | characters | models generated | generated characters | generator diagnostics |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        var scenarios = new Dictionary<(DocSource, int), Scenario>();
        foreach (var source in settings.Sources)
        {
            foreach (int size in settings.Sizes)
            {
                var scenario = Scenario.Create(source, size);
                scenarios[(source, size)] = scenario;
                var run = scenario.WarmDriver.GetRunResult();
                var result = run.Results.Single();
                if (result.Exception is not null) throw new InvalidOperationException($"the generator threw on {source} {size}: {result.Exception}");
                long generated = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
                string diagnostics = string.Join(", ", run.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));
                text.AppendLine(Inv($"| {source} | {size:N0} | {scenario.Set.Characters:N0} | {result.GeneratedSources.Length - 1:N0} files | {generated:N0} | {diagnostics} |"));
                log.WriteLine(Inv($"{source} {size}: {scenario.Set.Characters:N0} chars in, {generated:N0} out; edit target {scenario.EditTarget.Path}"));
            }
        }

        // --output-only: inputs, output size, compile time and build cost; no timings, memory or pathological input.
        if (!settings.OutputOnly)
        {
            // 2. Paired ratios.
            text.AppendLine();
            text.Append(Paired(settings, scenarios, log));

            // 3. Step breakdown of a cold run and of the one-doc edit, at the largest size.
            int largest = settings.Sizes.Max();
            text.AppendLine();
            text.AppendLine(Inv($"#### Where a run's time goes (step tracking on, which adds its own cost; median of {settings.StepRuns} run(s), thread CPU ms)"));
            text.AppendLine();
            text.AppendLine("| set | docs | run | total | Parse | Index | Emit | source outputs (AddSource) | other steps | rest (driver, tracking) |");
            text.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var source in settings.Sources)
            {
                foreach (int size in settings.Sizes)
                {
                    var scenario = scenarios[(source, size)];
                    text.AppendLine(Steps(source, size, "cold", settings.StepRuns, () => Harness.CreateDriver(scenario.Set.Docs, trackSteps: true).RunGenerators(scenario.Compilation)));
                    if (size != largest) continue;
                    var warmTracked = Harness.CreateDriver(scenario.Set.Docs, trackSteps: true).RunGenerators(scenario.Compilation);
                    text.AppendLine(Steps(source, size, "edit one doc", settings.StepRuns, () => warmTracked.ReplaceAdditionalText(scenario.EditTarget, scenario.Edited).RunGenerators(scenario.Compilation)));
                    text.AppendLine(Steps(source, size, "add one doc", settings.StepRuns, () => warmTracked.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(scenario.Added)).RunGenerators(scenario.Compilation)));
                }
            }
            text.AppendLine();
            text.AppendLine("Incrementality check (edit one doc, step tracking): " + string.Join("; ", settings.Sources.Select(s => EditCheck(scenarios[(s, largest)]))));

            // 4. Memory of a cold run.
            text.AppendLine();
            text.AppendLine("#### Memory of one cold run (outside BenchmarkDotNet; after a full GC)");
            text.AppendLine();
            text.AppendLine("| set | docs | allocated (this thread) | allocated per doc | peak managed heap above the starting heap (GC.GetTotalMemory sampled every 1 ms) | heap after the run, driver still alive (what a warm driver keeps) | gen0/gen1/gen2 GCs during the run | GC pause |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|");
            foreach (var source in settings.Sources)
            {
                foreach (int size in settings.Sizes) text.AppendLine(Memory(source, size, scenarios[(source, size)]));
            }
        }
        if (settings.TimingsOnly) return text.ToString();

        // 5. Output size against System.Text.Json's generator.
        text.AppendLine();
        text.AppendLine("#### Generated characters per model: ours vs System.Text.Json's generator on twins");
        text.AppendLine();
        text.AppendLine("Whitespace-normalised: every run of whitespace counts as one character and line indentation not at all, on both sides (target: ours / STJ ≤ 0.5).");
        text.AppendLine();
        text.AppendLine("| set | docs | models (records / enums / no twin) | ours, all output | of which converters / XML doc comments | ours per model | ours per twinned model | STJ per twinned model | ours / STJ | **ours / STJ, whitespace-normalised** | twin records (hand-written side) per model | ours / (STJ + twin records) | compile errors ours / STJ |");
        text.AppendLine("|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        var compileInputs = new List<(DocSource Source, OutputComparison Result, Compilation Ours, Compilation Stj)>();
        foreach (var source in settings.Sources)
        {
            foreach (int size in settings.OutputSizes)
            {
                var watch = Stopwatch.StartNew();
                var (result, ours, stj) = StjComparison.Run(DocSet.Get(source, size));
                log.WriteLine($"{source} {size}: {StjComparison.Describe(result)} ({watch.Elapsed.TotalSeconds:F1} s)");
                double oursPer = (double)result.OurChars / result.Models;
                double oursTwinnedPer = (double)result.OurCharsTwinned / result.Twinned;
                double stjPer = (double)result.StjChars / result.Twinned;
                double twinPer = (double)result.TwinDeclarationChars / result.Twinned;
                text.AppendLine(Inv($"| {source} | {size:N0} | {result.Models:N0} ({result.ObjectModels:N0} / {result.EnumModels:N0} / {result.UntwinnedModels:N0}) | {result.OurChars:N0} | {100.0 * result.OurConverterChars / result.OurChars:F0} % / {100.0 * result.OurDocCommentChars / result.OurChars:F0} % | {oursPer:N0} | {oursTwinnedPer:N0} | {stjPer:N0} | {oursTwinnedPer / stjPer:F2} | **{(double)result.OurNormalizedTwinned / result.StjNormalized:F2}** | {twinPer:N0} | {oursTwinnedPer / (stjPer + twinPer):F2} | {result.OurCompileErrors} / {result.StjCompileErrors}{(result.StjDiagnostics > 0 ? $" ({result.StjDiagnostics} STJ warnings)" : "")} |"));
                compileInputs.Add((source, result, ours, stj));
            }
        }

        // 6. Compile time of the output.
        text.AppendLine();
        text.AppendLine(Inv($"#### Compile time of the generated output (fresh CSharpCompilation of the output and the project's one C# file, Emit to a MemoryStream, Release, one thread; median of {settings.CompileRepeats} at {settings.CompileSize:N0} docs, one compile at other sizes)"));
        text.AppendLine();
        text.AppendLine("| set | docs | models | ours: CPU ms | ours per 1,000 models (CPU / wall s) | STJ twins + STJ output: CPU ms | STJ per 1,000 twinned models (CPU / wall s) | ours / STJ per model |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var buildRows = new List<string>();
        foreach (var (source, result, ours, stj) in compileInputs)
        {
            // The comparison's own compile is the first sample; more at the compile size.
            int extra = result.Docs == settings.CompileSize ? Math.Max(0, settings.CompileRepeats - 1) : 0;
            var oursRuns = new[] { result.OurCompile }.Concat(Enumerable.Range(0, extra).Select(_ => StjComparison.Compile(ours.SyntaxTrees))).ToList();
            var stjRuns = new[] { result.StjCompile }.Concat(Enumerable.Range(0, extra).Select(_ => StjComparison.Compile(stj.SyntaxTrees))).ToList();
            if (oursRuns.Any(r => r.Errors.Count > 0) || stjRuns.Any(r => r.Errors.Count > 0)) log.WriteLine($"warning: a compile of {source} had errors: {result.FirstStjProblem}");
            double oursCpu = Median(oursRuns.Select(r => r.CpuMs)), oursWall = Median(oursRuns.Select(r => r.WallMs));
            double stjCpu = Median(stjRuns.Select(r => r.CpuMs)), stjWall = Median(stjRuns.Select(r => r.WallMs));
            double oursPer = oursCpu / result.Models, stjPer = stjCpu / result.Twinned;
            text.AppendLine(Inv($"| {source} | {result.Docs:N0} | {result.Models:N0} | {oursCpu:N0} | **{oursPer:F2} / {oursWall / result.Models:F2}** | {stjCpu:N0} | {stjPer:F2} / {stjWall / result.Twinned:F2} | {oursPer / stjPer:F2} |"));
            log.WriteLine(Inv($"{source}: compile ours {oursCpu:N0} ms CPU, STJ {stjCpu:N0} ms CPU"));
            buildRows.Add(Inv($"| {source} | {result.Docs:N0} | {result.Models:N0} / {result.Twinned:N0} | {result.OurGeneratorCpuMs:N0} + {oursCpu:N0} | **{(result.OurGeneratorCpuMs + oursCpu) / result.Models:F2}** | {result.StjGeneratorCpuMs:N0} + {stjCpu:N0} | **{(result.StjGeneratorCpuMs + stjCpu) / result.Twinned:F2}** | **{((result.OurGeneratorCpuMs + oursCpu) / result.Models) / ((result.StjGeneratorCpuMs + stjCpu) / result.Twinned):F2}** |"));
        }

        // 7. The whole build cost: generator run plus compiling its output, per 1,000 models, against STJ's generator on the twins.
        text.AppendLine();
        text.AppendLine("#### Whole build cost per 1,000 models: generator run + compiling the output (thread CPU; the generator's second run with a fresh driver, one sample; compile as above). STJ: its generator over the hand-written twins + compiling twins and its output (the twins' own declarations included: a user writes them). Target: ours / STJ ≤ 1.");
        text.AppendLine();
        text.AppendLine("| set | docs | models / twinned | ours: generator + compile ms | ours s per 1,000 models | STJ: generator + compile ms | STJ s per 1,000 twinned models | ours / STJ per model |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string row in buildRows) text.AppendLine(row);

        if (!settings.OutputOnly)
        {
            text.AppendLine();
            text.Append(Pathological(settings.Rounds, log));
        }

        text.AppendLine();
        text.AppendLine(Inv($"Report measurements took {started.Elapsed.TotalSeconds:F0} s; load average at the end: {LoadAverage()}."));
        return text.ToString();
    }

    /// <summary>
    /// Linear time on pathological docs, paired: each round runs every shape at its base size and at ten times it, one
    /// cold run each after a full collection, and records thread CPU time, the GC pauses inside it and the bytes
    /// allocated. Time minus pauses is the readers' and emitter's own work; the pauses show what the garbage collector
    /// adds when a larger run no longer fits in the young generation.
    /// </summary>
    public static string Pathological(int rounds, TextWriter log)
    {
        var shapes = Enum.GetValues<PathologicalShape>();
        var docs = shapes.ToDictionary(s => s, s => (Base: new[] { PathologicalBenchmarks.Doc(s, 1) }, Ten: new[] { PathologicalBenchmarks.Doc(s, 10) }));
        var compilation = Harness.UserCompilation();
        var samples = shapes.ToDictionary(s => s, _ => new List<(double Cpu, double Gc, long Bytes, double TenCpu, double TenGc, long TenBytes)>());
        (double Cpu, double Gc, long Bytes) Measure(InMemoryAdditionalText[] input)
        {
            GC.Collect();
            var pause = GC.GetTotalPauseDuration();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            double cpu = CpuMs(() => Harness.CreateDriver(input).RunGenerators(compilation), 1);
            return (cpu, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocated);
        }
        foreach (var shape in shapes)
        {
            for (int i = 0; i < 3; i++)
            {
                Measure(docs[shape].Base);
                Measure(docs[shape].Ten);
            }
        }
        for (int round = 0; round < rounds; round++)
        {
            foreach (var shape in shapes)
            {
                var one = Measure(docs[shape].Base);
                var ten = Measure(docs[shape].Ten);
                samples[shape].Add((one.Cpu, one.Gc, one.Bytes, ten.Cpu, ten.Gc, ten.Bytes));
            }
            log.WriteLine($"pathological round {round + 1}/{rounds} done");
        }
        string R(IEnumerable<double> ratios)
        {
            var sorted = ratios.OrderBy(r => r).ToList();
            return Inv($"{Median(sorted):F2} [{Percentile(sorted, 0.25):F2}–{Percentile(sorted, 0.75):F2}]");
        }
        var text = new StringBuilder();
        text.AppendLine(Inv($"#### Pathological input, paired ({rounds} rounds; one cold run per size after a full collection; thread CPU time, median [25th–75th percentile])"));
        text.AppendLine();
        text.AppendLine("| shape | base ms | of which GC pauses | 10× ms | of which GC pauses | **10× / base** | 10× / base without GC pauses | allocated, base | allocated 10× / base |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var shape in shapes)
        {
            var s = samples[shape];
            text.AppendLine(Inv($"| {shape} | {Median(s.Select(x => x.Cpu)):F2} | {Median(s.Select(x => x.Gc)):F2} | {Median(s.Select(x => x.TenCpu)):F2} | {Median(s.Select(x => x.TenGc)):F2} | **{R(s.Select(x => x.TenCpu / x.Cpu))}** | {R(s.Select(x => Math.Max(x.TenCpu - x.TenGc, 0.001) / Math.Max(x.Cpu - x.Gc, 0.001)))} | {Mb(s[0].Bytes)} | {(double)s[0].TenBytes / s[0].Bytes:F2} |"));
        }
        return text.ToString();
    }

    /// <summary>
    /// Rounds of every operation at every size, order rotated each round, each timed with the thread's CPU time
    /// (batched to at least <see cref="ReportSettings.BatchMs"/>); every ratio is taken within one round.
    /// </summary>
    private static string Paired(ReportSettings settings, Dictionary<(DocSource, int), Scenario> scenarios, TextWriter log)
    {
        var text = new StringBuilder();
        var samples = new Dictionary<(DocSource Source, int Size, string Op), List<double>>();
        var gcPauses = new Dictionary<(DocSource Source, int Size, string Op), List<double>>();
        var batches = new Dictionary<(DocSource, int, string), int>();
        var loads = new List<string>();
        Func<object?> Action(Scenario s, string op) => op switch
        {
            "floor" => () => s.MarkdigFloor(),
            "full" => () => s.ColdRun(),
            "edit" => () => s.EditOneDoc(),
            "csharp" => () => s.CSharpOnlyEdit(),
            "replay" => () => s.ReplayRun(),
            "tiny" => () => s.TinyRun(),
            _ => () => s.AddOneDoc(),
        };

        // Warm-up and batch sizes. Tiered JIT promotes a method after 30 calls, in the background: code that runs once
        // per operation (an add's index update, say) stayed unoptimized through 3 warm-up calls and 5 rounds, so a row
        // measured a mix of tiers and its upper quartile jumped. 40 calls each, then a pause, measure optimized code, as
        // a long-lived compiler server or IDE runs it.
        foreach (var ((source, size), scenario) in scenarios)
        {
            foreach (string op in Operations)
            {
                var action = Action(scenario, op);
                for (int i = 0; i < WarmupCalls; i++) action();
                double once = CpuMs(action, 1);
                batches[(source, size, op)] = Math.Clamp((int)Math.Ceiling(settings.BatchMs / Math.Max(once, 0.001)), 1, 2000);
            }
        }
        Thread.Sleep(500);

        var order = scenarios.Keys.SelectMany(k => Operations.Select(op => (k.Item1, k.Item2, op))).ToList();
        var watch = Stopwatch.StartNew();
        for (int round = 0; round < settings.Rounds; round++)
        {
            int shift = round * 7 % order.Count;
            foreach (var (source, size, op) in order.Skip(shift).Concat(order.Take(shift)))
            {
                int batch = batches[(source, size, op)];
                GC.Collect();
                var pause = GC.GetTotalPauseDuration();
                double perCall = CpuMs(Action(scenarios[(source, size)], op), batch);
                double gcPerCall = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds / batch;
                var key = (source, size, op);
                if (!samples.TryGetValue(key, out var list)) samples[key] = list = new List<double>();
                list.Add(perCall);
                if (!gcPauses.TryGetValue(key, out var gcList)) gcPauses[key] = gcList = new List<double>();
                gcList.Add(gcPerCall);
            }
            loads.Add(LoadAverage());
            log.WriteLine($"paired round {round + 1}/{settings.Rounds} done ({watch.Elapsed.TotalSeconds:F0} s); load {loads[^1]}");
        }

        string R(IEnumerable<double> ratios)
        {
            var sorted = ratios.OrderBy(r => r).ToList();
            return Inv($"{Median(sorted):F2} [{Percentile(sorted, 0.25):F2}–{Percentile(sorted, 0.75):F2}]");
        }
        IEnumerable<double> Ratio(DocSource s, int sizeA, string opA, int sizeB, string opB)
            => samples[(s, sizeA, opA)].Zip(samples[(s, sizeB, opB)], (a, b) => a / b);

        text.AppendLine(Inv($"#### Paired timings ({settings.Rounds} rounds; thread CPU time per call, median [25th–75th percentile])"));
        text.AppendLine();
        text.AppendLine("| set | docs | Markdig floor ms | full run ms | of which GC pauses ms | **full / floor** | edit one doc ms | **edit / full** | C#-only edit ms | C#-only / full | add one doc ms | add / full |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var source in settings.Sources)
        {
            foreach (int size in settings.Sizes)
            {
                string M(string op) => Inv($"{Median(samples[(source, size, op)]):F2}");
                text.AppendLine($"| {source} | {size:N0} | {M("floor")} | {M("full")} | {Median(gcPauses[(source, size, "full")]):F1} | **{R(Ratio(source, size, "full", size, "floor"))}** | {M("edit")} | **{R(Ratio(source, size, "edit", size, "full"))}** | {M("csharp")} | {R(Ratio(source, size, "csharp", size, "full"))} | {M("add")} | {R(Ratio(source, size, "add", size, "full"))} |");
            }
        }
        text.AppendLine();
        text.AppendLine("The driver without our generator's work (a generator that adds ready-made texts, see ReplayGenerator): **replay** adds exactly our output (same files, same texts), so the driver's own cost for that output — tables, hint-name checks, source texts — is in it; **tiny** adds a one-line file in place of each of ours (one per model, or per shared file past 256 models). `RunGenerators` does not parse the added C# (replay costs about what tiny costs): the compiler parses it when it compiles, which the compile-time table below covers.");
        text.AppendLine();
        text.AppendLine("| set | docs | full run ms | replay of our output ms | replay / full | full − replay (our own work) ms | (full − replay) / floor | tiny files ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var source in settings.Sources)
        {
            foreach (int size in settings.Sizes)
            {
                double full = Median(samples[(source, size, "full")]), replay = Median(samples[(source, size, "replay")]), floor = Median(samples[(source, size, "floor")]);
                text.AppendLine(Inv($"| {source} | {size:N0} | {full:F2} | {replay:F2} | {R(Ratio(source, size, "replay", size, "full"))} | {full - replay:F2} | {(full - replay) / floor:F2} | {Median(samples[(source, size, "tiny")]):F2} |"));
            }
        }
        text.AppendLine();
        var sizes = settings.Sizes.OrderBy(s => s).ToList();
        if (sizes.Count >= 2)
        {
            int big = sizes[^1], small = sizes[^2];
            text.AppendLine(Inv($"Growth, time({big:N0} docs) / time({small:N0} docs), paired within rounds (docs ×{(double)big / small:F1}):"));
            text.AppendLine();
            text.AppendLine("| set | characters ratio | **full run** | Markdig floor | edit one doc | add one doc | replay of our output | tiny files |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var source in settings.Sources)
            {
                double chars = (double)DocSet.Get(source, big).Characters / DocSet.Get(source, small).Characters;
                text.AppendLine(Inv($"| {source} | {chars:F2} | **{R(Ratio(source, big, "full", small, "full"))}** | {R(Ratio(source, big, "floor", small, "floor"))} | {R(Ratio(source, big, "edit", small, "edit"))} | {R(Ratio(source, big, "add", small, "add"))} | {R(Ratio(source, big, "replay", small, "replay"))} | {R(Ratio(source, big, "tiny", small, "tiny"))} |"));
            }
            text.AppendLine();
        }
        text.AppendLine(Inv($"Batch sizes (calls per timing): {string.Join(", ", batches.Where(b => b.Value > 1).Select(b => $"{b.Key.Item1} {b.Key.Item2} {b.Key.Item3} ×{b.Value}"))}; others 1. Load average after each round: {string.Join("; ", loads)}."));
        return text.ToString();
    }

    private static string Steps(DocSource source, int size, string name, int runs, Func<GeneratorDriver> run)
    {
        var rows = new List<double[]>();
        for (int i = 0; i < runs; i++)
        {
            GC.Collect();
            long start = ThreadCpuClock.Instance.GetTimestamp();
            var driver = run();
            double total = (ThreadCpuClock.Instance.GetTimestamp() - start) / 1e6;
            var result = driver.GetRunResult().Results.Single();
            double Step(string step) => result.TrackedSteps.TryGetValue(step, out var runs) ? runs.Sum(r => r.ElapsedTime.TotalMilliseconds) : 0;
            var named = new[] { "Parse", "Index", "Emit" };
            double outputs = result.TrackedOutputSteps.Sum(s => s.Value.Sum(r => r.ElapsedTime.TotalMilliseconds));
            double others = result.TrackedSteps.Where(s => !named.Contains(s.Key) && s.Key != "SourceOutput").Sum(s => s.Value.Sum(r => r.ElapsedTime.TotalMilliseconds));
            rows.Add(new[] { total, Step("Parse"), Step("Index"), Step("Emit"), outputs, others, total - named.Sum(Step) - outputs - others });
        }
        var median = Enumerable.Range(0, 7).Select(c => Median(rows.Select(r => r[c]))).ToArray();
        return Inv($"| {source} | {size:N0} | {name} | {median[0]:F0} | {median[1]:F0} | {median[2]:F0} | {median[3]:F0} | {median[4]:F0} | {median[5]:F0} | {median[6]:F0} |");
    }

    /// <summary>
    /// <c>--profile corpus:2000:N:add:steps</c>: each tracked step's time (sum over its runs, median of N re-runs from one
    /// tracked warm driver) and how many of its outputs were new, modified, unchanged or cached in that re-run.
    /// </summary>
    public static string StepProfile(Scenario scenario, string operation, int runs)
    {
        var warm = Harness.CreateDriver(scenario.Set.Docs, trackSteps: true).RunGenerators(scenario.Compilation);
        Func<GeneratorDriver> run = operation switch
        {
            "add" => () => warm.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(scenario.Added)).RunGenerators(scenario.Compilation),
            "edit" => () => warm.ReplaceAdditionalText(scenario.EditTarget, scenario.Edited).RunGenerators(scenario.Compilation),
            "csharp" => () => warm.RunGenerators(scenario.EditedCompilation),
            _ => throw new ArgumentException("add, edit or csharp: " + operation),
        };
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        GeneratorRunResult last = default;
        for (int i = 0; i < runs + 2; i++)
        {
            GC.Collect();
            last = run().GetRunResult().Results.Single();
            if (i < 2) continue;
            foreach (var (step, list) in last.TrackedSteps.Concat(last.TrackedOutputSteps))
            {
                if (!times.TryGetValue(step, out var all)) times[step] = all = new List<double>();
                all.Add(list.Sum(r => r.ElapsedTime.TotalMilliseconds));
            }
        }
        var text = new StringBuilder();
        text.AppendLine(Inv($"| step | ms (median of {runs}) | outputs by reason |"));
        text.AppendLine("|---|---:|---|");
        foreach (var (step, list) in times.OrderByDescending(t => Median(t.Value)))
        {
            var reasons = last.TrackedSteps.Concat(last.TrackedOutputSteps).Where(s => s.Key == step).SelectMany(s => s.Value).SelectMany(r => r.Outputs)
                .GroupBy(o => o.Reason).Select(g => $"{g.Key} {g.Count()}");
            text.AppendLine(Inv($"| {step} | {Median(list):F2} | {string.Join(", ", reasons)} |"));
        }
        return text.ToString();
    }

    private static string EditCheck(Scenario scenario)
    {
        var warm = Harness.CreateDriver(scenario.Set.Docs, trackSteps: true).RunGenerators(scenario.Compilation);
        var edited = warm.ReplaceAdditionalText(scenario.EditTarget, scenario.Edited).RunGenerators(scenario.Compilation);
        var result = edited.GetRunResult().Results.Single();
        var emit = result.TrackedSteps["Emit"].SelectMany(r => r.Outputs).GroupBy(o => o.Reason).ToDictionary(g => g.Key, g => g.Count());
        var before = warm.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        int changed = result.GeneratedSources.Count(s => !before.TryGetValue(s.HintName, out var old) || old != s.SourceText.ToString());
        return $"{scenario.Set.Source}: Emit outputs {string.Join(", ", emit.Select(e => $"{e.Key} {e.Value}"))}; {changed} generated file(s) changed";
    }

    private static string Memory(DocSource source, int size, Scenario scenario)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        long peak = baseline;
        using var stop = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!stop.IsSet)
            {
                long now = GC.GetTotalMemory(forceFullCollection: false);
                if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now);
                stop.Wait(1);
            }
        }) { IsBackground = true };
        sampler.Start();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var pause = GC.GetTotalPauseDuration();
        var driver = scenario.ColdRun();
        pause = GC.GetTotalPauseDuration() - pause;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        long end = GC.GetTotalMemory(forceFullCollection: false);
        stop.Set();
        sampler.Join();
        peak = Math.Max(peak, end);
        string gcs = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
        long retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        GC.KeepAlive(driver);
        return Inv($"| {source} | {size:N0} | {Mb(allocated)} | {allocated / 1024.0 / size:N0} KB | {Mb(peak - baseline)} | {Mb(retained)} | {gcs} | {pause.TotalMilliseconds:F0} ms |");
    }

    private static double CpuMs(Func<object?> action, int calls)
    {
        object? last = null;
        long start = ThreadCpuClock.Instance.GetTimestamp();
        for (int i = 0; i < calls; i++) last = action();
        double ms = (ThreadCpuClock.Instance.GetTimestamp() - start) / 1e6 / calls;
        GC.KeepAlive(last);
        return ms;
    }

    private static double Median(IEnumerable<double> values) => Percentile(values.OrderBy(v => v).ToList(), 0.5);

    private static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        double index = p * (sorted.Count - 1);
        int low = (int)Math.Floor(index), high = (int)Math.Ceiling(index);
        return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
    }

    private static string Mb(long bytes) => Inv($"{bytes / 1024.0 / 1024.0:N1} MB");

    public static string LoadAverage() => ReportText.LoadAverages() is { } load ? string.Join(" ", load) : "n/a";

    public static string Machine()
    {
        string cpu = CpuModel() ?? "unknown CPU";
        return "```\n" + Inv($"{DateTime.Now:yyyy-MM-dd HH:mm} | {cpu}, {Environment.ProcessorCount} logical cores | {System.Runtime.InteropServices.RuntimeInformation.OSDescription}\n") +
            $".NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {(AppContext.TryGetSwitch("System.GC.Concurrent", out bool c) ? c.ToString() : "default")} | Roslyn {typeof(Compilation).Assembly.GetName().Version} | Markdig {typeof(Markdig.Markdown).Assembly.GetName().Version} | STJ generator {StjComparison.FindStjGenerator()}\n" +
            $"load average at the start: {LoadAverage()} | {GitStamp.GeneratorVersion(Harness.RepositoryRoot()) ?? "commit ?"}\n```";
    }
}
