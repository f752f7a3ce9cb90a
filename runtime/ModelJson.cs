using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>
/// Helpers called by generated <see cref="JsonConverter{T}"/>s. Readers expect <see cref="Utf8JsonReader"/> on the value
/// token and leave it on the value's last token. Every failure is a <see cref="JsonException"/>: a wrong token or JSON
/// null gives <c>Expected a JSON string, got null.</c>, a number out of range
/// <c>Expected a JSON number that fits Int64, got 1e400.</c>. Those exceptions carry no path; <see cref="AtMember"/> and
/// <see cref="AtIndex"/> add one segment per level on the way up, giving e.g. <c>$.data[3].id</c>.
/// </summary>
public static partial class ModelJson
{
    /// <summary>The <see cref="Exception.Data"/> key under which a path-carrying exception keeps the message without the path.</summary>
    private const string RootMessageKey = "GenerationModels.Runtime.RootMessage";

    // ---- objects -------------------------------------------------------------------------------------------------

    /// <summary>Throws unless the reader is on <see cref="JsonTokenType.StartObject"/>.</summary>
    /// <param name="reader">The reader, on the value that should be an object.</param>
    /// <param name="typeName">The model's name, used in the message (<c>Expected a JSON object for Pet, got null.</c>).</param>
    /// <exception cref="JsonException">The token is not the start of an object.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw ModelJsonErrors.WrongToken(ref reader, "a JSON object for " + typeName);
        }
    }

    /// <summary>
    /// Reads the next token of an object: true when it is a property name (the reader is on it), false at the end of
    /// the object. Comments are skipped.
    /// </summary>
    /// <param name="reader">The reader, on the object's start or on the last token of the previous member's value.</param>
    /// <returns>True on a property name; false on <see cref="JsonTokenType.EndObject"/>.</returns>
    /// <exception cref="JsonException">The data ends early or another token follows.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw ModelJsonErrors.EndOfData("inside an object");
        }
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            return true;
        }
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }
        return NextPropertySlow(ref reader);
    }

    private static bool NextPropertySlow(ref Utf8JsonReader reader)
    {
        while (reader.TokenType == JsonTokenType.Comment)
        {
            if (!reader.Read())
            {
                throw ModelJsonErrors.EndOfData("inside an object");
            }
        }
        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw ModelJsonErrors.WrongToken(ref reader, "a JSON property name or the end of the object"),
        };
    }

    // ---- values --------------------------------------------------------------------------------------------------

    /// <summary>Reads a JSON string.</summary>
    /// <param name="reader">The reader, on the value token.</param>
    /// <returns>The unescaped string.</returns>
    /// <exception cref="JsonException">The token is not a string (JSON null included).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }
        throw ModelJsonErrors.WrongToken(ref reader, "a JSON string");
    }

    /// <summary>Reads a JSON number as <see cref="long"/>.</summary>
    /// <param name="reader">The reader, on the value token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is not an integer that fits <see cref="long"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value))
        {
            return value;
        }
        throw NumberError(ref reader, "Int64");
    }

    /// <summary>Reads a JSON number as <see cref="double"/>.</summary>
    /// <param name="reader">The reader, on the value token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is beyond the range of <see cref="double"/> (e.g. <c>1e400</c>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        // Overflow (1e400) is not a value: some System.Text.Json versions report it as infinity.
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value) && !double.IsInfinity(value) && !double.IsNaN(value))
        {
            return value;
        }
        throw NumberError(ref reader, "Double");
    }

    /// <summary>Reads a JSON number as <see cref="decimal"/>.</summary>
    /// <param name="reader">The reader, on the value token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number does not fit <see cref="decimal"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal value))
        {
            return value;
        }
        throw NumberError(ref reader, "Decimal");
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    /// <param name="reader">The reader, on the value token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a boolean.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                throw ModelJsonErrors.WrongToken(ref reader, "a JSON boolean");
        }
    }

    /// <summary>Reads an ISO 8601 date-time string (the forms <see cref="Utf8JsonReader.TryGetDateTimeOffset"/> accepts).</summary>
    /// <param name="reader">The reader, on the value token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a string, or the string is not an ISO 8601 date-time.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            return value;
        }
        throw reader.TokenType == JsonTokenType.String
            ? ModelJsonErrors.BadString(ref reader, "an ISO 8601 date-time string")
            : ModelJsonErrors.WrongToken(ref reader, "a JSON string with an ISO 8601 date-time");
    }

