using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bench;

/// <summary>How the members of a payload are laid out (a BenchmarkDotNet parameter of the read benchmarks).</summary>
public enum PayloadShape
{
    /// <summary>Members in schema order, unknown members after the declared ones, non-ASCII text <c>\u</c>-escaped, no explicit nulls.</summary>
    Declared,

    /// <summary>The same members, every object's members in a seeded random order (unknown members interleaved with declared ones).</summary>
    Shuffled,

    /// <summary>
    /// Shuffled, plus: an explicit <c>null</c> for every declared optional member the payload leaves out, non-ASCII text as
    /// raw UTF-8, every third member name written with its first character <c>\u</c>-escaped, strings of 40 characters
    /// or more repeated to at least 2,000 characters, and a list nested 48 levels deep inside every free-form
    /// (JSON-valued) map the schema declares. The sample schemas declare no typed list of lists, so the deep nesting
    /// sits in the free-form members (which A, B, E and F all keep as <see cref="JsonElement"/>).
    /// </summary>
    Hard,
}

/// <summary>Builds the Shuffled and Hard payloads from the Declared one (deterministically: fixed seeds).</summary>
public static class HarderPayloads
{
    private const int ShuffleSeed = 1234;
    private const int LongString = 2000;
    private const int Depth = 48;

    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Reshape(byte[] declared, PayloadShape shape)
    {
        JsonNode root = JsonNode.Parse(declared)!;
        var random = new Random(ShuffleSeed);
        if (shape == PayloadShape.Hard)
        {
            AddNulls(root);
        }
        Shuffle(root, random);
        if (shape == PayloadShape.Shuffled)
        {
            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }
        var text = new StringBuilder(declared.Length * 4);
        int names = 0;
        Write(root, text, ref names);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    // Explicit nulls: the declared optional members of each model, taken from the sample schemas' models through
    // their payload position (which object holds which model). Every model object of these payloads is recognised by
    // a member only it has; the optional members a payload may leave out are listed per model, and its JSON-valued
    // (free-form) maps, which get the deep list.
    private static readonly (string Marker, string[] Optional, string[] FreeForm)[] Models =
    {
        ("completionTokens", new[] { "completionTokens", "cost", "feedback", "generation", "generationId", "hyperparameters", "latency", "model", "source", "task", "totalTokens", "version" }, new string[] { "feedback", "hyperparameters" }),
        ("sessionId", new[] { "timestamp", "generationId", "sessionId", "choices", "stream", "cost", "latency" }, new string[] { }),
        ("provider_responses", new[] { "project_id", "num_samples", "logprobs", "suffix", "user", "usage", "metadata" }, new string[] { "metadata" }),
        ("output", new[] { "finish_reason", "created_at", "score", "tokens" }, new string[] { }),
        ("prompt", new[] { "completion" }, new string[] { }),
        ("prompt_tokens", new[] { "prompt_tokens", "generation_tokens", "total_tokens" }, new string[] { }),
        ("provider", new[] { "provider" }, new string[] { }),
        ("customer", new[] { "paid", "issuedAt", "dueOn", "tags", "metadata" }, new string[] { }),
        ("email", new[] { "email" }, new string[] { }),
    };

    private static JsonNode DeepList(int depth)
    {
        JsonNode node = new JsonArray(1, "x", true);
        for (int i = 1; i < depth; i++) node = new JsonArray(node, i);
        return node;
    }

    private static void AddNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (marker, optional, freeForm) in Models)
                {
                    if (o.ContainsKey(marker))
                    {
                        foreach (string name in optional.Where(n => !o.ContainsKey(n))) o[name] = null;
                        foreach (string name in freeForm.Where(n => o[n] is JsonObject))
                        {
                            ((JsonObject)o[name]!)["nested"] = DeepList(Depth);
                        }
                        break;
                    }
                }
                foreach (var member in o.ToList()) AddNulls(member.Value);
                break;
            case JsonArray a:
                foreach (JsonNode? item in a) AddNulls(item);
                break;
        }
    }

    private static void Shuffle(JsonNode? node, Random random)
    {
        switch (node)
        {
            case JsonObject o:
                var members = o.ToList();
                o.Clear();
                for (int i = members.Count - 1; i > 0; i--)
                {
                    int j = random.Next(i + 1);
                    (members[i], members[j]) = (members[j], members[i]);
                }
                foreach (var member in members)
                {
                    Shuffle(member.Value, random);
                    o[member.Key] = member.Value;
                }
                break;
            case JsonArray a:
                foreach (JsonNode? item in a) Shuffle(item, random);
                break;
        }
    }

    private static void Write(JsonNode? node, StringBuilder text, ref int names)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject o:
                text.Append('{');
                bool first = true;
                foreach (var member in o)
                {
                    if (!first) text.Append(',');
                    first = false;
                    WriteName(member.Key, text, names++ % 3 == 0);
                    Write(member.Value, text, ref names);
                }
                text.Append('}');
                break;
            case JsonArray a:
                text.Append('[');
                for (int i = 0; i < a.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(a[i], text, ref names);
                }
                text.Append(']');
                break;
            default:
                if (node.GetValueKind() == JsonValueKind.String)
                {
                    string value = node.GetValue<string>();
                    if (value.Length >= 40)
                    {
                        var repeated = new StringBuilder(LongString + value.Length);
                        while (repeated.Length < LongString) repeated.Append(value).Append(' ');
                        value = repeated.ToString();
                    }
                    text.Append(JsonSerializer.Serialize(value, Raw));
                }
                else
                {
                    text.Append(node.ToJsonString(Raw));
                }
                break;
        }
    }

    private static void WriteName(string name, StringBuilder text, bool escape)
    {
        string quoted = JsonSerializer.Serialize(name, Raw);
        if (escape && name.Length > 0 && name[0] < 0x80)
        {
            quoted = "\"\\u" + ((int)name[0]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + quoted[2..];
        }
        text.Append(quoted).Append(':');
    }
}
