using System.Linq;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// Frozendict docs whose top-level schema is a list or a primitive generate no type (GM0013); members that link to
/// them get what they stand for, resolved relative to the alias's own doc.
/// </summary>
public sealed class AliasTests
{
    private const string InfoHeader = "## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
    private const string KeysHeader = "### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | ------------- | -------------\n";
    private const string ItemsHeader = "### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n";

    private static string ListOf(string name, string itemRow)
        => $"# shop.model.{name.ToLowerInvariant()}.{name}\n\nA list.\n\n" + InfoHeader + "list, tuple,  | tuple,  | A list. | \n\n" + ItemsHeader + itemRow + "\n";

    private static string Model(string name, string keyRows)
        => $"# shop.model.{name.ToLowerInvariant()}.{name}\n\n" + InfoHeader + "dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n" + KeysHeader + keyRows;

    private static ITypeSymbol MemberType(GeneratorRun run, string type, string property)
        => run.Output.GetTypeByMetadataName("TestModels." + type)!.GetMembers(property).OfType<IPropertySymbol>().Single().Type;

    [Fact]
    public void A_top_level_list_is_no_type_and_members_that_link_to_it_are_lists()
    {
        var run = new GeneratorHarness().Run(
            ("models/Tags.md", ListOf("Tags", "[**Tag**](Tag.md) | [**Tag**](Tag.md) | [**Tag**](Tag.md) |  | \n")),
            ("models/Tag.md", Model("Tag", "**label** | str,  | str,  |  | \n")),
            ("models/Names.md", ListOf("Names", "items | str,  | str,  |  | \n")),
            ("models/Pet.md", Model("Pet", "**tags** | [**Tags**](Tags.md) | [**Tags**](Tags.md) |  | \n**names** | [**Names**](Names.md) | [**Names**](Names.md) |  | [optional]\n")));
        run.AssertCompilesCleanly();

        Assert.Null(run.Output.GetTypeByMetadataName("TestModels.Tags"));
        Assert.Null(run.Output.GetTypeByMetadataName("TestModels.Names"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList<TestModels.Tag>", MemberType(run, "Pet", "Tags").ToDisplayString());
        Assert.Equal("System.Collections.Generic.IReadOnlyList<string>?", MemberType(run, "Pet", "Names").ToDisplayString());
        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "GM0013"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "GM0003" or "GM0004");
        var context = run.Output.GetTypeByMetadataName("TestModels.GenerationModelsJsonContext")!;
        Assert.Empty(context.GetMembers("Tags"));
        Assert.Single(context.GetMembers("Pet"));
    }

    [Fact]
    public void Links_inside_an_alias_resolve_from_the_alias_doc_and_aliases_of_aliases_are_followed()
    {
        var run = new GeneratorHarness().Run(
            ("a/Grid.md", ListOf("Grid", "[**Row**](../b/Row.md) | [**Row**](../b/Row.md) | [**Row**](../b/Row.md) |  | \n")),
            ("b/Row.md", ListOf("Row", "[**Cell**](Cell.md) | [**Cell**](Cell.md) | [**Cell**](Cell.md) |  | \n")),
            ("b/Cell.md", Model("Cell", "**v** | decimal.Decimal, int,  | decimal.Decimal,  |  | \n")),
            ("c/Sheet.md", Model("Sheet", "**grid** | [**Grid**](../a/Grid.md) | [**Grid**](../a/Grid.md) |  | \n")));
        run.AssertCompilesCleanly();
        Assert.Equal("System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<TestModels.Cell>>", MemberType(run, "Sheet", "Grid").ToDisplayString());
    }

    [Fact]
    public void An_alias_that_contains_itself_is_reported_and_kept_as_json()
    {
        var run = new GeneratorHarness().Run(
            ("Loop.md", ListOf("Loop", "[**Loop**](Loop.md) | [**Loop**](Loop.md) | [**Loop**](Loop.md) |  | \n")),
            ("Holder.md", Model("Holder", "**loop** | [**Loop**](Loop.md) | [**Loop**](Loop.md) |  | \n")));
        run.AssertCompilesCleanly();
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "GM0002" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("refer back to themselves"));
        Assert.Contains("JsonElement", MemberType(run, "Holder", "Loop").ToDisplayString());
    }

    [Fact]
    public void A_nullable_top_level_list_stays_skipped_rather_than_dropping_null()
    {
        string doc = "# shop.model.maybe.Maybe\n\n" + InfoHeader + "None, list, tuple,  | NoneClass, tuple,  |  | \n\n" + ItemsHeader + "items | str,  | str,  |  | \n";
        var run = new GeneratorHarness().Run(("Maybe.md", doc));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "GM0004");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "GM0013");
    }

    [Fact]
    public void Items_that_are_an_inline_anyOf_are_json_and_items_that_are_an_inline_object_keep_the_doc_skipped()
    {
        string anyItems = ListOf("Loc", "[items](#items) | dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader,  | frozendict.frozendict |  | \n")
            + "\n# items\n\n" + InfoHeader + "str, decimal.Decimal, int,  | str,  |  | \n\n### Composed Schemas (allOf/anyOf/oneOf/not)\n#### anyOf\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n[any_of_0](#any_of_0) | str,  | str,  |  | \n";
        string objectItems = ListOf("Rows", "[items](#items) | dict, frozendict.frozendict,  | frozendict.frozendict |  | \n")
            + "\n# items\n\n" + InfoHeader + "dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n" + KeysHeader + "**a** | str,  | str,  |  | \n";
        var run = new GeneratorHarness().Run(
            ("Loc.md", anyItems),
            ("Rows.md", objectItems),
            ("Err.md", Model("Err", "**loc** | [**Loc**](Loc.md) | [**Loc**](Loc.md) |  | \n")));
        run.AssertCompilesCleanly();
        Assert.Equal("System.Collections.Generic.IReadOnlyList<System.Text.Json.JsonElement>", MemberType(run, "Err", "Loc").ToDisplayString());
        var skipped = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0004");
        Assert.EndsWith("Rows.md", skipped.Location.GetLineSpan().Path);
    }
}
