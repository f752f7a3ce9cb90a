using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Parsing;
using GenerationModels.Generator.Tests.Infrastructure;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// Newer generator versions (2025–2026): CommonMark escapes in type cells, TS index signatures, literal and union types,
/// SDK streams, MDX docs with YAML front matter, title-only docs, and the project-wide warnings GM0014 and GM0015.
/// The docs here are written for these tests in the shapes those generators emit.
/// </summary>
public sealed class NewerDocsTests
{
    [Theory]
    // CommonMark backslash escapes of any ASCII punctuation (Speakeasy Java, TypeScript).
    [InlineData("*JsonNullable\\<String>*", "String")]
    [InlineData("*Optional\\<Boolean>*", "Boolean")]
    [InlineData("List\\<*String*>", "String[]")]
    [InlineData("Map\\<String, *Object*>", "map<Any>")]
    [InlineData("Record\\<string, *number*>", "map<Number>")]
    [InlineData("List\\<[Tag](../../models/components/Tag.md)>", "Reference(Tag)[]")]
    // Escaped twice by a generator that escapes nested text again: still the same type.
    [InlineData("Map\\<String, List\\\\<*String*>>", "map<String[]>")]
    // PHP's leading backslash is before a letter: not an escape.
    [InlineData("[\\DateTime](https://www.php.net/manual/en/class.datetime.php)", "DateTime")]
    // TypeScript index signatures, any key name, with or without ';', and arrays of them.
    [InlineData("{ [k: string]: *any* }", "map<Any>")]
    [InlineData("{ [key: string]: *string*; }", "map<String>")]
    [InlineData("{ [name: string]: [models.Label](../models/label.mdx) }", "map<Reference(Label)>")]
    [InlineData("{ [k: string]: *number* }[]", "map<Number>[]")]
    [InlineData("Record\\<string, { [k: string]: *boolean* }>", "map<map<Boolean>>")]
    // Literal types stand for their primitive.
    [InlineData("*true*", "Boolean")]
    [InlineData("*false*", "Boolean")]
    [InlineData("*\"assistant\"*", "String")]
    [InlineData("*42*", "Integer")]
    [InlineData("*0.5*", "Number")]
    // Written-out unions: one kind, any JSON, or SDK-side when an alternative is an SDK object.
    [InlineData("*\"low\"* \\| *\"high\"*", "String")]
    [InlineData("*string* \\| *number*", "Any")]
    [InlineData("[File](https://developer.mozilla.org/en-US/docs/Web/API/File) \\| [Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob) \\| [components.Upload](../components/upload.md)", "External")]
    // SDK streams and files.
    [InlineData("*ReadableStream<Uint8Array>*", "External")]
    [InlineData("*ReadableStream\\<Uint8Array>*", "External")]
    [InlineData("EventStream<[models.Chunk](../models/chunk.mdx)>", "External")]
    [InlineData("*Blob*", "External")]
    // A schema of the API that has such a name stays that schema.
    [InlineData("[models.File](../models/file.mdx)", "Reference(File)")]
    [InlineData("[**[]EventStream**](EventStream.md)", "Reference(EventStream)[]")]
    [InlineData("*models.EventStream*", "Reference(EventStream)")]
    // models.-qualified names and .mdx links.
    [InlineData("*models.Stop*", "Reference(Stop)")]
    [InlineData("[models.ChatDebugOptions](../models/chatdebugoptions.mdx)", "Reference(ChatDebugOptions)")]
    [InlineData("[models.Message](../models/message.mdx)[]", "Reference(Message)[]")]
    // Go types in code spans (newer Speakeasy Go): a leading '*' is a pointer.
    [InlineData("`string`", "String")]
    [InlineData("`*int64`", "Integer")]
    [InlineData("[]`string`", "String[]")]
    [InlineData("map[string]`*string`", "map<String>")]
    [InlineData("`*bool*`", "Boolean")]
    public void Newer_type_cells_parse(string cell, string expected)
    {
        var type = TypeExpression.Parse(cell);
        string text = type.Kind == TypeKind.Reference && type.Fallback is null ? $"Reference({type.Name})" : type.ToString();
        if (type.Kind == TypeKind.Array && type.Element!.Kind == TypeKind.Reference) text = $"Reference({type.Element.Name})[]";
        if (type.Kind == TypeKind.Map && type.Element!.Kind == TypeKind.Reference) text = $"map<Reference({type.Element.Name})>";
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("*JsonNullable\\<String>*", true)]
    [InlineData("`*string`", true)]
    [InlineData("`string`", false)]
    [InlineData("*string* \\| *null*", true)]
    [InlineData("List\\<*String*>", false)]
    public void Newer_nullable_spellings(string cell, bool nullable)
    {
        TypeExpression.Parse(cell, out bool isNullable);
        Assert.Equal(nullable, isNullable);
    }

