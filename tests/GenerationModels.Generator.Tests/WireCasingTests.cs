using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GenerationModels.Generator.Parsing;
using GenerationModels.Harness;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// Which models match members in any casing (issue 12 item 4): those with guessed wire names (every Speakeasy and
/// OpenAPI Generator model doc lists SDK property names, in its language's casing, whatever the API's); never OpenAPI
/// specs, frozendict docs (their keys are the wire names), docs the project confirmed as written, or models whose names
/// the doc's examples showed.
/// </summary>
public sealed class WireCasingTests
{
    private const string Header = "## Fields\n\n| Field | Type | Required | Description | Example |\n| ----- | ---- | -------- | ----------- | ------- |\n";

    private static string Model(string name, params string[] fields)
        => "# " + name + "\n\n" + Header + string.Concat(System.Linq.Enumerable.Select(fields, f => $"| `{f}` | *number* | :heavy_minus_sign: | N/A | 1 |\n"));

    private const string Fallback = "s_casing, ref raw, seen0)";

    [Theory]
    [InlineData(null, true)]
    [InlineData("CamelCase", true)]
    [InlineData("SnakeCase", true)]
    [InlineData("AsWritten", false)]
    public void SDK_docs_match_any_casing_unless_the_project_confirms_the_names(string? naming, bool fallback)
    {
        var harness = naming is null ? new GeneratorHarness() : new GeneratorHarness(new Dictionary<string, string> { ["GenerationModelsWireNaming"] = naming });
        var run = harness.Run(
            ("models/order.md", Model("Order", "orderId", "total")),
            ("models/snake.md", Model("Snake", "order_id", "total")),
            ("models/plain.md", Model("Plain", "total", "count")));

        run.AssertCompilesCleanly();
        string order = run.Source("Order.g.cs");
        Assert.Equal(fallback, order.Contains(Fallback));
        Assert.Equal(fallback, order.Contains("var names = value.__raw.WireNames(s_names);"));
        // Every name an SDK doc lists is the SDK's property name, in its language's casing: a Python SDK's order_id
        // may be the API's orderId, and even a one-word total is Total in a PascalCase API.
        Assert.Equal(fallback, run.Source("Snake.g.cs").Contains(Fallback));
        Assert.Equal(fallback, run.Source("Plain.g.cs").Contains(Fallback));
    }

    private const string OagHeader = "## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";

    private const string FrozenDictDoc = "# fixtures.model.member.Member\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\ndict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | ------------- | -------------\n**first_name** | str,  | str,  |  | [optional] \n**id** | str,  | str,  |  | \n";

    /// <summary>The rule per dialect, on the parsed model: which listed names are SDK names (guesses) and which are wire names.</summary>
    [Theory]
    // Speakeasy, every language: Python/Ruby snake_case, TypeScript/Java/PHP camelCase, Go/C# PascalCase.
    [InlineData("speakeasy python", "# Member\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n| `first_name` | *Optional[str]* | :heavy_minus_sign: | N/A |\n| `id` | *str* | :heavy_check_mark: | N/A |\n", true)]
    [InlineData("speakeasy go", "# Member\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n| `FirstName` | **string* | :heavy_minus_sign: | N/A |\n| `ID` | *string* | :heavy_check_mark: | N/A |\n", true)]
    // OpenAPI Generator, every language: python/ruby/rust snake_case, java/php camelCase, go/dotnet PascalCase.
    [InlineData("oag python", "# Member\n\n" + OagHeader + "**first_name** | **str** |  | [optional] \n**id** | **str** |  | \n", true)]
    [InlineData("oag rust", "# Member\n\n" + OagHeader + "**first_name** | Option<**String**> |  | [optional]\n**id** | **String** |  | \n", true)]
    [InlineData("oag java", "# Member\n\n" + OagHeader + "|**firstName** | **String** |  |  [optional] |\n|**id** | **String** |  |  |\n", true)]
    // frozendict lists the dictionary keys themselves: the wire names.
    [InlineData("frozendict", FrozenDictDoc, false)]
    public void Which_docs_list_SDK_names(string dialect, string doc, bool guessed)
    {
        var parsed = DocumentParser.Parse("/p/models/member.md", doc, CancellationToken.None);
        var fields = parsed.Model!.Fields;
        Assert.True(fields.Count == 2, dialect + ": " + fields.Count + " fields");
        Assert.All(fields, f => Assert.Equal(guessed, f.WireNameGuessed));
        // The project can confirm the listed names; then nothing is a guess, whatever the dialect.
        var confirmed = DocumentParser.Parse("/p/models/member.md", doc, CancellationToken.None, WireNaming.AsWritten);
        Assert.All(confirmed.Model!.Fields, f => Assert.False(f.WireNameGuessed));
    }

    [Fact]
    public void Frozendict_docs_match_exactly_only()
    {
        var run = new GeneratorHarness().Run(("docs/Member.md", FrozenDictDoc));
        run.AssertCompilesCleanly();
        Assert.DoesNotContain(Fallback, run.Source("Member.g.cs"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "GM0015");
    }

    /// <summary>
    /// GM0015 warns about camelCase and PascalCase names only: snake_case and one-word names, as a Python SDK lists them,
    /// are read in any casing but do not warn (the README's wire-naming section says why).
    /// </summary>
    [Theory]
    [InlineData("orderId", true)]
    [InlineData("OrderId", true)]
    [InlineData("order_id", false)]
    [InlineData("total", false)]
    public void GM0015_fires_for_capitalised_names_only(string name, bool warns)
    {
        var run = new GeneratorHarness().Run(("models/order.md", Model("Order", name, "count")));
        run.AssertCompilesCleanly();
        Assert.Contains(Fallback, run.Source("Order.g.cs"));
        Assert.Equal(warns, run.GeneratorDiagnostics.Any(d => d.Id == "GM0015"));
    }

    [Fact]
    public void Models_whose_names_the_examples_confirmed_match_exactly_only()
    {
        string parent = "# Request\n\n" + Header
            + "| `filter` | [Filter](filter.md) | :heavy_minus_sign: | N/A | \\{<br/>\"field_name\": \"x\"<br/>} |\n"
            + "| `other` | [Other](other.md) | :heavy_minus_sign: | N/A | |\n";
        var run = new GeneratorHarness().Run(("models/request.md", parent), ("models/filter.md", Model("Filter", "fieldName")), ("models/other.md", Model("Other", "fieldName")));

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(Fallback, run.Source("Filter.g.cs"));
        Assert.Contains(Fallback, run.Source("Other.g.cs"));
    }

    [Fact]
    public void OpenApi_specs_match_exactly_only()
    {
        const string spec = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Order:\n      type: object\n      properties:\n        orderId: { type: string }\n";
        var run = new GeneratorHarness().Run(("api/openapi.yaml", spec));
        run.AssertCompilesCleanly();
        Assert.DoesNotContain(Fallback, run.Source("Order.g.cs"));
    }
}
