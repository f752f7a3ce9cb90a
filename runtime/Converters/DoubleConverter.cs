using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>A finite JSON number; anything else (JSON null included) is a <see cref="JsonException"/>.</summary>
internal sealed class DoubleConverter : JsonConverter<double>, ILosslessElement<double>
{
    /// <summary>JSON null reaches <see cref="Read"/>, which rejects it.</summary>
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadDouble(ref reader);

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>JSON null is the element converter's error; any other token is read as a member of this type is (tolerant, lossless).</summary>
    double ILosslessElement<double>.Read(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => reader.TokenType == JsonTokenType.Null ? Read(ref reader, typeof(double), null!) : ModelJson.KeepDouble(ref reader, ref raw, slot);
}
