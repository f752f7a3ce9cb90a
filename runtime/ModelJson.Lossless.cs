using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>
/// Lossless, tolerant members: the <c>Next…(ref reader, ref raw, slot)</c> readers accept every representable form of a
/// value (a number member given <c>"12.34"</c>, an integer member given <c>1.0</c>, a date member given a full
/// timestamp, a string member given a number or boolean) and, when the JSON text is not what the writer would produce
/// for the value read, keep that text in <see cref="RawValues"/> under the member's slot. The
/// <c>WriteMember(…, raw, slot)</c> writers write the kept text back while the member still holds the value read. A
/// canonical token is recognised from its bytes, so canonical payloads keep nothing and allocate nothing extra.
/// </summary>
public static partial class ModelJson
{
    /// <summary>The knob named by contract-violation errors.</summary>
    internal const string ContractKnob = "GenerationModelsContractViolations";

    private static ReadOnlySpan<byte> NullText => "null"u8;

    // ---- strings ---------------------------------------------------------------------------------------------------

    /// <summary>Reads a string member; a number or boolean is taken as its JSON text and written back as it was.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string NextString(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        return reader.TokenType == JsonTokenType.String ? reader.GetString()! : ReadStringSlow(ref reader, ref raw, slot, nullable: false)!;
    }

    /// <summary>As <see cref="NextString(ref Utf8JsonReader, ref RawValues, int)"/>; JSON null gives null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? NextStringOrNull(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        return reader.TokenType == JsonTokenType.String ? reader.GetString()! : ReadStringSlow(ref reader, ref raw, slot, nullable: true);
    }

    private static string? ReadStringSlow(ref Utf8JsonReader reader, ref RawValues raw, int slot, bool nullable)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                if (nullable) return null;
                NullViolation(ref reader, ref raw, slot, "a JSON string");
                return null;
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                byte[] text = TokenText(ref reader);
                string value = Encoding.UTF8.GetString(text);
                raw.Add(slot, text, 0, 0, value);
                return value;
            default:
                throw ModelJsonErrors.WrongToken(ref reader, "a JSON string");
        }
    }

    /// <summary>Writes a string member, or the text it was read from while it holds the value read.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, string? value, RawValues raw, int slot)
    {
        if (raw.Count != 0 && WriteKept(writer, name, raw, slot, value is null, 0, 0, value)) return;
        WriteMember(writer, name, value);
    }

    // ---- integers --------------------------------------------------------------------------------------------------

    /// <summary>Reads an integer member: a JSON integer, an integral number in another form (<c>1.0</c>, <c>1e3</c>) or a numeric string.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long NextInt64(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        return KeepInt64(ref reader, ref raw, slot);
    }

    /// <summary>As <see cref="NextInt64(ref Utf8JsonReader, ref RawValues, int)"/>; JSON null gives null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long? NextInt64OrNull(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => ToValueIsNull(ref reader) ? null : KeepInt64(ref reader, ref raw, slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long KeepInt64(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        // A JSON integer that fits is canonical, except "-0".
        if (reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && reader.TryGetInt64(out long value)
            && (value != 0 || reader.ValueSpan.Length == 1))
        {
            return value;
        }
        return ReadInt64Slow(ref reader, ref raw, slot);
    }

    private static long ReadInt64Slow(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long exact))
                {
                    KeepUnlessCanonical(ref reader, ref raw, slot, exact, 0, static (w, v) => w.WriteNumberValue(v));
                    return exact;
                }
                if (reader.TryGetDecimal(out decimal number) && IntegralInt64(number, out long integral))
                {
                    raw.Add(slot, TokenText(ref reader), integral, 0, null);
                    return integral;
                }
                throw NumberError(ref reader, "Int64");
            case JsonTokenType.String:
                if (TryParseNumberString(ref reader, out decimal parsed) && IntegralInt64(parsed, out long fromString))
                {
                    raw.Add(slot, TokenText(ref reader), fromString, 0, null);
                    return fromString;
                }
                throw ModelJsonErrors.BadString(ref reader, "a JSON integer or an integer string that fits Int64");
            case JsonTokenType.Null:
                NullViolation(ref reader, ref raw, slot, "a JSON number");
                return 0;
            default:
                throw NumberError(ref reader, "Int64");
        }
    }

    /// <summary>Writes an integer member, or the text it was read from while it holds the value read.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, long value, RawValues raw, int slot)
    {
        if (raw.Count != 0 && WriteKept(writer, name, raw, slot, value == 0, value, 0, null)) return;
        writer.WriteNumber(name, value);
    }

    /// <summary>As <see cref="WriteMember(Utf8JsonWriter, JsonEncodedText, long, RawValues, int)"/>; JSON null for null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, long? value, RawValues raw, int slot)
    {
        if (value is { } v) WriteMember(writer, name, v, raw, slot);
        else WriteNullMember(writer, name, raw, slot);
    }

    // ---- doubles ---------------------------------------------------------------------------------------------------

    /// <summary>Reads a number member: a finite JSON number or a numeric string.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NextDouble(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        return KeepDouble(ref reader, ref raw, slot);
    }

    /// <summary>As <see cref="NextDouble(ref Utf8JsonReader, ref RawValues, int)"/>; JSON null gives null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double? NextDoubleOrNull(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => ToValueIsNull(ref reader) ? null : KeepDouble(ref reader, ref raw, slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double KeepDouble(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        if (reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && reader.TryGetDouble(out double value)
            && !double.IsInfinity(value) && !double.IsNaN(value) && DoubleTextIsCanonical(reader.ValueSpan))
        {
            return value;
        }
        return ReadDoubleSlow(ref reader, ref raw, slot);
    }

    private static double ReadDoubleSlow(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDouble(out double value) && !double.IsInfinity(value) && !double.IsNaN(value))
                {
                    KeepUnlessCanonical(ref reader, ref raw, slot, value, 0, static (w, v) => w.WriteNumberValue(v));
                    return value;
                }
                throw NumberError(ref reader, "Double");
            case JsonTokenType.String:
                if (TryParseNumberString(ref reader, out double parsed))
                {
                    raw.Add(slot, TokenText(ref reader), BitConverter.DoubleToInt64Bits(parsed), 0, null);
                    return parsed;
                }
                throw ModelJsonErrors.BadString(ref reader, "a JSON number or a numeric string");
            case JsonTokenType.Null:
                NullViolation(ref reader, ref raw, slot, "a JSON number");
                return 0;
            default:
                throw NumberError(ref reader, "Double");
        }
    }

    /// <summary>Writes a number member, or the text it was read from while it holds the value read.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, double value, RawValues raw, int slot)
    {
        if (raw.Count != 0)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            if (WriteKept(writer, name, raw, slot, bits == 0, bits, 0, null)) return;
        }
        WriteMember(writer, name, value);
    }

    /// <summary>As <see cref="WriteMember(Utf8JsonWriter, JsonEncodedText, double, RawValues, int)"/>; JSON null for null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, double? value, RawValues raw, int slot)
    {
        if (value is { } v) WriteMember(writer, name, v, raw, slot);
        else WriteNullMember(writer, name, raw, slot);
    }

    // ---- decimals --------------------------------------------------------------------------------------------------

    /// <summary>Reads a decimal member: a JSON number or a numeric string.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal NextDecimal(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        return KeepDecimal(ref reader, ref raw, slot);
    }

    /// <summary>As <see cref="NextDecimal(ref Utf8JsonReader, ref RawValues, int)"/>; JSON null gives null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? NextDecimalOrNull(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => ToValueIsNull(ref reader) ? null : KeepDecimal(ref reader, ref raw, slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static decimal KeepDecimal(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        if (reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && DecimalTextIsCanonical(reader.ValueSpan)
            && reader.TryGetDecimal(out decimal value))
        {
            return value;
        }
        return ReadDecimalSlow(ref reader, ref raw, slot);
    }

    private static decimal ReadDecimalSlow(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out decimal value))
                {
                    if (!SameAsCanonical(ref reader, value, static (w, v) => w.WriteNumberValue(v)))
                    {
                        raw.Add(slot, TokenText(ref reader), 0, 0, value);
                    }
                    return value;
                }
                throw NumberError(ref reader, "Decimal");
            case JsonTokenType.String:
                if (TryParseNumberString(ref reader, out decimal parsed))
                {
                    raw.Add(slot, TokenText(ref reader), 0, 0, parsed);
                    return parsed;
                }
                throw ModelJsonErrors.BadString(ref reader, "a JSON number or a numeric string that fits Decimal");
            case JsonTokenType.Null:
                NullViolation(ref reader, ref raw, slot, "a JSON number");
                return 0;
            default:
                throw NumberError(ref reader, "Decimal");
        }
    }

    /// <summary>Writes a decimal member, or the text it was read from while it holds the value read (scale included).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, decimal value, RawValues raw, int slot)
    {
        if (raw.Count != 0 && raw.TryGet(slot, out RawEntry entry))
        {
            bool same = entry.O is decimal kept ? kept == value && Scale(kept) == Scale(value) : entry.O is null && value == 0m && Scale(value) == 0;
            if (same && WriteEntry(writer, name, entry)) return;
        }
        writer.WriteNumber(name, value);
    }

    /// <summary>As <see cref="WriteMember(Utf8JsonWriter, JsonEncodedText, decimal, RawValues, int)"/>; JSON null for null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, decimal? value, RawValues raw, int slot)
    {
        if (value is { } v) WriteMember(writer, name, v, raw, slot);
        else WriteNullMember(writer, name, raw, slot);
    }

    private static int Scale(decimal value)
    {
#if NET7_0_OR_GREATER
        return value.Scale;
#else
        return (decimal.GetBits(value)[3] >> 16) & 0xFF;
#endif
    }

    // ---- booleans --------------------------------------------------------------------------------------------------

    /// <summary>Reads a boolean member.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextBoolean(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => ReadBooleanSlow(ref reader, ref raw, slot),
        };
    }

    /// <summary>As <see cref="NextBoolean(ref Utf8JsonReader, ref RawValues, int)"/>; JSON null gives null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? NextBooleanOrNull(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => ToValueIsNull(ref reader) ? null : reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => ReadBooleanSlow(ref reader, ref raw, slot),
        };

    private static bool ReadBooleanSlow(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            // "true" / "false" as strings: the value they name, written back as strings.
            bool? named = reader.ValueSpan.SequenceEqual("true"u8) ? true : reader.ValueSpan.SequenceEqual("false"u8) ? false : null;
            if (named is { } value)
            {
                raw.Add(slot, TokenText(ref reader), value ? 1 : 0, 0, null);
                return value;
            }
        }
        if (reader.TokenType == JsonTokenType.Null)
        {
            NullViolation(ref reader, ref raw, slot, "a JSON boolean");
            return false;
        }
        throw ModelJsonErrors.WrongToken(ref reader, "a JSON boolean");
    }

    /// <summary>Writes a boolean member, or the text it was read from while it holds the value read.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, bool value, RawValues raw, int slot)
    {
        if (raw.Count != 0 && WriteKept(writer, name, raw, slot, !value, value ? 1 : 0, 0, null)) return;
        writer.WriteBoolean(name, value);
    }

    /// <summary>As <see cref="WriteMember(Utf8JsonWriter, JsonEncodedText, bool, RawValues, int)"/>; JSON null for null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, bool? value, RawValues raw, int slot)
    {
        if (value is { } v) WriteMember(writer, name, v, raw, slot);
        else WriteNullMember(writer, name, raw, slot);
    }

    // ---- date-times ------------------------------------------------------------------------------------------------

    /// <summary>Reads a date-time member (ISO 8601; a date alone is midnight UTC), keeping <c>Z</c>, fraction digits and offsets as written.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset NextDateTimeOffset(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        return KeepDateTimeOffset(ref reader, ref raw, slot);
    }

    /// <summary>As <see cref="NextDateTimeOffset(ref Utf8JsonReader, ref RawValues, int)"/>; JSON null gives null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset? NextDateTimeOffsetOrNull(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => ToValueIsNull(ref reader) ? null : KeepDateTimeOffset(ref reader, ref raw, slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static DateTimeOffset KeepDateTimeOffset(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && DateTimeTextIsCanonical(reader.ValueSpan) && reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            return value;
        }
        return ReadDateTimeOffsetSlow(ref reader, ref raw, slot);
    }

    private static DateTimeOffset ReadDateTimeOffsetSlow(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            KeepUnlessCanonical(ref reader, ref raw, slot, value.Ticks, value.Offset.Ticks, value, static (w, v) => w.WriteStringValue(v));
            return value;
        }
        if (reader.TokenType == JsonTokenType.Null)
        {
            NullViolation(ref reader, ref raw, slot, "a JSON string with an ISO 8601 date-time");
            return default;
        }
        throw reader.TokenType == JsonTokenType.String
            ? ModelJsonErrors.BadString(ref reader, "an ISO 8601 date-time string")
            : ModelJsonErrors.WrongToken(ref reader, "a JSON string with an ISO 8601 date-time");
    }

    /// <summary>Writes a date-time member, or the text it was read from while it holds the value read (offset included).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value, RawValues raw, int slot)
    {
        if (raw.Count != 0 && WriteKept(writer, name, raw, slot, value.Ticks == 0 && value.Offset.Ticks == 0, value.Ticks, value.Offset.Ticks, null)) return;
        writer.WriteString(name, value);
    }

    /// <summary>As <see cref="WriteMember(Utf8JsonWriter, JsonEncodedText, DateTimeOffset, RawValues, int)"/>; JSON null for null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value, RawValues raw, int slot)
    {
        if (value is { } v) WriteMember(writer, name, v, raw, slot);
        else WriteNullMember(writer, name, raw, slot);
    }

