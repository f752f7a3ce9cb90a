using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>
/// A non-null JSON string: JSON null (and any other token) is a <see cref="JsonException"/> on read. A null string
/// handed to <see cref="Write"/> is written as JSON null rather than failing.
/// </summary>
internal sealed class StringConverter : JsonConverter<string>
{
    /// <summary>JSON null reaches <see cref="Read"/>, which rejects it.</summary>
    public override bool HandleNull => true;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadString(ref reader);

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
