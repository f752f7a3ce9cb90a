using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// The JSON members a model does not declare (its <c>[JsonExtensionData]</c>), in document order, so that writing the
/// model back loses nothing. Read-only: <see cref="IsReadOnly"/> is true and every mutator of
/// <see cref="IDictionary{TKey, TValue}"/> throws <see cref="NotSupportedException"/>. Values are self-contained
/// <see cref="JsonElement"/>s (nothing to dispose). Equality: same names in the same order and values equal as JSON
/// (see <see cref="JsonValueEquality"/> for what that means on each build).
/// </summary>
[DebuggerDisplay("Count = {Count}")]
[DebuggerTypeProxy(typeof(OpenDictionaryDebugView))]
public sealed class OpenDictionary : IDictionary<string, JsonElement>, IReadOnlyDictionary<string, JsonElement>, IEquatable<OpenDictionary>, IStructuralMap
{
    private readonly FrozenMap<JsonElement> _members;

    /// <summary>
    /// Copies <paramref name="members"/> in order. A repeated name replaces the earlier value but keeps the earlier
    /// position. Each value is made self-contained with <see cref="JsonElement.Clone"/>, which costs nothing for
    /// elements that already are (from <see cref="JsonElement.ParseValue"/>, <c>Clone</c> or <c>JsonSerializer</c>)
    /// and copies elements that belong to a <see cref="JsonDocument"/>, so disposing that document later is safe.
    /// </summary>
    /// <param name="members">The members.</param>
    /// <exception cref="ArgumentException">A name is null, or a value is <c>default(JsonElement)</c>.</exception>
    public OpenDictionary(IEnumerable<KeyValuePair<string, JsonElement>> members)
    {
        if (members is null)
        {
            throw new ArgumentNullException(nameof(members));
        }
        _members = new FrozenMap<JsonElement>(Cloned(members));
    }

    private OpenDictionary(FrozenMap<JsonElement> members) => _members = members;

    /// <summary>The empty dictionary.</summary>
    public static OpenDictionary Empty { get; } = new(FrozenMap<JsonElement>.Empty);

    /// <summary>Members parsed by <see cref="JsonElement.ParseValue"/>: already self-contained, not cloned again.</summary>
    internal static OpenDictionary FromMap(FrozenMap<JsonElement> members) => new(members);


    /// <summary>The number of members.</summary>
    public int Count => _members.Count;

    /// <summary>Always true.</summary>
    public bool IsReadOnly => true;

    /// <summary>The names, in document order.</summary>
    public IReadOnlyList<string> Keys => _members.KeyView;

    /// <summary>The values, in document order.</summary>
    public IReadOnlyList<JsonElement> Values => _members.ValueView;

    ICollection<string> IDictionary<string, JsonElement>.Keys => _members.KeyView;

    ICollection<JsonElement> IDictionary<string, JsonElement>.Values => _members.ValueView;

    IEnumerable<string> IReadOnlyDictionary<string, JsonElement>.Keys => _members.KeyView;

    IEnumerable<JsonElement> IReadOnlyDictionary<string, JsonElement>.Values => _members.ValueView;

    /// <summary>The value of member <paramref name="key"/>.</summary>
    /// <param name="key">The member name (ordinal).</param>
    /// <exception cref="KeyNotFoundException">There is no such member.</exception>
    public JsonElement this[string key] => _members[key];

    JsonElement IDictionary<string, JsonElement>.this[string key]
    {
        get => _members[key];
        set => throw ReadOnly();
    }

    /// <summary>Whether there is a member named <paramref name="key"/> (ordinal).</summary>
    /// <param name="key">The member name.</param>
    /// <returns>True when present.</returns>
    public bool ContainsKey(string key) => _members.ContainsKey(key);

    /// <summary>Gets the value of member <paramref name="key"/>, if present.</summary>
    /// <param name="key">The member name (ordinal).</param>
    /// <param name="value">The value, or <c>default(JsonElement)</c>.</param>
    /// <returns>True when present.</returns>
    public bool TryGetValue(string key, out JsonElement value) => _members.TryGetValue(key, out value);

