using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using GenerationModels.Generator;
using GenerationModels.Harness;
using Microsoft.CodeAnalysis;

namespace SpecScaleReport;

/// <summary>One timed generator run.</summary>
internal sealed record Timing(string What, double GeneratorMs, double WallMs, long AllocatedBytes, int ChangedSources = -1, string? Edited = null)
{
    /// <summary>Edits: the sources that should change: the edited schema's, and those of schemas composed over it (allOf).</summary>
    public int ExpectedChanged { get; init; } = -1;
}

/// <summary>Everything measured for one form of the spec.</summary>
internal sealed class FormResult
{
    public FormResult(SpecForm form) => Form = form;

    public SpecForm Form { get; }

    public string Label => Form == SpecForm.Yaml30 ? "YAML, OpenAPI 3.0" : "JSON, OpenAPI 3.1";

    /// <summary>Path → text of each spec file, and the line of every tagged entry per file stem.</summary>
    public List<(string Stem, string Path, string Text)> Files { get; } = new();

    public Dictionary<string, Dictionary<object, int>> TagLines { get; } = new(StringComparer.Ordinal);

    public Timing? Cold { get; set; }

    public List<Timing> Fresh { get; } = new();

    public Timing? NoChange { get; set; }

    public List<Timing> Edits { get; } = new();

    public Exception? GeneratorException { get; set; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; set; } = ImmutableArray<Diagnostic>.Empty;

    public ImmutableArray<GeneratedSourceResult> Sources { get; set; } = ImmutableArray<GeneratedSourceResult>.Empty;

    public Compilation? Output { get; set; }

    public double CompileMs { get; set; }

    public long AssemblyBytes { get; set; }

    public byte[]? Assembly { get; set; }

    /// <summary>The form whose compile result stands for this one (it generated the same code), if not compiled itself.</summary>
    public FormResult? CompiledBy { get; set; }

    public List<Diagnostic> CompileErrors { get; } = new();

    public List<Diagnostic> CompileWarnings { get; } = new();

    public long GeneratedChars => Sources.Sum(s => (long)s.SourceText.Length);

    public long SpecBytes => Files.Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(f.Text));
}

/// <summary>Runs the real generator (public API: CSharpGeneratorDriver) over one form of the spec and compiles its output.</summary>
internal static class GeneratorRunner
{
    public const string Namespace = "ScaleSpec";
    public const string ContextName = "GenerationModelsJsonContext";

    public static string Directory(SpecForm form) => form == SpecForm.Yaml30 ? "/spec/yaml" : "/spec/json";

    public static string PathOf(string stem, SpecForm form) => Directory(form) + "/" + Lowering.FileName(stem, form);

    public static IEnumerable<(string Stem, string Text, Dictionary<object, int> Lines)> Render(SpecModel model, SpecForm form)
    {
        foreach (string stem in new[] { SpecSynthesizer.Main, SpecSynthesizer.Other })
        {
            SpecWriter writer = form == SpecForm.Yaml30 ? new YamlWriter() : new JsonWriter();
            string text = writer.Write(model.Document(stem, form));
            yield return (stem, text, writer.TagLines);
        }
    }

