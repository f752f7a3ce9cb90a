using System.Linq;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// Regression tests for what the property-based fuzzer (tests/GenerationModels.Fuzz.Tests, docs/robustness.md) found:
/// each doc here broke the generator or typed a member wrongly before the fix named in the test.
/// </summary>
public sealed class FuzzFindingsTests
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

    private static IPropertySymbol Member(GeneratorRun run, string type, string jsonName)
        => run.Output.GetTypeByMetadataName("TestModels." + type)!.GetMembers().OfType<IPropertySymbol>()
            .Single(p => p.GetAttributes().Any(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute" && (string?)a.ConstructorArguments[0].Value == jsonName));

    /// <summary>A type named like a member it declares is CS0542 ('JsonModelConverter', an enum 'Value', a union 'Unmatched').</summary>
    [Fact]
    public void Docs_titled_like_a_member_of_their_own_type_are_renamed_and_compile()
    {
        var run = RunClean(
            ("JsonModelConverter.md", "# JsonModelConverter\n\n## Fields\n\n" + Header + "| `a` | *string* | :heavy_check_mark: | x |\n"),
            ("Equals.md", "# Equals\n\n## Fields\n\n" + Header + "| `a` | *string* | :heavy_check_mark: | x |\n"),
            ("Value.md", "# Value\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `A` | a |\n"),
            ("IsKnown.md", "# IsKnown\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `A` | a |\n"),
            ("Unmatched.md", "# Unmatched\n\n## Supported Types\n\n### `string`\n\n```typescript\nconst value: string = \"x\";\n```\n"));
        foreach (string name in new[] { "JsonModelConverterModel", "EqualsModel", "ValueModel", "IsKnownModel", "UnmatchedModel" })
        {
            Assert.NotNull(run.Output.GetTypeByMetadataName("TestModels." + name));
        }
        Assert.Equal(5, run.GeneratorDiagnostics.Count(d => d.Id == "GM0006"));
    }

    /// <summary>Markdig throws past its nesting limit; that exception failed the whole generator (CS8785, no output at all).</summary>
    [Fact]
    public void A_description_nested_past_Markdigs_depth_limit_does_not_fail_the_generator()
    {
        string deep = new string('[', 5_000) + "x" + new string(']', 5_000);
        var run = RunClean(
            ("D.md", "# D\n\n" + deep + "\n\n## Fields\n\n" + Header + "| `a` | *string* | :heavy_check_mark: | **" + deep + "** |\n"),
            ("Other.md", "# Other\n\n## Fields\n\n" + Header + "| `b` | *string* | :heavy_check_mark: | x |\n"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("TestModels.D"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("TestModels.Other"));
    }

    /// <summary>string.Normalize throws on U+FFFE; a name holding one failed the whole generator.</summary>
    [Fact]
    public void A_noncharacter_in_a_name_does_not_fail_the_generator()
    {
        var run = RunClean(("N.md", "# N\uFFFEame\n\n## Fields\n\n" + Header + "| `a\uFFFEb` | *string* | :heavy_check_mark: | x |\n"));
        Assert.Equal("a\uFFFEb", (string?)Member(run, "NAme", "a\uFFFEb").GetAttributes().Single(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute").ConstructorArguments[0].Value);
    }

    /// <summary>Wrappers did not count toward the type parser's depth limit: ten thousand of them overflowed the stack (process crash).</summary>
    [Theory]
    [InlineData("Pointer to ", "**string**", "")]
    [InlineData("Optional[", "str", "]")]
    [InlineData("?", "string", "")]
    [InlineData("Nullable", "String", "")]
    public void Ten_thousand_wrappers_are_bounded_not_a_stack_overflow(string open, string inner, string close)
    {
        string cell = string.Concat(Enumerable.Repeat(open, 10_000)) + inner + string.Concat(Enumerable.Repeat(close, 10_000));
        var run = RunClean(("W.md", "# W\n\n## Fields\n\n" + Header + "| `a` | " + cell + " | :heavy_check_mark: | x |\n"));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "GM0002");
    }

    /// <summary>
    /// Speakeasy python writes a required member that may be null as <c>*Optional[str]*</c> (and links as
    /// <c>[Optional[Union[…]]](x.md)</c>); the wrapper inside emphasis or link text was ignored, so JSON null threw.
    /// </summary>
    [Fact]
    public void Required_members_wrapped_in_Optional_inside_emphasis_or_a_link_are_nullable()
    {
        var run = RunClean(
            ("P.md", "# P\n\n## Fields\n\n" + Header
                + "| `a` | *Optional[str]* | :heavy_check_mark: | x |\n"
                + "| `b` | [Optional[Union[str, int]]](u.md) | :heavy_check_mark: | x |\n"
                + "| `c` | *str* | :heavy_check_mark: | x |\n"
                + "| `d` | List[*Optional[str]*] | :heavy_check_mark: | the list itself is not nullable |\n"),
            ("u.md", "# U\n\n## Supported Types\n\n### `str`\n\n```python\nvalue: str = /* values here */\n```\n\n### `int`\n\n```python\nvalue: int = /* values here */\n```\n"));
        Assert.Equal(NullableAnnotation.Annotated, Member(run, "P", "a").NullableAnnotation);
        Assert.Equal(NullableAnnotation.Annotated, Member(run, "P", "b").NullableAnnotation);
        Assert.Equal("TestModels.U", Member(run, "P", "b").Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString());
        Assert.Equal(NullableAnnotation.NotAnnotated, Member(run, "P", "c").NullableAnnotation);
        Assert.Equal(NullableAnnotation.NotAnnotated, Member(run, "P", "d").NullableAnnotation);
        Assert.All(new[] { "a", "b", "c", "d" }, name => Assert.True(Member(run, "P", name).IsRequired));
    }

    /// <summary>A quoted value is a string even when it looks like a number; such enums were generated over long.</summary>
    [Theory]
    [InlineData("# E\n\n## Enum\n\n* `_14` (value: `'14'`)\n\n* `_15` (value: `'15'`)\n", "string")]
    [InlineData("# E\n\n## Values\n\n```typescript\n\"1\" | \"2\"\n```\n", "string")]
    [InlineData("# pkg.model.e.E\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\nstr,  | str,  |  | must be one of [\"1\", \"2\", ] \n", "string")]
    [InlineData("# E\n\n## Enum\n\n* `NUMBER_14` (value: `14`)\n\n* `NUMBER_15` (value: `15`)\n", "long")]
    [InlineData("# E\n\n## Values\n\n```typescript\n1 | 2.5\n```\n", "double")]
    [InlineData("# pkg.model.e.E\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\ndecimal.Decimal, int,  | decimal.Decimal,  |  | must be one of [1, 2, ] \n", "long")]
    public void Enum_values_that_look_like_numbers_are_numbers_only_unquoted(string doc, string valueType)
    {
        var run = RunClean(("E.md", doc));
        var value = run.Output.GetTypeByMetadataName("TestModels.E")!.GetMembers("Value").OfType<IPropertySymbol>().Single();
        Assert.Equal(valueType, value.Type.ToDisplayString());
    }

    [Fact]
    public void A_java_inline_enum_of_quoted_numbers_is_over_strings()
    {
        var run = RunClean(("J.md", "# J\n\n## Properties\n\n| Name | Type | Description | Notes |\n|------------ | ------------- | ------------- | -------------|\n|**code** | [**CodeEnum**](#CodeEnum) |  |  [optional] |\n\n## Enum: CodeEnum\n\n| Name | Value |\n|---- | -----|\n| _1 | &quot;1&quot; |\n| _2 | &quot;2&quot; |\n"));
        var code = run.Output.GetTypeByMetadataName("TestModels.J+CodeEnum")!;
        Assert.Equal("string", code.GetMembers("Value").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
    }

    /// <summary>A code span is literal: <c>`__proto__`</c> names <c>__proto__</c>; its underscores were read as emphasis ("proto").</summary>
    [Fact]
    public void A_name_in_a_code_span_is_taken_literally()
    {
        var run = RunClean(("C.md", "# C\n\n## Fields\n\n" + Header + "| `__proto__` | *string* | :heavy_check_mark: | x |\n| `_x_` | *string* | :heavy_check_mark: | x |\n| ~~`old`~~ | *string* | :heavy_minus_sign: | deprecated |\n"));
        Assert.NotNull(Member(run, "C", "__proto__"));
        Assert.NotNull(Member(run, "C", "_x_"));
        Assert.NotNull(Member(run, "C", "old"));
    }

    /// <summary>
    /// <c>-Infinity</c> and <c>1e400</c> passed the numeric check (double.TryParse takes them), and the enum was emitted
    /// with the constant <c>-Infinityd</c> (CS0103). Only finite JSON numbers make a numeric enum; these are over strings.
    /// </summary>
    [Theory]
    [InlineData("# E\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `A` | -Infinity |\n| `B` | 1 |\n")]
    [InlineData("# E\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `A` | 1e400 |\n| `B` | 1 |\n")]
    [InlineData("# E\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `A` | NaN |\n| `B` | 1. |\n")]
    [InlineData("# pkg.model.e.E\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\ndecimal.Decimal, int,  | decimal.Decimal,  |  | must be one of [-Infinity, 2, ] \n")]
    public void Enum_values_that_are_not_finite_json_numbers_make_a_string_enum(string doc)
    {
        var run = RunClean(("E.md", doc));
        var value = run.Output.GetTypeByMetadataName("TestModels.E")!.GetMembers("Value").OfType<IPropertySymbol>().Single();
        Assert.Equal("string", value.Type.ToDisplayString());
    }

    [Fact]
    public void A_spec_enum_with_a_number_beyond_double_is_over_strings()
    {
        var run = RunClean(("openapi.json", "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"E\":{\"enum\":[1,1e400]}}}}"));
        var value = run.Output.GetTypeByMetadataName("TestModels.E")!.GetMembers("Value").OfType<IPropertySymbol>().Single();
        Assert.Equal("string", value.Type.ToDisplayString());
    }

    /// <summary>
    /// A link whose text is a platform type names the SDK's own type (<c>[RFCDate](../../types/rfcdate.md)</c>) unless
    /// the project has that doc: a model doc called DateTimeOffset, linked from a map, was typed DateTimeOffset.
    /// </summary>
    [Fact]
    public void A_doc_named_like_a_platform_type_is_the_type_of_links_to_it()
    {
        const string oag = "## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
        var run = RunClean(
            ("m/DateTimeOffset.md", "# DateTimeOffset\n\n" + oag + "**zone** | **String** |  | \n"),
            ("m/Event.md", "# Event\n\n" + oag + "**at** | [**Map&lt;String, DateTimeOffset&gt;**](DateTimeOffset.md) |  | \n**on** | [**RFCDate**](../types/rfcdate.md) |  | \n"));
        Assert.Equal("System.Collections.Generic.IReadOnlyDictionary<string, TestModels.DateTimeOffset>", Member(run, "Event", "at").Type.ToDisplayString());
        Assert.Equal("System.DateOnly", Member(run, "Event", "on").Type.ToDisplayString());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "GM0003");
    }
}
