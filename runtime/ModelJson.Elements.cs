using System;
using System.Text.Json;

namespace GenerationModels.Runtime;

public static partial class ModelJson
{
    /// <summary>
    /// <see cref="JsonElement.ParseValue"/>, but text that could not be written back is a <see cref="JsonException"/>:
    /// System.Text.Json parses a string holding an escaped unpaired surrogate (<c>"\uD800"</c>) into an element, yet
    /// throws when that element is written or compared, so such a model could be read and never written. Strings are
    /// checked only when escaped and holding a <c>\uD800</c>–<c>\uDFFF</c> escape; the rest costs one pass of the reader.
    /// </summary>
    private static JsonElement ParseWritableValue(ref Utf8JsonReader reader)
    {
        Utf8JsonReader probe = reader;
        if (probe.TokenType == JsonTokenType.StartObject || probe.TokenType == JsonTokenType.StartArray)
        {
            int depth = probe.CurrentDepth;
            while (probe.Read() && probe.CurrentDepth > depth)
            {
                RejectUnpairedSurrogate(ref probe);
            }
        }
        else
        {
            RejectUnpairedSurrogate(ref probe);
        }
        return JsonElement.ParseValue(ref reader);
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

    /// <summary>Whether the raw text holds <c>\u</c> followed by <c>D8</c>–<c>DF</c> (any case); multi-segment values are just checked.</summary>
    private static bool MayEscapeSurrogate(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            return true;
        }
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        for (int i = raw.IndexOf((byte)'\\'); i >= 0 && i + 3 < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }
            if (raw[i + 1] == (byte)'\\')
            {
                i++; // an escaped backslash: the next character is literal
                continue;
            }
            if (raw[i + 1] == (byte)'u' && (raw[i + 2] | 0x20) == (byte)'d' && IsSurrogateNibble(raw[i + 3]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSurrogateNibble(byte b) => b == (byte)'8' || b == (byte)'9' || ((b | 0x20) >= (byte)'a' && (b | 0x20) <= (byte)'f');
}
