using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace GenerationModels.Runtime.Tests;

/// <summary>Error paths and messages, directly and through JsonSerializer with hand-written "generated" converters.</summary>
public sealed class ModelJsonPathTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void AtMember_and_AtIndex_nest_into_one_path_without_repeating_the_message()
    {
        var root = new JsonException("Expected a JSON string, got the number 5.");

        var id = ModelJson.AtMember(root, "id");
        var item = ModelJson.AtIndex(id, 3);
        var data = ModelJson.AtMember(item, "data");

        Assert.Equal("$.id", id.Path);
        Assert.Equal("$[3].id", item.Path);
        Assert.Equal("$.data[3].id", data.Path);
        Assert.Equal("Expected a JSON string, got the number 5. Path: $.data[3].id", data.Message);
        Assert.Equal(1, CountOf(data.Message, "Path:"));
        Assert.Same(root, data.InnerException);
        Assert.Same(root, id.InnerException);
        Assert.Equal(typeof(JsonException), data.GetType());
    }

    [Theory]
    [InlineData("simple", "$.simple")]
    [InlineData("snake_case1", "$.snake_case1")]
    [InlineData("_x", "$._x")]
    [InlineData("we.ird", "$['we.ird']")]
    [InlineData("with space", "$['with space']")]
    [InlineData("dash-ed", "$['dash-ed']")]
    [InlineData("1st", "$['1st']")]
    [InlineData("", "$['']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("back\\slash", "$['back\\\\slash']")]
    [InlineData("caf\u00e9", "$.caf\u00e9")]
    public void Member_names_that_are_not_simple_identifiers_are_bracketed(string name, string path)
        => Assert.Equal(path, ModelJson.AtMember(new JsonException("x"), name).Path);

    [Fact]
    public void Line_information_is_kept_and_a_root_inner_path_counts_as_empty()
    {
        var inner = new JsonException("bad", "$", 4, 17);
        var outer = ModelJson.AtIndex(ModelJson.AtMember(inner, "a"), 0);

        Assert.Equal("$[0].a", outer.Path);
        Assert.Equal(4, outer.LineNumber);
        Assert.Equal(17, outer.BytePositionInLine);
        Assert.Equal("bad Path: $[0].a", outer.Message);
        Assert.Same(inner, outer.InnerException);
    }

    [Fact]
    public void An_inner_path_from_elsewhere_is_appended()
    {
        var inner = new JsonException("deep", "$.x['y z'][2]", null, null);
        Assert.Equal("$.outer.x['y z'][2]", ModelJson.AtMember(inner, "outer").Path);
    }

    [Fact]
    public void MissingRequired_names_member_and_type_at_the_objects_own_path()
    {
        var error = ModelJson.MissingRequired("Generation", "generationId", "Generation.GenerationId");
        Assert.Equal("JSON member 'generationId' (Generation.GenerationId) is required but was missing. To read such payloads, set the MSBuild property GenerationModelsContractViolations to Lenient.", error.Message);
        Assert.Equal("$", error.Path);

        var shortForm = ModelJson.MissingRequired("Generation", "generationId", "GenerationId");
        Assert.Equal(error.Message, shortForm.Message);

        var nested = ModelJson.AtMember(ModelJson.AtIndex(error, 1), "data");
        Assert.Equal("$.data[1]", nested.Path);
        Assert.Equal(error.Message + " Path: $.data[1]", nested.Message);
        Assert.Same(error, nested.InnerException);
    }

    [Fact]
    public void A_wrong_token_deep_inside_reports_the_full_path_through_JsonSerializer()
    {
        const string json = """{"data":[{"id":"a"},{"id":"b"},{"id":"c"},{"id":5}]}""";
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Container>(json, Options));

        Assert.Equal("$.data[3].id", error.Path);
        Assert.Equal("Expected a JSON string, got the number 5. Path: $.data[3].id", error.Message);
        var root = Assert.IsType<JsonException>(error.InnerException);
        Assert.Equal("Expected a JSON string, got the number 5.", root.Message);
    }

    [Fact]
    public void A_missing_required_member_of_a_list_item_reports_the_items_path()
    {
        const string json = """{"data":[{"id":"a"},{"count":2}]}""";
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Container>(json, Options));

        Assert.Equal("$.data[1]", error.Path);
        Assert.StartsWith("JSON member 'id' (Item.Id) is required but was missing. To read such payloads, set the MSBuild property GenerationModelsContractViolations to Lenient.", error.Message);
    }

    [Fact]
    public void A_missing_required_member_at_the_root_keeps_path_dollar()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Container>("""{"labels":{}}""", Options));
        Assert.Equal("$", error.Path);
        Assert.Equal("JSON member 'data' (Container.Data) is required but was missing. To read such payloads, set the MSBuild property GenerationModelsContractViolations to Lenient.", error.Message);
    }

    [Fact]
    public void An_error_at_the_root_gets_its_path_from_JsonSerializer()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Container>("[]", Options));
        Assert.Equal("$", error.Path);
        Assert.StartsWith("Expected a JSON object for Container, got an array.", error.Message);
    }

    [Fact]
    public void Map_keys_appear_in_the_path_bracketed_when_needed()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Container>("""{"data":[],"labels":{"ok":"x","we.ird":null}}""", Options));
        Assert.Equal("$.labels['we.ird']", error.Path);
        Assert.Equal("Expected a JSON string, got null. Path: $.labels['we.ird']", error.Message);
    }

    [Fact]
    public void Malformed_json_inside_an_unknown_member_names_that_member_and_keeps_the_line()
    {
        const string json = "{\"data\":[],\n\"extra\":[1,}";
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Container>(json, Options));
        Assert.Equal("$.extra", error.Path);
        Assert.Equal(1, error.LineNumber);
        Assert.NotNull(error.BytePositionInLine);
        Assert.EndsWith(" Path: $.extra", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void Models_read_unknown_members_and_write_them_back()
    {
        const string json = """{"data":[{"id":"a","count":1,"x":{"y":[null]}},{"id":"b","count":2}],"labels":{"k":"v","k2":"w"},"zz":true,"aa":[]}""";
        var model = JsonSerializer.Deserialize<Container>(json, Options)!;

        Assert.Equal(new[] { "zz", "aa" }, model.Extra!.Keys);
        Assert.Equal(JsonValueKind.Array, model.Data[0].Extra!["x"].GetProperty("y").ValueKind);
        Assert.Null(model.Data[1].Extra);
        Assert.Equal(new[] { "k", "k2" }, model.Labels!.Keys);
        Assert.IsType<FrozenList<Item>>(model.Data);
        Assert.IsType<FrozenMap<string>>(model.Labels);
        Assert.Equal(json, JsonSerializer.Serialize(model, Options));

        // Records built on FrozenList/FrozenMap/OpenDictionary have value equality.
        var again = JsonSerializer.Deserialize<Container>(json, Options)!;
        Assert.Equal(model, again);
        Assert.Equal(model.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(model, JsonSerializer.Deserialize<Container>(json.Replace("\"zz\":true", "\"zz\":false", StringComparison.Ordinal), Options));
        Assert.Equal(2, model.Data.Count(item => item.Id.Length == 1));
    }
}
