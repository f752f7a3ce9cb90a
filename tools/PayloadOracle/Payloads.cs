using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PayloadOracle;

/// <summary>
/// Builds a payload for a schema from the spec's own examples: the schema's <c>example</c> (or first of
/// <c>examples</c>) as it is; otherwise an object composed of its properties' examples (following <c>$ref</c>,
/// <c>allOf</c> and array <c>items</c>), members in the schema's property order. Nothing is invented: a member with no
/// example anywhere is left out.
/// </summary>
internal sealed class Payloads
{
    private const int MaxDepth = 8;
    private readonly JsonNode _root;

    public Payloads(JsonNode root) => _root = root;

    public JsonNode? Build(JsonNode? schema) => Build(schema, new HashSet<string>(), 0);

    private JsonNode? Build(JsonNode? schemaNode, HashSet<string> refs, int depth)
    {
        if (schemaNode is not JsonObject schema || depth > MaxDepth) return null;
        if (schema.TryGetPropertyValue("example", out var example)) return example?.DeepClone() ?? JsonValue.Create((string?)null);
        if (schema["examples"] is JsonArray examples && examples.Count > 0) return examples[0]?.DeepClone();
        if (schema["$ref"] is JsonValue reference && reference.TryGetValue(out string? target))
        {
            if (!refs.Add(target)) return null; // a cycle: stop here
            try { return Build(SpecTree.Resolve(_root, target), refs, depth + 1); }
            finally { refs.Remove(target); }
        }
        if (schema["allOf"] is JsonArray parts)
        {
            var merged = new JsonObject();
            foreach (var part in parts)
            {
                if (Build(part, refs, depth + 1) is JsonObject piece)
                {
                    foreach (var (name, value) in piece.ToList())
                    {
                        merged[name] = value?.DeepClone();
                    }
                }
            }
            AddProperties(schema, merged, refs, depth);
            return merged.Count > 0 ? merged : null;
        }
        if (schema["properties"] is JsonObject)
        {
            var obj = new JsonObject();
            AddProperties(schema, obj, refs, depth);
            return obj.Count > 0 ? obj : null;
        }
        if (schema["items"] is JsonNode items && Build(items, refs, depth + 1) is JsonNode item)
        {
            return new JsonArray(item);
        }
        foreach (string key in new[] { "oneOf", "anyOf" })
        {
            if (schema[key] is JsonArray choices)
            {
                foreach (var choice in choices)
                {
                    if (Build(choice, refs, depth + 1) is JsonNode built) return built;
                }
            }
        }
        return null;
    }

    private void AddProperties(JsonObject schema, JsonObject target, HashSet<string> refs, int depth)
    {
        if (schema["properties"] is not JsonObject props) return;
        foreach (var (name, property) in props)
        {
            if (target.ContainsKey(name)) continue;
            if (Build(property, refs, depth + 1) is { } value) target[name] = value;
            else if (property is JsonObject p && p.TryGetPropertyValue("example", out var explicitNull) && explicitNull is null) target[name] = null;
        }
    }
}
