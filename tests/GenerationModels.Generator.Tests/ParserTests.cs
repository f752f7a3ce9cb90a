using System.Linq;
using System.Threading;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Parsing;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>The readers on small hand-written docs: what each cell grammar becomes in the schema model.</summary>
public sealed class ParserTests
{
    [Theory]
    [InlineData("*string*", "String")]
    [InlineData("*number*", "Number")]
    [InlineData("*boolean*", "Boolean")]
    [InlineData("*any*", "Any")]
    [InlineData("Record<string, *any*>", "map<Any>")]
    [InlineData("Record<string, *any*>[]", "map<Any>[]")]
    [InlineData("*string*[]", "String[]")]
    [InlineData("[Date](https://developer.mozilla.org/x)", "DateTime")]
    [InlineData("[RFCDate](../../types/rfcdate.md)", "Date")]
    [InlineData("[components.Pet](../components/pet.md)", "Reference(Pet)")]
    [InlineData("[Pet](pet.md)[]", "Reference(Pet)[]")]
    [InlineData("map[string][shared.X](../x.md)", "map<Reference(X)>")]
    [InlineData("List[Dict[str, List[*int*]]]", "map<Integer[]>[]")]
    [InlineData("*\"phone\"*", "String")]
    [InlineData("*hexagon*", "?(*hexagon*)")]
    [InlineData("**List&lt;byte[]&gt;**", "String[]")]
    [InlineData("*io.ReadCloser*", "External")]
    [InlineData("*T.nilable(::String)*", "String")]
    [InlineData("*::Float*", "Number")]
    [InlineData("T::Hash[Symbol, *::Object*]", "map<Any>")]
    [InlineData("*Optional<? extends Long>*", "Integer")]
    [InlineData("*OptionalNullable[str]*", "String")]
    [InlineData("**int?**", "Integer")]
    [InlineData("**DateTime?**", "DateTime")]
    [InlineData("**DateTimeOffset**", "DateTime")]
    [InlineData("Pointer to **NullableInt32**", "Integer")]
    [InlineData("Pointer to **NullableFloat32**", "Number")]
    [InlineData("Option<[**::std::collections::HashMap&lt;String, ::std::collections::HashMap&lt;String, serde_json::Value&gt;&gt;**](Map.md)>", "map<map<Any>>")]
    [InlineData("**int, none_type**", "Integer")]
    [InlineData("When it happened, as an ISO 8601 date-time.", "?(When it happened, as an ISO 8601 date-time.)")]
    [InlineData("**bool, date, datetime, dict, float, int, list, str, none_type**", "Any")]
    [InlineData("[**Dict[str, 2fa]**](2fa.md)", "map<Reference(2fa)>")]
    [InlineData("[**List[pet]**](pet.md)", "Reference(pet)[]")]
    [InlineData("*Optional[requests_http.Response]*", "External")]
    [InlineData("*Faraday::Response*", "External")]
    [InlineData("*shared.Response*", "Reference(Response)")]
    [InlineData("*operations.ReadCloser*", "Reference(ReadCloser)")]
    [InlineData("[]*[]byte*", "String[]")]
    public void Type_cells_parse_to_the_expected_shape(string cell, string expected)
        => Assert.Equal(expected, TypeExpression.Parse(cell).ToString());

    [Theory]
    [InlineData("str, ", "String", false)]
    [InlineData("None, str, ", "String", true)]
    [InlineData("str, datetime, ", "DateTime", false)]
    [InlineData("str, date, ", "Date", false)]
    [InlineData("decimal.Decimal, int, ", "Integer", false)]
    [InlineData("decimal.Decimal, int, float, ", "Number", false)]
    [InlineData("bool, ", "Boolean", false)]
    [InlineData("dict, frozendict.frozendict, ", "map<Any>", false)]
    [InlineData("dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader, ", "Any", true)]
    public void Frozendict_input_types_parse(string cell, string expected, bool nullable)
    {
        var (type, isNullable) = FrozenDictReader.ParseInputType(cell);
        Assert.Equal(expected, type.ToString());
        Assert.Equal(nullable, isNullable);
    }

