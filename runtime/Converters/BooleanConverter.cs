using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>JSON true or false; anything else (JSON null included) is a <see cref="JsonException"/>.</summary>
internal sealed class BooleanConverter : JsonConverter<bool>
{
    /// <summary>JSON null reaches <see cref="Read"/>, which rejects it.</summary>
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadBoolean(ref reader);

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
