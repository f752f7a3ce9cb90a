using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace GenerationModels.Fuzz.Tests.Json;

/// <summary>
/// Writes valid JSON for a generated model from its CLR shape: required members always, optional ones absent, null or
/// set, unknown members after the declared ones, enum values listed or not, any case of a union. The output is written
/// by <see cref="Utf8JsonWriter"/> with default options, the form the generated converters write, so reading it and
/// writing it back must give the same bytes.
/// </summary>
public sealed class TypedJson
{
    private const int MaxModelDepth = 8;
    private readonly Random _random;
    private readonly bool _nonCanonical;

    private TypedJson(int seed, bool nonCanonical = false)
    {
        _random = new Random(seed);
        _nonCanonical = nonCanonical;
    }

    /// <summary>A member of the top-level model always written, with this raw JSON value (<see cref="WriteWith"/>).</summary>
    private (string JsonName, string Json)? _forced;

    /// <summary>Deep nesting past the reader's limit (64) was written: the input must fail with a JsonException naming the depth.</summary>
    public bool TooDeep { get; private set; }

    /// <summary>False when the shape could not be satisfied (a cycle of required members deeper than the limit).</summary>
    public bool Valid { get; private set; } = true;

    public static (byte[] Utf8, bool Valid) Write(Type model, int seed)
    {
        var json = new TypedJson(seed);
        using var pair = new JsonPair();
        json.Value(pair, model, 0);
        return (pair.Expected(), json.Valid);
    }

    /// <summary>Valid JSON for <paramref name="model"/> with its member <paramref name="jsonName"/> present and holding <paramref name="value"/> (raw JSON).</summary>
    public static (byte[] Utf8, bool Valid) WriteWith(Type model, int seed, string jsonName, string value)
    {
        var json = new TypedJson(seed) { _forced = (jsonName, value) };
        using var pair = new JsonPair();
        json.Value(pair, model, 0);
        return (pair.Expected(), json.Valid);
    }

    /// <summary>
    /// Valid JSON for <paramref name="model"/> in non-canonical spellings, and what reading it and writing it back must
    /// give: model members' scalars spelled as the writer would not (<c>1.0</c>, <c>1e5</c>, <c>1E+5</c>, <c>-0</c>,
    /// <c>0.10</c>, integers beyond <c>long</c>, date-times with <c>Z</c>, fraction digits or other offsets, numbers and
    /// booleans as strings where tolerant reading takes them) come back exactly (README "lossless scalars", "tolerant
    /// reading"); raw non-ASCII UTF-8 and unescaped HTML-sensitive characters in strings, and escaped member names, come
    /// back as the writer escapes them (README "round trips": normalised); unknown values nested up to 40 deep come back
    /// exactly, and nesting past the reader's depth limit of 64 is a JsonException (<see cref="TooDeep"/>).
    /// </summary>
    public static (byte[] Input, byte[] Expected, bool Valid, int NonCanonical, bool TooDeep) WriteNonCanonical(Type model, int seed)
    {
        var json = new TypedJson(seed, nonCanonical: true);
        using var pair = new JsonPair();
        json.Value(pair, model, 0);
        return (pair.Input(), pair.Expected(), json.Valid, pair.NonCanonical, json.TooDeep);
    }

    private bool Chance(int percent) => _random.Next(100) < percent;

