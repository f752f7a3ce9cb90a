using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>
/// One call per declared member of a generated converter: <c>Next…</c> moves from the member's name to its value and
/// reads it; <c>WriteMember</c>, <c>WriteObject</c>, <c>WriteStruct</c>, <c>WriteList</c> and <c>WriteMap</c> write a
/// pre-encoded name and the value (JSON null for a null value). Keeping this logic here, not in every generated
/// converter, keeps the generated code small: compiling it is what costs at scale.
/// </summary>
public static partial class ModelJson
{
    /// <summary>Moves from a property name to its value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ToValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw ModelJsonErrors.EndOfData("after a property name");
        }
    }

    /// <summary>Whether the reader, moved to the member's value, is on JSON null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ToValueIsNull(ref Utf8JsonReader reader)
    {
        ToValue(ref reader);
        return reader.TokenType == JsonTokenType.Null;
    }

    // ---- reading a member's value: the reader is on the member's name and is left on the value's last token ------

    /// <summary>Reads the member's value as a string (<see cref="ReadString"/>).</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string NextString(ref Utf8JsonReader reader) { ToValue(ref reader); return ReadString(ref reader); }

    /// <summary>Reads the member's value as a string, or null for JSON null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? NextStringOrNull(ref Utf8JsonReader reader) => ToValueIsNull(ref reader) ? null : ReadString(ref reader);

    /// <summary>Reads the member's value as a <see cref="long"/> (<see cref="ReadInt64"/>).</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long NextInt64(ref Utf8JsonReader reader) { ToValue(ref reader); return ReadInt64(ref reader); }

    /// <summary>Reads the member's value as a <see cref="long"/>, or null for JSON null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long? NextInt64OrNull(ref Utf8JsonReader reader) => ToValueIsNull(ref reader) ? null : ReadInt64(ref reader);

    /// <summary>Reads the member's value as a <see cref="double"/> (<see cref="ReadDouble"/>).</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NextDouble(ref Utf8JsonReader reader) { ToValue(ref reader); return ReadDouble(ref reader); }

    /// <summary>Reads the member's value as a <see cref="double"/>, or null for JSON null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double? NextDoubleOrNull(ref Utf8JsonReader reader) => ToValueIsNull(ref reader) ? null : ReadDouble(ref reader);

    /// <summary>Reads the member's value as a <see cref="decimal"/> (<see cref="ReadDecimal"/>).</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal NextDecimal(ref Utf8JsonReader reader) { ToValue(ref reader); return ReadDecimal(ref reader); }

    /// <summary>Reads the member's value as a <see cref="decimal"/>, or null for JSON null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? NextDecimalOrNull(ref Utf8JsonReader reader) => ToValueIsNull(ref reader) ? null : ReadDecimal(ref reader);

    /// <summary>Reads the member's value as a boolean (<see cref="ReadBoolean"/>).</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextBoolean(ref Utf8JsonReader reader) { ToValue(ref reader); return ReadBoolean(ref reader); }

    /// <summary>Reads the member's value as a boolean, or null for JSON null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? NextBooleanOrNull(ref Utf8JsonReader reader) => ToValueIsNull(ref reader) ? null : ReadBoolean(ref reader);

    /// <summary>Reads the member's value as a date-time (<see cref="ReadDateTimeOffset"/>).</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset NextDateTimeOffset(ref Utf8JsonReader reader) { ToValue(ref reader); return ReadDateTimeOffset(ref reader); }

    /// <summary>Reads the member's value as a date-time, or null for JSON null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value, or null.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset? NextDateTimeOffsetOrNull(ref Utf8JsonReader reader) => ToValueIsNull(ref reader) ? null : ReadDateTimeOffset(ref reader);

#if NET6_0_OR_GREATER
    /// <summary>Reads the member's value as a date (<see cref="ReadDateOnly"/>).</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value.</returns>
    public static DateOnly NextDateOnly(ref Utf8JsonReader reader) { ToValue(ref reader); return ReadDateOnly(ref reader); }

    /// <summary>Reads the member's value as a date, or null for JSON null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value, or null.</returns>
    public static DateOnly? NextDateOnlyOrNull(ref Utf8JsonReader reader) => ToValueIsNull(ref reader) ? null : ReadDateOnly(ref reader);
