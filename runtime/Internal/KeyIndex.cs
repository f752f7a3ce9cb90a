using System;
using System.Collections.Generic;
using System.Threading;
#if NET8_0_OR_GREATER
using System.Collections.Frozen;
#endif

namespace GenerationModels.Runtime;

/// <summary>
/// Ordinal key lookup over an immutable array of distinct keys. Up to <see cref="LinearThreshold"/> keys are scanned
/// linearly; above that an index (a <c>FrozenDictionary</c> on .NET 8+, a <c>Dictionary</c> on netstandard2.0) is built
/// on the first lookup and published with <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>, so concurrent readers
/// are safe (at worst two threads build it and one copy wins).
/// </summary>
internal sealed class KeyIndex
{
    public const int LinearThreshold = 8;

#if NET8_0_OR_GREATER
    private readonly FrozenDictionary<string, int> _positions;
#else
    private readonly Dictionary<string, int> _positions;
#endif

    private KeyIndex(string[] keys)
    {
        var positions = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (int i = 0; i < keys.Length; i++)
        {
            positions[keys[i]] = i;
        }
#if NET8_0_OR_GREATER
        _positions = positions.ToFrozenDictionary(StringComparer.Ordinal);
#else
        _positions = positions;
#endif
    }

    /// <summary>The position of <paramref name="key"/> in <paramref name="keys"/>, or -1.</summary>
    public static int IndexOf(string[] keys, string key, ref KeyIndex? cache)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
        if (keys.Length <= LinearThreshold)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                if (string.Equals(keys[i], key, StringComparison.Ordinal))
                {
                    return i;
                }
            }
            return -1;
        }
        KeyIndex index = Volatile.Read(ref cache) ?? Create(keys, ref cache);
        return index._positions.TryGetValue(key, out int position) ? position : -1;
    }

    private static KeyIndex Create(string[] keys, ref KeyIndex? cache)
    {
        var created = new KeyIndex(keys);
        return Interlocked.CompareExchange(ref cache, created, null) ?? created;
    }
}