#if NET6_0_OR_GREATER
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The longest JSON text of a <c>yyyy-MM-dd</c> date: every character written as <c>\uXXXX</c>.</summary>
    private const int MaxEscapedDateLength = 6 * 10;

    /// <summary>Reads a date string in the format <c>yyyy-MM-dd</c> (invariant culture, nothing else accepted).</summary>
    /// <param name="reader">The reader, on the value token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a string, or the string is not a valid <c>yyyy-MM-dd</c> date.</exception>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && TryParseDate(reader.ValueSpan, out DateOnly date))
        {
            return date;
        }
        if (reader.TokenType == JsonTokenType.String)
        {
            // "yyyy-MM-dd" with every character escaped (\u0032...) is 60 bytes, and the unescaped text is never
            // longer than the escaped one: a longer value is not a date.
            long length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (length <= MaxEscapedDateLength)
            {
                Span<char> buffer = stackalloc char[MaxEscapedDateLength];
                int written = reader.CopyString(buffer);
                if (DateOnly.TryParseExact(buffer.Slice(0, written), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly value))
                {
                    return value;
                }
            }
            throw ModelJsonErrors.BadString(ref reader, "a date string in the format yyyy-MM-dd");
        }
        throw ModelJsonErrors.WrongToken(ref reader, "a JSON string with a yyyy-MM-dd date");
    }

    /// <summary>Writes a date as the string <c>yyyy-MM-dd</c> (a value, not a property).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The date.</param>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        Span<byte> text = stackalloc byte[DateLength];
        FormatDate(value, text);
        writer.WriteStringValue(text);
    }

    private const int DateLength = 10;

    /// <summary>
    /// <paramref name="value"/> as <c>yyyy-MM-dd</c> in ASCII digits (what <c>TryFormat</c> with that format and the
    /// invariant culture gives, without parsing the format string on every call).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void FormatDate(DateOnly value, Span<byte> text)
    {
        value.Deconstruct(out int year, out int month, out int day);
        text[9] = (byte)('0' + day % 10);
        text[8] = (byte)('0' + day / 10);
        text[7] = (byte)'-';
        text[6] = (byte)('0' + month % 10);
        text[5] = (byte)('0' + month / 10);
        text[4] = (byte)'-';
        text[3] = (byte)('0' + year % 10);
        text[2] = (byte)('0' + year / 10 % 10);
        text[1] = (byte)('0' + year / 100 % 10);
        text[0] = (byte)('0' + year / 1000);
    }

    /// <summary>
    /// Parses exactly <c>yyyy-MM-dd</c> in ASCII digits, a real date (year 1 or later). Accepts only what
    /// <c>DateOnly.TryParseExact</c> with that format and the invariant culture accepts; false sends the caller to it.
    /// </summary>
    internal static bool TryParseDate(ReadOnlySpan<byte> s, out DateOnly value)
    {
        value = default;
        if (s.Length != DateLength || s[4] != (byte)'-' || s[7] != (byte)'-') return false;
        uint y0 = (uint)(s[0] - '0'), y1 = (uint)(s[1] - '0'), y2 = (uint)(s[2] - '0'), y3 = (uint)(s[3] - '0');
        uint m0 = (uint)(s[5] - '0'), m1 = (uint)(s[6] - '0'), d0 = (uint)(s[8] - '0'), d1 = (uint)(s[9] - '0');
        if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) > 9) return false;
        int year = (int)(y0 * 1000 + y1 * 100 + y2 * 10 + y3), month = (int)(m0 * 10 + m1), day = (int)(d0 * 10 + d1);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateOnly(year, month, day);
        return true;
    }
