using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>
/// Converter singletons for primitive list and map elements, reading through <see cref="ModelJson"/> (same rules and
/// messages) and writing with <see cref="Utf8JsonWriter"/> directly. Every one has <c>HandleNull</c> true, so JSON
/// null always reaches it: only <see cref="NullableString"/> and <see cref="JsonElement"/> accept it.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class PrimitiveConverters
{
    /// <summary>A non-null string; JSON null is an error. (A null string is written as JSON null.)</summary>
    public static JsonConverter<string> String { get; } = new StringConverter();

    /// <summary>A string or JSON null (read as null).</summary>
    public static JsonConverter<string?> NullableString { get; } = new NullableStringConverter();

    /// <summary>A JSON number that fits <see cref="long"/>.</summary>
    public static JsonConverter<long> Int64 { get; } = new Int64Converter();

    /// <summary>A finite JSON number as <see cref="double"/>.</summary>
    public static JsonConverter<double> Double { get; } = new DoubleConverter();

    /// <summary>A JSON number that fits <see cref="decimal"/>.</summary>
    public static JsonConverter<decimal> Decimal { get; } = new DecimalConverter();

    /// <summary>JSON <c>true</c> or <c>false</c>.</summary>
    public static JsonConverter<bool> Boolean { get; } = new BooleanConverter();

    /// <summary>An ISO 8601 date-time string; written in the round-trip format of <see cref="Utf8JsonWriter.WriteStringValue(System.DateTimeOffset)"/>.</summary>
    public static JsonConverter<System.DateTimeOffset> DateTimeOffset { get; } = new DateTimeOffsetConverter();

#if NET6_0_OR_GREATER
    /// <summary>A <c>yyyy-MM-dd</c> date string (.NET 6+ builds only).</summary>
    public static JsonConverter<System.DateOnly> DateOnly { get; } = new DateOnlyConverter();
#endif

    /// <summary>Any JSON value as a self-contained <see cref="System.Text.Json.JsonElement"/>; JSON null gives an element of kind Null.</summary>
    public static JsonConverter<System.Text.Json.JsonElement> JsonElement { get; } = new JsonElementConverter();
}