    [Fact]
    public void Backslash_escapes_follow_commonmark()
    {
        Assert.Equal("List<String>", CellText.UnescapePunctuation("List\\<String>"));
        Assert.Equal("{a} \\d \\", CellText.UnescapePunctuation("\\{a\\} \\d \\"));
        Assert.Equal("\\<", CellText.UnescapePunctuation("\\\\<"));
    }

    private const string FieldsHeader = "## Fields\n\n| Field | Type | Required | Description | Example |\n| ----- | ---- | -------- | ----------- | ------- |\n";

    [Fact]
    public void Front_matter_title_names_an_mdx_doc()
    {
        string doc = "---\ntitle: \"SearchQuery\"\n---\n\nWhat to look for.\n\n## Example Usage\n\n```typescript\nlet value: SearchQuery = { text: \"x\" };\n```\n\n"
            + FieldsHeader + "| `text` | *string* | :heavy_check_mark: | The words. | cats |\n| `maxHits` | *number* | :heavy_minus_sign: | At most this many. | 10 |\n";
        var parsed = DocumentParser.Parse("/p/models/searchquery.mdx", doc, CancellationToken.None);

        Assert.Equal(SchemaShape.Object, parsed.Shape);
        Assert.Equal("SearchQuery", parsed.Model!.Name);
        Assert.Equal("What to look for.", parsed.Model.Description);
        Assert.Equal(1, parsed.Model.Location.Line); // the title line, for diagnostics
        Assert.Equal(new[] { "text", "maxHits" }, parsed.Model.Fields.Select(f => f.JsonName));
    }

    [Theory]
    [InlineData("title: 'It''s'", "It's")]
    [InlineData("title: Plain # comment", "Plain")]
    [InlineData("title: \"Quo\\\"ted\"", "Quo\"ted")]
    public void Front_matter_scalars(string line, string title)
    {
        var blocks = MarkdownScanner.Scan("---\n" + line + "\nsidebar: 2\n---\n\n" + FieldsHeader, CancellationToken.None);
        var heading = Assert.IsType<HeadingBlock>(blocks[0]);
        Assert.Equal((1, title), (heading.Level, heading.Text));
    }

    [Fact]
    public void A_heading_wins_over_front_matter_and_an_unclosed_block_is_not_front_matter()
    {
        var withHeading = MarkdownScanner.Scan("---\ntitle: Meta\n---\n\n# Real\n", CancellationToken.None);
        Assert.Equal("Real", Assert.Single(withHeading.OfType<HeadingBlock>()).Text);

        var unclosed = MarkdownScanner.Scan("---\ntitle: Meta\n\nText.\n", CancellationToken.None);
        Assert.Empty(unclosed.OfType<HeadingBlock>());
    }

    [Fact]
    public void A_title_only_doc_is_an_opaque_type()
    {
        var parsed = DocumentParser.Parse("/p/models/components/Payload.md", "# Payload\n\nEither of two shapes.\n", CancellationToken.None);
        Assert.Equal(SchemaShape.Opaque, parsed.Model!.Shape);
        Assert.Equal("Payload", parsed.Model.Name);
        Assert.Equal("GM0016", Assert.Single(parsed.Diagnostics).DescriptorId);

        // Prose with a heading that is not a type name stays not-a-schema.
        var prose = DocumentParser.Parse("/p/README.md", "# Getting started\n\nRead this first.\n", CancellationToken.None);
        Assert.Null(prose.Shape);
    }

    [Fact]
    public void Listed_SDK_names_are_flagged_as_guesses()
    {
        // Every name is the SDK's property name, capitalised or not (a Python SDK lists total and order_total alike).
        string doc = "# Order\n\n" + FieldsHeader + "| `orderId` | *string* | :heavy_check_mark: | N/A | |\n| `total` | *number* | :heavy_check_mark: | N/A | |\n";
        var parsed = DocumentParser.Parse("/p/order.md", doc, CancellationToken.None);
        Assert.Equal(new[] { true, true }, parsed.Model!.Fields.Select(f => f.WireNameGuessed));
        Assert.True(parsed.WireNamingUnset);
        Assert.False(DocumentParser.Parse("/p/order.md", doc, CancellationToken.None, WireNaming.AsWritten).WireNamingUnset);
    }

    private static readonly string MdxModel = "---\ntitle: \"Reply\"\n---\n\n" + FieldsHeader
        + "| `replyText` | *string* | :heavy_check_mark: | N/A | hi |\n"
        + "| `meta` | Record\\<string, *any*> | :heavy_minus_sign: | N/A | |\n"
        + "| `tone` | [models.Tone](../models/tone.mdx) | :heavy_minus_sign: | N/A | |\n"
        + "| `done` | *true* | :heavy_check_mark: | N/A | |\n";

