using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bench;

/// <summary>
/// Projects a generated model (A) or a twin (B to E) onto a plain <see cref="JsonNode"/> tree by walking its properties
/// (no serializer involved), so that "they read the same data" is a <see cref="JsonNode.DeepEquals"/> check. A model's
/// members are its <c>[JsonPropertyName]</c> properties, keyed by that name; absent and null optionals both map to "no
/// member" (a twin cannot tell them apart); the <c>[JsonExtensionData]</c> members go under <c>"$extra"</c> (none and
/// empty are the same); a <see cref="JsonElement"/> of kind Null is kept as a marker so it is not confused with an
/// absent member; dates are compared as round-trip ("O") text, so the offset counts.
/// </summary>
public static class Canon
{
    private const string NullElement = "\u0000json-null";
    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Members = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Extension = new();

    public static JsonNode Of(object model) => Node(model) ?? throw new ArgumentException("A model cannot be null.", nameof(model));

    private static JsonNode? Node(object? value)
    {
        switch (value)
        {
            case null: return null;
            case string s: return JsonValue.Create(s);
            case double d: return JsonValue.Create(d);
            case long l: return JsonValue.Create(l);
            case bool b: return JsonValue.Create(b);
            case DateTimeOffset t: return JsonValue.Create(t.ToString("O", CultureInfo.InvariantCulture));
            case DateOnly d: return JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case JsonElement e: return e.ValueKind == JsonValueKind.Null ? JsonValue.Create(NullElement) : JsonNode.Parse(e.GetRawText());
            case IEnumerable<KeyValuePair<string, JsonElement>> map: return Map(map.Select(p => (p.Key, (object?)p.Value)));
            case IEnumerable<KeyValuePair<string, string>> map: return Map(map.Select(p => (p.Key, (object?)p.Value)));
            case IEnumerable list:
                var array = new JsonArray();
                foreach (object? item in list) array.Add(Node(item));
                return array;
        }
        Type type = value.GetType();
        var result = new JsonObject();
        foreach ((string name, PropertyInfo property) in Members.GetOrAdd(type, ModelMembers))
        {
            if (Node(property.GetValue(value)) is { } member) result[name] = member;
        }
        if (Extension.GetOrAdd(type, t => t.GetProperties().SingleOrDefault(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)) is { } extension
            && Node(extension.GetValue(value)) is JsonObject { Count: > 0 } extra)
        {
            result["$extra"] = extra;
        }
        return result;
    }

    private static JsonObject Map(IEnumerable<(string Key, object? Value)> members)
    {
        var result = new JsonObject();
        foreach ((string key, object? value) in members) result[key] = Node(value);
        return result;
    }

    private static (string, PropertyInfo)[] ModelMembers(Type type)
    {
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, Property: p))
            .Where(m => m.Name is not null)
            .Select(m => (m.Name!, m.Property))
            .ToArray();
        if (members.Length == 0)
        {
            throw new ArgumentException("No canonical form for " + type + " (no [JsonPropertyName] properties).");
        }
        return members;
    }
}
