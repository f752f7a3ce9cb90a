using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PayloadOracle;

/// <summary>An OpenAPI document as a JsonNode tree (YAML converted with the YAML 1.2 core schema; numbers keep their text).</summary>
internal static class SpecTree
{
    private static readonly Regex Number = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static JsonNode Load(string path)
    {
        string text = File.ReadAllText(path);
        string trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })!;
        }
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return Convert(stream.Documents[0].RootNode, 0)!;
    }

    private static JsonNode? Convert(YamlNode node, int depth)
    {
        if (depth > 200) throw new InvalidDataException("YAML nested too deeply");
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    string name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
                    obj[name] = Convert(value, depth + 1);
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children) array.Add(Convert(item, depth + 1));
                return array;
            case YamlScalarNode scalar:
                string v = scalar.Value ?? "";
                if (scalar.Style is ScalarStyle.Plain)
                {
                    if (v is "null" or "Null" or "NULL" or "~" or "") return null;
                    if (v is "true" or "True" or "TRUE") return JsonValue.Create(true);
                    if (v is "false" or "False" or "FALSE") return JsonValue.Create(false);
                    if (Number.IsMatch(v))
                    {
                        using var document = JsonDocument.Parse(v);
                        return JsonValue.Create(document.RootElement.Clone()); // the number's text as written
                    }
                }
                return JsonValue.Create(v);
            default:
                return null;
        }
    }

    /// <summary>The node a local <c>$ref</c> points at (<c>#/components/schemas/X</c>), or null.</summary>
    public static JsonNode? Resolve(JsonNode root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        JsonNode? node = root;
        foreach (string raw in reference.Substring(2).Split('/'))
        {
            string part = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
            if (node is null) return null;
        }
        return node;
    }

    public static IEnumerable<(string Name, JsonObject Schema)> Schemas(JsonNode root)
    {
        var schemas = root["components"]?["schemas"] as JsonObject ?? root["definitions"] as JsonObject;
        if (schemas is null) yield break;
        foreach (var (name, schema) in schemas)
        {
            if (schema is JsonObject o) yield return (name, o);
        }
    }

    /// <summary>Whether the schema describes a JSON object with declared members (what becomes a record).</summary>
    public static bool IsObjectSchema(JsonNode root, JsonObject schema)
    {
        if (schema["properties"] is JsonObject props && props.Count > 0) return true;
        if (schema["allOf"] is JsonArray parts)
        {
            return parts.OfType<JsonObject>().Any(p => p["$ref"] is JsonValue r && Resolve(root, r.GetValue<string>()) is JsonObject target ? IsObjectSchema(root, target) : IsObjectSchema(root, p));
        }
        return false;
    }
}
