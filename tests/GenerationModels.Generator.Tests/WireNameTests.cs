using System.Collections.Generic;
using System.Linq;
using GenerationModels.Generator.Parsing;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>SDK property names back to JSON names: mangling undone always, re-casing only when the knob says so.</summary>
public sealed class WireNameTests
{
    [Theory]
    [InlineData("var_class", "class")]   // OAG python
    [InlineData("_class", "class")]      // OAG ruby / typescript
    [InlineData("propertyClass", "class")] // OAG java
    [InlineData("r#type", "type")]       // OAG rust
    [InlineData("int_", "int")]          // Speakeasy java/python
    [InlineData("default_", "default")]
    [InlineData("VarVersion", "Version")] // OAG dotnet, member named like its type 'Version'
    [InlineData("_id", "_id")]           // a real wire name: left alone
    [InlineData("_links", "_links")]
    [InlineData("created_at", "created_at")]
    public void Mangled_names_are_recovered_and_real_names_kept(string listed, string expected)
        => Assert.Equal(expected, WireNames.Recover(listed, "Version", WireNaming.AsWritten));

    [Theory]
    [InlineData("arrivedAt", "SnakeCase", "arrived_at")]
    [InlineData("ArrivedAt", "snake_case", "arrived_at")]
    [InlineData("HTTPStatus", "SnakeCase", "http_status")]
    [InlineData("arrived_at", "CamelCase", "arrivedAt")]
    [InlineData("ArrivedAt", "camelCase", "arrivedAt")]
    [InlineData("propertyClass", "SnakeCase", "class")]
    public void Re_casing_follows_the_knob(string listed, string knob, string expected)
        => Assert.Equal(expected, WireNames.Recover(listed, "Model", WireNames.ParseKnob(knob)));

    [Fact]
    public void The_project_knob_changes_the_json_names_of_language_cased_docs()
    {
        const string doc = "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**ArrivedAt** | **DateTime** | When | [optional] \n**PropertyClass** | **string** | Kind | \n";
        var run = new GeneratorHarness(new Dictionary<string, string> { ["GenerationModelsWireNaming"] = "snake_case" }).Run(("Pet.md", doc));

        run.AssertCompilesCleanly();
        var pet = run.Output.GetTypeByMetadataName("TestModels.Pet")!;
        string JsonName(string property) => (string)pet.GetMembers(property).Single().GetAttributes()
            .Single(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute").ConstructorArguments[0].Value!;
        Assert.Equal("arrived_at", JsonName("ArrivedAt"));
        Assert.Equal("property_class", JsonName("PropertyClass"));
    }

    [Fact]
    public void Item_metadata_on_one_file_overrides_the_project_knob_for_that_file_only()
    {
        const string pet = "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**ArrivedAt** | **DateTime** | When | [optional] \n";
        const string owner = "# Owner\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**ArrivedAt** | **DateTime** | When | [optional] \n";
        var harness = new GeneratorHarness(new Dictionary<string, string> { ["GenerationModelsWireNaming"] = "snake_case" })
        {
            FileMetadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [GeneratorHarness.DocPath("Owner.md")] = new Dictionary<string, string> { ["GenerationModelsWireNaming"] = "CamelCase" },
            },
        };
        var run = harness.Run(("Pet.md", pet), ("Owner.md", owner));

        run.AssertCompilesCleanly();
        string JsonName(string type) => (string)run.Output.GetTypeByMetadataName("TestModels." + type)!.GetMembers("ArrivedAt").Single().GetAttributes()
            .Single(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute").ConstructorArguments[0].Value!;
        Assert.Equal("arrived_at", JsonName("Pet"));
        Assert.Equal("arrivedAt", JsonName("Owner"));
    }
}
