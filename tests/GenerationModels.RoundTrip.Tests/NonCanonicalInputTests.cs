using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace RoundTrip;

/// <summary>
/// JSON that is valid but not in the writer's canonical form, read and written back by generated converters. One row
/// per case: the model, the input, and the pinned result: the exact output text, or <c>error: …</c> for a
/// <see cref="JsonException"/> whose message must contain that text (its JSON path).
/// <para>
/// Rows marked <c>// normalised</c> are where the output differs from the input (a documented normalisation, see
/// README "Round trips": string escapes, member-name escapes, whitespace, duplicate members); everything else is an
/// exact round trip. Rows marked <c>// exact (lossless …)</c> were normalised or rejected before scalars round-tripped
/// losslessly and mismatches were read tolerantly (issue 12); <c>// exact (lossless elements)</c> rows, before scalar
/// elements of lists and maps did.
/// </para>
/// </summary>
public sealed class NonCanonicalInputTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    /// <summary>(model, input, expected): the table.</summary>
    public static readonly TheoryData<string, string, string> Cases = new()
    {
        // ---- number spellings: double members (Generation.cost), long members (Usage.prompt_tokens)
        { "Generation", """{"cost":1.0}""", """{"cost":1.0}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "Generation", """{"cost":1e5}""", """{"cost":1e5}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "Generation", """{"cost":1E+5}""", """{"cost":1E+5}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "Generation", """{"cost":-0}""", """{"cost":-0}""" },
        { "Generation", """{"cost":-0.0}""", """{"cost":-0.0}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "Generation", """{"cost":0.10}""", """{"cost":0.10}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "Generation", """{"cost":1.5e-7}""", """{"cost":1.5e-7}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "Generation", """{"cost":12345678901234567890}""", """{"cost":12345678901234567890}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "Generation", """{"cost":0.1000000000000000055511151231257827}""", """{"cost":0.1000000000000000055511151231257827}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "Usage", """{"prompt_tokens":9223372036854775807}""", """{"prompt_tokens":9223372036854775807}""" },
        { "Usage", """{"prompt_tokens":-0}""", """{"prompt_tokens":-0}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "Usage", """{"prompt_tokens":9223372036854775808}""", "error: $.prompt_tokens" },
        { "Usage", """{"prompt_tokens":1.0}""", """{"prompt_tokens":1.0}""" }, // exact (lossless scalars; tolerant reading); before: error: $.prompt_tokens
        { "Usage", """{"prompt_tokens":1e2}""", """{"prompt_tokens":1e2}""" }, // exact (lossless scalars; tolerant reading); before: error: $.prompt_tokens
        { "Usage", """{"prompt_tokens":"12"}""", """{"prompt_tokens":"12"}""" }, // exact (lossless scalars; tolerant reading); before: error: $.prompt_tokens
        // ---- scalar elements of lists and maps (Series): kept as read, like members
        { "Series", """{"values":[1.0,1e5,1E+5,-0,0.10,2]}""", """{"values":[1.0,1e5,1E+5,-0,0.10,2]}""" }, // exact (lossless elements); before: normalised
        { "Series", """{"counts":[-0,7]}""", """{"counts":[-0,7]}""" }, // exact (lossless elements); before: normalised
        // Elements accept what they did before (a union's list cases are told apart by their elements): no numeric
        // strings, no 1.0 for an integer, no timestamp for a date.
        { "Series", """{"counts":[7,1.0]}""", "error: $.counts[1]" },
        { "Series", """{"values":[1,"2"]}""", "error: $.values[1]" },
        { "Series", """{"at":["2024-07-23T22:50:22.761Z","2024-07-23T04:56:07.000+00:00","2024-05-01T10:00:00+02:00"]}""", """{"at":["2024-07-23T22:50:22.761Z","2024-07-23T04:56:07.000+00:00","2024-05-01T10:00:00+02:00"]}""" }, // exact (lossless elements); before: normalised
        { "Series", """{"days":["2024-05-31","2022-01-24T00:00:00.000+00:00"]}""", "error: $.days[1]" },
        { "Series", """{"totals":{"a":1.0,"b":2,"c":12.340}}""", """{"totals":{"a":1.0,"b":2,"c":12.340}}""" }, // exact (lossless elements); before: normalised
        { "Series", """{"grid":[[1.0,2],[3e0]]}""", """{"grid":[[1.0,2],[3e0]]}""" }, // exact (lossless elements); before: normalised
        { "Series", """{"byDay":{"mon":["2024-05-01T10:00:00Z"]}}""", """{"byDay":{"mon":["2024-05-01T10:00:00Z"]}}""" }, // exact (lossless elements); before: normalised
        // A repeated key keeps its first position and its last value, in the text that value had.
        { "Series", """{"totals":{"a":1.0,"b":2,"a":3}}""", """{"totals":{"a":3,"b":2}}""" }, // normalised
        { "Series", """{"totals":{"a":1,"b":2,"a":3.0}}""", """{"totals":{"a":3.0,"b":2}}""" }, // normalised; before: "a":3
        { "Series", """{"values":[1,"abc"]}""", "error: $.values[1]" },
        { "Series", """{"values":[1,null]}""", "error: $.values[1]" },
        // ---- date-time forms (ChatCompletionResponse.timestamp)
        { "ChatCompletionResponse", """{"timestamp":"2024-05-01T10:00:00+00:00"}""", """{"timestamp":"2024-05-01T10:00:00+00:00"}""" },
        { "ChatCompletionResponse", """{"timestamp":"2024-05-01T10:00:00Z"}""", """{"timestamp":"2024-05-01T10:00:00Z"}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "ChatCompletionResponse", """{"timestamp":"2024-05-01T10:00:00.5Z"}""", """{"timestamp":"2024-05-01T10:00:00.5Z"}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "ChatCompletionResponse", """{"timestamp":"2024-05-01T10:00:00.500+02:00"}""", """{"timestamp":"2024-05-01T10:00:00.500+02:00"}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "ChatCompletionResponse", """{"timestamp":"2024-05-01T10:00:00.1234567-05:30"}""", """{"timestamp":"2024-05-01T10:00:00.1234567-05:30"}""" },
        // An RFC 3339 date-time needs an offset; today a local time and a bare date are accepted as UTC (a finding, issue 17).
        { "ChatCompletionResponse", """{"timestamp":"2024-05-01T10:00:00"}""", """{"timestamp":"2024-05-01T10:00:00"}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        { "ChatCompletionResponse", """{"timestamp":"2024-05-01"}""", """{"timestamp":"2024-05-01"}""" }, // exact (lossless scalars; tolerant reading); before: normalised
        // ---- strings: raw non-ASCII UTF-8, escapes the writer would not produce
        // The writer escapes non-ASCII and HTML-sensitive characters (System.Text.Json's default encoder).
        { "Generation", """{"model":"héllo wörld ✓ 😀"}""", """{"model":"h\u00E9llo w\u00F6rld \u2713 \uD83D\uDE00"}""" }, // normalised
        { "Generation", """{"model":"\u00e9\u2713"}""", """{"model":"\u00E9\u2713"}""" }, // normalised
        { "Generation", """{"model":"a\/b"}""", """{"model":"a/b"}""" }, // normalised
        { "Generation", """{"model":"<a href='x'>&amp;</a>"}""", """{"model":"\u003Ca href=\u0027x\u0027\u003E\u0026amp;\u003C/a\u003E"}""" }, // normalised
        { "Generation", """{"model":"tab\tquote\"back\\"}""", """{"model":"tab\tquote\u0022back\\"}""" }, // normalised
        { "Generation", """{"model":"\uD83D\uDE00"}""", """{"model":"\uD83D\uDE00"}""" },
        // ---- member names: escaped spellings of declared names, unknown names with escapes
        { "Generation", """{"\u006dodel":"m"}""", """{"model":"m"}""" }, // normalised
        { "Generation", """{"gener\u0061tionId":"g","x\u00e9":1}""", """{"generationId":"g","x\u00E9":1}""" }, // normalised
        { "Generation", """{"Model":"m"}""", """{"Model":"m"}""" },
        // ---- duplicate members: the last value wins
        { "Generation", """{"model":"a","model":"b"}""", """{"model":"b"}""" }, // normalised
        // Today an unknown member given twice keeps only its last value (the first is dropped: a finding, issue 17).
        { "Generation", """{"x":1,"x":2}""", """{"x":2}""" }, // normalised
        // ---- whitespace and unknown values, nested deeply
        { "Generation", "{ \"model\" :\n\t\"m\" ,\r\n \"x\" : [ 1 , { \"y\" : null } ] }", """{"model":"m","x":[1,{"y":null}]}""" }, // normalised
        { "Generation", "{\"x\":" + new string('[', 60) + new string(']', 60) + "}", "{\"x\":" + new string('[', 60) + new string(']', 60) + "}" },
        { "Generation", "{\"x\":" + new string('[', 80) + new string(']', 80) + "}", "error: depth" },
        // Values kept as JsonElement keep their number spellings; string escapes are re-written.
        { "Generation", """{"feedback":{"a":{"b":{"c":{"d":[1.0,1e5,"\u00e9"]}}}}}""", """{"feedback":{"a":{"b":{"c":{"d":[1.0,1e5,"\u00E9"]}}}}}""" }, // normalised
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Non_canonical_input_gives_the_pinned_result(string model, string input, string expected)
    {
        string actual = RoundTrip(model, input);
        if (expected.StartsWith("error: ", StringComparison.Ordinal))
        {
            Assert.StartsWith("error: ", actual);
            Assert.Contains(expected.Substring("error: ".Length), actual, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void The_table_covers_every_kind_of_non_canonical_input()
    {
        // Guards against rows being dropped: each kind keeps at least a few cases, and some rows are exact round trips.
        int rows = 0, exact = 0;
        foreach (var row in Cases)
        {
            rows++;
            if (row.Data.Item2 == row.Data.Item3) exact++;
        }
        Assert.True(rows >= 35, $"{rows} rows");
        Assert.True(exact >= 6, $"{exact} exact rows");
    }

    private static string RoundTrip(string model, string input)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(input);
        try
        {
            return model switch
            {
                "Generation" => Write(utf8, Context.Generation),
                "Usage" => Write(utf8, Context.Usage),
                "ChatCompletionResponse" => Write(utf8, Context.ChatCompletionResponse),
                "Series" => Write(utf8, Context.Series),
                _ => throw new ArgumentException("no model " + model),
            };
        }
        catch (JsonException exception)
        {
            return "error: " + exception.Message;
        }
    }

    private static string Write<T>(byte[] utf8, JsonTypeInfo<T> info)
        => JsonSerializer.Serialize(JsonSerializer.Deserialize(utf8, info)!, info);
}
