using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>
/// Converts <see cref="IReadOnlyList{T}"/> with <see cref="ModelJson.ReadList{T}"/> (giving a <see cref="FrozenList{T}"/>)
/// and <see cref="ModelJson.WriteList{T}(System.Text.Json.Utf8JsonWriter, System.Collections.Generic.IReadOnlyList{T}, System.Text.Json.Serialization.JsonConverter{T}, System.Text.Json.JsonSerializerOptions)"/>; used by generated code for lists that are themselves list or map elements.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    private readonly JsonConverter<T> _item;

    /// <summary>Creates the converter.</summary>
    /// <param name="item">The element converter.</param>
    public ListConverter(JsonConverter<T> item) => _item = item ?? throw new ArgumentNullException(nameof(item));

    /// <inheritdoc/>
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ModelJson.ReadList(ref reader, _item, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
        => ModelJson.WriteList(writer, value, _item, options);
}