    private void Value(JsonPair w, Type type, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Value(w, underlying, depth);
            return;
        }
        if (type == typeof(string)) w.WriteStringValue(Text(), raw: _nonCanonical && Chance(50));
        else if (type == typeof(long)) w.WriteNumberValue(Long());
        else if (type == typeof(double)) w.WriteNumberValue(Double());
        else if (type == typeof(decimal)) w.WriteNumberValue(Decimal());
        else if (type == typeof(bool)) w.WriteBooleanValue(Chance(50));
        else if (type == typeof(DateTimeOffset)) w.WriteStringValue(DateTime()); // as the converter writes it (no \u002B for '+')
        else if (type == typeof(DateOnly)) w.WriteStringValue(DateOnly.FromDayNumber(_random.Next(0, 3_652_058)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else if (type == typeof(JsonElement)) AnyJson(w, 0);
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            w.WriteStartArray();
            int count = depth > MaxModelDepth / 2 ? 0 : _random.Next(0, 4);
            for (int i = 0; i < count; i++) Value(w, type.GetGenericArguments()[0], depth + 1);
            w.WriteEndArray();
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            w.WriteStartObject();
            int count = depth > MaxModelDepth / 2 ? 0 : _random.Next(0, 4);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                string key = Text();
                if (!keys.Add(key)) continue;
                w.WritePropertyName(key);
                Value(w, type.GetGenericArguments()[1], depth + 1);
            }
            w.WriteEndObject();
        }
        else
        {
            switch (ModelShapes.KindOf(type))
            {
                case ModelShapes.Kind.Model:
                    Model(w, type, depth);
                    break;
                case ModelShapes.Kind.Enum:
                {
                    var values = ModelShapes.EnumValues(type);
                    var valueType = type.GetProperty("Value")!.PropertyType;
                    if (values.Count > 0 && Chance(80))
                    {
                        object known = values[_random.Next(values.Count)];
                        if (known is string s) w.WriteStringValue(s);
                        else if (known is long l) w.WriteNumberValue(l);
                        else w.WriteNumberValue((double)known);
                    }
                    else Value(w, valueType, depth); // a value the doc does not list: read, kept, written back
                    break;
                }
                case ModelShapes.Kind.Union:
                {
                    var cases = ModelShapes.Cases(type);
                    if (cases.Count == 0 || Chance(10)) AnyJson(w, 0);
                    else Value(w, cases[_random.Next(cases.Count)], depth + 1);
                    break;
                }
                case ModelShapes.Kind.Opaque:
                    AnyJson(w, 0);
                    break;
                default:
                    throw new InvalidOperationException("no JSON shape for " + type);
            }
        }
    }

    private void Model(JsonPair w, Type type, int depth)
    {
        w.WriteStartObject();
        var members = ModelShapes.Members(type);
        if (depth > MaxModelDepth && members.Any(m => m.Required && !m.Nullable))
        {
            Valid = false; // a chain of required members this deep: give up on validity, the object is cut short
            w.WriteEndObject();
            return;
        }
        foreach (var member in members)
        {
            bool deep = depth >= MaxModelDepth / 2;
            if (depth == 0 && _forced is { } forced && forced.JsonName == member.JsonName)
            {
                w.WritePropertyName(member.JsonName);
                w.WriteRawValue(forced.Json);
                continue;
            }
            if (!member.Required && (deep || Chance(30))) continue; // absent
            w.WritePropertyName(member.JsonName, escapeLetters: _nonCanonical && Chance(15));
            if (member.Nullable && (Chance(15) || (deep && !member.Required) || (deep && depth > MaxModelDepth))) w.WriteNullValue();
            else if (!(_nonCanonical && Chance(50) && NonCanonicalScalar(w, Nullable.GetUnderlyingType(member.Type) ?? member.Type))) Value(w, member.Type, depth + 1);
        }
        if (Chance(25) && type.GetProperty("AdditionalProperties") is not null)
        {
            var declared = new HashSet<string>(members.Select(m => m.JsonName), StringComparer.Ordinal);
            int extra = _random.Next(1, 4);
            for (int i = 0; i < extra; i++)
            {
                string name = "x_" + Text();
                if (!declared.Add(name)) continue;
                w.WritePropertyName(name, escapeLetters: _nonCanonical && Chance(10), raw: _nonCanonical && Chance(50));
                if (_nonCanonical && Chance(20)) Deep(w);
                else AnyJson(w, 0);
            }
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// A model member's scalar in a spelling the writer would not produce, kept and written back exactly (the expected
    /// text is the input text); false when <paramref name="type"/> is not a scalar.
    /// </summary>
    private bool NonCanonicalScalar(JsonPair w, Type type)
    {
        string? text = null;
        if (type == typeof(double)) text = Pick("1.0", "1e5", "1E+5", "-0", "-0.0", "0.10", "2.50", "1.5e-7", "12345678901234567890", "0.1000000000000000055511151231257827", "\"12.34\"", "\"-0.5e3\"");
        else if (type == typeof(decimal)) text = Pick("1.0", "-0", "0.10", "2.50", "12345678901234567890", "\"12.34\"");
        else if (type == typeof(long)) text = Pick("-0", "1.0", "1e2", "1E+3", "9.2e18", "\"12\"", "\"-7\"");
        else if (type == typeof(bool)) text = Pick("\"true\"", "\"false\"");
        else if (type == typeof(string)) text = Pick("12", "-0.50", "1e5", "true", "false");
        else if (type == typeof(DateTimeOffset)) text = "\"" + DateTimeText() + "\"";
        else if (type == typeof(DateOnly)) text = "\"" + DateTimeText() + "\""; // a full timestamp for a date member: its date, the text kept
        if (text is null) return false;
        w.WriteRawValue(text, text);
        return true;
    }

    private string Pick(params string[] spellings) => spellings[_random.Next(spellings.Length)];

    /// <summary>An RFC 3339 date-time in one of the spellings the writer does not produce: <c>Z</c>, 1 to 7 fraction digits (trailing zeros kept), offsets.</summary>
    private string DateTimeText()
    {
        string date = string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1900, 2100):0000}-{_random.Next(1, 13):00}-{_random.Next(1, 29):00}T{_random.Next(24):00}:{_random.Next(60):00}:{_random.Next(60):00}");
        string offset = _random.Next(4) switch
        {
            0 => "Z",
            1 => "+00:00",
            2 => "-05:30",
            _ => "+14:00",
        };
        // The writer spells a zero offset +00:00 and drops trailing zeros of the fraction: away from Z, the fraction
        // ends in a zero so the text is never the writer's own.
        int digits = offset == "Z" ? _random.Next(0, 8) : _random.Next(1, 8);
        string fraction = digits == 0 ? "" : "." + string.Concat(Enumerable.Range(0, digits).Select(i => i == digits - 1 && (offset != "Z" || Chance(50)) ? '0' : (char)('0' + _random.Next(10))));
        return date + fraction + offset;
    }

    /// <summary>An unknown value nested in arrays and objects: up to 40 deep (kept exactly), or now and then 70 deep (past the reader's limit of 64).</summary>
    private void Deep(JsonPair w)
    {
        bool tooDeep = Chance(5);
        int depth = tooDeep ? 70 : _random.Next(10, 41);
        TooDeep |= tooDeep;
        var closers = new Stack<bool>();
        for (int i = 0; i < depth; i++)
        {
            if (Chance(50))
            {
                w.WriteStartArray();
                closers.Push(true);
            }
            else
            {
                w.WriteStartObject();
                w.WritePropertyName("d" + i.ToString(CultureInfo.InvariantCulture), raw: true);
                closers.Push(false);
            }
        }
        // Unknown values keep their number spellings; a string's raw non-ASCII text is re-escaped.
        var (input, expected) = _random.Next(5) switch
        {
            0 => ("1.0", "1.0"),
            1 => ("-0", "-0"),
            2 => ("1e400", "1e400"),
            3 => ("\"é/<\"", "\"\\u00E9/\\u003C\""),
            _ => ("null", "null"),
        };
        w.WriteRawValue(input, expected);
        while (closers.Count > 0)
        {
            if (closers.Pop()) w.WriteEndArray();
            else w.WriteEndObject();
        }
    }

    private static readonly string[] Words = { "", "a", "pet", "in progress", "café", "名前", "😀", "\"quoted\"", "back\\slash", "line\nbreak", "\t", "\u0000", "\u001f", "</script>", "\u2028", "\u202E", "x-y", "1", "true", "null" };

    private string Text() => _random.Next(6) switch
    {
        0 => new string(Enumerable.Range(0, _random.Next(0, 40)).Select(_ => (char)_random.Next(0x20, 0x7F)).ToArray()),
        1 => new string('x', _random.Next(100, 5000)),
        _ => Words[_random.Next(Words.Length)],
    };

    private long Long() => _random.Next(8) switch
    {
        0 => long.MaxValue,
        1 => long.MinValue,
        2 => 0,
        _ => _random.NextInt64(-1_000_000_000_000, 1_000_000_000_000),
    };

    private double Double() => _random.Next(8) switch
    {
        0 => double.MaxValue,
        1 => double.Epsilon,
        2 => -0.0,
        3 => 1e-300,
        _ => Math.Round((_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-5, 20)), _random.Next(0, 8)),
    };

    private decimal Decimal() => _random.Next(6) switch
    {
        0 => decimal.MaxValue,
        1 => decimal.MinValue,
        2 => 0.0000000000000000000000000001m,
        _ => Math.Round((decimal)(_random.NextDouble() - 0.5) * 1_000_000m, _random.Next(0, 6)),
    };

    private DateTimeOffset DateTime()
    {
        var offset = TimeSpan.FromMinutes(_random.Next(-14 * 60, 14 * 60 + 1));
        long min = System.DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, max = System.DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay;
        return new DateTimeOffset(_random.NextInt64(min, max), offset);
    }

    /// <summary>Any JSON value, as a JsonElement member keeps it (numbers in their own spelling, even beyond double).</summary>
    private void AnyJson(JsonPair w, int depth)
    {
        switch (_random.Next(depth > 4 ? 5 : 8))
        {
            case 0: w.WriteNullValue(); break;
            case 1: w.WriteBooleanValue(Chance(50)); break;
            case 2: w.WriteStringValue(Text()); break;
            case 3: w.WriteRawValue(new[] { "0", "-0", "1e400", "123456789012345678901234567890", "1.0E+2", "-1.5e-300", "42" }[_random.Next(7)]); break;
            case 4: w.WriteNumberValue(Long()); break;
            case 5:
            case 6:
            {
                w.WriteStartArray();
                int count = _random.Next(0, 4);
                for (int i = 0; i < count; i++) AnyJson(w, depth + 1);
                w.WriteEndArray();
                break;
            }
            default:
            {
                w.WriteStartObject();
                int count = _random.Next(0, 4);
                for (int i = 0; i < count; i++)
                {
                    w.WritePropertyName("k" + i.ToString(CultureInfo.InvariantCulture));
                    AnyJson(w, depth + 1);
                }
                w.WriteEndObject();
                break;
            }
        }
    }
}
