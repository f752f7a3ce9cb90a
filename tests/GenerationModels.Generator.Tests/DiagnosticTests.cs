using System.Linq;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>Bad input gets a located diagnostic and never a generator crash.</summary>
public sealed class DiagnosticTests
{
    private static Diagnostic Single(GeneratorRun run, string id)
    {
        Assert.Null(run.Result.Exception);
        return Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
    }

    [Fact]
    public void Ragged_row_is_reported_at_its_line_and_the_rest_of_the_table_is_kept()
    {
        const string doc = "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `name` | *string* | :heavy_check_mark: | The name |\n| `broken` |\n| `age` | *number* | :heavy_minus_sign: | Age in years |\n";
        var run = new GeneratorHarness().Run(("Pet.md", doc));

        var diagnostic = Single(run, "GM0001");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.DocPath("Pet.md"), span.Path);
        Assert.Equal(7, span.StartLinePosition.Line); // zero-based: the "| `broken` |" row
        run.AssertCompilesCleanly();
        var pet = run.Output.GetTypeByMetadataName("TestModels.Pet")!;
        Assert.NotNull(pet.GetMembers("Name").SingleOrDefault());
        Assert.NotNull(pet.GetMembers("Age").SingleOrDefault());
    }

    [Fact]
    public void Link_to_a_missing_doc_warns_and_keeps_the_data_as_JsonElement()
    {
        const string doc = "# Order\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `buyer` | [Buyer](buyer.md) | :heavy_check_mark: | N/A |\n";
        var run = new GeneratorHarness().Run(("Order.md", doc));

        var diagnostic = Single(run, "GM0003");
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("buyer.md", diagnostic.GetMessage());
        run.AssertCompilesCleanly();
        var buyer = (IPropertySymbol)run.Output.GetTypeByMetadataName("TestModels.Order")!.GetMembers("Buyer").Single();
        Assert.Equal("System.Text.Json.JsonElement", buyer.Type.ToDisplayString());
    }

    [Fact]
    public void Unknown_type_cell_warns_with_the_cell_location()
    {
        const string doc = "# Thing\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `shape` | *hexagon* | :heavy_check_mark: | N/A |\n";
        var run = new GeneratorHarness().Run(("Thing.md", doc));

        var diagnostic = Single(run, "GM0002");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(6, span.StartLinePosition.Line);
        Assert.Equal(doc.Split('\n')[6].IndexOf("*hexagon*"), span.StartLinePosition.Character);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void A_doc_that_is_not_a_schema_emits_nothing_and_says_why()
    {
        var run = new GeneratorHarness().Run(("Notes.md", "# Release notes\n\nNothing to see.\n"));

        var diagnostic = Single(run, "GM0004");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(new[] { "GenerationModelsJsonContext.g.cs" }, run.HintNames);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Duplicate_field_is_reported_and_the_first_row_wins()
    {
        const string doc = "# Dup\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *string* | :heavy_check_mark: | first |\n| `id` | *number* | :heavy_check_mark: | second |\n";
        var run = new GeneratorHarness().Run(("Dup.md", doc));

        var diagnostic = Single(run, "GM0007");
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        run.AssertCompilesCleanly();
        var id = (IPropertySymbol)run.Output.GetTypeByMetadataName("TestModels.Dup")!.GetMembers("Id").Single();
        Assert.Equal("string", id.Type.ToDisplayString());
    }

    [Fact]
    public void Two_docs_with_the_same_name_in_different_folders_get_distinct_types_and_hint_names()
    {
        const string doc = "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `name` | *string* | :heavy_check_mark: | N/A |\n";
        var run = new GeneratorHarness().Run(("cats/Pet.md", doc), ("dogs/Pet.md", doc));

        run.AssertCompilesCleanly();
        Assert.NotNull(run.Output.GetTypeByMetadataName("TestModels.Pet"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("TestModels.DogsPet"));
        Assert.Equal(run.HintNames.Count(), run.HintNames.Distinct().Count());
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "GM0020");
    }
}
