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
    /// <see cref="MatchMember(ref Utf8JsonReader, byte[][], ref int, CasingKeys, ref RawValues, ulong, ulong, ulong, ulong)"/>. A key two declared
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
    /// A member already read under one spelling is never read again under another: the second spelling is an unknown
    /// member (kept in <c>AdditionalProperties</c>), whichever comes first, so nothing is overwritten or lost
    /// (<c>{"id":"a","_id":"b"}</c> and <c>{"_id":"b","id":"a"}</c> both keep both values). A repeat of the same
    /// spelling is read again, as without keys (the last value wins).
    /// </summary>
    /// <param name="reader">The reader, on a PropertyName token.</param>
    /// <param name="names">The declared members' UTF-8 names.</param>
    /// <param name="next">The index to try first; updated to follow the match.</param>
    /// <param name="keys">The members that may be matched in another casing (<see cref="CasingKeys"/>).</param>
    /// <param name="raw">The model's kept texts: the spelling read goes there.</param>
    /// <param name="seen0">The members read so far, one bit per member: members 0-63.</param>
    /// <param name="seen1">Members 64-127.</param>
    /// <param name="seen2">Members 128-191.</param>
    /// <param name="seen3">Members 192-255 (members past these match their exact names only).</param>
    /// <returns>The member's index, or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MatchMember(ref Utf8JsonReader reader, byte[][] names, ref int next, CasingKeys keys, ref RawValues raw, ulong seen0, ulong seen1 = 0, ulong seen2 = 0, ulong seen3 = 0)
    {
        int member = MatchMember(ref reader, names, ref next);
        if (member >= 0) return raw.IsSpelled(member) ? -1 : member;
        return MatchAnyCasing(ref reader, keys, ref next, ref raw, seen0, seen1, seen2, seen3);
    }

    /// <summary>The fallback, off the exact path: the name folded and compared with the keys; a match keeps its spelling.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MatchAnyCasing(ref Utf8JsonReader reader, CasingKeys keys, ref int next, ref RawValues raw, ulong seen0, ulong seen1, ulong seen2, ulong seen3)
    {
        if (keys is null) throw new ArgumentNullException(nameof(keys));
        int member;
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            member = MatchAnyCasing(reader.ValueSpan, keys);
        }
        else
        {
            long length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            // An escaped name is never longer unescaped; short names are unescaped on the stack.
            Span<byte> name = length <= 256 ? stackalloc byte[256] : new byte[length];
            int written = reader.CopyString(name);
            member = MatchAnyCasing(name.Slice(0, written), keys);
            if (member >= 0 && !Seen(member, seen0, seen1, seen2, seen3))
            {
                raw.Spell(member, name.Slice(0, written), keys.Names);
                next = member + 1;
                return member;
            }
            return -1;
        }
        if (member < 0 || Seen(member, seen0, seen1, seen2, seen3)) return -1;
        raw.Spell(member, reader.ValueSpan, keys.Names);
        next = member + 1;
        return member;
    }

    /// <summary>Whether member <paramref name="member"/> was read already (members past 255: always, so they match exactly only).</summary>
    private static bool Seen(int member, ulong seen0, ulong seen1, ulong seen2, ulong seen3)
    {
        ulong block = (member >> 6) switch { 0 => seen0, 1 => seen1, 2 => seen2, 3 => seen3, _ => ulong.MaxValue };
        return (block & (1UL << (member & 63))) != 0;
    }

    private static int MatchAnyCasing(ReadOnlySpan<byte> name, CasingKeys keys)
    {
        int length = Runtime.CasingKeys.FoldedLength(name);
        if (length == 0) return -1;
        byte[]?[] all = keys.Keys;
        for (int i = 0; i < all.Length; i++)
        {
            byte[]? key = all[i];
            if (key is null || key.Length != length || !Runtime.CasingKeys.FoldsTo(name, key)) continue;
            return i;
        }
        return -1;
    }
}
