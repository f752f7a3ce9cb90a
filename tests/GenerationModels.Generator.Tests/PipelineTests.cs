using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Steps = GenerationModels.Generator.GenerationModelsGenerator.TrackingNames;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// The pipeline's contract: what each step keys on (adding, removing and moving docs, MSBuild properties), and that no
/// step holds a Roslyn object.
/// </summary>
public sealed class PipelineTests
{
    private static string Doc(string name, string fieldType, string description = "N/A", string preamble = "")
        => $"# {name}\n\n{preamble}## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `value` | {fieldType} | :heavy_check_mark: | {description} |\n";

    // Alpha links to Delta, which is not there until a test adds it; Beta has a type the reader cannot interpret.
    private static readonly InMemoryAdditionalText A = new(GeneratorHarness.DocPath("alpha.md"), Doc("Alpha", "[Delta](delta.md)"));
    private static readonly InMemoryAdditionalText B = new(GeneratorHarness.DocPath("beta.md"), Doc("Beta", "*bogus type*"));
    private static readonly InMemoryAdditionalText C = new(GeneratorHarness.DocPath("gamma.md"), Doc("Gamma", "*string*"));
    private static readonly InMemoryAdditionalText D = new(GeneratorHarness.DocPath("delta.md"), Doc("Delta", "*integer*"));

    private static readonly Dictionary<string, string> Properties = new()
    {
        ["RootNamespace"] = "TestModels",
        ["MSBuildProjectDirectory"] = GeneratorHarness.ProjectDirectory,
    };

    private static Compilation UserCode { get; } = GeneratorHarness.CreateCompilation("namespace User { public class Code { } }");

    private static GeneratorDriver Run(GeneratorDriver driver) => driver.RunGenerators(UserCode, TestContext.Current.CancellationToken);

    private static GeneratorDriver FirstRun(params AdditionalText[] docs) => Run(new GeneratorHarness().CreateDriver(docs));