    /// <param name="sameCodeAs">A form already compiled: when this form generates the same code, that compile result stands for both.</param>
    public static FormResult Run(SpecModel model, SpecForm form, int freshRuns, int edits, Action<string> log, FormResult? sameCodeAs = null)
    {
        var result = new FormResult(form);
        foreach (var (stem, text, lines) in Render(model, form))
        {
            result.Files.Add((stem, PathOf(stem, form), text));
            result.TagLines[stem] = lines;
        }
        var texts = result.Files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var compilation = GeneratorHarness.CreateCompilation("ScaleSpec", Array.Empty<SyntaxTree>());

        // Generator timings first, on a small heap; the compile (the big allocation) comes last.
        // Cold: a new driver, and (for the first form) a generator that has never run in this process.
        var driver = NewDriver(texts, form);
        driver = TimedRun(driver, compilation, "cold", out var cold, out var output, out var diagnostics);
        result.Cold = cold;
        var run = driver.GetRunResult().Results.Single();
        result.GeneratorException = run.Exception;
        result.GeneratorDiagnostics = diagnostics;
        result.Sources = run.GeneratedSources;
        result.Output = output;
        log($"{result.Label}: generator {cold.GeneratorMs:0} ms (cold), {run.GeneratedSources.Length} sources, {diagnostics.Length} diagnostics");

        // Full runs with the JIT warm: each on a new driver, so nothing is cached.
        for (int i = 0; i < freshRuns; i++)
        {
            TimedRun(NewDriver(texts, form), compilation, "full, new driver", out var fresh, out _, out _);
            result.Fresh.Add(fresh);
        }

        // The cold driver again, nothing changed: everything cached.
        driver = TimedRun(driver, compilation, "no change", out var noChange, out _, out _);
        result.NoChange = noChange;

        // Warm: edit one schema of the main file (a new property), re-run the same driver.
        var editable = model.In(SpecSynthesizer.Main)
            .Where(s => s.Kind == SchemaKind.Object && s.Node is MapNode map && map.Has("properties") && !map.Has("allOf"))
            .ToList();
        var previous = ModelTexts(run.GeneratedSources);
        var mainFile = model.Document(SpecSynthesizer.Main, form);
        var editTexts = new List<(NamedSchema Target, string Text)>();
        for (int i = 0; i < edits && editable.Count > 0; i++)
        {
            // Edits accumulate, as in an editor: each run differs from the previous one by one schema.
            // Spread through the file: where the edit is decides how many later schemas move (see the timings table).
            var target = editable[(int)((i + 0.5) * editable.Count / edits)];
            editTexts.Add((target, Edit(mainFile, form, target, i)));
        }
        AdditionalText current = texts[0];
        foreach (var (target, text) in editTexts)
        {
            var replacement = new InMemoryAdditionalText(current.Path, text);
            driver = driver.ReplaceAdditionalText(current, replacement);
            current = replacement;
            driver = TimedRun(driver, compilation, "edit", out var timing, out _, out _);
            var now = ModelTexts(driver.GetRunResult().Results.Single().GeneratedSources);
            int changed = now.Count(p => !previous.TryGetValue(p.Key, out var before) || before != p.Value) + previous.Keys.Count(k => !now.ContainsKey(k));
            result.Edits.Add(timing with { ChangedSources = changed, Edited = target.Name, ExpectedChanged = 1 + ComposedOver(model, target).Count });
            previous = now;
        }

        // Which per-schema steps re-run after an edit is not replayed here on a driver that tracks steps: Roslyn's step
        // tracking (a testing aid; builds never turn it on) grows with the cube of the docs in this pipeline (a tracked
        // step behind three collected inputs: evidence, index, copies), minutes per run at this size. PipelineTests
        // assert the re-runs step by step on small projects; the "Changed sources" column above is measured here.
        // Compile what it generated, to an assembly (once: the same sources compile the same).
        if (sameCodeAs?.Output is not null && Equivalence.Compare(sameCodeAs, result).Count == 0)
        {
            result.CompiledBy = sameCodeAs;
            result.CompileMs = sameCodeAs.CompileMs;
            result.CompileErrors.AddRange(sameCodeAs.CompileErrors);
            result.CompileWarnings.AddRange(sameCodeAs.CompileWarnings);
            result.AssemblyBytes = sameCodeAs.AssemblyBytes;
            log($"{result.Label}: same code as {sameCodeAs.Label}, not compiled again");
        }
        else
        {
            Compile(result, output, log);
        }
        return result;
    }

