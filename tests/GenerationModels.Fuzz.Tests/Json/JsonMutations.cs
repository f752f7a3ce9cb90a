using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace GenerationModels.Fuzz.Tests.Json;

public enum JsonMutationKind
{
    FlipByte,
    DeleteToken,
    DuplicateToken,
    SwapValue,
    HugeNumber,
    DeepNesting,
    Truncate,
    InsertJunk,
    HostileString,
    DuplicateMember,
    RecaseMember,
    BadDate,
}

/// <summary>One change to a valid JSON document: a kind, two positions in [0, 1) and a choice.</summary>
public sealed record JsonMutation(JsonMutationKind Kind, double A, double B, int Choice);

/// <summary>Mutations of valid JSON: bytes flipped, tokens deleted or duplicated, values of the wrong kind, huge numbers, nesting past MaxDepth, truncation.</summary>
public static class JsonMutations
{
    public static readonly Gen<JsonMutation> One =
        Gen.Select(Gen.Enum<JsonMutationKind>(), Gen.Double.Unit, Gen.Double.Unit, Gen.Int[0, 100_000], (kind, a, b, choice) => new JsonMutation(kind, a, b, choice));

    public static readonly Gen<JsonMutation[]> Some = One.Array[1, 4];

    private static readonly string[] Values =
    {
        "null", "true", "false", "0", "-1", "1.5", "\"\"", "\"x\"", "[]", "{}", "[null]", "{\"a\":null}", "[1,\"a\",{}]", "\"2024-05-01\"",
        "\"2024-05-01T10:00:00+02:00\"",
    };

    private static readonly string[] Numbers =
    {
        "1e400", "-1e400", "1e-400", "99999999999999999999999999999", "-99999999999999999999999999999.5", "9223372036854775808",
        "-9223372036854775809", "1.7976931348623157e309", "79228162514264337593543950336", "-0", "0.1e-400", "1E+1000000", "1.0",
        "123456789012345678901234567890.123456789", "4.9e-325", "18446744073709551616",
    };

    private static readonly string[] Junk =
    {
        ",", ":", "}", "]", "{", "[", "\"", "\\", "/*x*/", "//x\n", "\u0000", "\"\\uD800\"", "\"\\uDC00\\uD800\"", "NaN", "Infinity",
        "-Infinity", "'x'", "\t", "\uFEFF", "null", "1", "{}", "[]", "\"a\":1", ",,", "\"\\u0000\"", "\"\\x41\"", "\"\\uZZZZ\"", "01",
        "1.", ".5", "+1", "0x10", "tru", "nul", "\u00A0", "\"\u0001\"",
    };

    private static readonly string[] Strings =
    {
        "\"\\uD800\"", "\"\\uDFFF\"", "\"\\uDBFF\\uDBFF\"", "\"\\uDC00\\uD800\"", "\"a\\uD800b\"", "\"\\u0000\"", "\"\\\"\"", "\"\\/\"",
        "\"\\b\\f\\n\\r\\t\"", "\"\\u00e9\"", "\"😀\"", "\"\\ud83d\\ude00\"", "\"\\uFFFE\"", "\"\"",
    };

    private static readonly string[] Dates =
    {
        "\"2024-02-30\"", "\"2024-13-01\"", "\"9999-12-31T23:59:59+14:00\"", "\"0001-01-01T00:00:00-14:00\"", "\"0001-01-01T00:00:00+14:00\"",
        "\"yyyy-MM-dd\"", "\"2024-05-01T10:00:00+25:00\"", "\"2024-05-01T24:00:00Z\"", "\"2024-05-01 \"", "\" 2024-05-01\"", "\"+2024-05-01\"",
        "\"2024-05-01T10:00:00.12345678901234567890Z\"", "\"\\u0032024-05-01\"", "\"99999-01-01\"", "\"-0001-01-01\"", "\"2024-5-1\"",
        "\"" + new string('9', 40) + "\"", "\"2024-05-01T10:00:00Z\"", "\"2024-05-01\"",
    };

    /// <summary>The tokens of a valid document: where each starts and ends (containers end at their closing token).</summary>
    private static List<(int Start, int End, JsonTokenType Type)> Tokens(byte[] json)
    {
        var tokens = new List<(int, int, JsonTokenType)>();
        var starts = new Stack<int>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            while (reader.Read())
            {
                int start = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        starts.Push(start);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        tokens.Add((starts.Pop(), start + 1, reader.TokenType == JsonTokenType.EndObject ? JsonTokenType.StartObject : JsonTokenType.StartArray));
                        break;
                    default:
                        int length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                        // Strings and names: the span excludes the quotes.
                        int end = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? start + length + 2 : start + length;
                        tokens.Add((start, end, reader.TokenType));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Already mutated into invalid JSON: use the tokens read so far.
        }
        return tokens;
    }

    public static byte[] Apply(byte[] json, IEnumerable<JsonMutation> mutations)
    {
        foreach (var mutation in mutations) json = Apply(json, mutation);
        return json;
    }

