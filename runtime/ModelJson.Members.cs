using System;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace GenerationModels.Runtime;

public static partial class ModelJson
{
    /// <summary>UTF-8 bytes of a converter's member names, made once per converter for <see cref="MatchMember(ref Utf8JsonReader, byte[][], ref int)"/>.</summary>
    /// <param name="names">The JSON names, unescaped.</param>
    /// <returns>One UTF-8 array per name, in the same order.</returns>
    public static byte[][] Utf8Names(params string[] names)
    {
        if (names is null) throw new ArgumentNullException(nameof(names));
        var utf8 = new byte[names.Length][];
        for (int i = 0; i < names.Length; i++) utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        return utf8;
    }

    /// <summary>
    /// Which declared member the property name under the reader is: its index in <paramref name="names"/>, or -1 for
    /// an undeclared member. Writers usually emit members in schema order, so the member after the previous match is
    /// tried first (<paramref name="next"/> carries that position): in-order JSON costs one comparison per member.
    /// Escaped names are compared unescaped (<see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>).
    /// </summary>
    /// <param name="reader">The reader, on a PropertyName token.</param>
    /// <param name="names">The declared members' UTF-8 names.</param>
    /// <param name="next">The index to try first; updated to follow the match.</param>
    /// <returns>The member's index, or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MatchMember(ref Utf8JsonReader reader, byte[][] names, ref int next)
    {
        if (names is null) throw new ArgumentNullException(nameof(names));
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return MatchMemberUnescaping(ref reader, names, ref next);
        }
        // The common case: the name is one contiguous span without escapes, compared as bytes (length first).
        ReadOnlySpan<byte> name = reader.ValueSpan;
        int count = names.Length;
        if ((uint)next < (uint)count && name.SequenceEqual(names[next]))
        {
            return next++;
        }
        return MatchMemberScan(name, names, ref next);
    }

    /// <summary>Out of order: every other name, compared by length and first byte before the bytes.</summary>
    private static int MatchMemberScan(ReadOnlySpan<byte> name, byte[][] names, ref int next)
    {
        if (name.IsEmpty)
        {
            return MatchEmptyName(names, ref next);
        }
        byte first = name[0];
        int length = name.Length;
        for (int i = 0; i < names.Length; i++)
        {
            byte[] candidate = names[i];
            if (candidate.Length == length && candidate[0] == first && i != next && name.SequenceEqual(candidate))
            {
                next = i + 1;
                return i;
            }
        }
        return -1;
    }

    private static int MatchEmptyName(byte[][] names, ref int next)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                next = i + 1;
                return i;
            }
        }
        return -1;
    }

    /// <summary>Escaped or multi-segment names: compared unescaped by the reader.</summary>
    private static int MatchMemberUnescaping(ref Utf8JsonReader reader, byte[][] names, ref int next)
    {
        if ((uint)next < (uint)names.Length && reader.ValueTextEquals(names[next]))
        {
            return next++;
        }
        for (int i = 0; i < names.Length; i++)
        {
            if (i != next && reader.ValueTextEquals(names[i]))
            {
                next = i + 1;
                return i;
            }
        }
        return -1;
    }
}