    private static void Compile(FormResult result, Compilation output, Action<string> log)
    {
        var stopwatch = Stopwatch.StartNew();
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        result.CompileMs = stopwatch.Elapsed.TotalMilliseconds;
        foreach (var diagnostic in emit.Diagnostics)
        {
            if (diagnostic.IsSuppressed) continue;
            if (diagnostic.Severity == DiagnosticSeverity.Error) result.CompileErrors.Add(diagnostic);
            else if (diagnostic.Severity == DiagnosticSeverity.Warning) result.CompileWarnings.Add(diagnostic);
        }
        result.AssemblyBytes = stream.Length;
        if (emit.Success) result.Assembly = stream.ToArray();
        log($"{result.Label}: compiled in {result.CompileMs:0} ms, {result.CompileErrors.Count} errors, {result.CompileWarnings.Count} warnings");
    }

    /// <summary>A new driver with the project settings of one form (documentation diagnostics on, as the generator tests have them).</summary>
    private static GeneratorDriver NewDriver(ImmutableArray<AdditionalText> texts, SpecForm form, bool trackSteps = false)
        => new GeneratorHarness(new Dictionary<string, string>
        {
            ["RootNamespace"] = Namespace,
            ["MSBuildProjectDirectory"] = Directory(form),
        }) { TrackSteps = trackSteps }.CreateDriver(texts);

    /// <summary>One timed run, from a collected heap, so one run's garbage is not charged to the next.</summary>
    private static GeneratorDriver TimedRun(GeneratorDriver driver, Compilation compilation, string what, out Timing timing, out Compilation output, out ImmutableArray<Diagnostic> diagnostics)
    {
        driver = GeneratorHarness.TimedRun(driver, compilation, out var run, out output, out diagnostics, collectFirst: true);
        timing = new Timing(what, run.GeneratorMs, run.WallMs, run.AllocatedBytes);
        return driver;
    }

    /// <summary>
    /// Each generated model's text by its type name, and each other file's (the context's) by its hint name: past 256
    /// models several models share a file, each under the line naming its doc, so "changed sources" counts models.
    /// </summary>
    internal static Dictionary<string, string> ModelTexts(IEnumerable<GeneratedSourceResult> sources)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            string text = source.SourceText.ToString();
            var starts = GeneratedDocs.Of(text).Select(d => d.Start).ToList();
            if (starts.Count == 0)
            {
                texts.Add(source.HintName, text);
                continue;
            }
            for (int i = 0; i < starts.Count; i++)
            {
                string model = text[starts[i]..(i + 1 < starts.Count ? starts[i + 1] : text.Length)];
                var declared = TopLevelType.Match(model);
                if (!declared.Success) throw new InvalidOperationException($"{source.HintName}: no type declared after the line at {starts[i]}");
                texts.Add(declared.Groups[1].Value, model);
            }
        }
        return texts;
    }

    private static readonly System.Text.RegularExpressions.Regex TopLevelType = new(@"^(?:public|internal) (?:readonly )?partial (?:record struct|record|class|struct) (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline);

    /// <summary>The schemas whose allOf includes <paramref name="target"/>, directly or through another such schema (same file).</summary>
    public static HashSet<NamedSchema> ComposedOver(SpecModel model, NamedSchema target)
    {
        var found = new HashSet<NamedSchema>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var schema in model.In(target.File))
            {
                if (found.Contains(schema) || schema.Node is not MapNode { } map || map["allOf"] is not SeqNode parts) continue;
                if (parts.Items.Any(p => p is RefNode { File: null } r && (r.Name == target.Name || found.Any(f => f.Name == r.Name))) && found.Add(schema)) changed = true;
            }
        }
        return found;
    }

    /// <summary>Adds one property to <paramref name="target"/> in the (lowered) main file and writes the file again.</summary>
    private static string Edit(MapNode root, SpecForm form, NamedSchema target, int n)
    {
        var schemas = (MapNode)((MapNode)root["components"]!)["schemas"]!;
        var schema = (MapNode)schemas[target.Name]!;
        var properties = (MapNode)schema["properties"]!;
        properties.Add("edited_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), new MapNode().Add("type", "string").Add("description", "Added by the warm re-run."));
        SpecWriter writer = form == SpecForm.Yaml30 ? new YamlWriter() : new JsonWriter();
        return writer.Write(root);
    }
}
