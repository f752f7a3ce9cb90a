#if NET6_0_OR_GREATER
using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>A <c>yyyy-MM-dd</c> date string; anything else (JSON null included) is a <see cref="JsonException"/>.</summary>
internal sealed class DateOnlyConverter : JsonConverter<DateOnly>
{
    /// <summary>JSON null reaches <see cref="Read"/>, which rejects it.</summary>
    public override bool HandleNull => true;

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadDateOnly(ref reader);

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => ModelJson.WriteDateOnly(writer, value);
}
#endif
