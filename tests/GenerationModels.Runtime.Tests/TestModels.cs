using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime.Tests;

// Hand-written stand-ins for generated models, using ModelJson the way generated converters do.

[JsonConverter(typeof(ItemConverter))]
internal sealed record Item(string Id, long Count, OpenDictionary? Extra);

[JsonConverter(typeof(ContainerConverter))]
internal sealed record Container(IReadOnlyList<Item> Data, IReadOnlyDictionary<string, string>? Labels, OpenDictionary? Extra);

internal sealed class ItemConverter : JsonConverter<Item>
{
    public static readonly ItemConverter Instance = new();
    private static readonly string[] Names = { "id", "count" };

    public override Item Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ModelJson.ExpectStartObject(ref reader, "Item");
        string id = null!;
        long count = 0;
        bool seenId = false;
        var unknown = new OrderedMapBuilder<JsonElement>();
        int member = -1;
        try
        {
            while (ModelJson.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    member = 0;
                    reader.Read();
                    id = ModelJson.ReadString(ref reader);
                    seenId = true;
                }
                else if (reader.ValueTextEquals("count"u8))
                {
                    member = 1;
                    reader.Read();
                    count = ModelJson.ReadInt64(ref reader);
                }
                else
                {
                    member = -1;
                    ModelJson.ReadUnknownMember(ref reader, ref unknown);
                }
                member = -1;
            }
        }
        catch (JsonException exception) when (member >= 0)
        {
            throw ModelJson.AtMember(exception, Names[member]);
        }
        if (!seenId)
        {
            throw ModelJson.MissingRequired("Item", "id", "Item.Id");
        }
        return new Item(id, count, ModelJson.ToOpenDictionary(ref unknown));
    }

    public override void Write(Utf8JsonWriter writer, Item value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteNumber("count", value.Count);
        value.Extra?.WriteTo(writer);
        writer.WriteEndObject();
    }
}

internal sealed class ContainerConverter : JsonConverter<Container>
{
    private static readonly string[] Names = { "data", "labels" };

    public override Container Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ModelJson.ExpectStartObject(ref reader, "Container");
        IReadOnlyList<Item>? data = null;
        IReadOnlyDictionary<string, string>? labels = null;
        var unknown = new OrderedMapBuilder<JsonElement>();
        int member = -1;
        try
        {
            while (ModelJson.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    member = 0;
                    reader.Read();
                    data = ModelJson.ReadList(ref reader, ItemConverter.Instance, options);
                }
                else if (reader.ValueTextEquals("labels"u8))
                {
                    member = 1;
                    reader.Read();
                    labels = reader.TokenType == JsonTokenType.Null ? null : ModelJson.ReadMap(ref reader, PrimitiveConverters.String, options);
                }
                else
                {
                    member = -1;
                    ModelJson.ReadUnknownMember(ref reader, ref unknown);
                }
                member = -1;
            }
        }
        catch (JsonException exception) when (member >= 0)
        {
            throw ModelJson.AtMember(exception, Names[member]);
        }
        if (data is null)
        {
            throw ModelJson.MissingRequired("Container", "data", "Container.Data");
        }
        return new Container(data, labels, ModelJson.ToOpenDictionary(ref unknown));
    }

    public override void Write(Utf8JsonWriter writer, Container value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("data");
        ModelJson.WriteList(writer, value.Data, ItemConverter.Instance, options);
        if (value.Labels is { } labels)
        {
            writer.WritePropertyName("labels");
            ModelJson.WriteMap(writer, labels, PrimitiveConverters.String, options);
        }
        value.Extra?.WriteTo(writer);
        writer.WriteEndObject();
    }
}
