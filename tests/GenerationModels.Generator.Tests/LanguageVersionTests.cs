using System.Collections.Generic;
using System.Linq;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>GM0023: a project compiling as C# 10 or older gets one error naming its version; C# 11 and later get none.</summary>
public sealed class LanguageVersionTests
{
    private const string Doc = """
        # Pet

        ## Fields

        | Field | Type | Required | Description |
        | --- | --- | --- | --- |
        | `name` | *string* | :heavy_check_mark: | The pet's name. |
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    [InlineData(LanguageVersion.CSharp9, "9.0")]
    [InlineData(LanguageVersion.CSharp10, "10.0")]
    public void An_older_language_version_gets_GM0023(LanguageVersion version, string shown)
    {
        var (generatorDiagnostics, compileErrors) = Run(version);

        var error = Assert.Single(generatorDiagnostics, d => d.Id == DiagnosticDescriptors.LanguageVersionTooLowId);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains($"compiles as C# {shown}", error.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("<LangVersion>11</LangVersion>", error.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(Location.None, error.Location);
        // As docs/diagnostics.md says: the generated files are still added, so the compiler's own errors follow it
        // (CS8936 for `required` on C# 10).
        Assert.NotEmpty(compileErrors);
        if (version == LanguageVersion.CSharp10) Assert.Contains(compileErrors, d => d.Id == "CS8936");
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp11)]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    [InlineData(LanguageVersion.Preview)]
    public void C_sharp_11_and_later_get_no_GM0023_and_compile(LanguageVersion version)
    {
        var (generatorDiagnostics, compileErrors) = Run(version);

        Assert.DoesNotContain(generatorDiagnostics, d => d.Id == DiagnosticDescriptors.LanguageVersionTooLowId);
        Assert.Empty(compileErrors);
    }

    private static (IReadOnlyList<Diagnostic> Generator, IReadOnlyList<Diagnostic> CompileErrors) Run(LanguageVersion version)
    {
        var parseOptions = new CSharpParseOptions(version);
        var compilation = GeneratorHarness.CreateCompilation().RemoveAllSyntaxTrees().AddSyntaxTrees(CSharpSyntaxTree.ParseText("", parseOptions));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new GenerationModelsGenerator().AsSourceGenerator() },
            new[] { new InMemoryAdditionalText(GeneratorHarness.DocPath("Pet.md"), Doc) },
            parseOptions,
            new TestOptionsProvider(new Dictionary<string, string> { ["RootNamespace"] = "TestModels" }, GeneratorHarness.IsSchemaPath));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, TestContext.Current.CancellationToken);
        var errors = output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return (diagnostics, errors);
    }
}
