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

    /// <summary>JSON null is the element converter's error; any other token is read as a member of this type is (tolerant, lossless).</summary>
    long ILosslessElement<long>.Read(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => reader.TokenType == JsonTokenType.Null ? Read(ref reader, typeof(long), null!) : ModelJson.KeepInt64(ref reader, ref raw, slot);
}
