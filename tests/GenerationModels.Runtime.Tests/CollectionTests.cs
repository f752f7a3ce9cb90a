using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

public sealed class CollectionTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static FrozenList<T> ReadList<T>(string json, JsonConverter<T> item)
        => Read(json, (ref Utf8JsonReader r) => ModelJson.ReadList(ref r, item, Options));

    private static FrozenMap<T> ReadMap<T>(string json, JsonConverter<T> value)
        => Read(json, (ref Utf8JsonReader r) => ModelJson.ReadMap(ref r, value, Options));

    [Theory]
    [InlineData("[]")]
    [InlineData("[1]")]
    [InlineData("[1,-2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]")]
    public void Int64_lists_round_trip(string json)
    {
        var list = ReadList(json, PrimitiveConverters.Int64);
        Assert.Equal(json, Write(writer => ModelJson.WriteList(writer, list, PrimitiveConverters.Int64, Options)));
        Assert.Equal(JsonDocument.Parse(json).RootElement.GetArrayLength(), list.Count);
    }

    [Fact]
    public void Primitive_lists_of_every_kind_round_trip()
    {
        // Utf8JsonWriter's default encoder writes " as \u0022: the same string, spelled differently.
        RoundTripList("""["a","b\"c",""]""", PrimitiveConverters.String, """["a","b\u0022c",""]""");
        RoundTripList("""["a",null]""", PrimitiveConverters.NullableString);
        RoundTripList("""[0.5,-1E+300,3]""", PrimitiveConverters.Double, """[0.5,-1E+300,3]""");
        RoundTripList("""[1.50,2,-0.001]""", PrimitiveConverters.Decimal);
        RoundTripList("""[true,false]""", PrimitiveConverters.Boolean);
        RoundTripList("""["2024-05-01T10:00:00+02:00","2024-05-01T08:00:00Z"]""", PrimitiveConverters.DateTimeOffset); // lossless: Z kept
        RoundTripList("""[null,1,"s",{"a":[]},[true]]""", PrimitiveConverters.JsonElement);
    }

    internal static void RoundTripList<T>(string json, JsonConverter<T> converter, string? expected = null)
    {
        var list = ReadList(json, converter);
        Assert.Equal(expected ?? json, Write(writer => ModelJson.WriteList(writer, list, converter, Options)));
        SameValue(list, ReadList(expected ?? json, converter));
    }

    [Fact]
    public void Nested_lists_and_maps_round_trip_through_List_and_Map_converters()
    {
        const string json = """{"a":[[1,2],[]],"b":[],"c":[[3]]}""";
        var inner = new ListConverter<IReadOnlyList<long>>(new ListConverter<long>(PrimitiveConverters.Int64));
        var map = ReadMap(json, inner);

        Assert.Equal(new[] { "a", "b", "c" }, map.Keys);
        Assert.Equal(2L, map["a"][0][1]);
        Assert.Equal(json, Write(writer => ModelJson.WriteMap(writer, map, inner, Options)));

        const string listOfMaps = """[{"x":"1"},{},{"y":"2","z":"3"}]""";
        var mapConverter = new MapConverter<string>(PrimitiveConverters.String);
        var list = ReadList(listOfMaps, mapConverter);
        Assert.Equal("3", list[2]["z"]);
        Assert.Equal(listOfMaps, Write(writer => ModelJson.WriteList(writer, list, mapConverter, Options)));
    }

    [Fact]
    public void Maps_keep_order_and_a_duplicate_key_keeps_its_first_position_and_last_value()
    {
        var map = ReadMap("""{"b":1,"a":2,"b":3}""", PrimitiveConverters.Int64);
        Assert.Equal(new[] { "b", "a" }, map.Keys);
        Assert.Equal(3, map["b"]);
        Assert.Equal("""{"b":3,"a":2}""", Write(writer => ModelJson.WriteMap(writer, map, PrimitiveConverters.Int64, Options)));
    }

    [Fact]
    public void Map_names_are_written_escaped_and_read_back()
    {
        var map = new FrozenMap<long>(new[] { new KeyValuePair<string, long>("quote\"d", 1), new KeyValuePair<string, long>("caf\u00e9", 2) });
        string json = Write(writer => ModelJson.WriteMap(writer, map, PrimitiveConverters.Int64, Options));
        SameValue(map, ReadMap(json, PrimitiveConverters.Int64));
    }

    [Fact]
    public void Empty_collections_are_the_shared_instances()
    {
        Assert.Same(FrozenList<long>.Empty, ReadList("[]", PrimitiveConverters.Int64));
        Assert.Same(FrozenMap<long>.Empty, ReadMap("{}", PrimitiveConverters.Int64));
    }

    [Theory]
    [InlineData("null", "Expected a JSON array, got null.")]
    [InlineData("{}", "Expected a JSON array, got an object.")]
    [InlineData("\"[1]\"", "Expected a JSON array, got a string.")]
    public void ReadList_needs_an_array(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => ReadList(json, PrimitiveConverters.Int64));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("null", "Expected a JSON object, got null.")]
    [InlineData("[]", "Expected a JSON object, got an array.")]
    public void ReadMap_needs_an_object(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => ReadMap(json, PrimitiveConverters.Int64));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""[1,2,null]""", "$[2]", "Expected a JSON number, got null.")]
    [InlineData("""[1,"x"]""", "$[1]", "Expected a JSON number, got a string.")]
    [InlineData("""[0,1,2,3,1e400]""", "$[4]", "Expected a JSON number that fits Int64, got 1e400.")]
    public void A_failing_list_item_is_reported_at_its_index(string json, string path, string rootMessage)
    {
        var error = Assert.Throws<JsonException>(() => ReadList(json, PrimitiveConverters.Int64));
        Assert.Equal(path, error.Path);
        Assert.Equal(rootMessage + " Path: " + path, error.Message);
    }

    [Fact]
    public void Failures_in_nested_collections_build_the_whole_path()
    {
        var converter = new MapConverter<IReadOnlyList<string>>(new ListConverter<string>(PrimitiveConverters.String));
        var error = Assert.Throws<JsonException>(() => ReadList("""[{"a":["x"]},{"b":[],"c d":["y",null]}]""", converter));
        Assert.Equal("$[1]['c d'][1]", error.Path);
        Assert.Equal("Expected a JSON string, got null. Path: $[1]['c d'][1]", error.Message);
    }

    [Fact]
    public void Null_items_reach_converters_that_accept_them()
    {
        var strings = ReadList("""[null,"a"]""", PrimitiveConverters.NullableString);
        Assert.Null(strings[0]);
        var elements = ReadList("""[null]""", PrimitiveConverters.JsonElement);
        Assert.Equal(JsonValueKind.Null, elements[0].ValueKind);
        var error = Assert.Throws<JsonException>(() => ReadList("""["a",null]""", PrimitiveConverters.String));
        Assert.Equal("$[1]", error.Path);
        var items = Assert.Throws<JsonException>(() => ReadList("""[null]""", ItemConverter.Instance));
        Assert.Equal("Expected a JSON object for Item, got null. Path: $[0]", items.Message);
    }

    [Fact]
    public void Null_items_are_written_as_null_when_the_converter_does_not_handle_null()
    {
        IReadOnlyList<Item> items = new Item[] { new("a", 1, null), null! };
        Assert.Equal("""[{"id":"a","count":1},null]""", Write(writer => ModelJson.WriteList(writer, items, ItemConverter.Instance, Options)));

        IReadOnlyDictionary<string, string?> map = new Dictionary<string, string?> { ["k"] = null };
        Assert.Equal("""{"k":null}""", Write(writer => ModelJson.WriteMap(writer, map, PrimitiveConverters.NullableString, Options)));
    }

    [Fact]
    public void Plain_lists_and_dictionaries_can_be_written()
    {
        IReadOnlyList<long> list = new List<long> { 3, 1 };
        Assert.Equal("[3,1]", Write(writer => ModelJson.WriteList(writer, list, PrimitiveConverters.Int64, Options)));
        IReadOnlyDictionary<string, bool> map = new SortedDictionary<string, bool> { ["b"] = true, ["a"] = false };
        Assert.Equal("""{"a":false,"b":true}""", Write(writer => ModelJson.WriteMap(writer, map, PrimitiveConverters.Boolean, Options)));
    }

    [Fact]
    public void Converters_work_with_JsonSerializer()
    {
        var options = new JsonSerializerOptions(Options);
        options.Converters.Add(new ListConverter<long>(PrimitiveConverters.Int64));

        var list = JsonSerializer.Deserialize<IReadOnlyList<long>>("[4,5]", options)!;
        SameValue(new FrozenList<long>(new long[] { 4, 5 }), Assert.IsType<FrozenList<long>>(list));
        Assert.Equal("[4,5]", JsonSerializer.Serialize(list, options));

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IReadOnlyList<long>>("[4,\"5\"]", options));
        Assert.Equal("$[1]", error.Path);
    }

    [Fact]
    public void Unknown_members_are_parsed_into_standalone_elements()
    {
        byte[] buffer = """{"a":{"deep":[1,2]},"b":"s"}"""u8.ToArray();
        var reader = new Utf8JsonReader(buffer);
        reader.Read();
        var builder = new OrderedMapBuilder<JsonElement>();
        while (ModelJson.NextProperty(ref reader))
        {
            ModelJson.ReadUnknownMember(ref reader, ref builder);
        }
        Array.Clear(buffer);
        var members = ModelJson.ToOpenDictionary(ref builder);

        Assert.NotNull(members);
        Assert.Equal(new[] { "a", "b" }, members!.Keys);
        Assert.Equal(2, members["a"].GetProperty("deep")[1].GetInt32());
        Assert.Equal("s", members["b"].GetString());
    }
}
