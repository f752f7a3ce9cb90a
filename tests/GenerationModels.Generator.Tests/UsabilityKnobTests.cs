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