    private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    private static List<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step)
        => Result(driver).TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();

    private static int Count(List<IncrementalStepRunReason> reasons, params IncrementalStepRunReason[] which) => reasons.Count(which.Contains);

    private static readonly IncrementalStepRunReason[] Kept = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    private static GeneratorDriver WithProperty(GeneratorDriver driver, string name, string value)
        => driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(new Dictionary<string, string>(Properties) { [name] = value }, GeneratorHarness.IsSchemaPath));

    [Fact]
    public void Adding_a_doc_re_emits_only_the_new_doc_and_the_docs_that_link_to_it()
    {
        var driver = FirstRun(A, B, C);
        Assert.Contains(Result(driver).Diagnostics, d => d.Id == DiagnosticDescriptors.UnresolvedLinkId);

        driver = Run(driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(D)));

        var emit = Reasons(driver, Steps.Emit);
        Assert.Equal(4, emit.Count);
        Assert.Equal(1, Count(emit, IncrementalStepRunReason.New));
        Assert.Equal(1, Count(emit, IncrementalStepRunReason.Modified)); // Alpha: its link now resolves
        Assert.Equal(2, Count(emit, Kept));
        // Beta and Gamma do not link to Delta: their view of the index is unchanged, so they are not even resolved again.
        var resolve = Reasons(driver, Steps.Resolve);
        Assert.Equal(2, Count(resolve, IncrementalStepRunReason.Cached));
        Assert.Contains("global::TestModels.Delta Value", SourceOf(driver, "Alpha.g.cs"));
        Assert.DoesNotContain(Result(driver).Diagnostics, d => d.Id == DiagnosticDescriptors.UnresolvedLinkId);
    }

    [Fact]
    public void Removing_a_doc_removes_its_output_and_re_emits_only_the_docs_that_linked_to_it()
    {
        var driver = FirstRun(A, B, C, D);

        driver = Run(driver.RemoveAdditionalTexts(ImmutableArray.Create<AdditionalText>(D)));

        var emit = Reasons(driver, Steps.Emit);
        Assert.Equal(1, Count(emit, IncrementalStepRunReason.Removed));
        Assert.Equal(1, Count(emit, IncrementalStepRunReason.Modified)); // Alpha: its link no longer resolves
        Assert.Equal(2, Count(emit, Kept));
        Assert.DoesNotContain("Delta.g.cs", Result(driver).GeneratedSources.Select(s => s.HintName));
        Assert.DoesNotContain("Delta", SourceOf(driver, "GenerationModelsJsonContext.g.cs"));
        Assert.Contains(Result(driver).Diagnostics, d => d.Id == DiagnosticDescriptors.UnresolvedLinkId);
    }

    [Fact]
    public void A_change_that_only_moves_positions_re_emits_no_source_and_moves_the_diagnostic()
    {
        var driver = FirstRun(A, B, C);
        var before = Result(driver).Diagnostics.Single(d => d.Id == DiagnosticDescriptors.UnknownTypeId);
        var moved = new InMemoryAdditionalText(B.Path, Doc("Beta", "*bogus type*", preamble: "\n\n\n"));

        driver = Run(driver.ReplaceAdditionalText(B, moved));

        Assert.Equal(1, Count(Reasons(driver, Steps.Parse), IncrementalStepRunReason.Modified));
        Assert.Equal(1, Count(Reasons(driver, Steps.Diagnostics), IncrementalStepRunReason.Modified));
        Assert.All(Reasons(driver, Steps.Emit), r => Assert.Contains(r, Kept));
        var after = Result(driver).Diagnostics.Single(d => d.Id == DiagnosticDescriptors.UnknownTypeId);
        Assert.Equal(before.Location.GetLineSpan().StartLinePosition.Line + 3, after.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Changing_the_context_name_re_emits_the_context_alone()
    {
        var driver = FirstRun(A, B, C);

        driver = Run(WithProperty(driver, "GenerationModelsContextName", "ShopJson"));

        Assert.All(Reasons(driver, Steps.Parse), r => Assert.Contains(r, Kept));
        Assert.All(Reasons(driver, Steps.Resolve), r => Assert.Contains(r, Kept));
        Assert.All(Reasons(driver, Steps.Emit), r => Assert.Contains(r, Kept));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(driver, Steps.Context));
        Assert.Contains("ShopJson.g.cs", Result(driver).GeneratedSources.Select(s => s.HintName));
    }

    [Fact]
    public void Changing_the_namespace_re_resolves_and_re_emits_every_doc_without_parsing_again()
    {
        var driver = FirstRun(A, B, C);

        driver = Run(WithProperty(driver, "GenerationModelsNamespace", "Shop.Models"));

        Assert.All(Reasons(driver, Steps.Parse), r => Assert.Contains(r, Kept));
        Assert.All(Reasons(driver, Steps.Emit), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        Assert.Contains("namespace Shop.Models;", SourceOf(driver, "Gamma.g.cs"));
    }

    [Fact]
    public void An_unrelated_property_change_re_runs_nothing_past_the_options()
    {
        var driver = FirstRun(A, B, C);

        driver = Run(WithProperty(driver, "SomeOtherProperty", "x"));

        foreach (string step in new[] { Steps.Parse, Steps.Index, Steps.Resolve, Steps.Emit, Steps.Diagnostics, Steps.Context })
        {
            Assert.All(Reasons(driver, step), r => Assert.Contains(r, Kept));
        }
    }

    [Fact]
    public void The_same_file_added_twice_generates_its_type_once()
    {
        // Two AdditionalText objects for one path, as a project that lists a file twice hands the compiler.
        var again = new InMemoryAdditionalText(C.Path, C.GetText(TestContext.Current.CancellationToken).ToString());
        var run = new GeneratorHarness().Run(new AdditionalText[] { C, D, again });

        Assert.Null(run.Result.Exception);
        Assert.Equal(1, run.HintNames.Count(h => h == "Gamma.g.cs"));
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void A_doc_whose_example_shows_another_docs_wire_names_re_emits_that_doc_and_no_other()
    {
        // Gamma lists 'echoUpstreamBody'; Sender (added later) links to it with an Example that shows the wire name.
        const string header = "## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n";
        var options = new InMemoryAdditionalText(GeneratorHarness.DocPath("options.md"), "# Options\n\n" + header + "| `echoUpstreamBody` | *boolean* | :heavy_minus_sign: | N/A | true |\n");
        var sender = new InMemoryAdditionalText(GeneratorHarness.DocPath("sender.md"), "# Sender\n\n" + header + "| `options` | [Options](options.md) | :heavy_minus_sign: | N/A | {\"echo_upstream_body\": true} |\n");
        var driver = FirstRun(A, B, C, options);
        Assert.Contains("\"echoUpstreamBody\"", SourceOf(driver, "Options.g.cs"));

        driver = Run(driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(sender)));

        // The evidence travels in the index (one collected input) and reaches Options through its view alone.
        Assert.Contains("\"echo_upstream_body\"", SourceOf(driver, "Options.g.cs"));
        var emit = Reasons(driver, Steps.Emit);
        Assert.Equal(1, Count(emit, IncrementalStepRunReason.New));
        Assert.Equal(1, Count(emit, IncrementalStepRunReason.Modified)); // Options
        Assert.Equal(3, Count(emit, Kept));
        Assert.Equal(3, Count(Reasons(driver, Steps.Resolve), IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void A_file_listed_twice_stays_off_the_per_doc_chain()
    {
        var again = new InMemoryAdditionalText(C.Path, C.GetText(TestContext.Current.CancellationToken).ToString());
        var driver = FirstRun(C, B, again);
        Assert.Equal(1, Result(driver).GeneratedSources.Count(s => s.HintName == "Gamma.g.cs"));

        driver = Run(driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(D)));

        // Both copies keep their (empty) emit result; the copy is written once, from the copies output, which is unchanged.
        var emit = Reasons(driver, Steps.Emit);
        Assert.Equal(1, Count(emit, IncrementalStepRunReason.New));
        Assert.Equal(3, Count(emit, Kept));
        Assert.All(Reasons(driver, Steps.Copies), r => Assert.Contains(r, Kept));
        Assert.Equal(1, Result(driver).GeneratedSources.Count(s => s.HintName == "Gamma.g.cs"));
        Assert.Contains("Delta.g.cs", Result(driver).GeneratedSources.Select(s => s.HintName));
    }

    [Fact]
    public void A_large_projects_context_is_split_and_adding_a_doc_rewrites_one_part()
    {
        int docs = Resolution.ContextSpec.SingleFileModels + 44;
        int parts = Resolution.ContextSpec.PartCount(docs);
        var texts = Enumerable.Range(0, docs).Select(i => (AdditionalText)new InMemoryAdditionalText(GeneratorHarness.DocPath($"many/m{i}.md"), Doc("Many" + i, "*string*"))).ToList();
        var run = new GeneratorHarness().Run(texts);
        run.AssertCompilesCleanly();
        var contextFiles = run.HintNames.Where(h => h.StartsWith("GenerationModelsJsonContext", StringComparison.Ordinal)).ToList();
        Assert.Equal(1 + parts, contextFiles.Count);
        string main = run.Source("GenerationModelsJsonContext.g.cs");
        Assert.DoesNotContain("Many0", main);
        for (int part = 0; part < parts; part++) Assert.Contains($"__ResolvePart{part:D2}(type, options)", main);
        // Every model is in exactly one part, with its three properties.
        for (int i = 0; i < docs; i++)
        {
            Assert.Single(contextFiles.Skip(1), h => run.Source(h).Contains($" Many{i} => ", StringComparison.Ordinal));
        }

        var driver = Run(run.Driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(D)));

        var files = Reasons(driver, Steps.ContextFiles);
        Assert.Equal(1 + parts, files.Count);
        Assert.Equal(1, Count(files, IncrementalStepRunReason.Modified)); // the part Delta hashes to
        Assert.Equal(parts, Count(files, Kept));
        Assert.Contains(" Delta => ", SourceOf(driver, $"GenerationModelsJsonContext.Part{Resolution.ContextSpec.PartOf("Delta", parts):D2}.g.cs"));
    }

    [Fact]
    public void A_large_projects_models_share_files_and_adding_or_editing_a_doc_rewrites_one()
    {
        int docs = Emission.ModelFiles.SingleFileModels + 44;
        int parts = Emission.ModelFiles.PartCount(docs);
        Assert.True(parts > 1 && parts < docs / 2, $"{parts} shared files for {docs} models");
        var texts = Enumerable.Range(0, docs).Select(i => (AdditionalText)new InMemoryAdditionalText(GeneratorHarness.DocPath($"many/m{i}.md"), Doc("Many" + i, i % 3 == 0 ? "[Many0](m0.md)" : "*string*"))).ToList();
        var run = new GeneratorHarness().Run(texts);
        run.AssertCompilesCleanly();

        var modelFiles = run.HintNames.Where(h => h.StartsWith(Emission.ModelFiles.HintPrefix, StringComparison.Ordinal)).ToList();
        int PartOf(string type) => Resolution.ContextSpec.PartOf(type + ".g.cs", parts);
        string FileOf(string type) => $"{Emission.ModelFiles.HintPrefix}{PartOf(type):D3}.g.cs";
        // One file per part some model hashes to (a part none hashes to has no file).
        Assert.Equal(Enumerable.Range(0, docs).Select(i => PartOf("Many" + i)).Distinct().Count(), modelFiles.Count);
        Assert.DoesNotContain("Many0.g.cs", run.HintNames);
        // Every model is declared in exactly one file, under the line naming its doc, in the file its hint name hashes to.
        for (int i = 0; i < docs; i++)
        {
            string hint = modelFiles.Single(h => run.Source(h).Contains($" partial record Many{i}\n", StringComparison.Ordinal));
            Assert.Equal(FileOf("Many" + i), hint);
            Assert.Contains($"// Generated by GenerationModels from Schemas/many/m{i}.md.\n", run.Source(hint));
        }
        // One header per file: one namespace, one set of aliases.
        Assert.All(modelFiles, h => Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Source(h), "^namespace ", System.Text.RegularExpressions.RegexOptions.Multiline)));

        // Adding a doc makes the text of the file it hashes to again; every other file keeps its SourceText instance (so
        // the compiler keeps its syntax tree), and the other models' texts are not emitted again.
        var before = Result(run.Driver).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText);
        var driver = Run(run.Driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(D)));
        Assert.Equal(1, Count(Reasons(driver, Steps.Emit), IncrementalStepRunReason.New));
        Assert.Equal(0, Count(Reasons(driver, Steps.Emit), IncrementalStepRunReason.Modified));
        Assert.Contains(" partial record Delta\n", SourceOf(driver, FileOf("Delta")));
        AssertOnlyRemade(before, driver, FileOf("Delta"));

        // Editing a doc re-emits that doc and makes its file alone again.
        before = Result(driver).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText);
        var edited = new InMemoryAdditionalText(GeneratorHarness.DocPath("many/m5.md"), Doc("Many5", "*boolean*"));
        driver = Run(driver.ReplaceAdditionalText(texts[5], edited));
        Assert.Equal(1, Count(Reasons(driver, Steps.Emit), IncrementalStepRunReason.Modified));
        Assert.Contains("bool Value", SourceOf(driver, FileOf("Many5")));
        AssertOnlyRemade(before, driver, FileOf("Many5"));
    }

    [Theory]
    [InlineData(256)] // one file each ↔ shared
    [InlineData(512)] // 64 ↔ 128 shared files: files split and merge, and (names chosen so) one keeps exactly the same models
    public void Crossing_a_file_count_boundary_either_way_writes_what_a_fresh_run_writes(int docs)
    {
        string prefix = docs == 512 ? PrefixWithAFileThatKeepsItsModels(docs) : "Many";
        var texts = Enumerable.Range(0, docs + 1).Select(i => (AdditionalText)new InMemoryAdditionalText(GeneratorHarness.DocPath($"many/m{i}.md"), Doc(prefix + i, i % 5 == 0 ? $"[{prefix}1](m1.md)" : "*string*"))).ToList();
        var below = texts.Take(docs).ToArray();
        var driver = FirstRun(below);

        driver = Run(driver.AddAdditionalTexts(ImmutableArray.Create(texts[docs])));
        AssertSameOutput(FirstRun(texts.ToArray()), driver);
        Assert.Equal(1, Count(Reasons(driver, Steps.Emit), IncrementalStepRunReason.New));

        driver = Run(driver.RemoveAdditionalTexts(ImmutableArray.Create(texts[docs])));
        AssertSameOutput(FirstRun(below), driver);
    }

    /// <summary>
    /// Names <c>{prefix}0</c>… for which one shared file holds exactly the same models with <paramref name="docs"/> and
    /// with one more doc, when the number of files doubles: the file's text must still change (its header names the
    /// part and the number of parts), so a memo keyed on the models alone would show.
    /// </summary>
    private static string PrefixWithAFileThatKeepsItsModels(int docs)
    {
        int below = Emission.ModelFiles.PartCount(docs), above = Emission.ModelFiles.PartCount(docs + 1);
        Assert.Equal(2 * below, above);
        List<string> Key(IEnumerable<string> group) => group.Order(StringComparer.Ordinal).ToList();
        foreach (string prefix in new[] { "Many", "Item", "Node", "Unit", "Leaf", "Cell", "Tree", "Rock", "Word", "Bird", "Fish", "Star", "Lake", "Hill" })
        {
            var names = Enumerable.Range(0, docs + 1).Select(i => $"{prefix}{i}.g.cs").ToList();
            var before = names.Take(docs).GroupBy(n => Resolution.ContextSpec.PartOf(n, below)).Select(g => string.Join(",", Key(g))).ToHashSet();
            var after = names.GroupBy(n => Resolution.ContextSpec.PartOf(n, above)).Select(g => string.Join(",", Key(g)));
            if (after.Any(before.Contains)) return prefix;
        }
        throw new InvalidOperationException("no prefix gives a file that keeps its models across the split");
    }

    private static void AssertSameOutput(GeneratorDriver fresh, GeneratorDriver incremental)
    {
        var expected = Result(fresh).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var actual = Result(incremental).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (hint, text) in expected) Assert.True(text == actual[hint], $"{hint} differs from a fresh run's");
    }

    /// <summary>Every model file but <paramref name="remade"/> (and the context's) has the same SourceText instance as before.</summary>
    private static void AssertOnlyRemade(Dictionary<string, Microsoft.CodeAnalysis.Text.SourceText> before, GeneratorDriver driver, string remade)
    {
        var now = Result(driver).GeneratedSources.Where(s => s.HintName.StartsWith(Emission.ModelFiles.HintPrefix, StringComparison.Ordinal)).ToList();
        Assert.True(now.Count > 2, $"{now.Count} shared files");
        foreach (var source in now)
        {
            bool same = before.TryGetValue(source.HintName, out var old) && ReferenceEquals(old, source.SourceText);
            Assert.True(same == (source.HintName != remade), $"{source.HintName}: same text instance {same}");
        }
    }

    [Fact]
    public void Up_to_the_threshold_each_model_has_its_own_file_and_past_it_every_model_moves()
    {
        int docs = Emission.ModelFiles.SingleFileModels;
        var texts = Enumerable.Range(0, docs).Select(i => (AdditionalText)new InMemoryAdditionalText(GeneratorHarness.DocPath($"many/m{i}.md"), Doc("Many" + i, "*string*"))).ToList();
        var driver = FirstRun(texts.ToArray());
        Assert.Equal(docs, Result(driver).GeneratedSources.Count(s => s.HintName.StartsWith("Many", StringComparison.Ordinal)));
        Assert.DoesNotContain(Result(driver).GeneratedSources, s => s.HintName.StartsWith(Emission.ModelFiles.HintPrefix, StringComparison.Ordinal));
        Assert.StartsWith("// <auto-generated/>\n// Generated by GenerationModels from Schemas/many/m7.md.\n", SourceOf(driver, "Many7.g.cs"));

        driver = Run(driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(D)));
        Assert.DoesNotContain(Result(driver).GeneratedSources, s => s.HintName.StartsWith("Many", StringComparison.Ordinal));
        Assert.Equal(Emission.ModelFiles.PartCount(docs + 1), Result(driver).GeneratedSources.Count(s => s.HintName.StartsWith(Emission.ModelFiles.HintPrefix, StringComparison.Ordinal)));
        // Only the new doc was emitted: the shared files are gathered from texts emitted before.
        Assert.Equal(1, Count(Reasons(driver, Steps.Emit), IncrementalStepRunReason.New));
        Assert.Equal(0, Count(Reasons(driver, Steps.Emit), IncrementalStepRunReason.Modified));
    }

    [Fact]
    public void No_step_holds_a_Roslyn_object()
    {
        const string spec = "openapi: 3.0.0\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      properties:\n        kind: { $ref: '#/components/schemas/Kind' }\n    Kind:\n      type: string\n      enum: [a, b]\n";
        var driver = FirstRun(A, B, C, D, new InMemoryAdditionalText(GeneratorHarness.DocPath("pets.yaml"), spec));
        var steps = Result(driver).TrackedSteps;
        var ours = typeof(GenerationModelsGenerator.TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        int walked = 0;
        foreach (string name in ours)
        {
            Assert.True(steps.ContainsKey(name), $"step '{name}' is not tracked");
            foreach (var output in steps[name].SelectMany(run => run.Outputs))
            {
                var held = RoslynObjects(output.Value, out int count).ToList();
                walked += count;
                Assert.True(held.Count == 0, $"step '{name}' holds {string.Join(", ", held.Select(h => h.GetType().Name))}");
            }
        }
        Assert.True(walked > 100, $"only {walked} objects walked");
    }

    [Fact]
    public void The_walker_finds_a_Roslyn_object_held_deep_in_a_value()
    {
        var held = new { Outer = ImmutableArray.Create(new List<object> { "x", Tuple.Create(1, (AdditionalText)C) }) };

        Assert.Single(RoslynObjects(held, out _));
    }

    [Fact]
    public void Every_descriptor_is_reachable_through_the_lookup_the_generator_uses()
    {
        var descriptors = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToList();
        var ids = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Id", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(descriptors);
        Assert.Equal(descriptors.Count, ids.Count);
        Assert.Equal(descriptors.Count, DiagnosticDescriptors.ById.Count);
        foreach (var descriptor in descriptors) Assert.Same(descriptor, DiagnosticDescriptors.ById[descriptor.Id]);
        foreach (string id in ids) Assert.True(DiagnosticDescriptors.ById.ContainsKey(id), id);
    }

    private static string SourceOf(GeneratorDriver driver, string hintName)
        => Result(driver).GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Every Roslyn compilation object reachable from <paramref name="root"/> through fields, collections included.</summary>
    private static IEnumerable<object> RoslynObjects(object? root, out int walked)
    {
        var found = new List<object>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        if (root is not null) pending.Push(root);
        walked = 0;
        while (pending.Count > 0)
        {
            var value = pending.Pop();
            var type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || value is string || value is Type || value is Delegate || value is Pointer) continue;
            if (!type.IsValueType && !seen.Add(value)) continue;
            walked++;
            if (value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location or AdditionalText or SyntaxReference)
            {
                found.Add(value);
                continue;
            }
            if (value is Array array)
            {
                if (!type.GetElementType()!.IsPrimitive)
                {
                    foreach (object? item in array)
                    {
                        if (item is not null) pending.Push(item);
                    }
                }
                continue;
            }
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRef || field.FieldType.IsByRefLike) continue;
                    if (field.GetValue(value) is { } child) pending.Push(child);
                }
            }
        }
        return found;
    }
}
