using System.Linq;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// Whatever a doc contains, the output compiles to exactly the intended members: identifiers are sanitised, string
/// literals and XML docs escaped, and invisible or direction-changing characters never reach the source.
/// </summary>
public sealed class InjectionTests
{
    private static string Doc(string title, params (string Name, string Type, string Description)[] fields)
        => $"# {title}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
         + string.Concat(fields.Select(f => $"| `{f.Name}` | {f.Type} | :heavy_check_mark: | {f.Description} |\n"));

    /// <summary>The record's own properties (what a user sees), by name, and the JSON name of each.</summary>
    private static (string Property, string Json)[] Members(GeneratorRun run, string type)
    {
        run.AssertCompilesCleanly();
        var symbol = run.Output.GetTypeByMetadataName("TestModels." + type) ?? throw new Xunit.Sdk.XunitException($"type {type} not generated");
        return symbol.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.DeclaredAccessibility == Accessibility.Public && p.GetAttributes().Any(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute"))
            .Select(p => (p.Name, (string)p.GetAttributes().Single(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute").ConstructorArguments[0].Value!))
            .OrderBy(p => p.Name, System.StringComparer.Ordinal)
            .ToArray();
    }

    [Fact]
    public void Quotes_and_backslashes_in_a_name_stay_inside_the_string_literal()
    {
        var run = new GeneratorHarness().Run(("Q.md", Doc("Q", ("a\\\"; } class Evil { \"", "*string*", "N/A"))));
        Assert.Equal(new[] { ("AClassEvil", "a\\\"; } class Evil { \"") }, Members(run, "Q"));
        Assert.Null(run.Output.GetTypeByMetadataName("Evil"));
    }

    [Fact]
    public void Comment_and_xml_terminators_in_descriptions_are_escaped()
    {
        var run = new GeneratorHarness().Run(("D.md", Doc("D", ("x", "*string*", "ends */ here </summary> <script>alert(1)</script> & #error no"))));
        Assert.Equal(new[] { ("X", "x") }, Members(run, "D"));
        string source = run.Source("D.g.cs");
        // Tags are markup to Markdig and dropped; the text around them is kept and the XML stays well-formed
        // (the harness compiles with documentation diagnostics on, so malformed XML would fail above).
        Assert.Contains("ends */ here", source);
        Assert.Contains("&amp; #error no", source);
        Assert.DoesNotContain("<script>", source);
    }

    [Fact]
    public void Preprocessor_looking_text_never_starts_a_line_of_code()
    {
        var run = new GeneratorHarness().Run(("P.md", "# P\n\n#error from the doc\n\n#line 1 \"evil.cs\"\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `y` | *number* | :heavy_check_mark: | #if NEVER |\n"));
        Assert.Equal(new[] { ("Y", "y") }, Members(run, "P"));
        foreach (string line in run.Source("P.g.cs").Split('\n'))
        {
            string trimmed = line.TrimStart();
            Assert.False(trimmed.StartsWith("#error") || trimmed.StartsWith("#line") || trimmed.StartsWith("#if"), line);
        }
    }

    [Fact]
    public void Bidi_controls_and_zero_width_characters_never_reach_the_source()
    {
        const string trojan = "is\u202Eadmin\u2066\u200B";
        var run = new GeneratorHarness().Run(("B.md", Doc("B", (trojan, "*boolean*", "flip \u202E text \u200B here"))));
        Assert.Equal(new[] { ("IsAdmin", trojan) }, Members(run, "B"));
        string source = run.Source("B.g.cs");
        foreach (char c in source)
        {
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            Assert.NotEqual(System.Globalization.UnicodeCategory.Format, category);
        }
    }

    [Fact]
    public void Keywords_and_names_of_record_members_become_distinct_valid_properties()
    {
        var run = new GeneratorHarness().Run(("K.md", Doc("K",
            ("class", "*string*", "N/A"), ("Equals", "*string*", "N/A"), ("ToString", "*string*", "N/A"),
            ("k", "*string*", "named like its type"), ("EqualityContract", "*string*", "N/A"), ("JsonModelConverter", "*string*", "N/A"),
            ("additionalProperties", "*string*", "N/A"))));
        var members = Members(run, "K");
        Assert.Equal(7, members.Length);
        Assert.Equal(7, members.Select(m => m.Property).Distinct().Count());
        Assert.Contains(("Class", "class"), members);
        Assert.Contains(("AdditionalProperties", "additionalProperties"), members);
        Assert.DoesNotContain(members, m => m.Property is "Equals" or "ToString" or "K" or "EqualityContract" or "JsonModelConverter");
    }

    [Fact]
    public void Names_that_differ_only_in_case_or_punctuation_stay_separate_members()
    {
        var run = new GeneratorHarness().Run(("C.md", Doc("C", ("fooBar", "*string*", "N/A"), ("foo_bar", "*string*", "N/A"), ("FooBar", "*string*", "N/A"))));
        var members = Members(run, "C");
        Assert.Equal(new[] { "fooBar", "foo_bar", "FooBar" }.OrderBy(x => x, System.StringComparer.Ordinal), members.Select(m => m.Json).OrderBy(x => x, System.StringComparer.Ordinal));
        Assert.Equal(3, members.Select(m => m.Property).Distinct().Count());
    }

    [Fact]
    public void Names_with_digits_symbols_and_nothing_usable_still_get_identifiers()
    {
        var run = new GeneratorHarness().Run(("N.md", Doc("N", ("2fa", "*boolean*", "N/A"), ("$ref", "*string*", "N/A"), ("@type", "*string*", "N/A"), ("---", "*string*", "N/A"), ("名前", "*string*", "N/A"))));
        var members = Members(run, "N");
        Assert.Equal(5, members.Length);
        Assert.Contains(("_2fa", "2fa"), members);
        Assert.Contains(("Ref", "$ref"), members);
        Assert.Contains(("Type", "@type"), members);
        Assert.All(members, m => Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(m.Property), m.Property));
    }

    [Fact]
    public void A_hostile_title_cannot_escape_the_type_declaration()
    {
        var run = new GeneratorHarness().Run(("T.md", Doc("Evil { } public class Pwned", ("z", "*string*", "N/A"))));
        run.AssertCompilesCleanly();
        Assert.Null(run.Output.GetTypeByMetadataName("Pwned"));
        Assert.Null(run.Output.GetTypeByMetadataName("TestModels.Pwned"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("TestModels.EvilPublicClassPwned"));
    }
}
