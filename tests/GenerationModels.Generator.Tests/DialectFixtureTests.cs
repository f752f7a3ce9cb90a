using System;
using System.IO;
using System.Linq;
using System.Text;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// One small hand-written fixture folder per dialect (Fixtures/&lt;dialect&gt;), compiled as one project: it must compile
/// cleanly with no warnings from the generator, classify every doc, and match its snapshot.
/// </summary>
public sealed class DialectFixtureTests
{
    private static string FixturesDirectory([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
        => Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures");

    public static TheoryData<string, int, int, int, int> Dialects => new()
    {
        // dialect, models (opaque types included), enums, unions, docs that are not schemas
        { "speakeasy-python", 2, 1, 1, 0 },
        { "speakeasy-go", 2, 1, 1, 0 },
        { "speakeasy-csharp", 2, 1, 1, 0 },
        { "speakeasy-java", 2, 1, 1, 0 },
        { "speakeasy-php", 2, 1, 1, 0 },
        { "speakeasy-ruby", 2, 1, 1, 0 },
        { "speakeasy-typescript", 1, 2, 1, 0 },
        { "oag-dotnet", 3, 0, 0, 0 },
        { "oag-go", 2, 1, 0, 1 },
        { "oag-java", 2, 1, 0, 0 },
        { "oag-php", 3, 0, 0, 0 },
        { "oag-python", 2, 1, 0, 0 },
        { "oag-ruby", 5, 0, 2, 0 },
        { "oag-rust", 3, 1, 1, 0 },
        { "oag-typescript", 2, 1, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Dialect_fixture_generates_compiling_models(string dialect, int models, int enums, int unions, int skipped)
    {
        string root = Path.Combine(FixturesDirectory(), dialect);
        var run = new GeneratorHarness().Run(GeneratorHarness.ReadFolder(root, pattern: "*.md"));

        run.AssertCompilesCleanly();
        // The project-wide summaries aside: GM0014 once when a doc produced no type, GM0015 at most once (the fixtures
        // set no wire naming, and most list camelCase or PascalCase names).
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("GM0014" or "GM0015")));
        Assert.Equal(skipped, run.GeneratorDiagnostics.Count(d => d.Id == "GM0004"));
        Assert.Equal(skipped == 0 ? 0 : 1, run.GeneratorDiagnostics.Count(d => d.Id == "GM0014"));
        Assert.True(run.GeneratorDiagnostics.Count(d => d.Id == "GM0015") <= 1);
        var generated = run.Output.SyntaxTrees.Skip(1).SelectMany(t => t.GetRoot().DescendantNodes())
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>()
            .Where(t => t.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax)
            .Select(t => (INamedTypeSymbol)run.Output.GetSemanticModel(t.SyntaxTree).GetDeclaredSymbol(t)!)
            .Where(s => s.Name != "GenerationModelsJsonContext")
            .ToList();
        bool IsEnum(INamedTypeSymbol s) => s.IsValueType && s.GetMembers("IsKnown").Any();
        bool IsUnion(INamedTypeSymbol s) => s.GetMembers("Unmatched").Any();
        Assert.Equal(enums, generated.Count(IsEnum));
        Assert.Equal(unions, generated.Count(IsUnion));
        Assert.Equal(models, generated.Count(s => !IsEnum(s) && !IsUnion(s)));

        Snapshot.Verify(run.AllSources(), "Dialects." + dialect);
    }
}
