using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// Direct tests of the helpers generated converters call (every <c>__ModelJson.X</c> in the generator snapshots, plus
/// <see cref="OrderedMapBuilder{TValue}"/>): each is exercised where it lives, not only through a model.
/// </summary>
public sealed class ModelJsonHelperTests
{
    private static readonly JsonSerializerOptions Options = new();

    /// <summary>Reads <c>{"m": value}</c> with the reader on the name, runs <paramref name="next"/>, and checks the reader was left on the value's last token.</summary>
    private static T OnMember<T>(string valueJson, ReaderFunc<T> next)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"m\":" + valueJson + "}"));
        reader.Read();
        reader.Read();
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        T value = next(ref reader);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        return value;
    }

    private static JsonException Fails<T>(string valueJson, ReaderFunc<T> next)
        => Assert.Throws<JsonException>(() => OnMember(valueJson, next));

    // ---- MatchMember and Utf8Names ----------------------------------------------------------------------------------

    /// <summary>Matches every property name of <paramref name="json"/> (an object) against <paramref name="names"/>, as a generated reader does.</summary>
    private static (int[] Indices, int[] NextAfter) MatchAll(string json, params string[] names)
    {
        byte[][] utf8 = ModelJson.Utf8Names(names);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var indices = new List<int>();
        var nexts = new List<int>();
        int next = 0;
        while (ModelJson.NextProperty(ref reader))
        {
            indices.Add(ModelJson.MatchMember(ref reader, utf8, ref next));
            nexts.Add(next);
            reader.Read();
            reader.Skip();
        }
        return (indices.ToArray(), nexts.ToArray());
    }

    [Fact]
    public void MatchMember_finds_members_in_order_with_one_comparison_and_follows_the_last_match()
    {
        var (indices, nexts) = MatchAll("""{"a":1,"b":2,"c":3}""", "a", "b", "c");
        Assert.Equal(new[] { 0, 1, 2 }, indices);
        Assert.Equal(new[] { 1, 2, 3 }, nexts);
    }

    [Fact]
    public void MatchMember_finds_members_out_of_order_and_repeated()
    {
        var (indices, nexts) = MatchAll("""{"c":1,"a":2,"c":3,"b":4,"a":5}""", "a", "b", "c");
        Assert.Equal(new[] { 2, 0, 2, 1, 0 }, indices);
        Assert.Equal(new[] { 3, 1, 3, 2, 1 }, nexts);
    }

    [Fact]
    public void MatchMember_returns_minus_one_for_unknown_names_and_leaves_next_alone()
    {
        var (indices, nexts) = MatchAll("""{"a":1,"zz":2,"A":3,"a ":4,"":5,"b":6}""", "a", "b");
        Assert.Equal(new[] { 0, -1, -1, -1, -1, 1 }, indices);
        Assert.Equal(new[] { 1, 1, 1, 1, 1, 2 }, nexts);
    }

    [Fact]
    public void MatchMember_compares_escaped_names_unescaped_and_non_ascii_names_by_utf8()
    {
        var (indices, _) = MatchAll("""{"\u0061":1,"caf\u00e9":2,"café":3,"\ud83d\ude00":4,"x\"y":5}""", "a", "café", "😀", "x\"y");
        Assert.Equal(new[] { 0, 1, 1, 2, 3 }, indices);
    }

    [Fact]
    public void MatchMember_with_no_declared_members_matches_nothing()
    {
        var (indices, nexts) = MatchAll("""{"a":1}""");
        Assert.Equal(new[] { -1 }, indices);
        Assert.Equal(new[] { 0 }, nexts);
    }

    [Fact]
    public void MatchMember_tolerates_any_next_position()
    {
        byte[][] names = ModelJson.Utf8Names("a", "b");
        foreach (int start in new[] { -5, 0, 1, 2, 99 })
        {
            var reader = new Utf8JsonReader("""{"b":1}"""u8);
            reader.Read();
            reader.Read();
            int next = start;
            Assert.Equal(1, ModelJson.MatchMember(ref reader, names, ref next));
            Assert.Equal(2, next);
        }
    }

    [Fact]
    public void Utf8Names_are_the_utf8_bytes_in_order()
    {
        byte[][] names = ModelJson.Utf8Names("a", "é", "");
        Assert.Equal(new byte[] { 0x61 }, names[0]);
        Assert.Equal(new byte[] { 0xC3, 0xA9 }, names[1]);
        Assert.Empty(names[2]);
        Assert.Throws<ArgumentNullException>(() => ModelJson.Utf8Names(null!));
    }

    [Fact]
    public void EncodeNames_escape_as_the_writer_does()
    {
        var names = ModelJson.EncodeNames("plain", "quo\"te", "é", "back\\slash", "tab\t");
        Assert.Equal("""{"plain":1,"quo\u0022te":2,"\u00E9":3,"back\\slash":4,"tab\t":5}""", Write(writer =>
        {
            writer.WriteStartObject();
            for (int i = 0; i < names.Length; i++) writer.WriteNumber(names[i], i + 1);
            writer.WriteEndObject();
        }));
    }

    // ---- OrderedMapBuilder and the unknown-member path -----------------------------------------------------------

    [Fact]
    public void OrderedMapBuilder_keeps_first_position_and_last_value_for_a_repeated_key()
    {
        var builder = new OrderedMapBuilder<int>();
        builder.Add("z", 1);
        builder.Add("a", 2);
        builder.Add("z", 3);
        Assert.Equal(2, builder.Count);
        var map = builder.ToFrozenMap();
        Assert.Equal(new[] { "z", "a" }, map.Keys);
        Assert.Equal(3, map["z"]);
        Assert.Equal(2, map["a"]);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    public void OrderedMapBuilder_stays_ordered_and_deduplicated_past_the_linear_threshold(int count)
    {
        var builder = new OrderedMapBuilder<int>();
        for (int i = 0; i < count; i++) builder.Add("k" + i, i);
        for (int i = 0; i < count; i += 3) builder.Add("k" + i, -i);
        Assert.Equal(count, builder.Count);
        var map = builder.ToFrozenMap();
        Assert.Equal(Enumerable.Range(0, count).Select(i => "k" + i), map.Keys);
        for (int i = 0; i < count; i++) Assert.Equal(i % 3 == 0 ? -i : i, map["k" + i]);
    }

    [Fact]
    public void OrderedMapBuilder_empty_gives_the_shared_empty_map_and_rejects_null_keys()
    {
        var builder = new OrderedMapBuilder<string>();
        Assert.Equal(0, builder.Count);
        Assert.Same(FrozenMap<string>.Empty, builder.ToFrozenMap());
        var other = new OrderedMapBuilder<string>();
        Assert.Throws<ArgumentNullException>(() => other.Add(null!, "x"));
    }

    [Fact]
    public void ReadUnknownMember_and_ToOpenDictionary_keep_unknown_members_in_order_as_standalone_values()
    {
        byte[] buffer = """{"b":[1,{"x":null}],"a":"s","b":true}"""u8.ToArray();
        var reader = new Utf8JsonReader(buffer);
        reader.Read();
        var unknown = new OrderedMapBuilder<JsonElement>();
        while (ModelJson.NextProperty(ref reader)) ModelJson.ReadUnknownMember(ref reader, ref unknown);
        Array.Clear(buffer);
        var dictionary = ModelJson.ToOpenDictionary(ref unknown)!;

        Assert.Equal(new[] { "b", "a" }, dictionary.Keys);
        Assert.Equal(JsonValueKind.True, dictionary["b"].ValueKind);
        Assert.Equal("s", dictionary["a"].GetString());
        var empty = new OrderedMapBuilder<JsonElement>();
        Assert.Null(ModelJson.ToOpenDictionary(ref empty));
    }

    [Fact]
    public void ReadUnknownMember_puts_the_member_name_in_the_path_of_a_malformed_value()
    {
        var error = Assert.Throws<JsonException>(() =>
        {
            var r = new Utf8JsonReader("""{"odd":[1,}"""u8);
            r.Read();
            r.Read();
            var unknown = new OrderedMapBuilder<JsonElement>();
            ModelJson.ReadUnknownMember(ref r, ref unknown);
        });
        Assert.StartsWith("$.odd", error.Path);
    }

    // ---- objects and errors ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("null", "got null")]
    [InlineData("[]", "got an array")]
    [InlineData("\"s\"", "got a string")]
    [InlineData("1", "got the number 1")]
    public void ExpectStartObject_rejects_everything_but_an_object(string json, string got)
    {
        var error = Assert.Throws<JsonException>(() =>
        {
            var reader = ReaderOn(json);
            ModelJson.ExpectStartObject(ref reader, "Pet");
        });
        Assert.StartsWith("Expected a JSON object for Pet, " + got, error.Message);
        var ok = ReaderOn("{}");
        ModelJson.ExpectStartObject(ref ok, "Pet");
    }

    [Fact]
    public void NextProperty_skips_comments_and_stops_at_the_end_of_the_object()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{/*c*/\"a\":1/*d*/}"), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        reader.Read();
        Assert.True(ModelJson.NextProperty(ref reader));
        Assert.Equal("a", reader.GetString());
        reader.Read();
        Assert.False(ModelJson.NextProperty(ref reader));
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }

    [Fact]
    public void AtMember_prefixes_the_member_to_the_path_and_MissingRequired_names_the_first_missing_member()
    {
        var inner = new JsonException("bad", "$", null, null);
        Assert.Equal("$.name", ModelJson.AtMember(inner, "name").Path);
        Assert.Equal("$['a.b']", ModelJson.AtMember(inner, "a.b").Path);

        string[] names = { "id", "name", "tag" };
        var error = ModelJson.MissingRequired("Pet", seen: 0b001, required: 0b111, block: 0, names, "Pet.Id,Pet.Name,Pet.Tag");
        Assert.StartsWith("JSON member 'name' (Pet.Name) is required but was missing.", error.Message);
        Assert.Contains("GenerationModelsContractViolations", error.Message); // the message names the knob that relaxes it
        Assert.Equal("$", error.Path);
        var second = ModelJson.MissingRequired("Pet", seen: 0b011, required: 0b111, block: 0, names, "Pet.Id,Pet.Name,Pet.Tag");
        Assert.StartsWith("JSON member 'tag' (Pet.Tag)", second.Message);
    }

    // ---- member values ---------------------------------------------------------------------------------------------

    [Fact]
    public void Next_scalar_readers_read_the_value_and_reject_null_or_the_wrong_kind()
    {
        Assert.Equal("s", OnMember("\"s\"", (ref Utf8JsonReader r) => ModelJson.NextString(ref r)));
        Assert.Equal(-7L, OnMember("-7", (ref Utf8JsonReader r) => ModelJson.NextInt64(ref r)));
        Assert.Equal(2.5, OnMember("2.5", (ref Utf8JsonReader r) => ModelJson.NextDouble(ref r)));
        Assert.Equal(0.1m, OnMember("0.10", (ref Utf8JsonReader r) => ModelJson.NextDecimal(ref r)));
        Assert.True(OnMember("true", (ref Utf8JsonReader r) => ModelJson.NextBoolean(ref r)));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)), OnMember("\"2024-05-01T10:00:00+02:00\"", (ref Utf8JsonReader r) => ModelJson.NextDateTimeOffset(ref r)));
