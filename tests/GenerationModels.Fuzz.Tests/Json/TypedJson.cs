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

    private TypedJson(int seed) => _random = new Random(seed);

    /// <summary>False when the shape could not be satisfied (a cycle of required members deeper than the limit).</summary>
    public bool Valid { get; private set; } = true;

    public static (byte[] Utf8, bool Valid) Write(Type model, int seed)
    {
        var json = new TypedJson(seed);
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            json.Value(writer, model, 0);
        }
        return (stream.ToArray(), json.Valid);
    }

    private bool Chance(int percent) => _random.Next(100) < percent;

    private void Value(Utf8JsonWriter w, Type type, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Value(w, underlying, depth);
            return;
        }
        if (type == typeof(string)) w.WriteStringValue(Text());
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

    private void Model(Utf8JsonWriter w, Type type, int depth)
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
            if (!member.Required && (deep || Chance(30))) continue; // absent
            w.WritePropertyName(member.JsonName);
            if (member.Nullable && (Chance(15) || (deep && !member.Required) || (deep && depth > MaxModelDepth))) w.WriteNullValue();
            else Value(w, member.Type, depth + 1);
        }
        if (Chance(25) && type.GetProperty("AdditionalProperties") is not null)
        {
            var declared = new HashSet<string>(members.Select(m => m.JsonName), StringComparer.Ordinal);
            int extra = _random.Next(1, 4);
            for (int i = 0; i < extra; i++)
            {
                string name = "x_" + Text();
                if (!declared.Add(name)) continue;
                w.WritePropertyName(name);
                AnyJson(w, 0);
            }
        }
        w.WriteEndObject();
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
    private void AnyJson(Utf8JsonWriter w, int depth)
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
