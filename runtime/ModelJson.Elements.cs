using System;
using System.Text.Json;

namespace GenerationModels.Runtime;

public static partial class ModelJson
{
    /// <summary>
    /// <see cref="JsonElement.ParseValue"/>, but text that could not be written back is a <see cref="JsonException"/>:
    /// System.Text.Json parses a string holding an escaped unpaired surrogate (<c>"\uD800"</c>) into an element, yet
    /// throws when that element is written or compared, so such a model could be read and never written. Strings are
    /// checked only when escaped and holding a <c>\uD800</c>–<c>\uDFFF</c> escape.
    /// </summary>
    private static JsonElement ParseWritableValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject && reader.TokenType != JsonTokenType.StartArray)
        {
            RejectUnpairedSurrogate(ref reader);
            return JsonElement.ParseValue(ref reader);
        }
#if NET9_0_OR_GREATER
        // The element's own UTF-8 text is at hand (no copy): one vectorized search for "\u" instead of a second reader
        // pass over every container, which cost any-typed members a fifth of their read time. Only text that holds a
        // surrogate escape is read again, token by token.
        JsonElement element = JsonElement.ParseValue(ref reader);
        ReadOnlySpan<byte> raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        if (ContainsSurrogateEscape(raw))
        {
            var rescan = new Utf8JsonReader(raw);
            rescan.Read();
            RejectUnpairedSurrogatesIn(rescan);
        }
        return element;
#else
        RejectUnpairedSurrogatesIn(reader); // a copy: the caller's reader stays on the container's start
        return JsonElement.ParseValue(ref reader);
#endif
    }

    /// <summary>
    /// Reads a JSON object of free-form values (a map of <see cref="JsonElement"/>) as one document whose members'
    /// values become the map's elements: one parse and one set of buffers for the whole object, where reading value by
    /// value makes a document per value. The elements are the same JSON values, written back byte for byte alike.
    /// False, with the reader where it was, when the object is not read this way (<see cref="TryParseContainer"/>:
    /// malformed, holding text that could not be written back, or comments allowed); the caller then reads it member by
    /// member, which fails as it always did, with the member's path.
    /// </summary>
    private static bool TryReadElementMap(ref Utf8JsonReader reader, out FrozenMap<JsonElement> map)
    {
        map = FrozenMap<JsonElement>.Empty;
        if (!TryParseContainer(ref reader, JsonTokenType.EndObject, out JsonElement whole)) return false;
        if (whole.ValueKind == JsonValueKind.Undefined) return true; // {}
#if NET9_0_OR_GREATER
        var members = new OrderedMapBuilder<JsonElement>(whole.GetPropertyCount());
#else
        var members = new OrderedMapBuilder<JsonElement>();
#endif
        foreach (JsonProperty property in whole.EnumerateObject())
        {
            members.Put(property.Name, property.Value); // a repeated name: its first position, its last value
        }
        map = members.ToFrozenMap();
        return true;
    }

    /// <summary>As <see cref="TryReadElementMap"/>, for a JSON array of free-form values (a list of <see cref="JsonElement"/>).</summary>
    private static bool TryReadElementList(ref Utf8JsonReader reader, out FrozenList<JsonElement> list)
    {
        list = FrozenList<JsonElement>.Empty;
        if (!TryParseContainer(ref reader, JsonTokenType.EndArray, out JsonElement whole)) return false;
        if (whole.ValueKind == JsonValueKind.Undefined) return true; // []
        var items = new JsonElement[whole.GetArrayLength()];
        int count = 0;
        foreach (JsonElement item in whole.EnumerateArray())
        {
            items[count++] = item;
        }
        list = new FrozenList<JsonElement>(items);
        return true;
    }

    /// <summary>
    /// Parses the container the reader is on (<see cref="ParseWritableValue"/>); an empty one gives
    /// <c>default(JsonElement)</c> and no document. False, the reader restored, when the container does not parse or
    /// the reader allows comments (which JsonDocument refuses with an <see cref="ArgumentException"/>).
    /// </summary>
    private static bool TryParseContainer(ref Utf8JsonReader reader, JsonTokenType end, out JsonElement whole)
    {
        whole = default;
        Utf8JsonReader start = reader;
        try
        {
            if (reader.Read() && reader.TokenType == end) return true;
            reader = start;
            whole = ParseWritableValue(ref reader);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            reader = start;
            return false;
        }
    }

    /// <summary>Checks every string and name of the container <paramref name="probe"/> is on the start of.</summary>
    private static void RejectUnpairedSurrogatesIn(Utf8JsonReader probe)
    {
        int depth = probe.CurrentDepth;
        while (probe.Read() && probe.CurrentDepth > depth)
        {
            RejectUnpairedSurrogate(ref probe);
        }
    }

    private static void RejectUnpairedSurrogate(ref Utf8JsonReader reader)
    {
        if ((reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.PropertyName) || !reader.ValueIsEscaped || !MayEscapeSurrogate(ref reader))
        {
            return;
        }
        try
        {
            reader.GetString();
        }
        catch (InvalidOperationException exception)
        {
            throw new JsonException("Expected a JSON string of valid Unicode, got one with an unpaired surrogate escape, which cannot be written back.", exception);
        }
    }

    /// <summary>Whether the token's raw text holds <c>\u</c> followed by <c>D8</c>–<c>DF</c>; multi-segment values are just checked.</summary>
    private static bool MayEscapeSurrogate(ref Utf8JsonReader reader)
        => reader.HasValueSequence || ContainsSurrogateEscape(reader.ValueSpan);

    /// <summary>Whether <paramref name="raw"/> holds <c>\u</c> followed by <c>D8</c>–<c>DF</c> (any case), outside an escaped backslash.</summary>
    private static bool ContainsSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        int i = raw.IndexOf((byte)'\\');
        while (i >= 0 && i + 1 < raw.Length)
        {
            if (raw[i + 1] == (byte)'u' && i + 3 < raw.Length && (raw[i + 2] | 0x20) == (byte)'d' && IsSurrogateNibble(raw[i + 3]))
            {
                return true;
            }
            // Past this escape (an escaped backslash included), on to the next backslash.
            int next = raw.Slice(i + 2).IndexOf((byte)'\\');
            i = next < 0 ? -1 : i + 2 + next;
        }
        return false;
    }

    private static bool IsSurrogateNibble(byte b) => b == (byte)'8' || b == (byte)'9' || ((b | 0x20) >= (byte)'a' && (b | 0x20) <= (byte)'f');
}
