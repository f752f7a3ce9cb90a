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
