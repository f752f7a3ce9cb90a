using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>A JSON number that fits Decimal; anything else (JSON null included) is a <see cref="JsonException"/>.</summary>
internal sealed class DecimalConverter : JsonConverter<decimal>, ILosslessElement<decimal>
{
    /// <summary>JSON null reaches <see cref="Read"/>, which rejects it.</summary>
    public override bool HandleNull => true;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadDecimal(ref reader);

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>
    /// A JSON number is read as a member of this type is, its text kept when not canonical; any other token goes to
    /// <see cref="Read"/>, so elements accept what they did before (a numeric string stays an error here: a union's
    /// list cases are told apart by their elements).
    /// </summary>
    decimal ILosslessElement<decimal>.Read(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => reader.TokenType == JsonTokenType.Number ? ModelJson.KeepDecimal(ref reader, ref raw, slot) : ModelJson.ReadDecimal(ref reader);
}