    [Fact]
    public void Frozendict_sub_sections_become_nested_types_lists_and_allOf_members_in_order()
    {
        const string doc = "# pkg.model.outer.Outer\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n--- | --- | --- | ---\ndict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n--- | --- | --- | --- | ---\n**[items](#items)** | list, tuple,  | tuple,  | first | \n**[inner](#inner)** | dict, frozendict.frozendict,  | frozendict.frozendict,  | second | [optional] \n\n# items\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n--- | --- | --- | ---\nlist, tuple,  | tuple,  |  | \n\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n--- | --- | --- | --- | ---\n[**Thing**](Thing.md) | [**Thing**](Thing.md) | [**Thing**](Thing.md) |  | \n\n# inner\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n--- | --- | --- | ---\ndict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n--- | --- | --- | --- | ---\n**depth** | decimal.Decimal, int,  | decimal.Decimal,  |  | \n";
        var parsed = DocumentParser.Parse("/p/Outer.md", doc, CancellationToken.None);

        Assert.Equal(SchemaShape.Object, parsed.Shape);
        var model = parsed.Model!;
        Assert.Equal("Outer", model.Name);
        Assert.Equal(new[] { "items", "inner" }, model.Fields.Select(f => f.JsonName));
        Assert.Equal("Reference(Thing)[]", model.Fields[0].Type.ToString());
        Assert.True(model.Fields[0].IsRequired);
        Assert.Equal("Nested(inner)", model.Fields[1].Type.ToString());
        Assert.False(model.Fields[1].IsRequired);
        var inner = Assert.Single(model.Nested);
        Assert.Equal("depth", Assert.Single(inner.Fields).JsonName);
    }

    [Fact]
    public void Headings_inside_fences_are_not_sections_and_line_endings_do_not_matter()
    {
        const string doc = "# Real\r\n\r\n```python\r\n# not a heading\r\n## Fields\r\n```\r\n\r\n## Fields\r\n\r\n| Field | Type | Required | Description |\r\n| --- | --- | --- | --- |\r\n| `x` | *number* | :heavy_check_mark: | N/A |\r";
        var parsed = DocumentParser.Parse("/p/Real.md", doc, CancellationToken.None);

        Assert.Equal("Real", parsed.Model!.Name);
        var field = Assert.Single(parsed.Model.Fields);
        Assert.Equal("x", field.JsonName);
        Assert.Equal(11, field.Location.Line);
    }

    /// <summary>OAG ruby oneOf docs: cases from the openapi_one_of fence, discriminator and mapping from theirs.</summary>
    [Fact]
    public void Ruby_oneOf_docs_become_unions_with_their_discriminator()
    {
        string doc = "# Acme::Shape\n\n## Class instance methods\n\n### `openapi_one_of`\n\n```ruby\nAcme::Shape.openapi_one_of\n# =>\n# [\n#   :'Circle',\n#   :'Float'\n# ]\n```\n\n"
            + "### `openapi_discriminator_name`\n\n```ruby\nAcme::Shape.openapi_discriminator_name\n# => :'shape_type'\n```\n\n"
            + "### `openapi_discriminator_name`\n\n```ruby\nAcme::Shape.openapi_discriminator_mapping\n# =>\n# {\n#   :'circle' => :'Circle'\n# }\n```\n\n"
            + "### build\n\n#### Return type\n\n- `Circle`\n";
        var parsed = DocumentParser.Parse("/p/Shape.md", doc, CancellationToken.None);
        Assert.Equal(SchemaShape.Union, parsed.Shape);
        Assert.Equal("Shape", parsed.Model!.Name);
        Assert.Equal(new[] { "Reference(Circle)", "Number" }, parsed.Model.Variants.Select(v => v.ToString()));
        Assert.Equal("shape_type", parsed.Model.DiscriminatorProperty);
        var mapped = Assert.Single(parsed.Model.DiscriminatorCases);
        Assert.Equal(("circle", "Reference(Circle)"), (mapped.Value, mapped.Type.ToString()));
    }

