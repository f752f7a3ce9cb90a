using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// The same four schemas written as an OpenAPI spec, as Speakeasy Python docs and as OpenAPI Generator Python docs
/// (Fixtures/equivalence): each input, compiled on its own, yields records with the same members, CLR types, JSON
/// names and required-ness, and enums with the same values.
/// </summary>
public sealed class EquivalenceTests
{
    private static readonly string[] Models = { "Product", "Supplier", "Variant" };

    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
        => Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures", "equivalence");

    private static GeneratorRun Run(string input)
    {
        var run = new GeneratorHarness().Run(GeneratorHarness.ReadFolder(Path.Combine(Root(), input)));
        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        return run;
    }

    /// <summary>Each public property as "Name: Type json=… required=…", in declaration order.</summary>
    private static List<string> Shape(GeneratorRun run, string model)
    {
        var type = run.Output.GetTypeByMetadataName("TestModels." + model) ?? throw new InvalidOperationException($"{model} was not generated");
        return type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic && p.Name != "EqualityContract")
            .Select(p =>
            {
                var jsonName = p.GetAttributes().SingleOrDefault(a => a.AttributeClass?.Name == "JsonPropertyNameAttribute")?.ConstructorArguments[0].Value;
                return $"{p.Name}: {p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier))} json={jsonName} required={p.IsRequired}";
            })
            .ToList();
    }

    private static List<string> EnumValues(GeneratorRun run, string name)
    {
        var type = run.Output.GetTypeByMetadataName("TestModels." + name) ?? throw new InvalidOperationException($"{name} was not generated");
        // The known values are the constants of the enum's nested Values class, in the doc's order.
        var values = type.GetTypeMembers("Values").Single();
        return values.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => (string)f.ConstantValue!).ToList();
    }

    [Theory]
    [InlineData("speakeasy-python")]
    [InlineData("oag-python")]
    public void Markdown_docs_and_the_spec_give_the_same_models(string dialect)
    {
        var spec = Run("openapi");
        var docs = Run(dialect);

        foreach (string model in Models)
        {
            var expected = Shape(spec, model);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Shape(docs, model));
        }
        Assert.Equal(new[] { "hardware", "software", "services" }, EnumValues(spec, "Category"));
        Assert.Equal(EnumValues(spec, "Category"), EnumValues(docs, "Category"));
    }
}