#if NET6_0_OR_GREATER
    // ---- dates -----------------------------------------------------------------------------------------------------

    /// <summary>Reads a date member: <c>yyyy-MM-dd</c>, or a full timestamp, whose date (in its own offset) is taken.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value.</returns>
    public static DateOnly NextDateOnly(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        return KeepDateOnly(ref reader, ref raw, slot);
    }

    /// <summary>As <see cref="NextDateOnly(ref Utf8JsonReader, ref RawValues, int)"/>; JSON null gives null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value, or null.</returns>
    public static DateOnly? NextDateOnlyOrNull(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => ToValueIsNull(ref reader) ? null : KeepDateOnly(ref reader, ref raw, slot);

    private static DateOnly KeepDateOnly(ref Utf8JsonReader reader, ref RawValues raw, int slot)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length == 10)
        {
            return ReadDateOnly(ref reader);
        }
        if (reader.TokenType == JsonTokenType.String)
        {
            DateOnly date;
            if (reader.TryGetDateTimeOffset(out DateTimeOffset timestamp))
            {
                date = DateOnly.FromDateTime(timestamp.DateTime);
            }
            else
            {
                date = ReadDateOnly(ref reader); // an escaped yyyy-MM-dd, or the error
            }
            raw.Add(slot, TokenText(ref reader), date.DayNumber, 0, null);
            return date;
        }
        if (reader.TokenType == JsonTokenType.Null)
        {
            NullViolation(ref reader, ref raw, slot, "a JSON string with a yyyy-MM-dd date");
            return default;
        }
        return ReadDateOnly(ref reader); // throws: not a string
    }

    /// <summary>Writes a date member, or the text it was read from while it holds the value read.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateOnly value, RawValues raw, int slot)
    {
        if (raw.Count != 0 && WriteKept(writer, name, raw, slot, value.DayNumber == 0, value.DayNumber, 0, null)) return;
        WriteMember(writer, name, value);
    }

    /// <summary>As <see cref="WriteMember(Utf8JsonWriter, JsonEncodedText, DateOnly, RawValues, int)"/>; JSON null for null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value, RawValues raw, int slot)
    {
        if (value is { } v) WriteMember(writer, name, v, raw, slot);
        else WriteNullMember(writer, name, raw, slot);
    }
