using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Parsing;
using GenerationModels.Generator.Resolution;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Steps = GenerationModels.Generator.GenerationModelsGenerator.TrackingNames;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// What keeps adding a doc cheap in a large project: the index is rebuilt, but an unchanged model keeps its
/// <see cref="NamedModel"/> instance, so every other doc's links step returns its last view as it was and its context
/// entry is kept; only a doc whose answers or name change gets new values and is resolved and emitted again.
/// </summary>
public sealed class IndexReuseTests
{
    private static string Doc(string name, string fieldType)
        => $"# {name}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `value` | {fieldType} | :heavy_check_mark: | N/A |\n";

    private static readonly InMemoryAdditionalText Alpha = new(GeneratorHarness.DocPath("alpha.md"), Doc("Alpha", "[Delta](delta.md)"));
    private static readonly InMemoryAdditionalText Gamma = new(GeneratorHarness.DocPath("deep/gamma.md"), Doc("Gamma", "*string*"));
    private static readonly InMemoryAdditionalText Omega = new(GeneratorHarness.DocPath("omega.md"), Doc("Omega", "[Gamma](deep/gamma.md)"));

    private static Compilation UserCode { get; } = GeneratorHarness.CreateCompilation("namespace User { public class Code { } }");

    private static GeneratorDriver Run(GeneratorDriver driver) => driver.RunGenerators(UserCode, TestContext.Current.CancellationToken);