    /// <summary>rust 'Enum Variants' without a Value column name case types; with no rows the type holds any JSON (GM0010).</summary>
    [Fact]
    public void Rust_enum_variants_without_values_are_unions_or_opaque()
    {
        var union = DocumentParser.Parse("/p/U.md", "# U\n\n## Enum Variants\n\n| Name | Description |\n|---- | -----|\n| Circle |  |\n| bool |  |\n", CancellationToken.None);
        Assert.Equal(SchemaShape.Union, union.Shape);
        Assert.Equal(new[] { "Reference(Circle)", "Boolean" }, union.Model!.Variants.Select(v => v.ToString()));

        var opaque = DocumentParser.Parse("/p/O.md", "# O\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n", CancellationToken.None);
        Assert.Equal(SchemaShape.Opaque, opaque.Model!.Shape);
        Assert.Contains(opaque.Diagnostics, d => d.DescriptorId == "GM0010");

        var enumDoc = DocumentParser.Parse("/p/E.md", "# E\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n| A | a |\n", CancellationToken.None);
        Assert.Equal(SchemaShape.Enum, enumDoc.Shape);
    }

    /// <summary>Which wrappers make a member nullable: the ones that say null is allowed, not the ones that only say optional.</summary>
    [Theory]
    [InlineData("*OptionalNullable[str]*", true)]
    [InlineData("**int?**", true)]
    [InlineData("**int, none_type**", true)]
    [InlineData("*Optional<? extends Long>*", true)]
    [InlineData("*::Float*", false)]
    [InlineData("**DateTimeOffset**", false)]
    public void Nullable_spellings_mark_the_member_nullable(string cell, bool nullable)
    {
        TypeExpression.Parse(cell, out bool isNullable);
        Assert.Equal(nullable, isNullable);
    }

    /// <summary>Older OpenAPI Generator python docs: an enum as one 'value' row, and additionalProperties as an 'any string name' row.</summary>
    [Fact]
    public void Older_oag_python_enums_and_open_models_are_read_as_such()
    {
        const string header = "## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
        var level = DocumentParser.Parse("/p/AccessLevel.md", "# AccessLevel\n\n" + header + "**value** | **str** | Who may see it. |  must be one of [\"none\", \"read\", \"write\", ]\n", CancellationToken.None);
        Assert.Equal(SchemaShape.Enum, level.Shape);
        Assert.Equal(new[] { "none", "read", "write" }, level.Model!.EnumValues.Select(v => v.Value));
        Assert.False(level.Model.NumericEnum);

        var quota = DocumentParser.Parse("/p/Quota.md", "# Quota\n\n" + header + "**seats** | **int, none_type** |  | [optional]\n**any string name** | **bool, date, datetime, dict, float, int, list, str, none_type** | any string name can be used | [optional]\n", CancellationToken.None);
        Assert.Equal(SchemaShape.Object, quota.Shape);
        Assert.True(quota.Model!.IsOpen);
        var seats = Assert.Single(quota.Model.Fields);
        Assert.Equal(("seats", "Integer", true), (seats.JsonName, seats.Type.ToString(), seats.IsNullable));
    }

    /// <summary>Speakeasy C# unions name their cases: Str, Number, Boolean, a model, ArrayOfX, MapOfX.</summary>
    [Fact]
    public void Csharp_union_case_names_map_to_types()
    {
        string Case(string name) => $"### {name}\n\n```csharp\nRecipients.Create{name}(/* values here */);\n```\n\n";
        var doc = "# Recipients\n\n## Supported Types\n\n" + Case("Str") + Case("ArrayOfStr") + Case("PhoneNumber") + Case("ArrayOfPhoneNumber") + Case("MapOfNumber") + Case("Boolean");
        var parsed = DocumentParser.Parse("/p/Recipients.md", doc, CancellationToken.None);
        Assert.Equal(new[] { "String", "String[]", "Reference(PhoneNumber)", "Reference(PhoneNumber)[]", "map<Number>", "Boolean" }, parsed.Model!.Variants.Select(v => v.ToString()));
    }
}