#endif

    // ---- members of any other type: lenient null and absent required members --------------------------------------

    /// <summary>
    /// Reads a member with <paramref name="converter"/>; JSON null is the converter's to judge, except that a lenient
    /// read (<see cref="RawValues.Lenient"/>) takes it as the default value and writes it back as null.
    /// </summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Next<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        // Only the member's own null takes the slow path: an error inside the value keeps its path and message as is.
        return reader.TokenType == JsonTokenType.Null ? NextNull(ref reader, converter, options, ref raw, slot) : converter.Read(ref reader, typeof(T), options)!;
    }

    /// <summary>JSON null for a member read with a converter: the default value (lenient), or the converter's judgement with the knob named.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T NextNull<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options, ref RawValues raw, int slot)
    {
        if (raw.IsLenient)
        {
            raw.Add(slot, NullText.ToArray(), 0, 0, null);
            return default!;
        }
        try
        {
            return converter.Read(ref reader, typeof(T), options)!;
        }
        catch (JsonException exception)
        {
            throw new JsonException(exception.Message + NullHint, exception);
        }
    }

    /// <summary>Reads a list member; JSON null as in <see cref="Next{T}(ref Utf8JsonReader, JsonConverter{T}, JsonSerializerOptions, ref RawValues, int)"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="item">The element converter.</param>
    /// <param name="options">Passed to <paramref name="item"/>.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The list.</returns>
    public static FrozenList<T> NextList<T>(ref Utf8JsonReader reader, JsonConverter<T> item, JsonSerializerOptions options, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            NullViolation(ref reader, ref raw, slot, "a JSON array");
            return null!;
        }
        return ReadList(ref reader, item, options);
    }

    /// <summary>Reads a map member; JSON null as in <see cref="Next{T}(ref Utf8JsonReader, JsonConverter{T}, JsonSerializerOptions, ref RawValues, int)"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="value">The value converter.</param>
    /// <param name="options">Passed to <paramref name="value"/>.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    /// <returns>The map.</returns>
    public static FrozenMap<T> NextMap<T>(ref Utf8JsonReader reader, JsonConverter<T> value, JsonSerializerOptions options, ref RawValues raw, int slot)
    {
        ToValue(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            NullViolation(ref reader, ref raw, slot, "a JSON object");
            return null!;
        }
        return ReadMap(ref reader, value, options);
    }

    /// <summary>Writes a member with <paramref name="converter"/>; nothing while it is null and was absent from a lenient read.</summary>
    /// <typeparam name="T">The member's type, a class.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteObject<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonConverter<T> converter, JsonSerializerOptions options, RawValues raw, int slot)
        where T : class
    {
        if (value is null && raw.Count != 0 && IsAbsent(raw, slot)) return;
        WriteObject(writer, name, value, converter, options);
    }

    /// <summary>Writes a member with <paramref name="converter"/>; nothing while it is the default and was absent from a lenient read.</summary>
    /// <typeparam name="T">The member's type, a struct.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteStruct<T>(Utf8JsonWriter writer, JsonEncodedText name, T value, JsonConverter<T> converter, JsonSerializerOptions options, RawValues raw, int slot)
        where T : struct
    {
        if (raw.Count != 0 && raw.TryGet(slot, out RawEntry entry) && System.Collections.Generic.EqualityComparer<T>.Default.Equals(value, default)
            && WriteEntry(writer, name, entry))
        {
            return;
        }
        WriteStruct(writer, name, value, converter, options);
    }

    /// <summary>As <see cref="WriteStruct{T}(Utf8JsonWriter, JsonEncodedText, T, JsonConverter{T}, JsonSerializerOptions, RawValues, int)"/>, for a nullable member.</summary>
    /// <typeparam name="T">The member's type, a struct.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteStruct<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonConverter<T> converter, JsonSerializerOptions options, RawValues raw, int slot)
        where T : struct
    {
        if (value is null && raw.Count != 0 && IsAbsent(raw, slot)) return;
        WriteStruct(writer, name, value, converter, options);
    }

    /// <summary>Writes a list member; nothing while it is null and was absent from a lenient read.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="list">The elements.</param>
    /// <param name="item">The element converter.</param>
    /// <param name="options">Passed to <paramref name="item"/>.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, System.Collections.Generic.IReadOnlyList<T>? list, JsonConverter<T> item, JsonSerializerOptions options, RawValues raw, int slot)
    {
        if (list is null && raw.Count != 0 && IsAbsent(raw, slot)) return;
        WriteList(writer, name, list, item, options);
    }

    /// <summary>Writes a map member; nothing while it is null and was absent from a lenient read.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="map">The members.</param>
    /// <param name="value">The value converter.</param>
    /// <param name="options">Passed to <paramref name="value"/>.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteMap<T>(Utf8JsonWriter writer, JsonEncodedText name, System.Collections.Generic.IReadOnlyDictionary<string, T>? map, JsonConverter<T> value, JsonSerializerOptions options, RawValues raw, int slot)
    {
        if (map is null && raw.Count != 0 && IsAbsent(raw, slot)) return;
        WriteMap(writer, name, map, value, options);
    }

    // ---- shared ----------------------------------------------------------------------------------------------------

    private const string NullHint = " The doc says this member is not nullable; to read such payloads set the MSBuild property " + ContractKnob + " to Lenient.";

    /// <summary>JSON null for a member that is not nullable: kept (lenient) or a <see cref="JsonException"/> naming the knob.</summary>
    private static void NullViolation(ref Utf8JsonReader reader, ref RawValues raw, int slot, string expected)
    {
        if (!raw.IsLenient)
        {
            throw new JsonException("Expected " + expected + ", got null." + NullHint);
        }
        raw.Add(slot, NullText.ToArray(), 0, 0, null);
    }

    private static bool IsAbsent(RawValues raw, int slot) => raw.TryGet(slot, out RawEntry entry) && entry.IsAbsent;

    /// <summary>Writes JSON null, or nothing when the member was absent from a lenient read.</summary>
    private static void WriteNullMember(Utf8JsonWriter writer, JsonEncodedText name, RawValues raw, int slot)
    {
        if (raw.Count != 0 && IsAbsent(raw, slot)) return;
        writer.WriteNull(name);
    }

    /// <summary>
    /// Writes the kept text of <paramref name="slot"/> when the member still holds the value read
    /// (<paramref name="a"/>, <paramref name="b"/>, <paramref name="o"/>; an absent member or a lenient null matches
    /// only the default value, <paramref name="isDefault"/>). False when nothing was written.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool WriteKept(Utf8JsonWriter writer, JsonEncodedText name, RawValues raw, int slot, bool isDefault, long a, long b, string? o)
    {
        if (!raw.TryGet(slot, out RawEntry entry)) return false;
        bool same = entry.IsAbsent || (entry.O is null && entry.Text.AsSpan().SequenceEqual(NullText))
            ? isDefault
            : entry.A == a && entry.B == b && (entry.O is not string kept || string.Equals(kept, o, StringComparison.Ordinal));
        return same && WriteEntry(writer, name, entry);
    }

    private static bool WriteEntry(Utf8JsonWriter writer, JsonEncodedText name, RawEntry entry)
    {
        if (entry.IsAbsent) return true;
        writer.WritePropertyName(name);
        writer.WriteRawValue(entry.Text, skipInputValidation: true);
        return true;
    }

    /// <summary>The token's whole JSON text: a string with its quotes and escapes as they were.</summary>
    private static byte[] TokenText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                byte[] value = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
                byte[] text = new byte[value.Length + 2];
                text[0] = (byte)'"';
                value.CopyTo(text, 1);
                text[text.Length - 1] = (byte)'"';
                return text;
            case JsonTokenType.Null:
                return NullText.ToArray();
            default:
                return reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        }
    }

    /// <summary>Keeps the token's text unless it is exactly what the writer produces for <paramref name="value"/>.</summary>
    private static void KeepUnlessCanonical<T>(ref Utf8JsonReader reader, ref RawValues raw, int slot, T value, long b, Action<Utf8JsonWriter, T> write)
        where T : struct
    {
        if (SameAsCanonical(ref reader, value, write)) return;
        long a = value switch
        {
            double d => BitConverter.DoubleToInt64Bits(d),
            long l => l,
            _ => 0,
        };
        raw.Add(slot, TokenText(ref reader), a, b, null);
    }

    private static void KeepUnlessCanonical(ref Utf8JsonReader reader, ref RawValues raw, int slot, long a, long b, DateTimeOffset value, Action<Utf8JsonWriter, DateTimeOffset> write)
    {
        if (SameAsCanonical(ref reader, value, write)) return;
        raw.Add(slot, TokenText(ref reader), a, b, null);
    }

    /// <summary>Whether the token's text is byte for byte what <paramref name="write"/> produces (the exact check, off the fast path).</summary>
    private static bool SameAsCanonical<T>(ref Utf8JsonReader reader, T value, Action<Utf8JsonWriter, T> write)
    {
        if (reader.ValueIsEscaped) return false;
        var writer = CanonicalText.Begin();
        write(writer, value);
        ReadOnlySpan<byte> canonical = CanonicalText.Written();
        bool quoted = reader.TokenType == JsonTokenType.String;
        if (quoted)
        {
            if (canonical.Length < 2 || canonical[0] != '"') return false;
            canonical = canonical.Slice(1, canonical.Length - 2);
        }
        if (reader.HasValueSequence)
        {
            return reader.ValueSequence.Length == canonical.Length && System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence).AsSpan().SequenceEqual(canonical);
        }
        return reader.ValueSpan.SequenceEqual(canonical);
    }

    /// <summary>
    /// Whether a JSON number's text is certainly the writer's text for the double it parses to (shortest round trip):
    /// at most 15 significant digits (which a double keeps exactly, so no shorter text names it), no exponent, no
    /// trailing fraction zero, no <c>-0</c>, and within the range the writer prints without an exponent. False sends
    /// the token to the exact check.
    /// </summary>
    internal static bool DoubleTextIsCanonical(ReadOnlySpan<byte> s)
    {
#if NETCOREAPP3_0_OR_GREATER
        int i = s.Length > 0 && s[0] == '-' ? 1 : 0;
        if (i >= s.Length) return false;
        if (s[i] == '0')
        {
            if (i + 1 == s.Length) return i == 0; // "0"; "-0" is checked exactly
            if (s[i + 1] != '.') return false;
            int j = i + 2, zeros = 0;
            while (j < s.Length && s[j] == '0') { zeros++; j++; }
            if (zeros >= 4) return false; // 0.00001 is written 1E-05
            int start = j;
            while (j < s.Length && (uint)(s[j] - '0') <= 9) j++;
            return j == s.Length && j > start && j - start <= 15 && s[j - 1] != '0';
        }
        int k = i;
        while (k < s.Length && (uint)(s[k] - '0') <= 9) k++;
        int integerDigits = k - i;
        if (k == s.Length) return integerDigits <= 15;
        if (s[k] != '.') return false;
        int fraction = ++k;
        while (k < s.Length && (uint)(s[k] - '0') <= 9) k++;
        return k == s.Length && k > fraction && s[k - 1] != '0' && integerDigits + (k - fraction) <= 15;
#else
        return false; // the writer's double format varies by platform here: always the exact check
#endif
    }

    /// <summary>
    /// Whether a JSON number's text is certainly the writer's text for the decimal it parses to (the writer keeps the
    /// scale): no exponent, no <c>-0…</c>, at most 28 characters (so no digit is rounded away).
    /// </summary>
    internal static bool DecimalTextIsCanonical(ReadOnlySpan<byte> s)
    {
        if (s.Length == 0 || s.Length > 28) return false;
        if (s[0] == '-' && s.Length > 1 && s[1] == '0') return false;
        return s.IndexOfAny((byte)'e', (byte)'E') < 0;
    }

    /// <summary>
    /// Whether an unescaped date-time string is certainly the writer's text for the value it parses to:
    /// <c>yyyy-MM-ddTHH:mm:ss[.fffffff]±hh:mm</c> with 1–7 fraction digits, the last not 0, and no <c>-00:00</c>.
    /// </summary>
    internal static bool DateTimeTextIsCanonical(ReadOnlySpan<byte> s)
    {
        int length = s.Length;
        if (length != 25 && (length < 27 || length > 33)) return false;
        if (s[10] != 'T' || s[length - 3] != ':') return false;
        byte sign = s[length - 6];
        if (sign != '+' && !(sign == '-' && !s.Slice(length - 5).SequenceEqual("00:00"u8))) return false;
        return length == 25 || (s[19] == '.' && s[length - 7] != '0');
    }

    private static bool IntegralInt64(decimal value, out long result)
    {
        if (value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue)
        {
            result = (long)value;
            return true;
        }
        result = 0;
        return false;
    }

    /// <summary>A numeric string: the JSON number grammar inside quotes (no spaces, no <c>+</c>, no hex, no NaN).</summary>
    private static bool TryParseNumberString(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        string text = reader.GetString()!;
        return JsonNumberText(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseNumberString(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        string text = reader.GetString()!;
        return JsonNumberText(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && !double.IsInfinity(value) && !double.IsNaN(value);
    }

    /// <summary>RFC 8259's number grammar: <c>-? int frac? exp?</c>.</summary>
    private static bool JsonNumberText(string s)
    {
        int i = 0, n = s.Length;
        if (i < n && s[i] == '-') i++;
        if (i >= n) return false;
        if (s[i] == '0') i++;
        else if (s[i] >= '1' && s[i] <= '9') { while (i < n && s[i] >= '0' && s[i] <= '9') i++; }
        else return false;
        if (i < n && s[i] == '.')
        {
            int start = ++i;
            while (i < n && s[i] >= '0' && s[i] <= '9') i++;
            if (i == start) return false;
        }
        if (i < n && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < n && (s[i] == '+' || s[i] == '-')) i++;
            int start = i;
            while (i < n && s[i] >= '0' && s[i] <= '9') i++;
            if (i == start) return false;
        }
        return i == n;
    }
}
