using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using NJ = Newtonsoft.Json;

namespace Bench.Twins;

/// <summary>
/// Newtonsoft.Json (D) over the same twins. Newtonsoft knows nothing of <see cref="JsonElement"/>, so two bridges are
/// needed and are part of what D costs: a converter for <c>JsonElement</c> properties/values (copies the tokens to
/// text, parses that with <see cref="JsonDocument"/>; writes the raw text back), and extension data, read as
/// <see cref="JToken"/> and converted into the STJ <c>Dictionary&lt;string, JsonElement&gt;</c>.
/// One shared <see cref="NJ.JsonSerializer"/> (contracts cached) serves every operation.
/// </summary>
public static class NewtonsoftTwinSupport
{
    public static JsonSerializerSettings Settings { get; } = new()
    {
        NullValueHandling = NullValueHandling.Ignore, // as the STJ twins: a null optional is not written
        DateParseHandling = DateParseHandling.None,   // keep date-like strings in `any` values as strings
        ContractResolver = new TwinContractResolver(),
        Converters = { new JsonElementConverter() },
    };

    public static NJ.JsonSerializer Serializer { get; } = NJ.JsonSerializer.Create(Settings);

    public static T Deserialize<T>(TextReader text)
    {
        using var reader = new JsonTextReader(text) { CloseInput = false };
        return Serializer.Deserialize<T>(reader)!;
    }

    public static string Serialize<T>(T value)
    {
        var text = new StringWriter(new System.Text.StringBuilder(1024), CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            Serializer.Serialize(writer, value, typeof(T));
        }
        return text.ToString();
    }

    internal static JsonElement ToElement(JsonReader reader)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteToken(reader, writeChildren: true);
        }
        using JsonDocument document = JsonDocument.Parse(text.ToString());
        return document.RootElement.Clone();
    }

    private static JsonElement ToElement(JToken token)
    {
        using JsonDocument document = JsonDocument.Parse(token.ToString(Formatting.None));
        return document.RootElement.Clone();
    }

    private sealed class JsonElementConverter : JsonConverter<JsonElement>
    {
        public override JsonElement ReadJson(JsonReader reader, Type objectType, JsonElement existingValue, bool hasExistingValue, NJ.JsonSerializer serializer)
            => ToElement(reader);

        public override void WriteJson(JsonWriter writer, JsonElement value, NJ.JsonSerializer serializer)
            => writer.WriteRawValue(value.GetRawText());
    }

    private sealed class TwinContractResolver : DefaultContractResolver
    {
        protected override JsonObjectContract CreateObjectContract(Type objectType)
        {
            JsonObjectContract contract = base.CreateObjectContract(objectType);
            if (typeof(IHasExtensionData).IsAssignableFrom(objectType))
            {
                contract.ExtensionDataValueType = typeof(JToken); // values arrive as JTokens
                contract.ExtensionDataSetter = static (target, key, value) =>
                {
                    var model = (IHasExtensionData)target;
                    Dictionary<string, JsonElement> members = model.AdditionalProperties ??= new Dictionary<string, JsonElement>();
                    members[key] = ToElement(value as JToken ?? JValue.CreateNull());
                };
                contract.ExtensionDataGetter = static target => Members((IHasExtensionData)target);
            }
            return contract;
        }

        private static IEnumerable<KeyValuePair<object, object>> Members(IHasExtensionData model)
        {
            if (model.AdditionalProperties is not { } members)
            {
                yield break;
            }
            foreach (KeyValuePair<string, JsonElement> member in members)
            {
                yield return new KeyValuePair<object, object>(member.Key, member.Value); // written by JsonElementConverter
            }
        }
    }
}
