using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime.Tests;

// Stand-ins for generated models, written in the shape the generator emits today (see
// tests/GenerationModels.Generator.Tests/Snapshots/*.verified.cs): member tables for MatchMember, one case per member
// index, a presence bit per member, OrderedMapBuilder for unknown members, the block form of MissingRequired, and
// pre-encoded names for WriteMember. Keep them in step with the snapshots when the emitted shape changes.

[JsonConverter(typeof(ItemConverter))]
internal sealed record Item(string Id, long Count, OpenDictionary? Extra);

[JsonConverter(typeof(ContainerConverter))]
internal sealed record Container(IReadOnlyList<Item> Data, IReadOnlyDictionary<string, string>? Labels, OpenDictionary? Extra);

internal sealed class ItemConverter : JsonConverter<Item>
{
    public static readonly ItemConverter Instance = new();
    private static readonly string[] s_jsonNames = { "id", "count" };
    private static readonly JsonEncodedText[] s_names = ModelJson.EncodeNames(s_jsonNames);
    private static readonly byte[][] s_utf8Names = ModelJson.Utf8Names(s_jsonNames);

    public override Item Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ModelJson.ExpectStartObject(ref reader, "Item");
        ulong seen0 = 0;
        string f0 = default!;
        long f1 = default;
        var unknown = new OrderedMapBuilder<JsonElement>();
        int member = -1, next = 0;
        try
        {
            while (true)
            {
                member = -1;
                if (!ModelJson.NextProperty(ref reader)) break;
                switch (member = ModelJson.MatchMember(ref reader, s_utf8Names, ref next))
                {
                    case 0: f0 = ModelJson.NextString(ref reader); seen0 |= 1UL; break;
                    case 1: f1 = ModelJson.NextInt64(ref reader); seen0 |= 2UL; break;
                    default: ModelJson.ReadUnknownMember(ref reader, ref unknown); break;
                }
            }
        }
        catch (JsonException exception) when (member >= 0)
        {
            throw ModelJson.AtMember(exception, s_jsonNames[member]);
        }
        if ((seen0 & 1UL) != 1UL) throw ModelJson.MissingRequired("Item", seen0, 1UL, 0, s_jsonNames, "Item.Id,Item.Count");
        return new Item(f0, f1, ModelJson.ToOpenDictionary(ref unknown));
    }

    public override void Write(Utf8JsonWriter writer, Item value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        ModelJson.WriteMember(writer, s_names[0], value.Id);
        ModelJson.WriteMember(writer, s_names[1], value.Count);
        value.Extra?.WriteTo(writer);
        writer.WriteEndObject();
    }
}

internal sealed class ContainerConverter : JsonConverter<Container>
{
    private static readonly string[] s_jsonNames = { "data", "labels" };
    private static readonly JsonEncodedText[] s_names = ModelJson.EncodeNames(s_jsonNames);
    private static readonly byte[][] s_utf8Names = ModelJson.Utf8Names(s_jsonNames);

    public override Container Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ModelJson.ExpectStartObject(ref reader, "Container");
        ulong seen0 = 0;
        IReadOnlyList<Item> f0 = default!;
        IReadOnlyDictionary<string, string>? f1 = default;
        var unknown = new OrderedMapBuilder<JsonElement>();
        int member = -1, next = 0;
        try
        {
            while (true)
            {
                member = -1;
                if (!ModelJson.NextProperty(ref reader)) break;
                switch (member = ModelJson.MatchMember(ref reader, s_utf8Names, ref next))
                {
                    case 0: f0 = ModelJson.NextList(ref reader, ItemConverter.Instance, options); seen0 |= 1UL; break;
                    case 1: f1 = ModelJson.NextMapOrNull(ref reader, PrimitiveConverters.String, options); seen0 |= 2UL; break;
                    default: ModelJson.ReadUnknownMember(ref reader, ref unknown); break;
                }
            }
        }
        catch (JsonException exception) when (member >= 0)
        {
            throw ModelJson.AtMember(exception, s_jsonNames[member]);
        }
        if ((seen0 & 1UL) != 1UL) throw ModelJson.MissingRequired("Container", seen0, 1UL, 0, s_jsonNames, "Container.Data,Container.Labels");
        return new Container(f0, f1, ModelJson.ToOpenDictionary(ref unknown));
    }

    public override void Write(Utf8JsonWriter writer, Container value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        ModelJson.WriteList(writer, s_names[0], value.Data, ItemConverter.Instance, options);
        if (value.Labels is { } labels) ModelJson.WriteMap(writer, s_names[1], labels, PrimitiveConverters.String, options);
        value.Extra?.WriteTo(writer);
        writer.WriteEndObject();
    }
}
