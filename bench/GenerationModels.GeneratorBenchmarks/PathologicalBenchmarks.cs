using System;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using GenerationModels.Harness;

namespace GeneratorBench;

/// <summary>A doc built to stress one part of the readers: long lines, deep nesting, many sections, many rows.</summary>
public enum PathologicalShape
{
    /// <summary>One row whose description is a single run of characters.</summary>
    LongCell,
    /// <summary>One row with thousands of cells (pipes).</summary>
    ManyCells,
    /// <summary>A type cell of unbalanced '[' (the bracket-balancing link tokenizer).</summary>
    OpenBrackets,
    /// <summary>A type cell of '[a](' repeated: links that never close.</summary>
    UnclosedLinks,
    /// <summary>A description of '*' and '_' runs (emphasis, Markdig's plain-text path).</summary>
    EmphasisRuns,
    /// <summary>A description of '\' and '\|' runs (escapes, cell splitting).</summary>
    Backslashes,
    /// <summary>A description of entity-looking text (&amp;amp; … &amp;#x…).</summary>
    Entities,
    /// <summary>Many rows in one Fields table.</summary>
    ManyRows,
    /// <summary>A frozendict doc whose keys each link to a '# name' sub-section (sections are looked up by name).</summary>
    ManySubSections,
    /// <summary>Many headings and fences before the schema section.</summary>
    ManyHeadings,
    /// <summary>An OAG enum doc with many bullet values.</summary>
    ManyEnumValues,
}

/// <summary>
/// Linear time on pathological input (issue 7's target: a doc 10× larger takes at most 12× the time): for each shape,
/// a cold run over one doc of the shape at its base size (the baseline) and at ten times that size, so the Ratio
/// column is time(10×) / time(1×).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class PathologicalBenchmarks
{
    private InMemoryAdditionalText[] _base = null!;
    private InMemoryAdditionalText[] _tenTimes = null!;

    [ParamsAllValues]
    public PathologicalShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _base = new[] { Doc(Shape, 1) };
        _tenTimes = new[] { Doc(Shape, 10) };
        // Fail before measuring if the doc does not do what it is for: the generator must run without throwing.
        foreach (var docs in new[] { _base, _tenTimes })
        {
            var result = Harness.CreateDriver(docs).RunGenerators(Harness.UserCompilation()).GetRunResult().Results.Single();
            if (result.Exception is not null) throw new InvalidOperationException($"{Shape}: the generator threw", result.Exception);
        }
    }

    [Benchmark(Baseline = true, Description = "base size")]
    public GeneratorDriver Base() => Harness.CreateDriver(_base).RunGenerators(Harness.UserCompilation());

    [Benchmark(Description = "10x size")]
    public GeneratorDriver TenTimes() => Harness.CreateDriver(_tenTimes).RunGenerators(Harness.UserCompilation());

    /// <summary>The doc of <paramref name="shape"/> at <paramref name="scale"/> times its base size (base sizes take a few ms).</summary>
    public static InMemoryAdditionalText Doc(PathologicalShape shape, int scale)
    {
        const string fieldsHeader = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
        string Model(string rows) => "# Stress\n\n## Fields\n\n" + fieldsHeader + rows;
        string Row(string type, string description) => $"| `a` | {type} | :heavy_check_mark: | {description} |\n";
        string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));
        int n = scale;
        string text = shape switch
        {
            PathologicalShape.LongCell => Model(Row("*string*", new string('x', 100_000 * n))),
            PathologicalShape.ManyCells => Model("| `a` | *string* | :heavy_check_mark: " + Repeat("| c ", 5_000 * n) + "|\n"),
            PathologicalShape.OpenBrackets => Model(Row(new string('[', 20_000 * n), "x")),
            PathologicalShape.UnclosedLinks => Model(Row(Repeat("[a](", 5_000 * n), "x")),
            PathologicalShape.EmphasisRuns => Model(Row("*string*", Repeat("*_**__", 5_000 * n))),
            PathologicalShape.Backslashes => Model(Row("*string*", Repeat("\\\\\\|", 10_000 * n))),
            PathologicalShape.Entities => Model(Row("*string*", Repeat("&amp;&#x41;&#65;&bogus;&", 2_000 * n))),
            PathologicalShape.ManyRows => Model(string.Concat(Enumerable.Range(0, 1_000 * n).Select(i => $"| `f{i}` | *string* | :heavy_minus_sign: | field {i} |\n"))),
            PathologicalShape.ManySubSections => FrozenDictWithSections(300 * n),
            PathologicalShape.ManyHeadings => Repeat("### note\n\n```\n# not a heading\n```\n\n", 2_000 * n) + Model(Row("*string*", "x")),
            PathologicalShape.ManyEnumValues => "# Level\n\n## Enum\n\n" + string.Concat(Enumerable.Range(0, 1_000 * n).Select(i => $"* `V{i}` (value: `\"v{i}\"`)\n\n")),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
        return new InMemoryAdditionalText($"{Harness.ProjectDirectory}/Schemas/{shape}.md", text);
    }

    private static string FrozenDictWithSections(int keys)
    {
        var doc = new StringBuilder("# pkg.model.stress.Stress\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\ndict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | ------------- | -------------\n");
        for (int i = 0; i < keys; i++) doc.Append($"**[k{i}](#k{i})** | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n");
        for (int i = 0; i < keys; i++)
        {
            doc.Append($"\n# k{i}\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\ndict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | ------------- | -------------\n**v** | str,  | str,  |  | \n");
        }
        return doc.ToString();
    }
}