#endif

    /// <summary>
    /// Reads any JSON value into a self-contained <see cref="JsonElement"/> (<see cref="JsonElement.ParseValue"/>: it
    /// owns a copy of its data, nothing to dispose). JSON null gives an element of kind <see cref="JsonValueKind.Null"/>.
    /// </summary>
    /// <param name="reader">The reader, on the value's first token; left on its last token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is malformed or incomplete, or holds a string with an unpaired surrogate
    /// escape (<c>"\uD800"</c>), which could not be written back.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonElement ReadJsonElement(ref Utf8JsonReader reader) => ParseWritableValue(ref reader);

    /// <summary>Writes <paramref name="value"/> as it is.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="JsonException"><paramref name="value"/> is <c>default(JsonElement)</c> (kind Undefined): there is nothing to write.</exception>
    public static void WriteJsonElement(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            throw new JsonException("Cannot write a JsonElement of kind Undefined (default(JsonElement)); assign a parsed element, e.g. one of kind Null.");
        }
        value.WriteTo(writer);
    }

    // ---- collections ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Reads a JSON array, calling <paramref name="item"/> for every element (JSON null included: the converter decides).
    /// An element that fails is reported with its index prepended to the path (<c>$[3].id</c>).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The reader, on <see cref="JsonTokenType.StartArray"/>; left on the matching end.</param>
    /// <param name="item">The element converter.</param>
    /// <param name="options">Passed to <paramref name="item"/>.</param>
    /// <returns>The elements in order (<see cref="FrozenList{T}.Empty"/> for <c>[]</c>).</returns>
    /// <exception cref="JsonException">The token is not an array start (JSON null included), or an element fails.</exception>
    public static FrozenList<T> ReadList<T>(ref Utf8JsonReader reader, JsonConverter<T> item, JsonSerializerOptions options)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw ModelJsonErrors.WrongToken(ref reader, "a JSON array");
        }
        T[] buffer = Array.Empty<T>();
        int count = 0;
        Type itemType = typeof(T);
        // Primitive elements are read losslessly: non-canonical text is kept in the list (nothing for canonical text).
        var lossless = item as ILosslessElement<T>;
        var raw = default(RawValues);
        while (true)
        {
            if (!reader.Read())
            {
                throw ModelJsonErrors.EndOfData("inside an array");
            }
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }
            if (reader.TokenType == JsonTokenType.Comment)
            {
                continue;
            }
            T value;
            try
            {
                value = lossless is null ? item.Read(ref reader, itemType, options)! : lossless.Read(ref reader, ref raw, count);
            }
            catch (JsonException exception)
            {
                throw AtIndex(exception, count);
            }
            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, count == 0 ? 4 : count * 2);
            }
            buffer[count++] = value;
        }
        if (count == 0)
        {
            return FrozenList<T>.Empty;
        }
        if (count != buffer.Length)
        {
            Array.Resize(ref buffer, count);
        }
        return raw.Count == 0 ? new FrozenList<T>(buffer) : new KeptTextList<T>(buffer, raw);
    }

    /// <summary>
    /// Reads a JSON object as a string-keyed map, calling <paramref name="value"/> for every member value (JSON null
    /// included). Member order is kept; a repeated name keeps its first position and its last value. A value that
    /// fails is reported with its key prepended to the path (<c>$.key</c> or <c>$['odd key']</c>).
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader, on <see cref="JsonTokenType.StartObject"/>; left on the matching end.</param>
    /// <param name="value">The value converter.</param>
    /// <param name="options">Passed to <paramref name="value"/>.</param>
    /// <returns>The map (<see cref="FrozenMap{TValue}.Empty"/> for <c>{}</c>).</returns>
    /// <exception cref="JsonException">The token is not an object start (JSON null included), or a value fails.</exception>
    public static FrozenMap<T> ReadMap<T>(ref Utf8JsonReader reader, JsonConverter<T> value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw ModelJsonErrors.WrongToken(ref reader, "a JSON object");
        }
        var members = new OrderedMapBuilder<T>();
        Type valueType = typeof(T);
        // Primitive values are read losslessly: non-canonical text is kept in the map, slot = the member's position.
        var lossless = value as ILosslessElement<T>;
        var raw = default(RawValues);
        while (NextProperty(ref reader))
        {
            string name = reader.GetString()!;
            T item;
            int slot = members.Count; // the position of a new key
            try
            {
                if (!reader.Read())
                {
                    throw ModelJsonErrors.EndOfData("inside an object");
                }
                item = lossless is null ? value.Read(ref reader, valueType, options)! : lossless.Read(ref reader, ref raw, slot);
            }
            catch (JsonException exception)
            {
                throw AtMember(exception, name);
            }
            int position = members.Put(name, item);
            if (position != slot && lossless is not null)
            {
                raw.Move(slot, position); // a repeated key: its last value, at its first position
            }
        }
        return members.ToFrozenMap(raw);
    }

    /// <summary>
    /// Writes <paramref name="list"/> as a JSON array. A null element is written as JSON null unless the converter
    /// handles null itself (<see cref="JsonConverter{T}.HandleNull"/>), in which case it is passed to the converter.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="list">The elements.</param>
    /// <param name="item">The element converter.</param>
    /// <param name="options">Passed to <paramref name="item"/>.</param>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> list, JsonConverter<T> item, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }
        if (list is null)
        {
            throw new ArgumentNullException(nameof(list));
        }
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }
        writer.WriteStartArray();
        if (list is FrozenList<T> frozen)
        {
            if (frozen is not KeptTextList<T> kept)
            {
                if (typeof(T) == typeof(string) && item is StringConverter or NullableStringConverter)
                {
                    WriteStrings(writer, ((FrozenList<string?>)(object)frozen).AsSpan());
                }
                else
                {
                    foreach (T element in frozen.AsSpan())
                    {
                        WriteValue(writer, element, item, options);
                    }
                }
            }
            else
            {
                // Elements read in a non-canonical form are written in the text they were read from (the list is immutable).
                RawValues raw = kept.Raw;
                ReadOnlySpan<T> elements = frozen.AsSpan();
                for (int i = 0; i < elements.Length; i++)
                {
                    if (!raw.WriteElement(writer, i)) WriteValue(writer, elements[i], item, options);
                }
            }
        }
        else
        {
            int count = list.Count;
            for (int i = 0; i < count; i++)
            {
                WriteValue(writer, list[i], item, options);
            }
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes <paramref name="map"/> as a JSON object in its enumeration order, names as they are (no naming policy).
    /// Null values are handled as in <see cref="WriteList{T}(Utf8JsonWriter, IReadOnlyList{T}, JsonConverter{T}, JsonSerializerOptions)"/>.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="map">The members.</param>
    /// <param name="value">The value converter.</param>
    /// <param name="options">Passed to <paramref name="value"/>.</param>
    public static void WriteMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> map, JsonConverter<T> value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }
        if (map is null)
        {
            throw new ArgumentNullException(nameof(map));
        }
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }
        writer.WriteStartObject();
        if (map is FrozenMap<T> frozen)
        {
            if (frozen is not KeptTextMap<T> kept)
            {
                foreach (KeyValuePair<string, T> member in frozen)
                {
                    writer.WritePropertyName(member.Key);
                    WriteValue(writer, member.Value, value, options);
                }
            }
            else
            {
                // Values read in a non-canonical form are written in the text they were read from (the map is immutable).
                RawValues raw = kept.Raw;
                for (int i = 0; i < frozen.Count; i++)
                {
                    writer.WritePropertyName(frozen.KeyAt(i));
                    if (!raw.WriteElement(writer, i)) WriteValue(writer, frozen.ValueAt(i), value, options);
                }
            }
        }
        else
        {
            foreach (KeyValuePair<string, T> member in map)
            {
                writer.WritePropertyName(member.Key);
                WriteValue(writer, member.Value, value, options);
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>String elements as the string converters write them (JSON null for null), without a converter call each.</summary>
    private static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<string?> elements)
    {
        foreach (string? element in elements)
        {
            if (element is null) writer.WriteNullValue();
            else writer.WriteStringValue(element);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteValue<T>(Utf8JsonWriter writer, T value, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        if (value is null && !converter.HandleNull)
        {
            writer.WriteNullValue();
            return;
        }
        converter.Write(writer, value, options);
    }

    // ---- unknown members -----------------------------------------------------------------------------------------

    /// <summary>Reads an undeclared member's name and value; errors inside the value get the member's path segment.</summary>
    private static JsonElement ReadUnknownValue(ref Utf8JsonReader reader, out string name)
    {
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            throw ModelJsonErrors.WrongToken(ref reader, "a JSON property name");
        }
        name = reader.GetString()!;
        try
        {
            if (!reader.Read())
            {
                throw ModelJsonErrors.EndOfData("inside an object");
            }
            return ParseWritableValue(ref reader);
        }
        catch (JsonException exception)
        {
            throw AtMember(exception, name);
        }
    }

    /// <summary>
    /// Reads one member the model does not declare into <paramref name="members"/>: the reader is on its PropertyName;
    /// afterwards it is on the last token of the value. Values produced by <see cref="JsonElement.ParseValue"/> are standalone.
    /// </summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="members">The builder collecting unknown members.</param>
    public static void ReadUnknownMember(ref Utf8JsonReader reader, ref OrderedMapBuilder<JsonElement> members)
    {
        var value = ReadUnknownValue(ref reader, out string name);
        members.Add(name, value);
    }

    /// <summary>The unknown members collected, or null when there were none.</summary>
    /// <param name="members">The builder.</param>
    /// <returns>The open dictionary, or null.</returns>
    public static OpenDictionary? ToOpenDictionary(ref OrderedMapBuilder<JsonElement> members)
        => members.Count == 0 ? null : OpenDictionary.FromMap(members.ToFrozenMap());

    /// <summary>
    /// What a model read from JSON keeps beyond its declared members (its private <see cref="RawValues"/>): the texts
    /// this read kept in <paramref name="raw"/> and the unknown members collected in <paramref name="members"/>. Null
    /// for a canonical payload without unknown members; the unknown members alone when no text was kept.
    /// </summary>
    /// <param name="raw">This read's kept texts.</param>
    /// <param name="members">The builder collecting unknown members.</param>
    /// <returns>The value for the model's field.</returns>
    public static RawValues Keep(ref RawValues raw, ref OrderedMapBuilder<JsonElement> members) => RawValues.Complete(ref raw, ref members);


    // ---- errors --------------------------------------------------------------------------------------------------

    /// <summary>
    /// The error for a required member that was absent: message
    /// <c>JSON member 'generationId' (Generation.GenerationId) is required but was missing. To read such payloads, set
    /// the MSBuild property GenerationModelsContractViolations to Lenient.</c>, <see cref="JsonException.Path"/> <c>$</c>
    /// (the object itself; callers up the stack prepend their segments).
    /// </summary>
    /// <param name="typeName">The C# type's name; prefixed to <paramref name="clrMember"/> when that has no dot.</param>
    /// <param name="jsonName">The member's JSON name.</param>
    /// <param name="clrMember">The C# member, e.g. <c>Generation.GenerationId</c>.</param>
    /// <returns>The exception, to throw.</returns>
    public static JsonException MissingRequired(string typeName, string jsonName, string clrMember)
    {
        string member = clrMember is null || clrMember.IndexOf('.') >= 0 || string.IsNullOrEmpty(typeName)
            ? clrMember ?? ""
            : typeName + "." + clrMember;
        return new JsonException(
            "JSON member '" + jsonName + "' (" + member + ") is required but was missing. To read such payloads, set the MSBuild property " + ContractKnob + " to Lenient.",
            JsonPathText.Root,
            lineNumber: null,
            bytePositionInLine: null,
            innerException: null);
    }

    /// <summary>
    /// Pre-encodes a converter's member names once, so writing a name is a copy of ready UTF-8 bytes.
    /// Generated converters keep the raw names (for error paths) and these encoded twins (for writing).
    /// </summary>
    /// <param name="names">The JSON names, unescaped.</param>
    /// <returns>One <see cref="JsonEncodedText"/> per name, in the same order.</returns>
    public static JsonEncodedText[] EncodeNames(params string[] names)
    {
        if (names is null) throw new ArgumentNullException(nameof(names));
        var encoded = new JsonEncodedText[names.Length];
        for (int i = 0; i < names.Length; i++) encoded[i] = JsonEncodedText.Encode(names[i]);
        return encoded;
    }

    /// <summary>
    /// Re-reports <paramref name="inner"/>, raised while reading the value of member <paramref name="jsonName"/>, one
    /// level up: a new exception whose path is <c>$.jsonName</c> (or <c>$['json name']</c> when the name is not a simple
    /// identifier) followed by the inner path, whose message is <c>&lt;root message&gt; Path: &lt;path&gt;</c>, and whose
    /// inner exception is the root cause. Line and byte position are kept.
    /// </summary>
    /// <param name="inner">The exception from the member's value.</param>
    /// <param name="jsonName">The member's JSON name (unescaped).</param>
    /// <returns>The exception, to throw.</returns>
    public static JsonException AtMember(JsonException inner, string jsonName)
        => Prepend(inner, JsonPathText.Member(jsonName ?? ""));

    /// <summary>As <see cref="AtMember"/>, for the array element at <paramref name="index"/> (<c>$[3]</c> + inner path).</summary>
    /// <param name="inner">The exception from the element.</param>
    /// <param name="index">The element's zero-based index.</param>
    /// <returns>The exception, to throw.</returns>
    public static JsonException AtIndex(JsonException inner, int index)
        => Prepend(inner, JsonPathText.Index(index));

    private static JsonException Prepend(JsonException inner, string segment)
    {
        if (inner is null)
        {
            throw new ArgumentNullException(nameof(inner));
        }
        string path = JsonPathText.Prepend(segment, inner.Path);
        string rootMessage;
        Exception rootCause;
        if (inner.Data[RootMessageKey] is string stored)
        {
            rootMessage = stored;
            rootCause = inner.InnerException ?? inner;
        }
        else
        {
            rootMessage = inner.Message;
            rootCause = inner;
        }
        var result = new JsonException(rootMessage + " Path: " + path, path, inner.LineNumber, inner.BytePositionInLine, rootCause);
        result.Data[RootMessageKey] = rootMessage;
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonException NumberError(ref Utf8JsonReader reader, string typeName)
        => reader.TokenType == JsonTokenType.Number
            ? ModelJsonErrors.NumberOutOfRange(ref reader, typeName)
            : ModelJsonErrors.WrongToken(ref reader, "a JSON number");
}
