using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Xunit;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// Lossless and tolerant member reading (<c>Next…(ref reader, ref raw, slot)</c>) and writing
/// (<c>WriteMember(…, raw, slot)</c>): a member read and written back unchanged gives the text it was read from; a value
/// set in code is written canonically; canonical text keeps nothing.
/// </summary>
public sealed class LosslessScalarTests
{
    private delegate T MemberReader<T>(ref Utf8JsonReader reader, ref RawValues raw, int slot);

    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("v");

    /// <summary>Reads <c>{"v": json}</c> with <paramref name="read"/> (slot 0), returns the value and the store.</summary>
    private static T Read<T>(string json, MemberReader<T> read, out RawValues raw, RawValues start = default)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"v\":" + json + "}"));
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        raw = start;
        T value = read(ref reader, ref raw, 0);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        return value;
    }

    private static string WriteObject(Action<Utf8JsonWriter> member)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            member(writer);
            writer.WriteEndObject();
        }
        string text = Encoding.UTF8.GetString(stream.ToArray());
        return text.Substring(5, text.Length - 6); // the value after {"v":
    }

    private static string RoundTripDouble(string json, out double value, out int kept)
    {
        value = Read(json, ModelJson.NextDouble, out RawValues raw);
        kept = raw.Count;
        double v = value;
        return WriteObject(w => ModelJson.WriteMember(w, Name, v, raw, 0));
    }

    [Theory]
    [InlineData("1.0", 1.0)]
    [InlineData("1e5", 1e5)]
    [InlineData("1E+5", 1e5)]
    [InlineData("-0", -0.0)]
    [InlineData("0.10", 0.1)]
    [InlineData("123456789012345678901234567890", 1.2345678901234568E+29)]
    [InlineData("0.30000000000000004", 0.30000000000000004)]
    [InlineData("\"12.34\"", 12.34)]
    [InlineData("\"1e3\"", 1000.0)]
    [InlineData("0.00001", 1e-5)]
    public void Double_non_canonical_text_is_kept_and_written_back(string json, double expected)
    {
        string written = RoundTripDouble(json, out double value, out _);
        Assert.Equal(expected, value);
        Assert.Equal(json, written);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-17")]
    [InlineData("12.34")]
    [InlineData("0.5")]
    [InlineData("0.0001")]
    [InlineData("123456789012345")]
    [InlineData("-98765.4321")]
    public void Double_canonical_text_keeps_nothing(string json)
    {
        string written = RoundTripDouble(json, out _, out int kept);
        Assert.Equal(0, kept);
        Assert.Equal(json, written);
    }

    [Fact]
    public void Every_number_text_round_trips_and_only_canonical_text_keeps_nothing()
    {
        // Whatever the byte check decides, the text written back is the text read; and nothing is kept only when the
        // writer's own output for the value is that text.
        var random = new Random(12);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        for (int i = 0; i < 20000; i++)
        {
            double value = Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 18)), random.Next(0, 12));
            foreach (string text in new[] { value.ToString("R", culture), value.ToString("F3", culture), value.ToString("E2", culture), value.ToString("0.0###", culture) })
            {
                string written = RoundTripDouble(text, out double parsed, out int kept);
                Assert.Equal(text, written);
                string canonical = TestSupport.Write(w => w.WriteNumberValue(parsed));
                Assert.Equal(canonical == text ? 0 : 1, kept);
            }
        }
    }

    [Fact]
    public void A_value_set_in_code_is_written_canonically()
    {
        Read("1.50", ModelJson.NextDouble, out RawValues raw);
        Assert.Equal(1, raw.Count);
        Assert.Equal("2.5", WriteObject(w => ModelJson.WriteMember(w, Name, 2.5, raw, 0)));
        Assert.Equal("1.5", WriteObject(w => ModelJson.WriteMember(w, Name, 1.5, default, 0)));
    }

    [Theory]
    [InlineData("2024-07-23T22:50:22.761Z")]
    [InlineData("2024-07-23T04:56:07.000+00:00")]
    [InlineData("2024-07-23T04:56:07.1200000+02:00")]
    [InlineData("2024-07-23T04:56:07-00:00")]
    [InlineData("2024-07-23")]
    public void Date_time_text_is_kept(string text)
    {
        var value = Read("\"" + text + "\"", ModelJson.NextDateTimeOffset, out RawValues raw);
        Assert.Equal(1, raw.Count);
        Assert.Equal(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal("\"" + text + "\"", WriteObject(w => ModelJson.WriteMember(w, Name, value, raw, 0)));
        // the same instant in another offset is a change: written canonically
        var moved = value.ToOffset(TimeSpan.FromHours(5));
        Assert.Equal(TestSupport.Write(w => w.WriteStringValue(moved)), WriteObject(w => ModelJson.WriteMember(w, Name, moved, raw, 0)));
    }

    [Theory]
    [InlineData("2024-07-23T22:50:22.761+00:00")]
    [InlineData("2024-07-23T22:50:22+05:30")]
    [InlineData("2024-07-23T22:50:22.1234567-03:00")]
    public void Canonical_date_times_keep_nothing(string text)
    {
        var value = Read("\"" + text + "\"", ModelJson.NextDateTimeOffsetOrNull, out RawValues raw);
        Assert.Equal(0, raw.Count);
        Assert.Equal("\"" + text + "\"", WriteObject(w => ModelJson.WriteMember(w, Name, value, raw, 0)));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("\"42\"")]
    [InlineData("9007199254740993")]
    public void Integers_in_any_integral_form(string json)
    {
        long value = Read(json, ModelJson.NextInt64, out RawValues raw);
        Assert.Equal((long)decimal.Parse(json.Trim('"'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(json is "1" or "9007199254740993" ? 0 : 1, raw.Count);
        Assert.Equal(json, WriteObject(w => ModelJson.WriteMember(w, Name, value, raw, 0)));
    }

    [Theory]
    [InlineData("1.5", "Int64")]
    [InlineData("1e400", "Int64")]
    [InlineData("\"abc\"", "integer string")]
    [InlineData("{}", "JSON number")]
    public void Integers_that_cannot_be_represented_fail(string json, string mention)
    {
        var error = Assert.Throws<JsonException>(() => Read(json, ModelJson.NextInt64, out _));
        Assert.Contains(mention, error.Message);
    }

    [Theory]
    [InlineData("1.10")]
    [InlineData("1e2")]
    [InlineData("\"12.34\"")]
    [InlineData("-0.0")]
    [InlineData("0.10")]
    public void Decimals_keep_their_text(string json)
    {
        decimal value = Read(json, ModelJson.NextDecimal, out RawValues raw);
        Assert.Equal(decimal.Parse(json.Trim('"'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(json, WriteObject(w => ModelJson.WriteMember(w, Name, value, raw, 0)));
        Assert.Equal("7", WriteObject(w => ModelJson.WriteMember(w, Name, 7m, raw, 0)));
    }

    [Fact]
    public void Canonical_decimals_keep_nothing()
    {
        decimal value = Read("12.340", ModelJson.NextDecimal, out RawValues raw);
        Assert.Equal(0, raw.Count);
        Assert.Equal("12.340", WriteObject(w => ModelJson.WriteMember(w, Name, value, raw, 0)));
        // same value, other scale: a change, written canonically
        Assert.Equal("12.34", WriteObject(w => ModelJson.WriteMember(w, Name, 12.34m, raw, 0)));
    }

    [Theory]
    [InlineData("123", "123")]
    [InlineData("1.50", "1.50")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    public void String_member_given_a_number_or_boolean(string json, string expected)
    {
        string value = Read(json, ModelJson.NextString, out RawValues raw);
        Assert.Equal(expected, value);
        Assert.Equal(json, WriteObject(w => ModelJson.WriteMember(w, Name, value, raw, 0)));
        Assert.Equal("\"123\"", WriteObject(w => ModelJson.WriteMember(w, Name, "123", default, 0)));
        Assert.Equal("\"x\"", WriteObject(w => ModelJson.WriteMember(w, Name, "x", raw, 0)));
    }

    [Fact]
    public void String_member_given_an_object_fails()
    {
        var error = Assert.Throws<JsonException>(() => Read("{}", ModelJson.NextString, out _));
        Assert.Equal("Expected a JSON string, got an object.", error.Message);
    }

    [Fact]
    public void Number_member_given_a_word_fails()
    {
        var error = Assert.Throws<JsonException>(() => Read("\"abc\"", ModelJson.NextDouble, out _));
        Assert.Equal("Expected a JSON number or a numeric string, got \"abc\".", error.Message);
        Assert.Throws<JsonException>(() => Read("\" 1\"", ModelJson.NextDouble, out _));
        Assert.Throws<JsonException>(() => Read("\"NaN\"", ModelJson.NextDouble, out _));
    }

    [Fact]
    public void Booleans_as_strings()
    {
        bool value = Read("\"true\"", ModelJson.NextBoolean, out RawValues raw);
        Assert.True(value);
        Assert.Equal("\"true\"", WriteObject(w => ModelJson.WriteMember(w, Name, value, raw, 0)));
        Assert.Equal("false", WriteObject(w => ModelJson.WriteMember(w, Name, false, raw, 0)));
        Assert.Throws<JsonException>(() => Read("\"yes\"", ModelJson.NextBoolean, out _));
    }

#if !RUNTIME_NETSTANDARD
    [Theory]
    [InlineData("2022-01-24T00:00:00.000+00:00", 2022, 1, 24)]
    [InlineData("2022-01-24T23:30:00-05:00", 2022, 1, 24)]
    [InlineData("2022-01-24", 2022, 1, 24)]
    public void Date_member_given_a_timestamp(string text, int year, int month, int day)
    {
        DateOnly value = Read("\"" + text + "\"", ModelJson.NextDateOnly, out RawValues raw);
        Assert.Equal(new DateOnly(year, month, day), value);
        Assert.Equal(text.Length == 10 ? 0 : 1, raw.Count);
        Assert.Equal("\"" + text + "\"", WriteObject(w => ModelJson.WriteMember(w, Name, value, raw, 0)));
        Assert.Equal("\"2022-01-25\"", WriteObject(w => ModelJson.WriteMember(w, Name, new DateOnly(2022, 1, 25), raw, 0)));
    }
#endif

    // ---- contract violations ----------------------------------------------------------------------------------------

    [Fact]
    public void Null_for_a_non_nullable_member_is_strict_by_default_and_names_the_knob()
    {
        var error = Assert.Throws<JsonException>(() => Read("null", ModelJson.NextDouble, out _));
        Assert.Contains("GenerationModelsContractViolations", error.Message);
        Assert.Contains("Lenient", error.Message);
        Assert.Throws<JsonException>(() => Read("null", ModelJson.NextString, out _));
        Assert.Throws<JsonException>(() => Read("null", ModelJson.NextDateTimeOffset, out _));
    }

    [Fact]
    public void Null_for_a_non_nullable_member_read_leniently_is_written_back_as_null()
    {
        double number = Read("null", ModelJson.NextDouble, out RawValues raw, RawValues.Lenient);
        Assert.Equal(0, number);
        Assert.Equal("null", WriteObject(w => ModelJson.WriteMember(w, Name, number, raw, 0)));
        Assert.Equal("3", WriteObject(w => ModelJson.WriteMember(w, Name, 3.0, raw, 0)));

        string? text = Read("null", ModelJson.NextString, out raw, RawValues.Lenient);
        Assert.Null(text);
        Assert.Equal("null", WriteObject(w => ModelJson.WriteMember(w, Name, text, raw, 0)));

        var stamp = Read("null", ModelJson.NextDateTimeOffset, out raw, RawValues.Lenient);
        Assert.Equal(default, stamp);
        Assert.Equal("null", WriteObject(w => ModelJson.WriteMember(w, Name, stamp, raw, 0)));
    }

    [Fact]
    public void Absent_required_members_are_not_written_while_unset()
    {
        var raw = RawValues.Lenient;
        raw.Absent(seen: 0b010, required: 0b011, block: 0); // member 0 missing, member 1 seen
        Assert.Equal(1, raw.Count);
        Assert.Equal("{}", TestSupport.Write(w =>
        {
            w.WriteStartObject();
            ModelJson.WriteMember(w, Name, (string?)null, raw, 0);
            w.WriteEndObject();
        }));
        Assert.Equal("{\"v\":\"set\"}", TestSupport.Write(w =>
        {
            w.WriteStartObject();
            ModelJson.WriteMember(w, Name, "set", raw, 0);
            w.WriteEndObject();
        }));
        Assert.Equal("{\"v\":null}", TestSupport.Write(w =>
        {
            w.WriteStartObject();
            ModelJson.WriteMember(w, Name, (string?)null, raw, 1);
            w.WriteEndObject();
        }));
    }

    [Fact]
    public void Kept_texts_take_no_part_in_equality()
    {
        Read("1.0", ModelJson.NextDouble, out RawValues kept);
        Assert.Equal(1, kept.Count);
        Assert.True(kept.Equals(default(RawValues)));
        Assert.True(default(RawValues).Equals((object)kept));
        Assert.Equal(default(RawValues).GetHashCode(), kept.GetHashCode());
    }

    [Fact]
    public void Canonical_members_allocate_nothing_to_read_or_write()
    {
        byte[] json = Encoding.UTF8.GetBytes("""{"a":12.5,"b":42,"c":"2024-07-23T22:50:22.761+00:00","d":1.10,"e":true}""");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        var a = JsonEncodedText.Encode("a");
        int kept = 0;
        void Once()
        {
            var reader = new Utf8JsonReader(json);
            var raw = default(RawValues);
            reader.Read();
            reader.Read();
            double d = ModelJson.NextDouble(ref reader, ref raw, 0);
            reader.Read();
            long l = ModelJson.NextInt64(ref reader, ref raw, 1);
            reader.Read();
            DateTimeOffset t = ModelJson.NextDateTimeOffset(ref reader, ref raw, 2);
            reader.Read();
            decimal m = ModelJson.NextDecimal(ref reader, ref raw, 3);
            reader.Read();
            bool b = ModelJson.NextBoolean(ref reader, ref raw, 4);
            kept += raw.Count;
            buffer.ResetWrittenCount();
            writer.Reset();
            writer.WriteStartObject();
            ModelJson.WriteMember(writer, a, d, raw, 0);
            ModelJson.WriteMember(writer, a, l, raw, 1);
            ModelJson.WriteMember(writer, a, t, raw, 2);
            ModelJson.WriteMember(writer, a, m, raw, 3);
            ModelJson.WriteMember(writer, a, b, raw, 4);
            writer.WriteEndObject();
            writer.Flush();
        }
        Once(); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) Once();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, kept);
        Assert.Equal(0, allocated);
    }
}
