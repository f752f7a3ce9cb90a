using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace GenerationModels.Runtime;

/// <summary>
/// An immutable list with value equality (elements compared by <see cref="JsonValueEquality"/>), the runtime type of
/// generated <see cref="IReadOnlyList{T}"/> properties read from JSON.
/// </summary>
/// <remarks>
/// Not sealed only so that a list read from JSON with elements in a non-canonical form (<c>1.0</c>, <c>"12.34"</c>) can
/// keep their text in an internal subclass, written back when the list is written: a canonical list
/// holds its elements and nothing else. Equality, hash code and text are sealed: a subclass cannot change them. Do not
/// derive from it: the JSON writer writes the elements this class holds, whatever a subclass's own members return.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
[DebuggerDisplay("Count = {Count}")]
[DebuggerTypeProxy(typeof(FrozenListDebugView<>))]
public class FrozenList<T> : IReadOnlyList<T>, IEquatable<FrozenList<T>>
{
    private readonly T[] _items;

    /// <summary>Wraps <paramref name="items"/> without copying: the list takes ownership, so the caller must not change the array afterwards.</summary>
    /// <param name="items">The elements.</param>
    public FrozenList(T[] items) => _items = items ?? throw new ArgumentNullException(nameof(items));

    /// <summary>Copies <paramref name="items"/>.</summary>
    /// <param name="items">The elements.</param>
    public FrozenList(IEnumerable<T> items) => _items = (items ?? throw new ArgumentNullException(nameof(items))).ToArray();

    /// <summary>The empty list.</summary>
    public static FrozenList<T> Empty { get; } = new(Array.Empty<T>());

    /// <summary>The number of elements.</summary>
    public int Count => _items.Length;

    /// <summary>The element at <paramref name="index"/>.</summary>
    /// <param name="index">A zero-based index.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T this[int index] => _items[index];

    /// <summary>The elements as a read-only span.</summary>
    /// <returns>The span.</returns>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>Returns an allocation-free enumerator.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Same length and pairwise equal elements (<see cref="JsonValueEquality.AreEqual{T}(T, T)"/>).</summary>
    /// <param name="other">The other list.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(FrozenList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }
        T[] mine = _items;
        T[] theirs = other._items;
        for (int i = 0; i < mine.Length; i++)
        {
            if (!JsonValueEquality.AreEqual(mine[i], theirs[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => Equals(obj as FrozenList<T>);

    /// <summary>A hash over the elements, consistent with <see cref="Equals(FrozenList{T})"/>.</summary>
    /// <returns>The hash code.</returns>
    public sealed override int GetHashCode()
    {
        int hash = _items.Length;
        foreach (T item in _items)
        {
            hash = HashCombiner.Combine(hash, JsonValueEquality.GetHashCode(item));
        }
        return hash;
    }

    /// <summary>The elements, JSON-like and shortened after 32 (<c>[1, 2, 3]</c>, <c>["a", "b"]</c>).</summary>
    /// <returns>The text.</returns>
    public sealed override string ToString() => DisplayText.OfList(_items);

    /// <summary>Value equality; two nulls are equal.</summary>
    /// <param name="left">A list.</param>
    /// <param name="right">Another list.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(FrozenList<T>? left, FrozenList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A list.</param>
    /// <param name="right">Another list.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(FrozenList<T>? left, FrozenList<T>? right) => !(left == right);

    /// <summary>An allocation-free enumerator over a <see cref="FrozenList{T}"/>.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current element.</summary>
        public readonly T Current => _items[_index];

        readonly object? IEnumerator.Current => Current;

        /// <summary>Advances to the next element.</summary>
        /// <returns>False past the end.</returns>
        public bool MoveNext()
        {
            int next = _index + 1;
            if (next < _items.Length)
            {
                _index = next;
                return true;
            }
            _index = _items.Length;
            return false;
        }

        /// <summary>Goes back before the first element.</summary>
        public void Reset() => _index = -1;

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}

/// <summary>
/// A list read from JSON some of whose elements were in a non-canonical form: their texts, slot = index, written back
/// while the list is written (it is immutable, so the elements still hold the values read). Never part of equality.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class KeptTextList<T> : FrozenList<T>
{
    public KeptTextList(T[] items, RawValues raw)
        : base(items) => Raw = raw;

    public RawValues Raw { get; }
}

/// <summary>What the debugger shows inside a <see cref="FrozenList{T}"/>: its elements.</summary>
internal sealed class FrozenListDebugView<T>
{
    private readonly FrozenList<T> _list;

    public FrozenListDebugView(FrozenList<T> list) => _list = list;

    [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
    public T[] Items => _list.AsSpan().ToArray();
}
