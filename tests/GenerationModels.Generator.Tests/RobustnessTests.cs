using System.Linq;
using System.Text;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>Pathological docs: the generator never throws, and its output compiles or a diagnostic says why not.</summary>
public sealed class RobustnessTests
{
    private const string Header = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

    private static GeneratorRun RunClean(params (string, string)[] docs)
    {
        var run = new GeneratorHarness().Run(docs);
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        run.AssertCompilesCleanly();
        return run;
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n\n")]
    [InlineData("# ")]
    [InlineData("## Fields\n\n| Field | Type |\n| --- | --- |\n")]
    [InlineData("# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n|\n||||||||\n| `a` |\n")]
    [InlineData("# X\r\n## Fields\r| Field | Type | Required | Description |\n| --- | --- | --- | --- |\r\n| `a` | *string* | :heavy_check_mark: | x |")]
    [InlineData("```\n# X\n## Fields\n")]
    [InlineData("# X\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n--- | --- | --- | ---\n")]
    [InlineData("# X\n\n## Supported Types\n\n### \n\n### \n")]
    [InlineData("# X\n\n## Values\n\n```typescript\n\n```\n")]
    public void Degenerate_docs_do_not_throw(string doc)
        => RunClean(("X.md", doc));

    [Fact]
    public void Binary_and_control_characters_do_not_throw()
    {
        var bytes = new byte[4096];
        new System.Random(7).NextBytes(bytes);
        string binary = Encoding.Latin1.GetString(bytes);
        RunClean(("Bin.md", binary), ("Bin2.md", "# Odd\0Name\u0001\n\n## Fields\n\n" + Header + "| `a\0b\u0007` | *string* | :heavy_check_mark: | \u0000 |\n"));
    }

    [Fact]
    public void Lone_surrogates_in_wire_names_are_replaced_not_compiled_into_invalid_literals()
    {
        var run = RunClean(("S.md", "# S\n\n## Fields\n\n" + Header + "| `a\uD800b` | *string* | :heavy_check_mark: | x |\n"));
        var property = run.Output.GetTypeByMetadataName("TestModels.S")!.GetMembers().OfType<IPropertySymbol>().Single(p => p.Name == "AB");
        Assert.Equal("a\uFFFDb", property.GetAttributes().Single(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute").ConstructorArguments[0].Value);
    }

    [Fact]
    public void Huge_names_are_shortened_to_valid_unique_identifiers()
    {
        string longA = new string('a', 5000) + "x";
        string longB = new string('a', 5000) + "y";
        var run = RunClean(("L.md", $"# {new string('T', 3000)}\n\n## Fields\n\n{Header}| `{longA}` | *string* | :heavy_check_mark: | x |\n| `{longB}` | *string* | :heavy_check_mark: | y |\n"));
        var type = run.Output.SyntaxTrees.Skip(1).SelectMany(t => t.GetRoot().DescendantNodes()).OfType<Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax>().First();
        Assert.True(type.Identifier.Text.Length <= 128);
    }

    [Fact]
    public void Link_cycles_and_self_references_compile()
    {
        RunClean(
            ("A.md", "# A\n\n## Fields\n\n" + Header + "| `b` | [B](B.md) | :heavy_minus_sign: | x |\n| `self` | [A](A.md) | :heavy_minus_sign: | x |\n"),
            ("B.md", "# B\n\n## Fields\n\n" + Header + "| `a` | [A](A.md)[] | :heavy_minus_sign: | x |\n"));
    }

    [Fact]
    public void A_thousand_levels_of_frozendict_nesting_are_bounded_and_reported()
    {
        var doc = new StringBuilder("# pkg.model.deep.Deep\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n--- | --- | --- | ---\ndict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n--- | --- | --- | --- | ---\n**[n0](#n0)** | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n");
        for (int i = 0; i < 1000; i++)
        {
            doc.Append($"\n# n{i}\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n--- | --- | --- | ---\ndict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n--- | --- | --- | --- | ---\n**[n{i + 1}](#n{i + 1})** | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n");
        }
        var run = new GeneratorHarness().Run(("Deep.md", doc.ToString()));
        Assert.Null(run.Result.Exception);
        run.AssertCompilesCleanly();
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "GM0002" && d.GetMessage().Contains("nested more than"));
    }

    [Fact]
    public void Deeply_nested_type_expressions_are_bounded()
    {
        string type = string.Concat(Enumerable.Repeat("List[", 500)) + "*str*" + new string(']', 500);
        var run = new GeneratorHarness().Run(("E.md", "# E\n\n## Fields\n\n" + Header + $"| `x` | {type} | :heavy_check_mark: | x |\n"));
        Assert.Null(run.Result.Exception);
        run.AssertCompilesCleanly();
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "GM0002");
    }

    [Fact]
    public void A_hundred_thousand_row_table_is_read_and_emitted_without_throwing()
    {
        var doc = WideDoc(100_000);
        var driver = new GeneratorHarness().CreateDriver(new[] { new InMemoryAdditionalText(GeneratorHarness.DocPath("Huge.md"), doc) })
            .RunGenerators(GeneratorHarness.CreateCompilation(""), TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        string source = result.GeneratedSources.Single(s => s.HintName == "Wide.g.cs").SourceText.ToString();
        Assert.Contains("\"f99999\"", source);
    }

    [Fact]
    public void A_thousand_row_table_compiles_with_every_member()
    {
        var run = RunClean(("Wide.md", WideDoc(1_000)));
        Assert.Equal(1_000, run.Output.GetTypeByMetadataName("TestModels.Wide")!.GetMembers().OfType<IPropertySymbol>().Count(p => p.Name.StartsWith("F")));
    }

    private static string WideDoc(int rows)
    {
        var doc = new StringBuilder("# Wide\n\n## Fields\n\n" + Header);
        for (int i = 0; i < rows; i++) doc.Append($"| `f{i}` | *string* | {(i % 2 == 0 ? ":heavy_check_mark:" : ":heavy_minus_sign:")} | field {i} |\n");
        return doc.ToString();
    }
}