    /// <summary>Writes every member as a property (name, then value) into the object <paramref name="writer"/> has open.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }
        foreach (KeyValuePair<string, JsonElement> member in _members)
        {
            writer.WritePropertyName(member.Key);
            member.Value.WriteTo(writer);
        }
    }

    /// <summary>Returns an allocation-free enumerator over the members in document order.</summary>
    /// <returns>The enumerator.</returns>
    public FrozenMap<JsonElement>.Enumerator GetEnumerator() => _members.GetEnumerator();

    IEnumerator<KeyValuePair<string, JsonElement>> IEnumerable<KeyValuePair<string, JsonElement>>.GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _members.GetEnumerator();

    bool ICollection<KeyValuePair<string, JsonElement>>.Contains(KeyValuePair<string, JsonElement> item)
        => _members.TryGetValue(item.Key, out JsonElement value) && JsonValueEquality.AreEqual(value, item.Value);

    void ICollection<KeyValuePair<string, JsonElement>>.CopyTo(KeyValuePair<string, JsonElement>[] array, int arrayIndex)
    {
        if (array is null)
        {
            throw new ArgumentNullException(nameof(array));
        }
        if (arrayIndex < 0 || arrayIndex > array.Length - Count)
        {
            throw new ArgumentOutOfRangeException(nameof(arrayIndex));
        }
        foreach (KeyValuePair<string, JsonElement> member in _members)
        {
            array[arrayIndex++] = member;
        }
    }

    void IDictionary<string, JsonElement>.Add(string key, JsonElement value) => throw ReadOnly();

    bool IDictionary<string, JsonElement>.Remove(string key) => throw ReadOnly();

    void ICollection<KeyValuePair<string, JsonElement>>.Add(KeyValuePair<string, JsonElement> item) => throw ReadOnly();

    bool ICollection<KeyValuePair<string, JsonElement>>.Remove(KeyValuePair<string, JsonElement> item) => throw ReadOnly();

    void ICollection<KeyValuePair<string, JsonElement>>.Clear() => throw ReadOnly();

    /// <summary>Same names in the same order, values equal as JSON (<see cref="JsonValueEquality"/>).</summary>
    /// <param name="other">The other dictionary.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(OpenDictionary? other) => other is not null && (ReferenceEquals(this, other) || _members.Equals(other._members));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OpenDictionary);

    /// <summary>A hash consistent with <see cref="Equals(OpenDictionary)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _members.GetHashCode();

    /// <summary>Value equality; two nulls are equal.</summary>
    /// <param name="left">A dictionary.</param>
    /// <param name="right">Another dictionary.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(OpenDictionary? left, OpenDictionary? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A dictionary.</param>
    /// <param name="right">Another dictionary.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(OpenDictionary? left, OpenDictionary? right) => !(left == right);

    /// <summary>The members in document order as JSON-like text, shortened after 32 (<c>{"extra": {"a":1}}</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => DisplayText.OfMap(_members);

    bool IStructuralMap.TryGetBoxed(string key, out object? value) => ((IStructuralMap)_members).TryGetBoxed(key, out value);

    IEnumerable<KeyValuePair<string, object?>> IStructuralMap.BoxedMembers() => ((IStructuralMap)_members).BoxedMembers();

    private static NotSupportedException ReadOnly() => new("OpenDictionary is read-only.");

    private static IEnumerable<KeyValuePair<string, JsonElement>> Cloned(IEnumerable<KeyValuePair<string, JsonElement>> members)
    {
        foreach (KeyValuePair<string, JsonElement> member in members)
        {
            if (member.Value.ValueKind == JsonValueKind.Undefined)
            {
                throw new ArgumentException("The value of member '" + member.Key + "' is default(JsonElement), which cannot be written.", nameof(members));
            }
            yield return new KeyValuePair<string, JsonElement>(member.Key, member.Value.Clone());
        }
    }
}

/// <summary>What the debugger shows inside an <see cref="OpenDictionary"/>: its members, in document order.</summary>
internal sealed class OpenDictionaryDebugView
{
    private readonly OpenDictionary _dictionary;

    public OpenDictionaryDebugView(OpenDictionary dictionary) => _dictionary = dictionary;

    [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
    public KeyValuePair<string, JsonElement>[] Members
    {
        get
        {
            var members = new KeyValuePair<string, JsonElement>[_dictionary.Count];
            ((ICollection<KeyValuePair<string, JsonElement>>)_dictionary).CopyTo(members, 0);
            return members;
        }
    }
}