#endif

    /// <summary>Reads the member's value, whatever it is, JSON null included (<see cref="ReadJsonElement"/>).</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value.</returns>
    public static JsonElement NextJsonElement(ref Utf8JsonReader reader) { ToValue(ref reader); return ReadJsonElement(ref reader); }

    /// <summary>Reads the member's value, or null (no element) for JSON null.</summary>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <returns>The value, or null.</returns>
    public static JsonElement? NextJsonElementOrNull(ref Utf8JsonReader reader) => ToValueIsNull(ref reader) ? null : ReadJsonElement(ref reader);

    /// <summary>Reads the member's value with <paramref name="converter"/> (JSON null included: the converter decides).</summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    /// <returns>The value.</returns>
    public static T Next<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        ToValue(ref reader);
        return converter.Read(ref reader, typeof(T), options)!;
    }

    /// <summary>Reads the member's value with <paramref name="converter"/>, or null for JSON null.</summary>
    /// <typeparam name="T">The member's type, a class.</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    /// <returns>The value, or null.</returns>
    public static T? NextOrNull<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : class
        => ToValueIsNull(ref reader) ? null : converter.Read(ref reader, typeof(T), options);

    /// <summary>Reads the member's value with <paramref name="converter"/>, or null for JSON null.</summary>
    /// <typeparam name="T">The member's type, a struct (a generated enum, say).</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    /// <returns>The value, or null.</returns>
    public static T? NextStructOrNull<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct
        => ToValueIsNull(ref reader) ? null : converter.Read(ref reader, typeof(T), options);

    /// <summary>Reads the member's value as a list (<see cref="ReadList{T}"/>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="item">The element converter.</param>
    /// <param name="options">Passed to <paramref name="item"/>.</param>
    /// <returns>The list.</returns>
    public static FrozenList<T> NextList<T>(ref Utf8JsonReader reader, JsonConverter<T> item, JsonSerializerOptions options)
    {
        ToValue(ref reader);
        return ReadList(ref reader, item, options);
    }

    /// <summary>Reads the member's value as a list, or null for JSON null.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="item">The element converter.</param>
    /// <param name="options">Passed to <paramref name="item"/>.</param>
    /// <returns>The list, or null.</returns>
    public static FrozenList<T>? NextListOrNull<T>(ref Utf8JsonReader reader, JsonConverter<T> item, JsonSerializerOptions options)
        => ToValueIsNull(ref reader) ? null : ReadList(ref reader, item, options);

    /// <summary>Reads the member's value as a map (<see cref="ReadMap{T}"/>).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="value">The value converter.</param>
    /// <param name="options">Passed to <paramref name="value"/>.</param>
    /// <returns>The map.</returns>
    public static FrozenMap<T> NextMap<T>(ref Utf8JsonReader reader, JsonConverter<T> value, JsonSerializerOptions options)
    {
        ToValue(ref reader);
        return ReadMap(ref reader, value, options);
    }

    /// <summary>Reads the member's value as a map, or null for JSON null.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader, on the member's name.</param>
    /// <param name="value">The value converter.</param>
    /// <param name="options">Passed to <paramref name="value"/>.</param>
    /// <returns>The map, or null.</returns>
    public static FrozenMap<T>? NextMapOrNull<T>(ref Utf8JsonReader reader, JsonConverter<T> value, JsonSerializerOptions options)
        => ToValueIsNull(ref reader) ? null : ReadMap(ref reader, value, options);

    // ---- writing a member: its pre-encoded name, then its value or JSON null --------------------------------------

    /// <summary>Writes a string member (JSON null when <paramref name="value"/> is null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    /// <summary>Writes an integer member.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, long value) => writer.WriteNumber(name, value);

    /// <summary>Writes an integer member (JSON null when <paramref name="value"/> is null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a number member.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        if (IsShortIntegral(value, out long integral)) writer.WriteNumber(name, integral);
        else writer.WriteNumber(name, value);
    }

    /// <summary>Writes a number member (JSON null when <paramref name="value"/> is null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } v) WriteMember(writer, name, v);
        else writer.WriteNull(name);
    }

    /// <summary>
    /// Whether <paramref name="value"/> is an integer below 10^15 in magnitude and not -0: the writer's shortest
    /// round-trip text for such a double is the integer's digits, so writing the integer writes the same bytes
    /// without the floating-point formatter (which is most of the time a number-heavy model takes to write).
    /// Always false on netstandard2.0, whose double format depends on the platform.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsShortIntegral(double value, out long integral)
    {
#if NETCOREAPP3_0_OR_GREATER
        const long Limit = 1_000_000_000_000_000;
        integral = (long)value;
        return integral == value && integral < Limit && integral > -Limit && (integral != 0 || BitConverter.DoubleToInt64Bits(value) == 0);
#else
        integral = 0;
        return false;
#endif
    }

    /// <summary>Writes a decimal member.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, decimal value) => writer.WriteNumber(name, value);

    /// <summary>Writes a decimal member (JSON null when <paramref name="value"/> is null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a boolean member.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, bool value) => writer.WriteBoolean(name, value);

    /// <summary>Writes a boolean member (JSON null when <paramref name="value"/> is null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } v) writer.WriteBoolean(name, v);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a date-time member as an ISO 8601 string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value) => writer.WriteString(name, value);

    /// <summary>Writes a date-time member (JSON null when <paramref name="value"/> is null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } v) writer.WriteString(name, v);
        else writer.WriteNull(name);
    }

#if NET6_0_OR_GREATER
    /// <summary>Writes a date member as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateOnly value)
    {
        Span<byte> text = stackalloc byte[DateLength];
        FormatDate(value, text);
        writer.WriteString(name, text);
    }

    /// <summary>Writes a date member (JSON null when <paramref name="value"/> is null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        if (value is { } v) WriteMember(writer, name, v);
        else writer.WriteNull(name);
    }
