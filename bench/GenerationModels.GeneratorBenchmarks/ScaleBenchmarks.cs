using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace GeneratorBench;

/// <summary>The parameters both classes run over (doc source and count) and the scenario set up for them.</summary>
public abstract class ScenarioBenchmarks
{
    [Params(DocSource.Corpus, DocSource.Synthetic)]
    public DocSource Source { get; set; }

    [Params(100, 500, 2000)]
    public int Docs { get; set; }

    protected Scenario Scenario { get; private set; } = null!;

    [GlobalSetup]
    public void Setup() => Scenario = Scenario.Create(Source, Docs);
}

/// <summary>
/// A cold generator run against its floor, per doc set: <c>Markdig.Markdown.Parse</c> of every doc alone (the
/// baseline, so the Ratio column is full run / floor), and <c>CSharpGeneratorDriver.Create</c> + <c>RunGenerators</c>
/// over the docs as AdditionalFiles marked as schema docs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ColdRunBenchmarks : ScenarioBenchmarks
{
    [Benchmark(Baseline = true, Description = "Markdig floor")]
    public int MarkdigFloor() => Scenario.MarkdigFloor();

    [Benchmark(Description = "Full run, cold driver")]
    public GeneratorDriver FullRun() => Scenario.ColdRun();
}

/// <summary>
/// Re-runs on a warm driver (one full run done; the driver is immutable, so each invocation starts from the same
/// state): one doc edited, a C# file added, one doc added. The baseline is the C#-only edit (the cheapest).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class IncrementalBenchmarks : ScenarioBenchmarks
{
    [Benchmark(Baseline = true, Description = "C#-only edit")]
    public GeneratorDriver CSharpOnlyEdit() => Scenario.CSharpOnlyEdit();

    [Benchmark(Description = "Edit one doc")]
    public GeneratorDriver EditOneDoc() => Scenario.EditOneDoc();

    [Benchmark(Description = "Add one doc")]
    public GeneratorDriver AddOneDoc() => Scenario.AddOneDoc();
}
