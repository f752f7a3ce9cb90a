using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// Maps and lists of free-form values (<see cref="JsonElement"/>, <see cref="PrimitiveConverters.JsonElement"/>) are read
/// as one document per container instead of one per value. These tests hold that read to the value-by-value read
/// (the same converter's logic behind another instance, which ReadMap/ReadList read value by value): the same
/// elements, the same bytes written back, the same errors with the same paths; and fewer bytes allocated.
/// </summary>
public sealed class FreeFormReadTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>JsonElementConverter's logic behind another instance: ReadMap and ReadList read with it value by value.</summary>
    private sealed class ValueByValue : JsonConverter<JsonElement>
    {
        public static readonly ValueByValue Instance = new();

        public override bool HandleNull => true;

        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadJsonElement(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => ModelJson.WriteJsonElement(writer, value);
    }

    public static TheoryData<string> Maps => new()
    {
        "{}",
        """{"a":1}""",
        """{"rating":4,"tags":["concise","accurate"],"comment":"Short.\n\nWhy?"}""",
        """{"temperature":0.7,"top_p":0.95,"max_tokens":512,"stop":["\n\n","###"],"stream":false,"n":null,"t":true}""",
        """{"a":1,"b":2,"a":3}""",
        """{"x":{"y":{"z":[[[]],{}]}},"e":"\u00e9\ud83d\ude00","k\"q":"\\u0041","1.0":1.0,"big":123456789012345678901234567890}""",
        """{ "spaced" : [ 1 , 2 ] ,"n" : -0 }""",
        """{"a":0,"b":1,"c":2,"d":3,"e":4,"f":5,"g":6,"h":7,"i":8,"j":9,"c":10}""",
    };

    public static TheoryData<string> Lists => new()
    {
        "[]",
        "[1]",
        """[null,1,"s",{"a":[]},[true],false,1.50,-0,"\u00e9"]""",
        """[ { "a" : 1 } , [ ] ]""",
    };

    public static TheoryData<string> BadMaps => new()
    {
        """{"a":1,"b":[1,}""",
        """{"a":1,"b":"\uD800"}""",
        """{"a":{"k":"x\udfffy"}}""",
        """{"\uD83D":1}""",
        """{"a":1,"b":tru}""",
        """{"a":1,"b":""",
        """{"a":1,}""",
        """{"a":1 "b":2}""",
    };

    public static TheoryData<string> BadLists => new()
    {
        "[1,[2,]]",
        """[1,"\uD800"]""",
        "[1,",
        "[1 2]",
    };

    [Theory]
    [MemberData(nameof(Maps))]
    public void A_free_form_map_reads_and_writes_as_value_by_value(string json)
    {
        FrozenMap<JsonElement> map = ReadMap(json, PrimitiveConverters.JsonElement);
        FrozenMap<JsonElement> expected = ReadMap(json, ValueByValue.Instance);

        Assert.Equal(expected.Keys, map.Keys);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected.Values[i].ValueKind, map.Values[i].ValueKind);
            Assert.Equal(expected.Values[i].GetRawText(), map.Values[i].GetRawText());
        }
        SameValue(expected, map);
        string written = Write(writer => ModelJson.WriteMap(writer, map, PrimitiveConverters.JsonElement, Options));
        Assert.Equal(Write(writer => ModelJson.WriteMap(writer, expected, PrimitiveConverters.JsonElement, Options)), written);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void A_free_form_list_reads_and_writes_as_value_by_value(string json)
    {
        FrozenList<JsonElement> list = ReadList(json, PrimitiveConverters.JsonElement);
        FrozenList<JsonElement> expected = ReadList(json, ValueByValue.Instance);

        Assert.Equal(expected.Count, list.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].GetRawText(), list[i].GetRawText());
        }
        SameValue(expected, list);
        string written = Write(writer => ModelJson.WriteList(writer, list, PrimitiveConverters.JsonElement, Options));
        Assert.Equal(Write(writer => ModelJson.WriteList(writer, expected, PrimitiveConverters.JsonElement, Options)), written);
    }

    [Theory]
    [MemberData(nameof(BadMaps))]
    public void A_bad_free_form_map_fails_as_value_by_value(string json)
        => SameFailure(json, (ref Utf8JsonReader r) => ModelJson.ReadMap(ref r, PrimitiveConverters.JsonElement, Options), (ref Utf8JsonReader r) => ModelJson.ReadMap(ref r, ValueByValue.Instance, Options));

    [Theory]
    [MemberData(nameof(BadLists))]
    public void A_bad_free_form_list_fails_as_value_by_value(string json)
        => SameFailure(json, (ref Utf8JsonReader r) => ModelJson.ReadList(ref r, PrimitiveConverters.JsonElement, Options), (ref Utf8JsonReader r) => ModelJson.ReadList(ref r, ValueByValue.Instance, Options));

    /// <summary>A reader that allows comments: JsonDocument refuses it, so either way the outcome is the value-by-value read's.</summary>
    [Theory]
    [InlineData("""{"a":/*c*/1,/*d*/"b":[2]}""")]
    [InlineData("""{/*c*/}""")]
    [InlineData("""[/*c*/]""")]
    [InlineData("""[1,/*c*/2]""")]
    public void Comments_allowed_by_the_reader_give_the_value_by_value_outcome(string json)
    {
        Exception? Outcome(JsonConverter<JsonElement> converter, out string written)
        {
            written = "";
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
            reader.Read();
            try
            {
                if (json[0] == '{')
                {
                    FrozenMap<JsonElement> map = ModelJson.ReadMap(ref reader, converter, Options);
                    written = Write(writer => ModelJson.WriteMap(writer, map, PrimitiveConverters.JsonElement, Options));
                }
                else
                {
                    FrozenList<JsonElement> list = ModelJson.ReadList(ref reader, converter, Options);
                    written = Write(writer => ModelJson.WriteList(writer, list, PrimitiveConverters.JsonElement, Options));
                }
                return null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        }

        Exception? expected = Outcome(ValueByValue.Instance, out string expectedText);
        Exception? actual = Outcome(PrimitiveConverters.JsonElement, out string actualText);
        Assert.Equal(expected?.GetType(), actual?.GetType());
        Assert.Equal(expected?.Message, actual?.Message);
        Assert.Equal(expectedText, actualText);
    }

    /// <summary>
    /// The point of the change: the values of one free-form object share one document, where reading value by value
    /// makes a document per value (copy, metadata, document object). Exact bytes (this thread's allocations).
    /// </summary>
    [Theory]
    [InlineData("""{"rating":4,"tags":["concise","accurate"],"comment":"Short."}""")]
    [InlineData("""{"temperature":0.7,"top_p":0.95,"max_tokens":512,"stop":["\n\n","###"],"stream":false}""")]
    [InlineData("""{"index":0,"message":{"role":"assistant","content":"Hi."},"finish_reason":"stop","logprobs":null}""")]
    public void A_free_form_map_allocates_less_than_value_by_value(string json)
    {
        long shared = Allocated(json, PrimitiveConverters.JsonElement);
        long byValue = Allocated(json, ValueByValue.Instance);
        Assert.True(shared < byValue, $"one document: {shared} B, value by value: {byValue} B");
    }

    [Fact]
    public void Empty_free_form_containers_allocate_nothing()
    {
        Assert.Equal(0, Allocated("{}", PrimitiveConverters.JsonElement));
        byte[] utf8 = Encoding.UTF8.GetBytes("[]");
        ReadListOnce(utf8);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ReadListOnce(utf8);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void ReadListOnce(byte[] utf8)
        {
            var reader = new Utf8JsonReader(utf8);
            reader.Read();
            Assert.Same(FrozenList<JsonElement>.Empty, ModelJson.ReadList(ref reader, PrimitiveConverters.JsonElement, Options));
        }
    }

    private static long Allocated(string json, JsonConverter<JsonElement> converter)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        ReadOnce(utf8, converter); // the first call's one-time work is not counted
        long before = GC.GetAllocatedBytesForCurrentThread();
        ReadOnce(utf8, converter);
        return GC.GetAllocatedBytesForCurrentThread() - before;

        static void ReadOnce(byte[] utf8, JsonConverter<JsonElement> converter)
        {
            var reader = new Utf8JsonReader(utf8);
            reader.Read();
            GC.KeepAlive(ModelJson.ReadMap(ref reader, converter, Options));
        }
    }

    private static void SameFailure<T>(string json, ReaderFunc<T> read, ReaderFunc<T> expected)
    {
        Exception want = Assert.ThrowsAny<Exception>(() => Read(json, expected));
        Exception got = Assert.ThrowsAny<Exception>(() => Read(json, read));
        Assert.Equal(want.GetType(), got.GetType());
        Assert.Equal(want.Message, got.Message);
        if (want is JsonException wantJson)
        {
            Assert.Equal(wantJson.Path, ((JsonException)got).Path);
        }
    }

    private static FrozenList<T> ReadList<T>(string json, JsonConverter<T> item)
        => Read(json, (ref Utf8JsonReader r) => ModelJson.ReadList(ref r, item, Options));

    private static FrozenMap<T> ReadMap<T>(string json, JsonConverter<T> value)
        => Read(json, (ref Utf8JsonReader r) => ModelJson.ReadMap(ref r, value, Options));
}
