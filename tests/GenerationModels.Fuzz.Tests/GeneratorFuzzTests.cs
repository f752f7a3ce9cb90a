using GenerationModels.Fuzz.Tests.Docs;
using GenerationModels.Fuzz.Tests.Infrastructure;
using Xunit;

namespace GenerationModels.Fuzz.Tests;

/// <summary>
/// Property-based fuzzing of the generator (docs/robustness.md). Docs are generated in every dialect family, mutated,
/// or random, run through the real generator in batches, and the output compiled; <see cref="FuzzRunner"/> lists the
/// promises checked for every batch. Together the three tests process <see cref="FuzzSettings.TotalDocs"/> docs
/// (10,500 in CI; <c>GENERATIONMODELS_FUZZ_DOCS</c> scales them).
/// </summary>
public sealed class GeneratorFuzzTests
{
    [Fact]
    public void Well_formed_docs_in_every_dialect_become_exactly_the_types_they_describe()
    {
        var (docs, _) = FuzzSettings.Share(0.20, FuzzSettings.BatchSize);
        var stats = FuzzCheck.Run("well-formed", DocGens.Batch(FuzzSettings.BatchSize), docs, FuzzSettings.BatchSize);
        Assert.True(stats.Docs >= docs, $"only {stats.Docs} of {docs} docs were run");
        // No vacuous pass: the compiled models and enums were run, and their members were checked.
        Assert.True(stats.ModelsExercised > 0 && stats.MembersChecked > 0, $"no generated model was exercised: {stats.Summary()}");
        Assert.True(stats.EnumsExercised > 0, $"no generated enum was exercised: {stats.Summary()}");
        Assert.True(stats.UnionsExercised > 0 && stats.UnionCasesChecked > 0, $"no generated union was exercised: {stats.Summary()}");
        // Links are followed: models reached through a link were read and checked member by member. A model is left out
        // only when no finite JSON exists for it (a cycle of required, non-nullable links; BehaviourChecker fails the
        // batch otherwise) or a required link may be read either way.
        Assert.True(stats.LinkedModelsChecked > 0, $"no model was read through a link: {stats.Summary()}");
    }

    [Fact]
    public void Mutated_docs_never_break_the_generator_or_the_build()
    {
        var (docs, _) = FuzzSettings.Share(0.55, FuzzSettings.BatchSize);
        var stats = FuzzCheck.Run("mutated", Mutations.Batch(FuzzSettings.BatchSize), docs, FuzzSettings.BatchSize);
        Assert.True(stats.Docs >= docs, $"only {stats.Docs} of {docs} docs were run");
    }

    [Fact]
    public void Random_text_never_breaks_the_generator_or_the_build()
    {
        var (docs, _) = FuzzSettings.Share(0.25, FuzzSettings.BatchSize);
        var stats = FuzzCheck.Run("random", RandomDocs.Batch(FuzzSettings.BatchSize), docs, FuzzSettings.BatchSize);
        Assert.True(stats.Docs >= docs, $"only {stats.Docs} of {docs} docs were run");
    }
}
