using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
#if NETCOREAPP3_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif

namespace GenerationModels.Runtime;

/// <summary>
/// An immutable string-keyed map that keeps insertion order, with value equality; the runtime type of generated
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> properties read from JSON. Keys are compared ordinally. Lookups scan
/// linearly up to 8 keys; above that an index is built on first lookup (a <c>FrozenDictionary</c> on .NET 8+, a
/// <c>Dictionary</c> on netstandard2.0), safely under concurrent reads.
/// </summary>
/// <remarks>
/// Not sealed only so that a map read from JSON with values in a non-canonical form can keep their text in an internal
/// subclass. Equality, hash code and text are sealed. Do not derive from it: the JSON writer writes the entries this
/// class holds, whatever a subclass's own members return.
/// </remarks>
/// <typeparam name="TValue">The value type.</typeparam>
[DebuggerDisplay("Count = {Count}")]
[DebuggerTypeProxy(typeof(FrozenMapDebugView<>))]
public class FrozenMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<FrozenMap<TValue>>, IStructuralMap
{
    private readonly string[] _keys;
    private readonly TValue[] _values;
    private KeyIndex? _index;
    private ReadOnlyCollection<string>? _keyView;
    private ReadOnlyCollection<TValue>? _valueView;

    /// <summary>
    /// Copies <paramref name="members"/> in order. A repeated key keeps its first position and takes the last value.
    /// </summary>
    /// <param name="members">The members.</param>
    /// <exception cref="ArgumentException">A key is null.</exception>
    public FrozenMap(IEnumerable<KeyValuePair<string, TValue>> members)
    {
        OrderedMembers.Build(members, out _keys, out _values);
    }

    private protected FrozenMap(string[] keys, TValue[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>
    /// Wraps arrays the caller gives up (distinct keys, same length); used by <see cref="OrderedMapBuilder{TValue}"/>.
    /// The texts of values read in a non-canonical form, if any, go to a <see cref="KeptTextMap{TValue}"/>.
    /// </summary>
    internal static FrozenMap<TValue> FromOwnedArrays(string[] keys, TValue[] values, RawValues raw = default)
        => raw.Count == 0 ? new FrozenMap<TValue>(keys, values) : new KeptTextMap<TValue>(keys, values, raw);

    internal string KeyAt(int index) => _keys[index];

    internal TValue ValueAt(int index) => _values[index];

    /// <summary>The empty map.</summary>
    public static FrozenMap<TValue> Empty { get; } = new(Array.Empty<string>(), Array.Empty<TValue>());

    /// <summary>The number of members.</summary>
    public int Count => _keys.Length;

    /// <summary>The keys, in order.</summary>
    public IReadOnlyList<string> Keys => KeyView;

    /// <summary>The values, in key order.</summary>
    public IReadOnlyList<TValue> Values => ValueView;

    IEnumerable<string> IReadOnlyDictionary<string, TValue>.Keys => KeyView;

    IEnumerable<TValue> IReadOnlyDictionary<string, TValue>.Values => ValueView;

    internal ReadOnlyCollection<string> KeyView => _keyView ??= new ReadOnlyCollection<string>(_keys);

    internal ReadOnlyCollection<TValue> ValueView => _valueView ??= new ReadOnlyCollection<TValue>(_values);

    /// <summary>The value of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="KeyNotFoundException">There is no such key.</exception>
    public TValue this[string key]
    {
        get
        {
            int index = IndexOf(key);
            if (index < 0)
            {
                throw new KeyNotFoundException("The key '" + key + "' is not in the map.");
            }
            return _values[index];
        }
    }

    /// <summary>Whether the map has <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when present.</returns>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Gets the value of <paramref name="key"/>, if present.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or default.</param>
    /// <returns>True when present.</returns>
    public bool TryGetValue(
        string key,
#if NETCOREAPP3_0_OR_GREATER
        [MaybeNullWhen(false)]
#endif
        out TValue value)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            // netstandard2.0's IReadOnlyDictionary has no MaybeNullWhen: default! keeps both builds warning-free.
            value = default!;
            return false;
        }
        value = _values[index];
        return true;
    }