#endif

    /// <summary>Writes a member holding any JSON value (<see cref="WriteJsonElement"/>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, JsonElement value)
    {
        writer.WritePropertyName(name);
        WriteJsonElement(writer, value);
    }

    /// <summary>Writes a member holding any JSON value (JSON null when <paramref name="value"/> is null).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value is { } v) WriteMember(writer, name, v);
        else writer.WriteNull(name);
    }

    /// <summary>
    /// Writes a required member holding any JSON value of a lenient model: nothing while it is still unset
    /// (<c>default(JsonElement)</c>) and was absent from the JSON read, so the payload is written back as read.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, JsonElement value, RawValues raw, int slot)
    {
        if (value.ValueKind == JsonValueKind.Undefined && raw.Count != 0 && IsAbsent(raw, slot)) return;
        WriteMember(writer, name, value);
    }

    /// <summary>As <see cref="WriteMember(Utf8JsonWriter, JsonEncodedText, JsonElement, RawValues, int)"/>, for a nullable member: nothing while it is null and was absent.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="raw">The model's kept texts.</param>
    /// <param name="slot">The member's index.</param>
    public static void WriteMember(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value, RawValues raw, int slot)
    {
        if (value is null && raw.Count != 0 && IsAbsent(raw, slot)) return;
        WriteMember(writer, name, value);
    }

    /// <summary>Writes a member with <paramref name="converter"/> (JSON null when <paramref name="value"/> is null).</summary>
    /// <typeparam name="T">The member's type, a class.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    public static void WriteObject<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : class
    {
        writer.WritePropertyName(name);
        if (value is null) writer.WriteNullValue();
        else converter.Write(writer, value, options);
    }

    /// <summary>Writes a member with <paramref name="converter"/>.</summary>
    /// <typeparam name="T">The member's type, a struct (a generated enum, say).</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    public static void WriteStruct<T>(Utf8JsonWriter writer, JsonEncodedText name, T value, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct
    {
        writer.WritePropertyName(name);
        converter.Write(writer, value, options);
    }

    /// <summary>Writes a member with <paramref name="converter"/> (JSON null when <paramref name="value"/> is null).</summary>
    /// <typeparam name="T">The member's type, a struct (a generated enum, say).</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="converter">The value's converter.</param>
    /// <param name="options">Passed to <paramref name="converter"/>.</param>
    public static void WriteStruct<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct
    {
        writer.WritePropertyName(name);
        if (value is { } v) converter.Write(writer, v, options);
        else writer.WriteNullValue();
    }

    /// <summary>Writes a list member (<see cref="WriteList{T}(Utf8JsonWriter, IReadOnlyList{T}, JsonConverter{T}, JsonSerializerOptions)"/>; JSON null when <paramref name="list"/> is null).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="list">The elements.</param>
    /// <param name="item">The element converter.</param>
    /// <param name="options">Passed to <paramref name="item"/>.</param>
    public static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? list, JsonConverter<T> item, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        if (list is null) writer.WriteNullValue();
        else WriteList(writer, list, item, options);
    }

    /// <summary>Writes a map member (<see cref="WriteMap{T}(Utf8JsonWriter, IReadOnlyDictionary{string, T}, JsonConverter{T}, JsonSerializerOptions)"/>; JSON null when <paramref name="map"/> is null).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="map">The members.</param>
    /// <param name="value">The value converter.</param>
    /// <param name="options">Passed to <paramref name="value"/>.</param>
    public static void WriteMap<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<string, T>? map, JsonConverter<T> value, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        if (map is null) writer.WriteNullValue();
        else WriteMap(writer, map, value, options);
    }

    // ---- required members ----------------------------------------------------------------------------------------

    /// <summary>
    /// The error for the first required member missing from a read object, as <see cref="MissingRequired(string, string, string)"/>
    /// gives it: generated converters check all required members of a 64-member block with one comparison and call this
    /// only when one is missing.
    /// </summary>
    /// <param name="typeName">The C# type's name.</param>
    /// <param name="seen">The members seen, one bit per member of the block.</param>
    /// <param name="required">The required members of the block, one bit each.</param>
    /// <param name="block">The block's number: bit <c>i</c> is member <c>64 * block + i</c>.</param>
    /// <param name="jsonNames">The JSON names of all members, in member order.</param>
    /// <param name="propertyNames">The C# property names of all members, in member order, separated by commas.</param>
    /// <returns>The exception, to throw.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JsonException MissingRequired(string typeName, ulong seen, ulong required, int block, string[] jsonNames, string propertyNames)
    {
        ulong missing = required & ~seen;
        int bit = 0;
        while (bit < 63 && (missing & (1UL << bit)) == 0) bit++;
        int member = 64 * block + bit;
        string[] properties = (propertyNames ?? "").Split(',');
        string jsonName = jsonNames is not null && member < jsonNames.Length ? jsonNames[member] : "?";
        string property = member < properties.Length ? properties[member] : jsonName;
        return MissingRequired(typeName, jsonName, property);
    }
}
