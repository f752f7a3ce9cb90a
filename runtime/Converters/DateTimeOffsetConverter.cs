using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>An ISO 8601 date-time string; anything else (JSON null included) is a <see cref="JsonException"/>.</summary>
internal sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>, ILosslessElement<DateTimeOffset>
{
    /// <summary>JSON null reaches <see cref="Read"/>, which rejects it.</summary>
    public override bool HandleNull => true;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadDateTimeOffset(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>
    /// A JSON string is read as a member of this type is (the same date-times are accepted), its text kept when not
    /// canonical (<c>Z</c>, fraction digits); any other token goes to <see cref="Read"/>.
    /// </summary>
    DateTimeOffset ILosslessElement<DateTimeOffset>.Read(ref Utf8JsonReader reader, ref RawValues raw, int slot)
        => reader.TokenType == JsonTokenType.String ? ModelJson.KeepDateTimeOffset(ref reader, ref raw, slot) : ModelJson.ReadDateTimeOffset(ref reader);
}
