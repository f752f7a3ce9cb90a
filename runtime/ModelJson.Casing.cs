using System;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// The members of a model whose wire names were guessed from SDK property names (language-cased docs), as casing-free
/// keys: the name with <c>_</c> and <c>-</c> dropped and ASCII letters lower-cased (<c>frequencyPenalty</c>,
/// <c>frequency_penalty</c>, <c>FrequencyPenalty</c>, <c>frequency-penalty</c> and <c>FREQUENCY_PENALTY</c> are all
/// <c>frequencypenalty</c>). A key two declared members share belongs to neither: such members are matched exactly
/// only. Made once per converter by <see cref="ModelJson.CasingKeys"/>.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class CasingKeys
{
    internal CasingKeys(byte[]?[] keys, JsonEncodedText[] names)
    {
        Keys = keys;
        Names = names;
    }

    /// <summary>One key per declared member; null for a member matched exactly only.</summary>
    internal byte[]?[] Keys { get; }

    /// <summary>The declared members' encoded names, in member order (the configured casing).</summary>
    internal JsonEncodedText[] Names { get; }

    /// <summary>The casing-free key of a UTF-8 name (<c>_</c> and <c>-</c> dropped, ASCII lower-cased).</summary>
    internal static byte[] Fold(ReadOnlySpan<byte> name)
    {
        var key = new byte[FoldedLength(name)];
        int j = 0;
        foreach (byte b in name)
        {
            if (b == (byte)'_' || b == (byte)'-') continue;
            key[j++] = Lower(b);
        }
        return key;
    }

    internal static int FoldedLength(ReadOnlySpan<byte> name)
    {
        int length = 0;
        foreach (byte b in name)
        {
            if (b != (byte)'_' && b != (byte)'-') length++;
        }
        return length;
    }

    /// <summary>Whether <paramref name="name"/> folds to <paramref name="key"/> (whose length is the folded length).</summary>
    internal static bool FoldsTo(ReadOnlySpan<byte> name, byte[] key)
    {
        int j = 0;
        foreach (byte b in name)
        {
            if (b == (byte)'_' || b == (byte)'-') continue;
            if (Lower(b) != key[j++]) return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Lower(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;
}

public static partial class ModelJson
{
    /// <summary>
    /// The casing-free keys of a model's members, for
    /// <see cref="MatchMember(ref Utf8JsonReader, byte[][], ref int, CasingKeys, ref RawValues)"/>. A key two declared
    /// members fold to is dropped for both: such ambiguous members are matched exactly only.
    /// </summary>
    /// <param name="names">The declared members' encoded names (<see cref="EncodeNames"/>), in member order.</param>
    /// <param name="jsonNames">The same names, unescaped.</param>
    /// <returns>The keys.</returns>
    public static CasingKeys CasingKeys(JsonEncodedText[] names, string[] jsonNames)
    {
        if (names is null) throw new ArgumentNullException(nameof(names));
        if (jsonNames is null) throw new ArgumentNullException(nameof(jsonNames));
        if (names.Length != jsonNames.Length) throw new ArgumentException("One encoded name per JSON name.", nameof(names));
        var keys = new byte[]?[jsonNames.Length];
        for (int i = 0; i < jsonNames.Length; i++)
        {
            byte[] key = Runtime.CasingKeys.Fold(Encoding.UTF8.GetBytes(jsonNames[i]));
            if (key.Length != 0) keys[i] = key;
        }
        // A key two members fold to is ambiguous: neither keeps it (the folded bytes are UTF-8 still: only ASCII changed).
        var seen = new System.Collections.Generic.Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] is not { } key) continue;
            string text = Encoding.UTF8.GetString(key);
            if (seen.TryGetValue(text, out int first))
            {
                keys[first] = null;
                keys[i] = null;
            }
            else
            {
                seen.Add(text, i);
            }
        }
        return new CasingKeys(keys, names);
    }

    /// <summary>
    /// As <see cref="MatchMember(ref Utf8JsonReader, byte[][], ref int)"/>; when no declared name matches exactly, a
    /// member with a key in <paramref name="keys"/> also matches a name in any casing (<c>frequency_penalty</c>,
    /// <c>FrequencyPenalty</c>, <c>frequency-penalty</c> for <c>frequencyPenalty</c>), and the spelling read is kept
    /// in <paramref name="raw"/> so that writing the model back uses it. An exact match costs what it did without keys.
    /// </summary>
    /// <param name="reader">The reader, on a PropertyName token.</param>
    /// <param name="names">The declared members' UTF-8 names.</param>
    /// <param name="next">The index to try first; updated to follow the match.</param>
    /// <param name="keys">The members that may be matched in another casing (<see cref="CasingKeys"/>).</param>
    /// <param name="raw">The model's kept texts: the spelling read goes there.</param>
    /// <returns>The member's index, or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MatchMember(ref Utf8JsonReader reader, byte[][] names, ref int next, CasingKeys keys, ref RawValues raw)
    {
        int member = MatchMember(ref reader, names, ref next);
        return member >= 0 ? member : MatchAnyCasing(ref reader, keys, ref next, ref raw);
    }

    /// <summary>The fallback, off the exact path: the name folded and compared with the keys; a match keeps its spelling.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MatchAnyCasing(ref Utf8JsonReader reader, CasingKeys keys, ref int next, ref RawValues raw)
    {
        if (keys is null) throw new ArgumentNullException(nameof(keys));
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return MatchAnyCasing(reader.ValueSpan, keys, ref next, ref raw);
        }
        long length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        // An escaped name is never longer unescaped; short names are unescaped on the stack.
        Span<byte> name = length <= 256 ? stackalloc byte[256] : new byte[length];
        int written = reader.CopyString(name);
        return MatchAnyCasing(name.Slice(0, written), keys, ref next, ref raw);
    }

    private static int MatchAnyCasing(ReadOnlySpan<byte> name, CasingKeys keys, ref int next, ref RawValues raw)
    {
        int length = Runtime.CasingKeys.FoldedLength(name);
        if (length == 0) return -1;
        byte[]?[] all = keys.Keys;
        for (int i = 0; i < all.Length; i++)
        {
            byte[]? key = all[i];
            if (key is null || key.Length != length || !Runtime.CasingKeys.FoldsTo(name, key)) continue;
            raw.Spell(i, name, keys.Names);
            next = i + 1;
            return i;
        }
        return -1;
    }
}
