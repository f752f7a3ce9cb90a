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

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (ModelJson.IsShortIntegral(value, out long integral)) writer.WriteNumberValue(integral);
        else writer.WriteNumberValue(value);
    }

    /// <summary>
    /// A JSON number is read as a member of this type is, its text kept when not canonical; any other token goes to
    /// <see cref="Read"/>, so elements accept what they did before (a numeric string stays an error here: a union's
    /// list cases are told apart by their elements).
    /// </summary>
    double ILosslessElement<double>.Read(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => reader.TokenType == JsonTokenType.Number ? ModelJson.KeepDouble(ref reader, ref raw, slot) : ModelJson.ReadDouble(ref reader);
}
