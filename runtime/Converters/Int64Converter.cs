using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>A JSON number that fits Int64; anything else (JSON null included) is a <see cref="JsonException"/>.</summary>
internal sealed class Int64Converter : JsonConverter<long>, ILosslessElement<long>
{
    /// <summary>JSON null reaches <see cref="Read"/>, which rejects it.</summary>
    public override bool HandleNull => true;

    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadInt64(ref reader);

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>
    /// A JSON integer that fits is read as a member of this type is (<c>-0</c> kept); any other token goes to
    /// <see cref="Read"/>, so elements accept what they did before (<c>1.0</c> and <c>"12"</c> stay errors here: a
    /// union's list cases are told apart by their elements).
    /// </summary>
    long ILosslessElement<long>.Read(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out _) ? ModelJson.KeepInt64(ref reader, ref raw, slot) : ModelJson.ReadInt64(ref reader);
}
