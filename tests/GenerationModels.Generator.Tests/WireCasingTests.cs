using System.Collections.Generic;
using GenerationModels.Harness;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// Which models match members in any casing (issue 12 item 4, runtime half): those with guessed wire names
/// (language-cased docs, names not confirmed); never OpenAPI specs, docs the project confirmed as written, or models
/// whose names the doc's examples showed.
/// </summary>
public sealed class WireCasingTests
{
    private const string Header = "## Fields\n\n| Field | Type | Required | Description | Example |\n| ----- | ---- | -------- | ----------- | ------- |\n";

    private static string Model(string name, params string[] fields)
        => "# " + name + "\n\n" + Header + string.Concat(System.Linq.Enumerable.Select(fields, f => $"| `{f}` | *number* | :heavy_minus_sign: | N/A | 1 |\n"));

    private const string Fallback = "s_casing, ref raw)";

    [Theory]
    [InlineData(null, true)]
    [InlineData("CamelCase", true)]
    [InlineData("SnakeCase", true)]
    [InlineData("AsWritten", false)]
    public void Language_cased_docs_match_any_casing_unless_the_project_confirms_the_names(string? naming, bool fallback)
    {
        var harness = naming is null ? new GeneratorHarness() : new GeneratorHarness(new Dictionary<string, string> { ["GenerationModelsWireNaming"] = naming });
        var run = harness.Run(("models/order.md", Model("Order", "orderId", "total")), ("models/plain.md", Model("Plain", "total", "count")));

        run.AssertCompilesCleanly();
        string order = run.Source("Order.g.cs");
        Assert.Equal(fallback, order.Contains(Fallback));
        Assert.Equal(fallback, order.Contains("var names = value.__raw.WireNames(s_names);"));
        // Names without a capital letter read the same in any casing an SDK would pick: nothing was guessed.
        Assert.DoesNotContain(Fallback, run.Source("Plain.g.cs"));
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
