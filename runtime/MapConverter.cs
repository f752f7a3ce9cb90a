using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>
/// Converts <see cref="IReadOnlyDictionary{TKey, TValue}"/> with string keys through <see cref="ModelJson.ReadMap{T}"/>
/// (giving a <see cref="FrozenMap{TValue}"/>) and <see cref="ModelJson.WriteMap{T}(System.Text.Json.Utf8JsonWriter, System.Collections.Generic.IReadOnlyDictionary{string, T}, System.Text.Json.Serialization.JsonConverter{T}, System.Text.Json.JsonSerializerOptions)"/>; used by generated code for maps
/// that are themselves list or map elements.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class MapConverter<T> : JsonConverter<IReadOnlyDictionary<string, T>>
{
    private readonly JsonConverter<T> _value;

    /// <summary>Creates the converter.</summary>
    /// <param name="value">The value converter.</param>
    public MapConverter(JsonConverter<T> value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ModelJson.ReadMap(ref reader, _value, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options)
        => ModelJson.WriteMap(writer, value, _value, options);
}