#if !RUNTIME_NETSTANDARD
        Assert.Equal(new DateOnly(2024, 2, 29), OnMember("\"2024-02-29\"", (ref Utf8JsonReader r) => ModelJson.NextDateOnly(ref r)));
#endif
        Assert.Equal("[1,{}]", OnMember("[1,{}]", (ref Utf8JsonReader r) => ModelJson.NextJsonElement(ref r)).GetRawText());

        Fails("null", (ref Utf8JsonReader r) => ModelJson.NextString(ref r));
        Fails("\"1\"", (ref Utf8JsonReader r) => ModelJson.NextInt64(ref r));
        Fails("1.5", (ref Utf8JsonReader r) => ModelJson.NextInt64(ref r));
        Fails("9223372036854775808", (ref Utf8JsonReader r) => ModelJson.NextInt64(ref r));
        Fails("true", (ref Utf8JsonReader r) => ModelJson.NextDouble(ref r));
        Fails("1e400", (ref Utf8JsonReader r) => ModelJson.NextDecimal(ref r));
        Fails("\"true\"", (ref Utf8JsonReader r) => ModelJson.NextBoolean(ref r));
        Fails("\"not a date\"", (ref Utf8JsonReader r) => ModelJson.NextDateTimeOffset(ref r));
#if !RUNTIME_NETSTANDARD
        Fails("\"2024-02-30\"", (ref Utf8JsonReader r) => ModelJson.NextDateOnly(ref r));
