using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using GenerationModels.Harness;

namespace GeneratorBench;

/// <summary>
/// One doc set ready to measure: the compilation, a warm driver (one run done), and the three edits of an incremental
/// re-run — one doc edited, a C# file added, one doc added. Shared by the BenchmarkDotNet classes and the report.
/// </summary>
public sealed class Scenario
{
    private Scenario(DocSet set)
    {
        Set = set;
        Compilation = Harness.UserCompilation();
        EditedCompilation = Compilation.AddSyntaxTrees(Harness.CSharpEdit());
        WarmDriver = Harness.CreateDriver(set.Docs).RunGenerators(Compilation);
        EditTarget = PickEditTarget(set, WarmDriver);
        Edited = new InMemoryAdditionalText(EditTarget.Path, EditDoc(EditTarget.Text));
        Added = new InMemoryAdditionalText(Harness.ProjectDirectory + "/Schemas/added/benchaddedmodel.md", AddedDoc);
    }

    public static Scenario Create(DocSource source, int docs) => new(DocSet.Get(source, docs));

    public DocSet Set { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>The compilation with one more C# file (what a C#-only edit hands the driver).</summary>
    public CSharpCompilation EditedCompilation { get; }

    /// <summary>The driver after one full run: immutable, so every re-run below starts from the same warm state.</summary>
    public GeneratorDriver WarmDriver { get; }

    /// <summary>The doc the one-doc edit changes: a model doc of median size.</summary>
    public InMemoryAdditionalText EditTarget { get; }

    public InMemoryAdditionalText Edited { get; }

    public InMemoryAdditionalText Added { get; }

    public int MarkdigFloor() => Harness.MarkdigParse(Set.Docs);

    /// <summary>The driver alone, handed our output ready-made (same files, same texts): what no generator can avoid.</summary>
    public GeneratorDriver ReplayRun() => Replay(tiny: false);

    /// <summary>The driver alone with a one-line file in place of each of ours: its cost per file, without parsing much C#.</summary>
    public GeneratorDriver TinyRun() => Replay(tiny: true);

    private Dictionary<string, (string, Microsoft.CodeAnalysis.Text.SourceText)>? _replay;
    private Dictionary<string, (string, Microsoft.CodeAnalysis.Text.SourceText)>? _tiny;

    private GeneratorDriver Replay(bool tiny)
    {
        if (_replay is null)
        {
            // Which doc produced which file: the comment at the top of each generated file names the doc.
            var byRelative = Set.Docs.ToDictionary(d => d.Path[(Harness.ProjectDirectory.Length + 1)..], d => d.Path, StringComparer.Ordinal);
            _replay = new Dictionary<string, (string, Microsoft.CodeAnalysis.Text.SourceText)>(StringComparer.Ordinal);
            _tiny = new Dictionary<string, (string, Microsoft.CodeAnalysis.Text.SourceText)>(StringComparer.Ordinal);
            foreach (var source in WarmDriver.GetRunResult().Results.Single().GeneratedSources)
            {
                // A model file, or a shared file of several models (a large project): added for the first doc it names.
                var docs = DocsOf(source.SourceText);
                if (docs.Count == 0 || !byRelative.TryGetValue(docs[0], out var path)) continue;
                _replay[path] = (source.HintName, source.SourceText);
                _tiny[path] = (source.HintName, Microsoft.CodeAnalysis.Text.SourceText.From("// " + source.HintName + "\n", System.Text.Encoding.UTF8));
            }
            // The serializer context: one file, or a main file and parts in a large project.
            _replayContext = WarmDriver.GetRunResult().Results.Single().GeneratedSources.Where(s => DocsOf(s.SourceText).Count == 0).Select(s => (s.HintName, s.SourceText)).ToList();
        }
        var generator = new ReplayGenerator(tiny ? _tiny! : _replay, tiny ? new List<(string, Microsoft.CodeAnalysis.Text.SourceText)>() : _replayContext!);
        return Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, Set.Docs, Harness.ParseOptions, null, new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None)).RunGenerators(Compilation);
    }

    private List<(string, Microsoft.CodeAnalysis.Text.SourceText)>? _replayContext;

    /// <summary>The docs a generated file names, in order: the line above each model's type (one in a model's own file).</summary>
    private static List<string> DocsOf(Microsoft.CodeAnalysis.Text.SourceText source) => GeneratedDocs.Of(source.ToString()).Select(d => d.Doc).ToList();

    public GeneratorDriver ColdRun() => Harness.CreateDriver(Set.Docs).RunGenerators(Compilation);

    public GeneratorDriver EditOneDoc() => WarmDriver.ReplaceAdditionalText(EditTarget, Edited).RunGenerators(Compilation);

    public GeneratorDriver CSharpOnlyEdit() => WarmDriver.RunGenerators(EditedCompilation);

    public GeneratorDriver AddOneDoc() => WarmDriver.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(Added)).RunGenerators(Compilation);

    /// <summary>
    /// The edit a person makes most: a description. A sentence goes in right under the title, so the model's summary
    /// changes and every location below it moves (the parse result and that doc's output both change).
    /// </summary>
    public static string EditDoc(string text)
    {
        int title = text.IndexOf("# ", StringComparison.Ordinal);
        int lineEnd = title < 0 ? -1 : text.IndexOf('\n', title);
        if (lineEnd < 0) return text + "\n\nEdited: a new description sentence.\n";
        return text[..(lineEnd + 1)] + "\nEdited: a new description sentence.\n" + text[(lineEnd + 1)..];
    }

    private const string AddedDoc =
        "# BenchAddedModel\n\nA model added to a warm project.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n" +
        "| `id` | *string* | :heavy_check_mark: | Unique identifier |\n| `count` | *number* | :heavy_minus_sign: | How many |\n" +
        "| `enabled` | *boolean* | :heavy_minus_sign: | Whether it is on |\n| `labels` | *string*[] | :heavy_minus_sign: | Labels |\n" +
        "| `metadata` | Record<string, *any*> | :heavy_minus_sign: | Anything else |\n";

    private static InMemoryAdditionalText PickEditTarget(DocSet set, GeneratorDriver warm)
    {
        // Docs that produced a type, by the comment naming the doc above each generated model.
        var generated = new HashSet<string>(warm.GetRunResult().Results.Single().GeneratedSources.SelectMany(s => DocsOf(s.SourceText)), StringComparer.Ordinal);
        var models = set.Docs
            .Where(d => generated.Contains(d.Path[(Harness.ProjectDirectory.Length + 1)..]) && (d.Text.Contains("## Fields", StringComparison.Ordinal) || d.Text.Contains("## Properties", StringComparison.Ordinal)))
            .OrderBy(d => d.Text.Length).ThenBy(d => d.Path, StringComparer.Ordinal)
            .ToList();
        if (models.Count == 0) throw new InvalidOperationException("no model doc to edit in the set");
        return models[models.Count / 2];
    }
}
