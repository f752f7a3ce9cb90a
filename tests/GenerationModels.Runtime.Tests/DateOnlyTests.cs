#if !RUNTIME_NETSTANDARD
using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

/// <summary>DateOnly support exists only in the runtime's .NET 6+ builds.</summary>
public sealed class DateOnlyTests
{
    [Fact]
    public void Reads_yyyy_MM_dd_dates_escaped_or_not()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Read("\"2024-02-29\"", ModelJson.ReadDateOnly));
        Assert.Equal(new DateOnly(2024, 5, 31), Read("\"2024\\u002D05-31\"", ModelJson.ReadDateOnly));
    }

    [Fact]
    public void Reads_a_date_with_every_character_escaped()
    {
        // 60 bytes of JSON text for 10 characters (RFC 8259 section 7 allows any character escaped).
        string escaped = "\"" + string.Concat("2024-05-31".Select(c => "\\u" + ((int)c).ToString("X4"))) + "\"";
        Assert.Equal(new DateOnly(2024, 5, 31), Read(escaped, ModelJson.ReadDateOnly));
        // One escaped character more is not a date: the message shows the text unescaped.
        Assert.Equal("Expected a date string in the format yyyy-MM-dd, got \"2024-05-310\".", ReadFails(escaped[..^1] + "\\u0030\"", ModelJson.ReadDateOnly).Message);
    }

    [Theory]
    [InlineData("\"2024-02-30\"")]
    [InlineData("\"2023-02-29\"")]
    [InlineData("\"2024-2-3\"")]
    [InlineData("\"2024-05-01T00:00:00\"")]
    [InlineData("\" 2024-05-01\"")]
    [InlineData("\"0000-01-01\"")]
    [InlineData("\"\"")]
    public void ReadDateOnly_rejects_anything_but_a_valid_yyyy_MM_dd_date(string json)
    {
        string message = ReadFails(json, ModelJson.ReadDateOnly).Message;
        Assert.Equal("Expected a date string in the format yyyy-MM-dd, got " + json + ".", message);
    }

    [Theory]
    [InlineData("20240501", "Expected a JSON string with a yyyy-MM-dd date, got the number 20240501.")]
    [InlineData("null", "Expected a JSON string with a yyyy-MM-dd date, got null.")]
    public void ReadDateOnly_rejects_other_tokens(string json, string message)
        => Assert.Equal(message, ReadFails(json, ModelJson.ReadDateOnly).Message);

    [Fact]
    public void ReadDateOnly_rejects_long_strings_without_overflowing()
    {
        string json = "\"" + new string('1', 300) + "\"";
        Assert.StartsWith("Expected a date string in the format yyyy-MM-dd, got \"111", ReadFails(json, ModelJson.ReadDateOnly).Message);
    }

    [Theory]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(999, 12, 31, "0999-12-31")]
    [InlineData(2024, 5, 31, "2024-05-31")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    public void WriteDateOnly_writes_yyyy_MM_dd_that_reads_back(int year, int month, int day, string expected)
    {
        var date = new DateOnly(year, month, day);
        string json = Write(writer => ModelJson.WriteDateOnly(writer, date));
        Assert.Equal("\"" + expected + "\"", json);
        Assert.Equal(date, Read(json, ModelJson.ReadDateOnly));
    }

    /// <summary>
    /// The date reader and writer format and parse the digits themselves (no format string): they must agree with
    /// <c>TryParseExact</c>/<c>TryFormat</c> with <c>yyyy-MM-dd</c> and the invariant culture on every day of the
    /// years around each digit carry and leap rule, and on every month and day number from 00 to 39 in them.
    /// </summary>
    [Fact]
    public void Dates_read_and_write_as_TryParseExact_and_TryFormat_with_yyyy_MM_dd()
    {
        const string format = "yyyy-MM-dd";
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        int[] years = { 1, 2, 4, 9, 10, 99, 100, 400, 999, 1000, 1582, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 9998, 9999 };
        foreach (int year in years)
        {
            for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
            {
                string expected = "\"" + date.ToString(format, culture) + "\"";
                Assert.Equal(expected, Write(writer => ModelJson.WriteDateOnly(writer, date)));
                Assert.Equal(date, Read(expected, ModelJson.ReadDateOnly));
                if (year == 9999) break; // DateOnly.MaxValue
            }
            for (int month = 0; month < 40; month++)
            {
                for (int day = 0; day < 40; day++)
                {
                    string text = year.ToString("D4", culture) + "-" + month.ToString("D2", culture) + "-" + day.ToString("D2", culture);
                    bool valid = DateOnly.TryParseExact(text, format, culture, System.Globalization.DateTimeStyles.None, out DateOnly parsed);
                    string json = "\"" + text + "\"";
                    if (valid) Assert.Equal(parsed, Read(json, ModelJson.ReadDateOnly));
                    else Assert.Throws<JsonException>(() => Read(json, ModelJson.ReadDateOnly));
                }
            }
        }
        foreach (string text in new[] { "0000-01-01", "2024-0a-01", "2024/05/01", "2024-05-0\\u0031", "-024-05-01", "+024-05-01", "２０２４-05-01" })
        {
            bool valid = DateOnly.TryParseExact(System.Text.RegularExpressions.Regex.Unescape(text), format, culture, System.Globalization.DateTimeStyles.None, out DateOnly parsed);
            string json = "\"" + text + "\"";
            if (valid) Assert.Equal(parsed, Read(json, ModelJson.ReadDateOnly));
            else Assert.Throws<JsonException>(() => Read(json, ModelJson.ReadDateOnly));
        }
    }

    [Fact]
    public void Date_lists_round_trip()
        => CollectionTests.RoundTripList("""["2024-05-31","0001-01-01"]""", PrimitiveConverters.DateOnly);

    [Fact]
    public void The_converter_works_with_JsonSerializer()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.Converters.Add(PrimitiveConverters.DateOnly);

        Assert.Equal(new DateOnly(2020, 1, 2), JsonSerializer.Deserialize<DateOnly>("\"2020-01-02\"", options));
        Assert.Equal("\"2020-01-02\"", JsonSerializer.Serialize(new DateOnly(2020, 1, 2), options));
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateOnly>("null", options));
        Assert.Equal("$", error.Path);
        Assert.StartsWith("Expected a JSON string with a yyyy-MM-dd date, got null.", error.Message);
    }

    private static JsonException ReadFails<T>(string json, ReaderFunc<T> read)
    {
        var error = Assert.Throws<JsonException>(() => Read(json, read));
        Assert.Null(error.Path);
        return error;
    }
}
#endif
