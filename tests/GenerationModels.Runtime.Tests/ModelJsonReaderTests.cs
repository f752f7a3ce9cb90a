using System;
using System.Text.Json;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

public sealed class ModelJsonReaderTests
{
    private static JsonException ReadFails<T>(string json, ReaderFunc<T> read)
    {
        var error = Assert.Throws<JsonException>(() => Read(json, read));
        Assert.Null(error.Path);
        return error;
    }

    [Fact]
    public void Reads_values_of_the_right_type()
    {
        Assert.Equal("a\"b\u00e9", Read("\"a\\\"b\\u00e9\"", ModelJson.ReadString));
        Assert.Equal(long.MaxValue, Read("9223372036854775807", ModelJson.ReadInt64));
        Assert.Equal(long.MinValue, Read("-9223372036854775808", ModelJson.ReadInt64));
        Assert.Equal(0.1, Read("0.1", ModelJson.ReadDouble));
        Assert.Equal(1e300, Read("1e300", ModelJson.ReadDouble));
        Assert.Equal(12.3400m, Read("12.3400", ModelJson.ReadDecimal));
        Assert.True(Read("true", ModelJson.ReadBoolean));
        Assert.False(Read("false", ModelJson.ReadBoolean));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)), Read("\"2024-05-01T10:00:00+02:00\"", ModelJson.ReadDateTimeOffset));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), Read("\"2024-05-01T08:00:00Z\"", ModelJson.ReadDateTimeOffset));
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("{\"a\":[1,{}]}", "{\"a\":[1,{}]}")]
    [InlineData("[ 1 , 2 ]", "[1,2]")]
    [InlineData("-0.5e-7", "-0.5e-7")]
    public void ReadJsonElement_takes_any_value_and_it_survives_the_buffer(string json, string written)
    {
        byte[] buffer = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(buffer);
        reader.Read();
        JsonElement element = ModelJson.ReadJsonElement(ref reader);
        Assert.False(reader.Read());
        Array.Clear(buffer);

        Assert.Equal(written, Write(writer => ModelJson.WriteJsonElement(writer, element)));
        if (json == "null")
        {
            Assert.Equal(JsonValueKind.Null, element.ValueKind);
        }
    }

    /// <summary>
    /// System.Text.Json parses an escaped unpaired surrogate into an element but cannot write it back; a model holding
    /// one could be read and never written, so ReadJsonElement rejects it when reading, as a JsonException.
    /// </summary>
    [Theory]
    [InlineData("\"\\uD800\"")]
    [InlineData("\"a\\udfffb\"")]
    [InlineData("[1,{\"k\":\"\\uDC00\\uD800\"}]")]
    [InlineData("{\"\\uD83D\":1}")]
    public void ReadJsonElement_rejects_unpaired_surrogate_escapes(string json)
    {
        var error = Assert.Throws<JsonException>(() => Read(json, ModelJson.ReadJsonElement));
        Assert.Contains("unpaired surrogate", error.Message);
    }

    [Theory]
    [InlineData("\"\\uD83D\\uDE00\"", "\"\\uD83D\\uDE00\"")]
    [InlineData("\"\\\\uD800\"", "\"\\\\uD800\"")]
    [InlineData("[\"\\u00e9\",\"\\\\\\uD83D\\uDE00\"]", "[\"\\u00E9\",\"\\\\\\uD83D\\uDE00\"]")]
    public void ReadJsonElement_keeps_paired_surrogates_and_escaped_backslashes(string json, string written)
    {
        JsonElement element = Read(json, ModelJson.ReadJsonElement);
        Assert.Equal(written, Write(writer => ModelJson.WriteJsonElement(writer, element)));
    }

    [Fact]
    public void WriteJsonElement_refuses_the_default_element()
    {
        var error = Assert.Throws<JsonException>(() => Write(writer => ModelJson.WriteJsonElement(writer, default)));
        Assert.Contains("Undefined", error.Message);
    }

    [Theory]
    [InlineData("null", "Expected a JSON string, got null.")]
    [InlineData("12", "Expected a JSON string, got the number 12.")]
    [InlineData("true", "Expected a JSON string, got true.")]
    [InlineData("{}", "Expected a JSON string, got an object.")]
    [InlineData("[]", "Expected a JSON string, got an array.")]
    public void ReadString_rejects_other_tokens(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => { var r = ReaderOn(json); ModelJson.ReadString(ref r); });
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("1e400", "Expected a JSON number that fits Int64, got 1e400.")]
    [InlineData("9223372036854775808", "Expected a JSON number that fits Int64, got 9223372036854775808.")]
    [InlineData("1.5", "Expected a JSON number that fits Int64, got 1.5.")]
    [InlineData("\"5\"", "Expected a JSON number, got a string.")]
    [InlineData("null", "Expected a JSON number, got null.")]
    [InlineData("false", "Expected a JSON number, got false.")]
    public void ReadInt64_errors(string json, string message)
        => Assert.Equal(message, ReadFails(json, ModelJson.ReadInt64).Message);

    [Theory]
    [InlineData("1e400", "Expected a JSON number that fits Double, got 1e400.")]
    [InlineData("-1e400", "Expected a JSON number that fits Double, got -1e400.")]
    [InlineData("\"NaN\"", "Expected a JSON number, got a string.")]
    [InlineData("null", "Expected a JSON number, got null.")]
    public void ReadDouble_errors(string json, string message)
        => Assert.Equal(message, ReadFails(json, ModelJson.ReadDouble).Message);

    [Theory]
    [InlineData("1e400", "Expected a JSON number that fits Decimal, got 1e400.")]
    [InlineData("79228162514264337593543950336", "Expected a JSON number that fits Decimal, got 79228162514264337593543950336.")]
    [InlineData("[1]", "Expected a JSON number, got an array.")]
    [InlineData("null", "Expected a JSON number, got null.")]
    public void ReadDecimal_errors(string json, string message)
        => Assert.Equal(message, ReadFails(json, ModelJson.ReadDecimal).Message);

    [Fact]
    public void Long_numbers_are_shortened_in_messages()
    {
        string digits = new('9', 500);
        string message = ReadFails(digits, ModelJson.ReadInt64).Message;
        Assert.StartsWith("Expected a JSON number that fits Int64, got 9999", message);
        Assert.EndsWith("....", message);
        Assert.True(message.Length < 150, message);
    }

    [Theory]
    [InlineData("1", "Expected a JSON boolean, got the number 1.")]
    [InlineData("\"true\"", "Expected a JSON boolean, got a string.")]
    [InlineData("null", "Expected a JSON boolean, got null.")]
    public void ReadBoolean_errors(string json, string message)
        => Assert.Equal(message, ReadFails(json, ModelJson.ReadBoolean).Message);

    [Theory]
    [InlineData("\"2024-13-01T00:00:00Z\"", "Expected an ISO 8601 date-time string, got \"2024-13-01T00:00:00Z\".")]
    [InlineData("\"yesterday\"", "Expected an ISO 8601 date-time string, got \"yesterday\".")]
    [InlineData("1714550400", "Expected a JSON string with an ISO 8601 date-time, got the number 1714550400.")]
    [InlineData("null", "Expected a JSON string with an ISO 8601 date-time, got null.")]
    public void ReadDateTimeOffset_errors(string json, string message)
        => Assert.Equal(message, ReadFails(json, ModelJson.ReadDateTimeOffset).Message);

    [Fact]
    public void ExpectStartObject_and_NextProperty_walk_an_object()
    {
        var reader = ReaderOn("""{"a":1,"b":[2]}""");
        ModelJson.ExpectStartObject(ref reader, "Thing");
        var names = new System.Collections.Generic.List<string>();
        while (ModelJson.NextProperty(ref reader))
        {
            names.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(new[] { "a", "b" }, names);
    }

    [Theory]
    [InlineData("[]", "Expected a JSON object for Thing, got an array.")]
    [InlineData("null", "Expected a JSON object for Thing, got null.")]
    [InlineData("\"x\"", "Expected a JSON object for Thing, got a string.")]
    public void ExpectStartObject_names_the_type(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => { var r = ReaderOn(json); ModelJson.ExpectStartObject(ref r, "Thing"); });
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void NextProperty_skips_comments_when_the_reader_allows_them()
    {
        var reader = new Utf8JsonReader("""{ /* c */ "a" : /* d */ 1 /* e */ }"""u8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        reader.Read();
        Assert.True(ModelJson.NextProperty(ref reader));
        Assert.True(reader.ValueTextEquals("a"u8));
        reader.Read();
        while (reader.TokenType == JsonTokenType.Comment)
        {
            reader.Read();
        }
        Assert.Equal(1, ModelJson.ReadInt64(ref reader));
        Assert.False(ModelJson.NextProperty(ref reader));
    }

    [Fact]
    public void NextProperty_reports_truncated_data()
    {
        var error = Assert.Throws<JsonException>(() =>
        {
            var r = new Utf8JsonReader("""{"a":1,"""u8, isFinalBlock: false, state: default);
            r.Read();
            Assert.True(ModelJson.NextProperty(ref r));
            r.Read();
            ModelJson.ReadInt64(ref r);
            ModelJson.NextProperty(ref r);
        });
        Assert.Equal("Unexpected end of the JSON data inside an object.", error.Message);
    }

    [Fact]
    public void Malformed_json_surfaces_as_JsonException()
    {
        Assert.ThrowsAny<JsonException>(() =>
        {
            var r = ReaderOn("""{"a" 1}""");
            ModelJson.NextProperty(ref r);
            ModelJson.NextProperty(ref r);
        });
    }
}
