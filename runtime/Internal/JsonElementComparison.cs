using System;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// Equality and hashing of <see cref="JsonElement"/> values as JSON.
/// <list type="bullet">
/// <item>On .NET 9+ builds: <c>JsonElement.DeepEquals</c> (insignificant whitespace, object member order, string
/// escaping and number spelling such as <c>1</c>/<c>1.0</c> do not matter); the hash is a structural hash consistent with it.</item>
/// <item>Older builds (netstandard2.0, net8.0): the two values must have the same kind and the same raw JSON text,
/// compared ordinally, so <c>{"a":1}</c> and <c>{ "a" : 1 }</c> are different; the hash is the raw text's hash.</item>
/// </list>
/// <c>default(JsonElement)</c> (kind Undefined) equals only itself.
/// </summary>
internal static class JsonElementComparison
{
    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        JsonValueKind kind = left.ValueKind;
        if (kind != right.ValueKind)
        {
            return false;
        }
        switch (kind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return true;
        }
#if NET9_0_OR_GREATER
        return JsonElement.DeepEquals(left, right);
#else
        return string.Equals(left.GetRawText(), right.GetRawText(), StringComparison.Ordinal);
#endif
    }

    public static int GetHashCode(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                return 0;
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return (int)value.ValueKind;
        }
#if NET9_0_OR_GREATER
        return DeepHash(value, 0);
#else
        return HashCombiner.Combine((int)value.ValueKind, StringComparer.Ordinal.GetHashCode(value.GetRawText()));
#endif
    }

#if NET9_0_OR_GREATER
    /// <summary>Below this depth the hash only looks at the kind: still consistent with DeepEquals, and bounded.</summary>
    private const int MaxHashDepth = 16;

    private static int DeepHash(JsonElement value, int depth)
    {
        JsonValueKind kind = value.ValueKind;
        int hash = (int)kind;
        if (depth >= MaxHashDepth)
        {
            return hash;
        }
        switch (kind)
        {
            case JsonValueKind.String:
                return HashCombiner.Combine(hash, StringComparer.Ordinal.GetHashCode(value.GetString()!));
            case JsonValueKind.Number:
                // Same exact value (however spelled) parses to the same correctly rounded double.
                if (value.TryGetDouble(out double number))
                {
                    return HashCombiner.Combine(hash, number == 0 ? 0 : number.GetHashCode());
                }
                return hash;
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    hash = HashCombiner.Combine(hash, DeepHash(item, depth + 1));
                }
                return hash;
            case JsonValueKind.Object:
                // DeepEquals ignores member order: add the member hashes up.
                int sum = 0;
                foreach (JsonProperty member in value.EnumerateObject())
                {
                    unchecked
                    {
                        sum += HashCombiner.Combine(StringComparer.Ordinal.GetHashCode(member.Name), DeepHash(member.Value, depth + 1));
                    }
                }
                return HashCombiner.Combine(hash, sum);
            default:
                return hash;
        }
    }
#endif
}