    /// <summary>The position of <paramref name="key"/> in enumeration order, or -1.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The position, or -1.</returns>
    public int IndexOf(string key) => KeyIndex.IndexOf(_keys, key, ref _index);

    /// <summary>Returns an allocation-free enumerator over the members in order.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_keys, _values);

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Same keys in the same order with equal values (<see cref="JsonValueEquality.AreEqual{T}(T, T)"/>). Order matters,
    /// so equal maps always write the same JSON.
    /// </summary>
    /// <param name="other">The other map.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(FrozenMap<TValue>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other._keys.Length != _keys.Length)
        {
            return false;
        }
        for (int i = 0; i < _keys.Length; i++)
        {
            if (!string.Equals(_keys[i], other._keys[i], StringComparison.Ordinal) || !JsonValueEquality.AreEqual(_values[i], other._values[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => Equals(obj as FrozenMap<TValue>);

    /// <summary>A hash over keys and values, consistent with <see cref="Equals(FrozenMap{TValue})"/>.</summary>
    /// <returns>The hash code.</returns>
    public sealed override int GetHashCode()
    {
        int hash = _keys.Length;
        for (int i = 0; i < _keys.Length; i++)
        {
            hash = HashCombiner.Combine(hash, StringComparer.Ordinal.GetHashCode(_keys[i]));
            hash = HashCombiner.Combine(hash, JsonValueEquality.GetHashCode(_values[i]));
        }
        return hash;
    }

    /// <summary>The members in order, JSON-like and shortened after 32 (<c>{"a": 1, "b": 2}</c>).</summary>
    /// <returns>The text.</returns>
    public sealed override string ToString() => DisplayText.OfMap(this);

    bool IStructuralMap.TryGetBoxed(string key, out object? value)
    {
        bool found = TryGetValue(key, out TValue? typed);
        value = typed;
        return found;
    }

    IEnumerable<KeyValuePair<string, object?>> IStructuralMap.BoxedMembers()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    /// <summary>Value equality; two nulls are equal.</summary>
    /// <param name="left">A map.</param>
    /// <param name="right">Another map.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(FrozenMap<TValue>? left, FrozenMap<TValue>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A map.</param>
    /// <param name="right">Another map.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(FrozenMap<TValue>? left, FrozenMap<TValue>? right) => !(left == right);

    /// <summary>An allocation-free enumerator over the members of a <see cref="FrozenMap{TValue}"/>, in order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, TValue>>
    {
        private readonly string[] _keys;
        private readonly TValue[] _values;
        private int _index;

        internal Enumerator(string[] keys, TValue[] values)
        {
            _keys = keys;
            _values = values;
            _index = -1;
        }

        /// <summary>The current member.</summary>
        public readonly KeyValuePair<string, TValue> Current => new(_keys[_index], _values[_index]);

        readonly object IEnumerator.Current => Current;

        /// <summary>Advances to the next member.</summary>
        /// <returns>False past the end.</returns>
        public bool MoveNext()
        {
            int next = _index + 1;
            if (next < _keys.Length)
            {
                _index = next;
                return true;
            }
            _index = _keys.Length;
            return false;
        }

        /// <summary>Goes back before the first member.</summary>
        public void Reset() => _index = -1;

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}

/// <summary>
/// A map read from JSON some of whose values were in a non-canonical form: their texts, slot = position, written back
/// while the map is written (it is immutable, so the values still hold the values read). Never part of equality.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class KeptTextMap<TValue> : FrozenMap<TValue>
{
    public KeptTextMap(string[] keys, TValue[] values, RawValues raw)
        : base(keys, values) => Raw = raw;

    public RawValues Raw { get; }
}

/// <summary>What the debugger shows inside a <see cref="FrozenMap{TValue}"/>: its members, in order.</summary>
internal sealed class FrozenMapDebugView<TValue>
{
    private readonly FrozenMap<TValue> _map;

    public FrozenMapDebugView(FrozenMap<TValue> map) => _map = map;

    [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
    public KeyValuePair<string, TValue>[] Members
    {
        get
        {
            var members = new KeyValuePair<string, TValue>[_map.Count];
            int i = 0;
            foreach (KeyValuePair<string, TValue> member in _map)
            {
                members[i++] = member;
            }
            return members;
        }
    }
}