#endif
    }

    [Fact]
    public void Next_OrNull_readers_give_null_for_json_null_and_the_value_otherwise()
    {
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextStringOrNull(ref r)));
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextInt64OrNull(ref r)));
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextDoubleOrNull(ref r)));
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextDecimalOrNull(ref r)));
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextBooleanOrNull(ref r)));
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextDateTimeOffsetOrNull(ref r)));
#if !RUNTIME_NETSTANDARD
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextDateOnlyOrNull(ref r)));
#endif
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextJsonElementOrNull(ref r)));
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextListOrNull(ref r, PrimitiveConverters.Int64, Options)));
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextMapOrNull(ref r, PrimitiveConverters.Int64, Options)));
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextOrNull(ref r, ItemConverter.Instance, Options)));
        Assert.Null(OnMember("null", (ref Utf8JsonReader r) => ModelJson.NextStructOrNull(ref r, PrimitiveConverters.Int64, Options)));

        Assert.Equal("x", OnMember("\"x\"", (ref Utf8JsonReader r) => ModelJson.NextStringOrNull(ref r)));
        Assert.Equal(3L, OnMember("3", (ref Utf8JsonReader r) => ModelJson.NextInt64OrNull(ref r)));
        Assert.Equal(3.5, OnMember("3.5", (ref Utf8JsonReader r) => ModelJson.NextDoubleOrNull(ref r)));
        Assert.False(OnMember("false", (ref Utf8JsonReader r) => ModelJson.NextBooleanOrNull(ref r)));
        Assert.Equal(new[] { 1L, 2L }, OnMember("[1,2]", (ref Utf8JsonReader r) => ModelJson.NextListOrNull(ref r, PrimitiveConverters.Int64, Options))!);
        Assert.Equal(new[] { 1L, 2L }, OnMember("[1,2]", (ref Utf8JsonReader r) => ModelJson.NextList(ref r, PrimitiveConverters.Int64, Options)));
        Assert.Equal(2L, OnMember("""{"a":1,"b":2}""", (ref Utf8JsonReader r) => ModelJson.NextMapOrNull(ref r, PrimitiveConverters.Int64, Options))!["b"]);
        Assert.Equal(new Item("i", 4, null), OnMember("""{"id":"i","count":4}""", (ref Utf8JsonReader r) => ModelJson.NextOrNull(ref r, ItemConverter.Instance, Options)));
        Assert.Equal(new Item("i", 0, null), OnMember("""{"id":"i"}""", (ref Utf8JsonReader r) => ModelJson.Next(ref r, ItemConverter.Instance, Options)));
        Assert.Equal(9L, OnMember("9", (ref Utf8JsonReader r) => ModelJson.NextStructOrNull(ref r, PrimitiveConverters.Int64, Options)));

        Fails("null", (ref Utf8JsonReader r) => ModelJson.NextList(ref r, PrimitiveConverters.Int64, Options));
        Fails("[1,\"2\"]", (ref Utf8JsonReader r) => ModelJson.NextListOrNull(ref r, PrimitiveConverters.Int64, Options));
    }

    [Fact]
    public void Read_value_helpers_read_the_token_under_the_reader()
    {
        Assert.Equal("é", Read("\"\\u00e9\"", (ref Utf8JsonReader r) => ModelJson.ReadString(ref r)));
        Assert.Equal(long.MinValue, Read("-9223372036854775808", (ref Utf8JsonReader r) => ModelJson.ReadInt64(ref r)));
        Assert.Equal("{\"a\":[]}", Read("{\"a\":[]}", (ref Utf8JsonReader r) => ModelJson.ReadJsonElement(ref r)).GetRawText());
    }

    // ---- writing members -------------------------------------------------------------------------------------------

    [Fact]
    public void WriteMember_writes_each_scalar_and_null_for_a_null_value()
    {
        var n = ModelJson.EncodeNames("s", "l", "d", "m", "b", "t", "o", "j");
        string written = Write(writer =>
        {
            writer.WriteStartObject();
            ModelJson.WriteMember(writer, n[0], "x");
            ModelJson.WriteMember(writer, n[1], 5L);
            ModelJson.WriteMember(writer, n[2], 0.5);
            ModelJson.WriteMember(writer, n[3], 1.10m);
            ModelJson.WriteMember(writer, n[4], true);
            ModelJson.WriteMember(writer, n[5], new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
#if RUNTIME_NETSTANDARD
            ModelJson.WriteMember(writer, n[6], "2024-01-02"); // no DateOnly helpers in the netstandard2.0 build
#else
            ModelJson.WriteMember(writer, n[6], new DateOnly(2024, 1, 2));
#endif
            ModelJson.WriteMember(writer, n[7], Element("[1,\"a\"]"));
            writer.WriteEndObject();
        });
        Assert.Equal("""{"s":"x","l":5,"d":0.5,"m":1.10,"b":true,"t":"2024-01-02T03:04:05+00:00","o":"2024-01-02","j":[1,"a"]}""", written);

        string nulls = Write(writer =>
        {
            writer.WriteStartObject();
            ModelJson.WriteMember(writer, n[0], (string?)null);
            ModelJson.WriteMember(writer, n[1], (long?)null);
            ModelJson.WriteMember(writer, n[2], (double?)null);
            ModelJson.WriteMember(writer, n[3], (decimal?)null);
            ModelJson.WriteMember(writer, n[4], (bool?)null);
            ModelJson.WriteMember(writer, n[5], (DateTimeOffset?)null);
#if RUNTIME_NETSTANDARD
            ModelJson.WriteMember(writer, n[6], (string?)null);
#else
            ModelJson.WriteMember(writer, n[6], (DateOnly?)null);
#endif
            ModelJson.WriteMember(writer, n[7], (JsonElement?)null);
            writer.WriteEndObject();
        });
        Assert.Equal("""{"s":null,"l":null,"d":null,"m":null,"b":null,"t":null,"o":null,"j":null}""", nulls);
    }

    [Fact]
    public void WriteObject_WriteStruct_WriteList_WriteMap_write_the_value_or_null()
    {
        var n = ModelJson.EncodeNames("o", "s", "l", "m");
        string written = Write(writer =>
        {
            writer.WriteStartObject();
            ModelJson.WriteObject(writer, n[0], new Item("i", 1, null), ItemConverter.Instance, Options);
            ModelJson.WriteStruct(writer, n[1], 7L, PrimitiveConverters.Int64, Options);
            ModelJson.WriteList(writer, n[2], new long[] { 1, 2 }, PrimitiveConverters.Int64, Options);
            ModelJson.WriteMap(writer, n[3], new Dictionary<string, long> { ["k"] = 3 }, PrimitiveConverters.Int64, Options);
            writer.WriteEndObject();
        });
        Assert.Equal("""{"o":{"id":"i","count":1},"s":7,"l":[1,2],"m":{"k":3}}""", written);

        string nulls = Write(writer =>
        {
            writer.WriteStartObject();
            ModelJson.WriteObject(writer, n[0], (Item?)null, ItemConverter.Instance, Options);
            ModelJson.WriteStruct(writer, n[1], (long?)null, PrimitiveConverters.Int64, Options);
            ModelJson.WriteList(writer, n[2], (IReadOnlyList<long>?)null, PrimitiveConverters.Int64, Options);
            ModelJson.WriteMap(writer, n[3], (IReadOnlyDictionary<string, long>?)null, PrimitiveConverters.Int64, Options);
            writer.WriteEndObject();
        });
        Assert.Equal("""{"o":null,"s":null,"l":null,"m":null}""", nulls);
    }

    [Fact]
    public void WriteJsonElement_writes_the_element_unchanged()
    {
        Assert.Equal("""{"a":[1.0,1e5,"x"]}""", Write(writer => ModelJson.WriteJsonElement(writer, Element("""{"a":[1.0,1e5,"x"]}"""))));
    }

    [Fact]
    public void A_required_JSON_value_member_absent_from_a_lenient_read_is_not_written_while_unset()
    {
        var name = JsonEncodedText.Encode("v");
        var raw = RawValues.Lenient;
        raw.Absent(seen: 0b10, required: 0b11, block: 0); // member 0 missing, member 1 seen
        string Write(System.Action<Utf8JsonWriter> member) => TestSupport.Write(w => { w.WriteStartObject(); member(w); w.WriteEndObject(); });

        Assert.Equal("{}", Write(w => ModelJson.WriteMember(w, name, default(JsonElement), raw, 0)));
        Assert.Equal("{}", Write(w => ModelJson.WriteMember(w, name, (JsonElement?)null, raw, 0)));
        Assert.Equal("{\"v\":[1]}", Write(w => ModelJson.WriteMember(w, name, Element("[1]"), raw, 0)));
        Assert.Equal("{\"v\":null}", Write(w => ModelJson.WriteMember(w, name, (JsonElement?)null, raw, 1)));
        // Set in code to nothing, on a member that was read: the same error as without kept texts.
        Assert.Throws<JsonException>(() => Write(w => ModelJson.WriteMember(w, name, default(JsonElement), raw, 1)));
    }

    // ---- unions ----------------------------------------------------------------------------------------------------

    /// <summary>Writes a case as the JSON it holds: stands in for a case model's converter.</summary>
    private sealed class ElementCase : System.Text.Json.Serialization.JsonConverter<JsonElement>
    {
        public static readonly ElementCase Instance = new();

        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => ModelJson.WriteJsonElement(writer, value);
    }

    // Case 0 is selected by "cat" and "kitty", case 1 by "dog"; case 2 has no mapping value.
    private static string WriteCase(string json, int caseIndex = 0)
        => Write(writer => ModelJson.WriteCase(writer, ElementCase.Instance, Element(json), Options, "kind", new[] { "cat", "kitty", "dog" }, new[] { 0, 0, 1 }, caseIndex, "Pet", "Cat", default));

    [Theory]
    [InlineData("""{"x":1}""", """{"kind":"cat","x":1}""")] // absent: added first, with the case's first value
    [InlineData("""{}""", """{"kind":"cat"}""")]
    [InlineData("""{"a":{"kind":"dog"}}""", """{"kind":"cat","a":{"kind":"dog"}}""")] // only the top level counts
    [InlineData("""{"x":1.0,"kind":"kitty"}""", """{"x":1.0,"kind":"kitty"}""")] // another value of this case: kept in place
    [InlineData("""{"kind":"okapi"}""", """{"kind":"okapi"}""")] // a value the mapping does not know: kept
    [InlineData("""{"kind":null}""", """{"kind":null}""")]
    [InlineData("""{"kind":5}""", """{"kind":5}""")]
    [InlineData("""[1]""", """[1]""")] // not an object: written as it is
    public void WriteCase_adds_the_discriminator_only_when_absent(string json, string expected)
    {
        Assert.Equal(expected, WriteCase(json));
    }

    [Fact]
    public void WriteCase_writes_a_case_without_a_mapping_value_unchanged()
    {
        Assert.Equal("""{"x":1}""", WriteCase("""{"x":1}""", caseIndex: 2));
    }

    [Fact]
    public void WriteCase_writes_a_union_read_from_json_as_it_was_read()
    {
        string Read(string json) => Write(writer => ModelJson.WriteCase(writer, ElementCase.Instance, Element(json), Options, "kind", new[] { "cat", "dog" }, new[] { 0, 1 }, 0, "Pet", "Cat", RawValues.ReadUnion));
        Assert.Equal("""{"x":1}""", Read("""{"x":1}"""));             // not filled in
        Assert.Equal("""{"kind":"dog"}""", Read("""{"kind":"dog"}""")); // not rejected
        Assert.Equal(RawValues.ReadUnion, default(RawValues));          // and never part of equality
    }

    [Fact]
    public void WriteCase_throws_with_the_path_when_the_value_selects_another_case()
    {
        var error = Assert.Throws<JsonException>(() => WriteCase("""{"x":1,"kind":"dog"}"""));
        Assert.Equal("$.kind", error.Path);
        Assert.Contains("Pet.Cat", error.Message, StringComparison.Ordinal);
        Assert.Contains("'dog'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'cat'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteCase_inside_an_object_and_with_an_indenting_writer()
    {
        Assert.Equal("""{"a":{"kind":"cat","x":1},"b":2}""", Write(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("a");
            ModelJson.WriteCase(writer, ElementCase.Instance, Element("""{"x":1}"""), Options, "kind", new[] { "cat" }, new[] { 0 }, 0, "Pet", "Cat", default);
            writer.WriteNumber("b", 2);
            writer.WriteEndObject();
        }));
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            ModelJson.WriteCase(writer, ElementCase.Instance, Element("""{"x":1}"""), Options, "kind", new[] { "cat" }, new[] { 0 }, 0, "Pet", "Cat", default);
        }
        string indented = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\n", indented, StringComparison.Ordinal);
        Assert.Equal("""{"kind":"cat","x":1}""", Element(indented).GetRawText().Replace("\n", "").Replace("\r", "").Replace(" ", ""));
    }

    [Fact]
    public void TryReadAs_says_whether_a_value_fits_a_case()
    {
        Assert.True(ModelJson.TryReadAs(Element("""{"id":"a"}"""), ItemConverter.Instance, Options, out var item));
        Assert.Equal("a", item.Id);
        Assert.False(ModelJson.TryReadAs(Element("""{"count":1}"""), ItemConverter.Instance, Options, out _));
        Assert.False(ModelJson.TryReadAs(Element("\"s\""), PrimitiveConverters.Int64, Options, out _));
        Assert.True(ModelJson.TryReadAs(Element("12"), PrimitiveConverters.Int64, Options, out long number));
        Assert.Equal(12L, number);
    }

    /// <summary>
    /// A union read tries each case on the element, then keeps a scalar case's text: on .NET 9+ runtime builds both read
    /// the element's own UTF-8 bytes (no string, no copy), so a case that fits or not allocates nothing for the text.
    /// </summary>
    [Fact]
    public void TryReadAs_reads_the_element_without_copying_its_text_on_NET_9_builds()
    {
        JsonElement number = Element("12345678901234567890.5");
        JsonElement text = Element("\"a longer string, so that a copy would show\"");
        Assert.False(ModelJson.TryReadAs(number, PrimitiveConverters.Int64, Options, out _)); // first calls: one-time work
        Assert.True(ModelJson.TryReadAs(text, PrimitiveConverters.NullableString, Options, out _));
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool fits = ModelJson.TryReadAs(number, PrimitiveConverters.Double, Options, out double value);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(fits);
        Assert.Equal(12345678901234567890.5, value);
        if (!RuntimeUsesDeepEquals) return; // the netstandard2.0 and net8.0 builds copy the text (no JsonMarshal there)
        Assert.Equal(0, allocated);
    }

    /// <summary>A union that is its own first case, read the way the generated union converter reads (fuzz finding, issue 17).</summary>
    private sealed class SelfUnionConverter : System.Text.Json.Serialization.JsonConverter<object>
    {
        public static readonly SelfUnionConverter Instance = new();

        public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var element = ModelJson.ReadJsonElement(ref reader);
            if (ModelJson.TryReadAs(element, this, options, out var self)) return new object[] { self };
            if (ModelJson.TryReadAs(element, PrimitiveConverters.String, options, out var text)) return text;
            return element;
        }

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

    [Fact]
    public void TryReadAs_ends_a_union_that_is_its_own_case_instead_of_overflowing_the_stack()
    {
        // Before: every read recursed on the same value until the process died of a stack overflow.
        Assert.True(ModelJson.TryReadAs(Element("\"v\""), SelfUnionConverter.Instance, Options, out var value));
        int depth = 0;
        while (value is object[] wrapped)
        {
            value = wrapped[0];
            depth++;
        }
        // 128 case reads under way: the innermost union's case reads all answer "no", so it keeps the value as unmatched
        // JSON (nothing lost), and each union around it holds the one inside as its self case.
        Assert.Equal("\"v\"", Assert.IsType<JsonElement>(value).GetRawText());
        Assert.Equal(127, depth);
        // The guard unwinds: an ordinary case read afterwards still works.
        Assert.True(ModelJson.TryReadAs(Element("12"), PrimitiveConverters.Int64, Options, out long number));
        Assert.Equal(12L, number);
    }

    [Theory]
    [InlineData("""{"kind":"cat","x":1}""", "cat")]
    [InlineData("""{"x":1,"kind":"dog"}""", "dog")]
    [InlineData("""{"kind":1}""", null)]
    [InlineData("""{"other":"cat"}""", null)]
    [InlineData("""["kind"]""", null)]
    [InlineData("\"cat\"", null)]
    public void Discriminator_is_the_string_member_or_null(string json, string? expected)
        => Assert.Equal(expected, ModelJson.Discriminator(Element(json), "kind"));
}
