using System.Collections.Generic;
using System.Linq;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>The knobs of issue 13: internal visibility, and names the generated API reserves.</summary>
public sealed class UsabilityKnobTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: t, version: "1" }
        components:
          schemas:
            Pet:
              type: object
              required: [id]
              properties:
                id: { type: integer }
                isSet: { type: string }
                status: { $ref: '#/components/schemas/Status' }
                shape: { $ref: '#/components/schemas/Shape' }
            Status: { type: string, enum: [known, values] }
            Shape:
              oneOf: [ { type: string }, { type: integer } ]
            Values: { type: string, enum: [a] }
        """;

    [Theory]
    [InlineData("internal", Accessibility.Internal)]
    [InlineData("public", Accessibility.Public)]
    [InlineData("", Accessibility.Public)]
    public void GenerationModelsVisibility_sets_the_accessibility_of_every_generated_type_and_the_context(string visibility, Accessibility expected)
    {
        var run = new GeneratorHarness(new Dictionary<string, string> { ["GenerationModelsVisibility"] = visibility }).Run(("api.yaml", Spec));
        run.AssertCompilesCleanly();
        foreach (string name in new[] { "Pet", "Status", "Shape", "GenerationModelsJsonContext" })
        {
            Assert.Equal(expected, run.Output.GetTypeByMetadataName("TestModels." + name)!.DeclaredAccessibility);
        }
    }

    [Fact]
    public void Names_the_presence_enum_and_union_api_declares_are_not_taken_by_doc_names()
    {
        var run = new GeneratorHarness().Run(("api.yaml", Spec));
        run.AssertCompilesCleanly();
        var pet = run.Output.GetTypeByMetadataName("TestModels.Pet")!;
        Assert.Single(pet.GetMembers("IsSet").OfType<IMethodSymbol>());
        Assert.Single(pet.GetMembers("IsSet2").OfType<IPropertySymbol>());
        var status = run.Output.GetTypeByMetadataName("TestModels.Status")!;
        Assert.Equal(new[] { "Known2", "Values2" }, status.GetTypeMembers("Known").Single().GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).OrderBy(n => n));
        // A type may not be named like a member it declares: an enum doc titled 'Values' becomes ValuesModel.
        Assert.NotNull(run.Output.GetTypeByMetadataName("TestModels.ValuesModel"));
    }
}

/// <summary>Fuzz findings in the usability API.</summary>
public sealed class UsabilityFuzzFindingsTests
{
    /// <summary>A union listing itself as a case (seed 4DDi0TkHYkw2): no implicit conversion from itself (CS0555), a factory still.</summary>
    [Fact]
    public void A_union_that_is_its_own_case_compiles_with_a_factory_and_no_self_conversion()
    {
        const string doc = "# pkg.model.webhook.Webhook\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n"
            + "dict, frozendict.frozendict, decimal.Decimal, int, float,  | frozendict.frozendict, decimal.Decimal |  | \n\n"
            + "### Composed Schemas (allOf/anyOf/oneOf/not)\n#### anyOf\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n"
            + "[any_of_0](#any_of_0) | decimal.Decimal, int, float,  | decimal.Decimal, int, float,  |  | \n"
            + "[**Webhook**](Webhook.md) | [**Webhook**](Webhook.md) | [**Webhook**](Webhook.md) |  | \n\n"
            + "# any_of_0\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\ndecimal.Decimal, int, float,  | decimal.Decimal, int, float,  |  | \n";
        var run = new GeneratorHarness().Run(("Webhook.md", doc));
        run.AssertCompilesCleanly();
        var webhook = run.Output.GetTypeByMetadataName("TestModels.Webhook")!;
        var factories = webhook.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.StartsWith("From", System.StringComparison.Ordinal)).ToList();
        Assert.Contains(factories, m => SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, webhook));
        var conversions = webhook.GetMembers("op_Implicit").OfType<IMethodSymbol>().ToList();
        Assert.Equal(factories.Count - 1, conversions.Count);
        Assert.DoesNotContain(conversions, m => SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, webhook));
    }
}
