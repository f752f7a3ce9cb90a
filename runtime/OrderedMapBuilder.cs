using System;
using System.Collections.Generic;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// Collects the members of a JSON object in document order straight into the key and value arrays of a
/// <see cref="FrozenMap{TValue}"/>, which then owns them: no intermediate list of pairs, no second copy. A repeated key
/// replaces the earlier value and keeps the earlier position. Used by generated converters (a local, passed by ref).
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public struct OrderedMapBuilder<TValue>
{
    private const int LinearThreshold = 8;

    private string[]? _keys;
    private TValue[]? _values;
    private Dictionary<string, int>? _positions;
    private int _count;

    /// <summary>How many distinct keys were added.</summary>
    public readonly int Count => _count;

    /// <summary>Adds a member, or replaces the value of an earlier member with the same key.</summary>
    /// <param name="key">The member name.</param>
    /// <param name="value">The value.</param>
    public void Add(string key, TValue value) => Put(key, value);

    /// <summary>As <see cref="Add"/>; returns the member's position.</summary>
    internal int Put(string key, TValue value)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        int existing = IndexOf(key);
        if (existing >= 0)
        {
            _values![existing] = value;
            return existing;
        }
        if (_keys is null || _count == _keys.Length)
        {
            int capacity = _keys is null ? 4 : _keys.Length * 2;
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _values, capacity);
        }
        _keys[_count] = key;
        _values![_count] = value;
        _count++;
        if (_positions is not null)
        {
            _positions.Add(key, _count - 1);
        }
        else if (_count > LinearThreshold)
        {
            // Past a handful of keys, look duplicates up by hash so that large maps stay linear to build.
            _positions = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (int i = 0; i < _count; i++) _positions[_keys[i]] = i;
        }
        return _count - 1;
    }

    private readonly int IndexOf(string key)
    {
        if (_positions is not null) return _positions.TryGetValue(key, out int position) ? position : -1;
        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_keys![i], key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>The map of everything added (the builder must not be used afterwards).</summary>
    /// <returns>The map; <see cref="FrozenMap{TValue}.Empty"/> when nothing was added.</returns>
    public FrozenMap<TValue> ToFrozenMap() => ToFrozenMap(default);

    /// <summary>As <see cref="ToFrozenMap()"/>, with the texts kept for values read in a non-canonical form.</summary>
    internal FrozenMap<TValue> ToFrozenMap(RawValues raw)
    {
        if (_count == 0) return FrozenMap<TValue>.Empty;
        string[] keys = _keys!;
        TValue[] values = _values!;
        if (keys.Length != _count)
        {
            Array.Resize(ref keys, _count);
            Array.Resize(ref values, _count);
        }
        return FrozenMap<TValue>.FromOwnedArrays(keys, values, raw);
    }
}