    private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    private static GeneratorDriver Add(GeneratorDriver driver, string path, string text)
        => Run(driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(GeneratorHarness.DocPath(path), text))));

    private static T Single<T>(GeneratorDriver driver, string step)
        => (T)Result(driver).TrackedSteps[step].SelectMany(run => run.Outputs).Single().Value;

    private static Dictionary<string, NamedModel> ModelsByPath(GeneratorDriver driver)
        => Single<SchemaIndex>(driver, Steps.Index).Models.ToDictionary(m => m.Path);

    private static Dictionary<string, IncrementalStepRunReason> EmitByHintName(GeneratorDriver driver)
        => Result(driver).TrackedSteps[Steps.Emit].SelectMany(run => run.Outputs)
            .Where(o => o.Value is not null).ToDictionary(o => ((Emission.GeneratedFile)o.Value).HintName, o => o.Reason);

    [Fact]
    public void Adding_a_doc_nobody_links_to_keeps_every_model_and_context_entry_instance_and_resolves_no_other_doc()
    {
        var first = Run(new GeneratorHarness().CreateDriver(new AdditionalText[] { Alpha, Gamma, Omega }));
        var modelsBefore = ModelsByPath(first);
        var entriesBefore = Single<ContextSpec>(first, Steps.Context).Models.ToDictionary(e => e.ClrName);

        var driver = Add(first, "epsilon.md", Doc("Epsilon", "*string*"));

        Assert.Equal(IncrementalStepRunReason.Modified, Result(driver).TrackedSteps[Steps.Index].Single().Outputs.Single().Reason);
        var modelsAfter = ModelsByPath(driver);
        Assert.Equal(4, modelsAfter.Count);
        foreach (var (path, model) in modelsBefore) Assert.Same(model, modelsAfter[path]);
        var entriesAfter = Single<ContextSpec>(driver, Steps.Context).Models.ToDictionary(e => e.ClrName);
        foreach (var (name, entry) in entriesBefore) Assert.Same(entry, entriesAfter[name]);
        Assert.Contains("Epsilon", entriesAfter.Keys);

        var resolve = Result(driver).TrackedSteps[Steps.Resolve].SelectMany(run => run.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(3, resolve.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Equal(1, resolve.Count(r => r == IncrementalStepRunReason.New));
    }

    [Fact]
    public void Adding_a_doc_that_takes_another_docs_name_re_resolves_and_re_emits_that_doc_and_the_doc_linking_to_it()
    {
        var first = Run(new GeneratorHarness().CreateDriver(new AdditionalText[] { Alpha, Gamma, Omega }));
        var modelsBefore = ModelsByPath(first);

        // A shallower doc named like its file takes the plain name 'Gamma'; the deep one is qualified (GM0020).
        var driver = Add(first, "gamma.md", Doc("Gamma", "*integer*"));

        var modelsAfter = ModelsByPath(driver);
        Assert.NotSame(modelsBefore[Gamma.Path], modelsAfter[Gamma.Path]);
        Assert.Equal("DeepGamma", modelsAfter[Gamma.Path].ClrName);
        Assert.Same(modelsBefore[Alpha.Path], modelsAfter[Alpha.Path]);
        Assert.Same(modelsBefore[Omega.Path], modelsAfter[Omega.Path]);
        Assert.Contains(Result(driver).Diagnostics, d => d.Id == DiagnosticDescriptors.NameTakenId);

        var emit = EmitByHintName(driver);
        Assert.Equal(IncrementalStepRunReason.New, emit["Gamma.g.cs"]);
        Assert.Equal(IncrementalStepRunReason.Modified, emit["DeepGamma.g.cs"]); // renamed
        Assert.Equal(IncrementalStepRunReason.Modified, emit["Omega.g.cs"]); // its link now answers DeepGamma
        Assert.Equal(IncrementalStepRunReason.Cached, emit["Alpha.g.cs"]);
        Assert.Contains("global::TestModels.DeepGamma Value", Result(driver).GeneratedSources.Single(s => s.HintName == "Omega.g.cs").SourceText.ToString());
    }

    [Fact]
    public void A_type_named_like_another_types_list_property_still_gets_unique_context_names()
    {
        // The context's names are made without a set of taken names unless a type name starts with 'IReadOnly'.
        var run = new GeneratorHarness().Run(new AdditionalText[]
        {
            new InMemoryAdditionalText(GeneratorHarness.DocPath("pet.md"), Doc("Pet", "*string*")),
            new InMemoryAdditionalText(GeneratorHarness.DocPath("list.md"), Doc("IReadOnlyListPet", "*string*")),
        });
        run.AssertCompilesCleanly();
        string context = run.Source("GenerationModelsJsonContext.g.cs");
        Assert.Contains(" IReadOnlyListPet2", context); // Pet's list property: the plain name is the other type's
        Assert.Contains(" IReadOnlyListIReadOnlyListPet", context);
    }

    [Fact]
    public void Find_answers_a_path_as_given_when_some_path_is_not_normal()
    {
        // Find keys on the path as given; it shares the normalized-path map only when every path is already normal.
        var index = SchemaIndex.Build(ImmutableArray.Create(
            new IndexEntry("/p/a/./x.md", "", "X", SchemaShape.Object),
            new IndexEntry("/p/a/x.md", "", "Y", SchemaShape.Object)), "Context");
        Assert.Equal("X", index.Find("/p/a/./x.md", "")?.DocName);
        Assert.Equal("Y", index.Find("/p/a/x.md", "")?.DocName);
        Assert.Null(index.Find("/p/a/y.md", ""));
    }

    [Fact]
    public void The_links_step_returns_its_last_view_while_every_answer_is_the_same_model_instance()
    {
        var alpha = LinkedDocument.Of(DocumentParser.Parse(Alpha.Path, Alpha.Text, TestContext.Current.CancellationToken));
        var gamma = DocumentParser.Parse(Gamma.Path, Gamma.Text, TestContext.Current.CancellationToken);
        var omega = DocumentParser.Parse(Omega.Path, Omega.Text, TestContext.Current.CancellationToken);
        var inputs = ImmutableArray.Create(IndexInput.Of(alpha.Document), IndexInput.Of(gamma), IndexInput.Of(omega));
        var (_, first) = IndexView.Link(alpha, SchemaIndex.Build(inputs, "Context"));
        Assert.Null(Assert.Single(first.Links).Model); // Delta is not there yet

        var epsilon = DocumentParser.Parse(GeneratorHarness.DocPath("epsilon.md"), Doc("Epsilon", "*string*"), TestContext.Current.CancellationToken);
        var (_, unrelated) = IndexView.Link(alpha, SchemaIndex.Build(inputs.Add(IndexInput.Of(epsilon)), "Context"));
        Assert.Same(first, unrelated);

        var delta = DocumentParser.Parse(GeneratorHarness.DocPath("delta.md"), Doc("Delta", "*integer*"), TestContext.Current.CancellationToken);
        var (_, answered) = IndexView.Link(alpha, SchemaIndex.Build(inputs.Add(IndexInput.Of(delta)), "Context"));
        Assert.NotSame(first, answered);
        Assert.Equal("Delta", Assert.Single(answered.Links).Model?.ClrName);
        Assert.Same(answered.Self, first.Self); // Alpha's own entry is unchanged
    }
}
