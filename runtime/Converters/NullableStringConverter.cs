using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>A JSON string or JSON null (read as null); any other token is a <see cref="JsonException"/>.</summary>
internal sealed class NullableStringConverter : JsonConverter<string?>
{
    /// <summary>JSON null reaches <see cref="Read"/> and <see cref="Write"/>.</summary>
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : ModelJson.ReadString(ref reader);

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