    private static readonly string MdxEnum = "---\ntitle: \"Tone\"\n---\n\n## Values\n\n| Name | Value |\n| ---- | ----- |\n| `Calm` | calm |\n| `Sharp` | sharp |\n";

    [Fact]
    public void Mdx_docs_generate_linked_models_and_warn_once_for_language_casing()
    {
        var run = new GeneratorHarness().Run(("models/reply.mdx", MdxModel), ("models/tone.mdx", MdxEnum), ("models/notes.md", "Just a note.\n"));

        run.AssertCompilesCleanly();
        string reply = run.Source("Reply.g.cs");
        Assert.Contains("Tone? Tone", reply);
        Assert.Contains("\"replyText\"", reply);
        Assert.Contains("bool Done", reply);

        var warnings = run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.Equal(new[] { "GM0014", "GM0015" }, warnings.Select(d => d.Id).OrderBy(id => id));

        var noType = warnings.Single(d => d.Id == "GM0014");
        Assert.EndsWith("Schemas/models/notes.md", noType.Location.GetLineSpan().Path);
        Assert.Contains("1 schema doc produced no type: 'Schemas/models/notes.md'", noType.GetMessage());

        var cased = warnings.Single(d => d.Id == "GM0015");
        Assert.Contains("'replyText'", cased.GetMessage());
        Assert.Contains("GenerationModelsWireNaming", cased.GetMessage());
        Assert.EndsWith("Schemas/models/reply.mdx", cased.Location.GetLineSpan().Path);
        Assert.Equal(8, cased.Location.GetLineSpan().StartLinePosition.Line); // the replyText row
    }

    [Theory]
    [InlineData("AsWritten")]
    [InlineData("SnakeCase")]
    public void Setting_the_wire_naming_silences_GM0015(string naming)
    {
        var run = new GeneratorHarness(new Dictionary<string, string> { ["GenerationModelsWireNaming"] = naming })
            .Run(("models/reply.mdx", MdxModel), ("models/tone.mdx", MdxEnum));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "GM0015");
        Assert.Contains(naming == "SnakeCase" ? "\"reply_text\"" : "\"replyText\"", run.Source("Reply.g.cs"));
    }

    [Fact]
    public void GM0014_lists_a_few_paths_and_counts_the_rest()
    {
        var docs = Enumerable.Range(0, 5).Select(i => ($"misc/n{i}.md", "Prose only.\n")).ToArray();
        var run = new GeneratorHarness(new Dictionary<string, string> { ["GenerationModelsWireNaming"] = "AsWritten" }).Run(docs);
        var summary = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0014");
        Assert.Equal("5 schema docs produced no type: 'Schemas/misc/n0.md', 'Schemas/misc/n1.md', 'Schemas/misc/n2.md' and 2 more; each has a GM0004 message (Info) saying why", summary.GetMessage());
        Assert.Equal(5, run.GeneratorDiagnostics.Count(d => d.Id == "GM0004"));
    }
}

/// <summary>Wire names from Speakeasy's Example column: JSON written with the API's keys for the model a member links to.</summary>
public sealed class WireEvidenceTests
{
    private const string Header = "## Fields\n\n| Field | Type | Required | Description | Example |\n| ----- | ---- | -------- | ----------- | ------- |\n";

    [Theory]
    [InlineData("\\{<br/>\"echo_upstream_body\": true<br/>}", "echo_upstream_body")]
    [InlineData("{\"a_b\": {\"inner\": 1}, \"c\": [1, {\"d\": 2}]}", "a_b,c")]
    [InlineData("[<br/>\\{<br/>\"step_count\": 5,<br/>\"type\": \"step\"<br/>},<br/>\\{<br/>\"max_cost\": 0.5<br/>}<br/>]", "step_count,type,max_cost")]
    [InlineData("{\"text\": \"a: \\\"b\\\"\"}", "text")]
    [InlineData("42", "")]
    [InlineData("{\"broken\": ", "")]
    [InlineData("[1, 2]", "")]
    public void Example_cells_yield_top_level_keys(string cell, string keys)
        => Assert.Equal(keys, string.Join(",", WireEvidence.KeysOf(cell)));

    private static readonly string Parent = "# Request\n\n" + Header
        + "| `debug` | [models.DebugOptions](../models/debugoptions.mdx) | :heavy_minus_sign: | N/A | \\{<br/>\"echo_upstream_body\": true,<br/>\"trace_level\": 2<br/>} |\n"
        + "| `filters` | [models.Filter](../models/filter.mdx)[] | :heavy_minus_sign: | N/A | [<br/>\\{<br/>\"field_name\": \"x\"<br/>}<br/>] |\n"
        + "| `odd` | [models.Odd](../models/odd.mdx) | :heavy_minus_sign: | N/A | \\{<br/>\"unrelated_key\": 1<br/>} |\n";

