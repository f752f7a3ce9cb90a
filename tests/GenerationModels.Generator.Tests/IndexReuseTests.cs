using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Helpers;
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

    [Fact]
    public void The_links_step_answers_an_unrelated_add_from_the_index_delta_without_any_lookup()
    {
        var docs = new[] { Alpha, Gamma, Omega }.Select(d => LinkedDocument.Of(DocumentParser.Parse(d.Path, d.Text, TestContext.Current.CancellationToken))).ToList();
        var inputs = docs.Select(d => IndexInput.Of(d.Document)).ToImmutableArray();
        var before = SchemaIndex.Build(inputs, "Context");
        var first = docs.Select(d => IndexView.Link(d, before)).ToList();

        var epsilon = DocumentParser.Parse(GeneratorHarness.DocPath("epsilon.md"), Doc("Epsilon", "*string*"), TestContext.Current.CancellationToken);
        var after = SchemaIndex.Build(inputs.Add(IndexInput.Of(epsilon)), "Context");
        for (int i = 0; i < docs.Count; i++)
        {
            var (document, view) = IndexView.Link(docs[i], after);
            Assert.Same(first[i].Document, document);
            Assert.Same(first[i].View, view);
        }
        // No doc's keys are among the changed ones (Epsilon's location and names), so no lookup was made.
        Assert.Equal(0, after.LookupsAsked);
        Assert.Equal(3, after.ChangesSince(before).Count); // Epsilon: its location, doc name and C# name
    }

    [Theory]
    [InlineData(11)]
    [InlineData(2026)]
    [InlineData(424242)]
    public void The_links_step_memo_always_equals_a_fresh_answer_while_docs_come_and_go(int seed)
    {
        // Names that collide (ignoring case too), links by path, by a mis-cased path, by name only and to nowhere, an
        // alias, and an Example that shows another doc's wire names: each add or remove changes some docs' answers.
        const string header = "## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n";
        string Two(string name, string first, string second, string example = "N/A")
            => $"# {name}\n\n{header}| `one` | {first} | :heavy_check_mark: | N/A | {example} |\n| `twoThings` | {second} | :heavy_minus_sign: | N/A | N/A |\n";
        var pool = new (string Path, string Text)[]
        {
            ("pet.md", Two("Pet", "[Owner](owner.md)", "*string*")),
            ("deep/pet.md", Two("Pet", "[Tag](../tag.md)", "[Missing](missing.md)")),
            ("PET2.md", Two("PET", "[Pet](PET.MD)", "*integer*")),
            ("owner.md", Two("Owner", "[Pet](deep/pet.md)", "[Tag](tag.md)", "{\"two_things\": 1}")),
            ("tag.md", Two("Tag", "*string*", "[Owner](nowhere/owner.md)")),
            ("deep/deep.md", Two("DeepPet", "[Pet](pet.md)", "[Owner](../owner.md)")),
            ("missing.md", Two("Missing", "[Tag](tag.md)", "*string*")),
            ("other/owner.md", Two("Owner", "[Tag](../tag.md)", "*boolean*", "{\"two_things\": 2}")),
            ("alias.md", "# shop.model.alias.Alias\n\nA list.\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n"
                + "list, tuple,  | tuple,  | A list. | \n\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n"
                + "[**Tag**](tag.md) | [**Tag**](tag.md) | [**Tag**](tag.md) |  | \n"),
            ("user.md", Two("User", "[Alias](alias.md)", "[Pet](pet.md)")),
        };
        var docs = pool.Select(d => LinkedDocument.Of(DocumentParser.Parse(GeneratorHarness.DocPath(d.Path), d.Text, TestContext.Current.CancellationToken))).ToArray();
        var random = new System.Random(seed);
        var present = new bool[docs.Length];
        for (int step = 0; step < 60; step++)
        {
            int flips = 1 + random.Next(2);
            for (int f = 0; f < flips; f++) present[random.Next(docs.Length)] ^= true;
            var inputs = docs.Where((_, i) => present[i]).Select(d => IndexInput.Of(d.Document)).ToImmutableArray();
            var index = SchemaIndex.Build(inputs, "Context");
            for (int i = 0; i < docs.Length; i++)
            {
                if (!present[i]) continue;
                var (document, view) = IndexView.Link(docs[i], index);
                Assert.Equal(IndexView.For(docs[i], index), view);
                Assert.Equal(WireEvidence.Apply(docs[i].Document, index.EvidenceFor(docs[i].NormalizedPath)), document);
            }
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1234)]
    [InlineData(99991)]
    public void An_index_updated_from_the_last_one_equals_one_built_from_scratch_while_docs_come_and_go(int seed)
    {
        // Colliding names (the plain name goes to one doc, the others are qualified), names that are another doc's
        // qualified name, a name that clashes with a generated member, an alias, a doc without a model, evidence.
        string[] names = { "Pet", "pet", "DeepPet", "Owner", "JsonModelConverter", "Tag", "ADogsPet", "Context" };
        string[] folders = { "", "deep/", "a/dogs/", "b/", "DEEP/" };
        var inputs = new List<IndexInput>();
        var random = new System.Random(seed);
        for (int n = 0; n < 24; n++)
        {
            string name = names[random.Next(names.Length)];
            string path = GeneratorHarness.DocPath(folders[random.Next(folders.Length)] + (random.Next(2) == 0 ? name : name.ToLowerInvariant()) + n + ".md");
            var shape = random.Next(8) == 0 ? SchemaShape.Alias : SchemaShape.Object;
            var entry = random.Next(10) == 0 ? null : new IndexEntry(path, "", name, shape, shape == SchemaShape.Alias ? TypeRef.String : null);
            var evidence = random.Next(4) == 0
                ? ImmutableArray.Create(new ExampleKeySet(GeneratorHarness.DocPath("pet" + random.Next(3) + ".md"), ImmutableArray.Create("k" + n).ToEquatableArray())).ToEquatableArray()
                : EquatableArray<ExampleKeySet>.Empty;
            inputs.Add(new IndexInput(entry, evidence));
        }
        var present = new bool[inputs.Count];
        for (int i = 0; i < present.Length; i += 2) present[i] = true;
        for (int step = 0; step < 80; step++)
        {
            int flips = 1 + random.Next(3);
            for (int f = 0; f < flips; f++) present[random.Next(1, present.Length)] ^= true; // the first input stays: it holds the last build
            var list = inputs.Where((_, i) => present[i]).ToImmutableArray();
            var updated = SchemaIndex.Build(list, "Context");
            var scratch = SchemaIndex.BuildFromScratch(list, "Context");
            Assert.Equal(scratch, updated);
            Assert.Equal(scratch.Models.Select(m => (m.ClrName, m.NameTakenBy, m.PlainName, m.RenameReason)), updated.Models.Select(m => (m.ClrName, m.NameTakenBy, m.PlainName, m.RenameReason)));
        }
    }

    [Fact]
    public void Adding_a_doc_with_a_free_name_updates_the_last_index_instead_of_building_it_again()
    {
        var shown = ImmutableArray.Create(new ExampleKeySet(Gamma.Path, ImmutableArray.Create("echo_body").ToEquatableArray())).ToEquatableArray();
        var omega = new IndexInput(new IndexEntry(Omega.Path, "", "Omega", SchemaShape.Object), shown);
        var gamma = new IndexInput(new IndexEntry(Gamma.Path, "", "Gamma", SchemaShape.Object), EquatableArray<ExampleKeySet>.Empty);
        var before = SchemaIndex.Build(ImmutableArray.Create(omega, gamma), "Context");
        var epsilon = new IndexInput(new IndexEntry(GeneratorHarness.DocPath("epsilon.md"), "", "Epsilon", SchemaShape.Object), EquatableArray<ExampleKeySet>.Empty);
        var inputs = ImmutableArray.Create(omega, gamma, epsilon);

        var after = SchemaIndex.Build(inputs, "Context");

        var scratch = SchemaIndex.BuildFromScratch(inputs, "Context");
        Assert.Equal(scratch, after);
        Assert.Equal(new[] { "Gamma", "Epsilon", "Omega" }, after.Models.Select(m => m.ClrName));
        // Updated: the evidence list is the last index's own (the new doc brings none); a build from scratch merges anew.
        Assert.True(before.Evidence.AsImmutableArray() == after.Evidence.AsImmutableArray());
        Assert.False(scratch.Evidence.AsImmutableArray() == after.Evidence.AsImmutableArray());
        Assert.Same(before.Models[1], after.Models[2]);
    }

    [Fact]
    public void An_entry_that_is_no_longer_first_keeps_no_old_index_or_context_alive()
    {
        var options = new GeneratorOptions("TestModels", "Context", false, GeneratorHarness.ProjectDirectory);
        var alpha = new IndexInput(new IndexEntry(GeneratorHarness.DocPath("m/alpha.md"), "", "Alpha", SchemaShape.Object), EquatableArray<ExampleKeySet>.Empty);
        var beta = new IndexInput(new IndexEntry(GeneratorHarness.DocPath("m/beta.md"), "", "Beta", SchemaShape.Object), EquatableArray<ExampleKeySet>.Empty);
        var (oldIndex, oldContext) = BuildAndDrop(ImmutableArray.Create(alpha, beta), options);

        // A doc listed (and sorted) before the others: alpha is no longer first, in the inputs or in the index.
        var first = new IndexInput(new IndexEntry(GeneratorHarness.DocPath("a/first.md"), "", "First", SchemaShape.Object), EquatableArray<ExampleKeySet>.Empty);
        var index = SchemaIndex.Build(ImmutableArray.Create(first, alpha, beta), "Context");
        var context = ModelResolver.Context(index, options);

        System.GC.Collect();
        System.GC.WaitForPendingFinalizers();
        System.GC.Collect();
        Assert.False(oldIndex.TryGetTarget(out _), "the last index is still alive through the entry that was first");
        Assert.False(oldContext.TryGetTarget(out _), "the last context is still alive through the model that was first");
        System.GC.KeepAlive(context);
        System.GC.KeepAlive(alpha);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (System.WeakReference<SchemaIndex>, System.WeakReference<ContextSpec>) BuildAndDrop(ImmutableArray<IndexInput> inputs, GeneratorOptions options)
    {
        var index = SchemaIndex.Build(inputs, "Context");
        return (new System.WeakReference<SchemaIndex>(index), new System.WeakReference<ContextSpec>(ModelResolver.Context(index, options)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2718)]
    public void A_context_walked_beside_the_last_one_equals_one_made_from_scratch_while_docs_come_and_go(int seed)
    {
        var options = new GeneratorOptions("TestModels", "Context", false, GeneratorHarness.ProjectDirectory);
        var random = new System.Random(seed);
        var inputs = Enumerable.Range(0, 30).Select(n => new IndexInput(
            new IndexEntry(GeneratorHarness.DocPath((n % 3 == 0 ? "a/" : "b/") + "doc" + n + ".md"), "", "Doc" + (n % 7 == 0 ? "X" : n.ToString(System.Globalization.CultureInfo.InvariantCulture)), n % 9 == 4 ? SchemaShape.Alias : SchemaShape.Object, n % 9 == 4 ? TypeRef.String : null),
            EquatableArray<ExampleKeySet>.Empty)).ToList();
        var present = inputs.Select((_, i) => i % 2 == 0).ToArray();
        int walked = ModelResolver.ContextsWalked;
        for (int step = 0; step < 60; step++)
        {
            present[1 + random.Next(present.Length - 1)] ^= true; // the first model stays: the last context is kept on it
            var index = SchemaIndex.Build(inputs.Where((_, i) => present[i]).ToImmutableArray(), "Context");
            var context = ModelResolver.Context(index, options);
            var scratch = ModelResolver.Context(index, options, fromScratch: true);
            Assert.Equal(scratch, context);
        }
        Assert.Equal(59, ModelResolver.ContextsWalked - walked); // every context after the first was walked beside the last one
    }
}
