using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

/// <summary>Any JSON value, JSON null giving an element of kind Null.</summary>
internal sealed class JsonElementConverter : JsonConverter<JsonElement>
{
    /// <summary>JSON null reaches <see cref="Read"/> and becomes an element of kind Null.</summary>
    public override bool HandleNull => true;

    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadJsonElement(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => ModelJson.WriteJsonElement(writer, value);
}