    private static string Model(string name, params string[] fields)
        => "# " + name + "\n\n" + Header + string.Concat(fields.Select(f => $"| `{f}` | *number* | :heavy_minus_sign: | N/A | 1 |\n"));

    [Fact]
    public void Example_keys_become_the_wire_names_of_the_linked_model()
    {
        var run = new GeneratorHarness().Run(
            ("models/request.mdx", Parent),
            ("models/debugoptions.mdx", Model("DebugOptions", "echoUpstreamBody", "traceLevel", "otherThing")),
            ("models/filter.mdx", Model("Filter", "fieldName")),
            ("models/odd.mdx", Model("Odd", "someKey")));

        run.AssertCompilesCleanly();
        string debug = run.Source("DebugOptions.g.cs");
        Assert.Contains("\"echo_upstream_body\"", debug);
        Assert.Contains("\"trace_level\"", debug);
        Assert.Contains("\"otherThing\"", debug); // no example: as written, still a guess
        Assert.DoesNotContain("\"echoUpstreamBody\"", debug);
        Assert.Contains("\"field_name\"", run.Source("Filter.g.cs"));
        Assert.Contains("\"someKey\"", run.Source("Odd.g.cs")); // the example's key matches no member: not used

        // GM0015 still fires (otherThing, someKey are guesses) and names a member that is still a guess.
        var cased = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0015");
        Assert.DoesNotContain("echoUpstreamBody", cased.GetMessage());
    }

    [Fact]
    public void Confirmed_members_are_no_longer_guesses()
    {
        var parent = DocumentParser.Parse("/p/models/request.mdx", Parent, System.Threading.CancellationToken.None);
        var child = DocumentParser.Parse("/p/models/debugoptions.mdx", Model("DebugOptions", "echoUpstreamBody", "traceLevel", "otherThing"), System.Threading.CancellationToken.None);
        var evidence = WireEvidence.Merge(System.Collections.Immutable.ImmutableArray.Create(WireEvidence.Collect(parent), WireEvidence.Collect(child)));

        var applied = WireEvidence.Apply(child, evidence);
        Assert.Equal(new[] { ("echo_upstream_body", false), ("trace_level", false), ("otherThing", true) }, applied.Model!.Fields.Select(f => (f.JsonName, f.WireNameGuessed)));
        // A doc no example describes is returned as it was.
        Assert.Same(parent, WireEvidence.Apply(parent, evidence));
    }

    [Fact]
    public void Disagreeing_examples_leave_the_member_as_written()
    {
        string Linking(string key) => "# P" + key.Length + "\n\n" + Header + $"| `opts` | [models.Opts](opts.md) | :heavy_minus_sign: | N/A | {{\"{key}\": 1}} |\n";
        var one = DocumentParser.Parse("/p/a.md", Linking("max_items"), System.Threading.CancellationToken.None);
        var two = DocumentParser.Parse("/p/b.md", Linking("MaxItems"), System.Threading.CancellationToken.None);
        var opts = DocumentParser.Parse("/p/opts.md", Model("Opts", "maxItems"), System.Threading.CancellationToken.None);
        var evidence = WireEvidence.Merge(System.Collections.Immutable.ImmutableArray.Create(WireEvidence.Collect(one), WireEvidence.Collect(two)));
        var field = Assert.Single(WireEvidence.Apply(opts, evidence).Model!.Fields);
        Assert.Equal(("maxItems", true), (field.JsonName, field.WireNameGuessed));
    }
}

/// <summary>A fixture folder of newer docs (.mdx with front matter, escapes, index signatures, literals, streams, a
/// title-only doc, example evidence), generated as one project and compared with its snapshot.</summary>
public sealed class NewerDocsFixtureTests
{
    private static string Folder([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
        => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "Fixtures", "newer-docs");

    [Fact]
    public void Newer_docs_fixture_generates_compiling_models()
    {
        var run = new GeneratorHarness().Run(GeneratorHarness.ReadFolder(Folder()));

        run.AssertCompilesCleanly();
        var warnings = run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id).OrderBy(id => id);
        Assert.Equal(new[] { "GM0014", "GM0015" }, warnings);
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0016");
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0009"); // firmware: ReadableStream<Uint8Array>
        string schedule = run.Source("Schedule.g.cs");
        Assert.Contains("\"turn_on_at\"", schedule); // from Lamp's Example cell
        Assert.Contains("\"days_of_week\"", schedule);

        Snapshot.Verify(run.AllSources(), "Dialects.newer-docs");
    }
}
