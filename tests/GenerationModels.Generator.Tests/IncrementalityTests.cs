using System.Collections.Generic;
using System.Linq;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Steps = GenerationModels.Generator.GenerationModelsGenerator.TrackingNames;

namespace GenerationModels.Generator.Tests;

/// <summary>Editing one doc re-emits only that doc's output; a C#-only edit re-emits nothing.</summary>
public sealed class IncrementalityTests
{
    private static string Doc(string name, string field, string description = "N/A")
        => $"# {name}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `{field}` | *string* | :heavy_check_mark: | {description} |\n";

    private static readonly InMemoryAdditionalText A = new(GeneratorHarness.DocPath("A.md"), Doc("Alpha", "a"));
    private static readonly InMemoryAdditionalText B = new(GeneratorHarness.DocPath("B.md"), Doc("Beta", "b"));
    private static readonly InMemoryAdditionalText C = new(GeneratorHarness.DocPath("C.md"), Doc("Gamma", "c"));

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var harness = new GeneratorHarness();
        var compilation = GeneratorHarness.CreateCompilation("namespace User { public class Code { } }");
        var driver = harness.CreateDriver(new[] { A, B, C }).RunGenerators(compilation, Xunit.TestContext.Current.CancellationToken);
        return (driver, compilation);
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step)
        => driver.GetRunResult().Results.Single().TrackedSteps[step]
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ToList();

    [Fact]
    public void Editing_one_doc_re_emits_only_that_doc()
    {
        var (driver, compilation) = FirstRun();
        var editedB = new InMemoryAdditionalText(B.Path, Doc("Beta", "b", "now described"));

        driver = driver.ReplaceAdditionalText(B, editedB).RunGenerators(compilation, Xunit.TestContext.Current.CancellationToken);

        var emit = Reasons(driver, Steps.Emit);
        Assert.Equal(3, emit.Count);
        Assert.Equal(1, emit.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, emit.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        // The index depends only on names and paths, so a description edit leaves it unchanged.
        Assert.All(Reasons(driver, Steps.Index), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        var parse = Reasons(driver, Steps.Parse);
        Assert.Equal(1, parse.Count(r => r == IncrementalStepRunReason.Modified));
    }

    [Fact]
    public void A_CSharp_only_edit_re_emits_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { public class More { } }", GeneratorHarness.ParseOptions, cancellationToken: Xunit.TestContext.Current.CancellationToken));

        driver = driver.RunGenerators(edited, Xunit.TestContext.Current.CancellationToken);

        Assert.All(Reasons(driver, Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(driver, Steps.Emit), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(driver, Steps.Index), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Renaming_a_doc_title_updates_the_index_and_the_context()
    {
        var (driver, compilation) = FirstRun();
        var renamed = new InMemoryAdditionalText(C.Path, Doc("Delta", "c"));

        driver = driver.ReplaceAdditionalText(C, renamed).RunGenerators(compilation, Xunit.TestContext.Current.CancellationToken);

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, Steps.Index));
        var context = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "GenerationModelsJsonContext.g.cs");
        Assert.Contains("Delta", context.SourceText.ToString());
        Assert.DoesNotContain("Gamma", context.SourceText.ToString());
    }
}
