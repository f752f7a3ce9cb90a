using System.Linq;
using GenerationModels.Generator.Resolution;
using GenerationModels.Generator.Tests.Infrastructure;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>Docs whose names differ only in case (two SDKs' spellings of one schema) in one project; path normalization.</summary>
public sealed class NameCollisionTests
{
    private static string Doc(string name, string field)
        => $"# {name}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `{field}` | *string* | :heavy_check_mark: | N/A |\n";

    [Fact]
    public void Names_that_differ_only_in_case_get_distinct_types_and_hint_names()
    {
        // Roslyn compares hint names ignoring case: 'PostJsonData.g.cs' and 'PostJSONData.g.cs' would clash and the
        // generator would throw (found by the generator-at-scale benchmark on a corpus mix of Speakeasy SDKs).
        var run = new GeneratorHarness().Run(("go/PostJsonData.md", Doc("PostJsonData", "a")), ("python/PostJSONData.md", Doc("PostJSONData", "b")));

        Assert.Null(run.Result.Exception);
        run.AssertCompilesCleanly();
        var hints = run.HintNames.Where(h => h != "GenerationModelsJsonContext.g.cs").ToList();
        Assert.Equal(2, hints.Count);
        Assert.Equal(2, hints.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "GM0006");
    }

    [Theory]
    [InlineData("/project/Schemas/a/b.md")]
    [InlineData("a/b.md")]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("a//b.md")]
    [InlineData("a/b/")]
    [InlineData("./a/b.md")]
    [InlineData("a/./b.md")]
    [InlineData("a/../b.md")]
    [InlineData("../a/b.md")]
    [InlineData("/../a")]
    [InlineData("a\\b.md")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/.b/..c/b...md")]
    [InlineData("a/b/..")]
    public void Normalize_returns_what_the_segment_rules_give(string path)
    {
        string expected = Reference(path);
        Assert.Equal(expected, PathUtil.Normalize(path));
    }

    /// <summary>The rules spelled out once more, without the fast path.</summary>
    private static string Reference(string path)
    {
        var parts = new System.Collections.Generic.List<string>();
        string unified = path.Replace('\\', '/');
        foreach (string part in unified.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return (unified.StartsWith('/') ? "/" : "") + string.Join("/", parts);
    }
}