    public static byte[] Apply(byte[] json, JsonMutation m)
    {
        if (json.Length == 0) return Encoding.UTF8.GetBytes(Values[m.Choice % Values.Length]);
        int At(int count) => count <= 0 ? 0 : Math.Min(count - 1, (int)(m.A * count));
        switch (m.Kind)
        {
            case JsonMutationKind.FlipByte:
            {
                var copy = (byte[])json.Clone();
                int i = At(copy.Length);
                copy[i] = m.Choice % 3 == 0 ? (byte)m.Choice : (byte)(copy[i] ^ (1 << (m.Choice % 8)));
                return copy;
            }
            case JsonMutationKind.Truncate:
                return json.AsSpan(0, At(json.Length + 1)).ToArray();
            case JsonMutationKind.InsertJunk:
                return Splice(json, At(json.Length + 1), 0, Junk[m.Choice % Junk.Length]);
        }

        var tokens = Tokens(json);
        if (tokens.Count == 0) return json;
        var values = tokens.Where(t => t.Type != JsonTokenType.PropertyName).ToList();
        var names = tokens.Where(t => t.Type == JsonTokenType.PropertyName).ToList();
        // A truncated document may have read only property names: the value mutations then have nothing to change.
        if (values.Count == 0 && m.Kind is JsonMutationKind.SwapValue or JsonMutationKind.HugeNumber or JsonMutationKind.DeepNesting) return json;
        switch (m.Kind)
        {
            case JsonMutationKind.DeleteToken:
            {
                var t = tokens[At(tokens.Count)];
                return Splice(json, t.Start, t.End - t.Start, "");
            }
            case JsonMutationKind.DuplicateToken:
            {
                var t = tokens[At(tokens.Count)];
                return Splice(json, t.End, 0, (m.Choice % 2 == 0 ? "," : "") + Encoding.UTF8.GetString(json, t.Start, t.End - t.Start));
            }
            case JsonMutationKind.SwapValue:
            {
                var t = values[At(values.Count)];
                return Splice(json, t.Start, t.End - t.Start, Values[m.Choice % Values.Length]);
            }
            case JsonMutationKind.HugeNumber:
            {
                var candidates = values.Where(v => v.Type == JsonTokenType.Number).ToList();
                var t = candidates.Count > 0 && m.B < 0.8 ? candidates[At(candidates.Count)] : values[At(values.Count)];
                return Splice(json, t.Start, t.End - t.Start, Numbers[m.Choice % Numbers.Length]);
            }
            case JsonMutationKind.DeepNesting:
            {
                var t = values[At(values.Count)];
                int depth = 60 + (int)(Math.Pow(m.B, 3) * 10_000);
                string deep = m.Choice % 2 == 0
                    ? new string('[', depth) + "1" + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                return Splice(json, t.Start, t.End - t.Start, deep);
            }
            case JsonMutationKind.HostileString:
            {
                var strings = tokens.Where(v => v.Type is JsonTokenType.String or JsonTokenType.PropertyName).ToList();
                if (strings.Count == 0) return json;
                var t = strings[At(strings.Count)];
                string replacement = m.Choice % 17 == 0 ? "\"" + new string('y', 1 << 20) + "\"" : Strings[m.Choice % Strings.Length];
                return Splice(json, t.Start, t.End - t.Start, replacement);
            }
            case JsonMutationKind.DuplicateMember:
            {
                if (names.Count == 0) return json;
                var name = names[At(names.Count)];
                // The member's value starts after the name and its colon.
                var value = tokens.FirstOrDefault(v => v.Start > name.End && v.Type != JsonTokenType.PropertyName && v.Start <= name.End + 2);
                if (value.End == 0) return json;
                string member = Encoding.UTF8.GetString(json, name.Start, value.End - name.Start);
                return Splice(json, value.End, 0, "," + member);
            }
            case JsonMutationKind.RecaseMember:
            {
                if (names.Count == 0) return json;
                var t = names[At(names.Count)];
                string text = Encoding.UTF8.GetString(json, t.Start, t.End - t.Start);
                return Splice(json, t.Start, t.End - t.Start, m.Choice % 2 == 0 ? text.ToUpperInvariant() : text + " ");
            }
            case JsonMutationKind.BadDate:
            {
                var strings = values.Where(v => v.Type == JsonTokenType.String).ToList();
                if (strings.Count == 0) return json;
                var t = strings[At(strings.Count)];
                return Splice(json, t.Start, t.End - t.Start, Dates[m.Choice % Dates.Length]);
            }
        }
        return json;
    }

    private static byte[] Splice(byte[] json, int start, int remove, string insert)
    {
        start = Math.Clamp(start, 0, json.Length);
        remove = Math.Clamp(remove, 0, json.Length - start);
        byte[] inserted = Encoding.UTF8.GetBytes(insert);
        var result = new byte[json.Length - remove + inserted.Length];
        json.AsSpan(0, start).CopyTo(result);
        inserted.CopyTo(result.AsSpan(start));
        json.AsSpan(start + remove).CopyTo(result.AsSpan(start + inserted.Length));
        return result;
    }
}
