using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// The value equality generated models use for their members, whatever concrete collection a user passed:
/// <list type="bullet">
/// <item>lists (any <see cref="IEnumerable"/> that is not a map or a string: arrays, <see cref="List{T}"/>,
/// collection expressions, <see cref="FrozenList{T}"/>) are equal when they have the same length and pairwise equal
/// elements, in order;</item>
/// <item>string-keyed maps (<see cref="FrozenMap{TValue}"/>, <see cref="OpenDictionary"/>, and any dictionary that
/// implements the non-generic <see cref="IDictionary"/>, as <see cref="Dictionary{TKey, TValue}"/> and the immutable and
/// frozen dictionaries do) are equal when they have the same keys (ordinal) with equal values, in any order: JSON object
/// member order carries no meaning (RFC 8259 §4);</item>
/// <item><see cref="JsonElement"/>s compare as JSON (<see cref="JsonValueEquality"/>);</item>
/// <item>everything else, generated models included, by <see cref="EqualityComparer{T}.Default"/>.</item>
/// </list>
/// Nested collections compare the same way at any depth. Hash codes are consistent with equality (a map's hash does not
/// depend on member order). Symmetric by construction: both sides go through the same rules.
/// </summary>
public static class StructuralEquality
{
    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> are structurally equal.</summary>
    /// <typeparam name="T">The static type; value types other than <see cref="JsonElement"/> use their own equality without boxing.</typeparam>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    /// <returns>True when equal.</returns>
    public static bool AreEqual<T>(T? left, T? right)
    {
        if (typeof(T) == typeof(JsonElement) || default(T) is null)
        {
            return ObjectEquals(left, right);
        }
        return EqualityComparer<T>.Default.Equals(left!, right!);
    }

    /// <summary>A hash code consistent with <see cref="AreEqual{T}(T, T)"/>; 0 for null.</summary>
    /// <typeparam name="T">The static type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The hash code.</returns>
    public static int GetHashCode<T>(T? value)
    {
        if (typeof(T) == typeof(JsonElement) || default(T) is null)
        {
            return ObjectHash(value, 0);
        }
        return EqualityComparer<T>.Default.GetHashCode(value!);
    }

    /// <summary>Below this depth a hash only looks at the count: still consistent with equality, and bounded.</summary>
    private const int MaxHashDepth = 16;

    private static bool ObjectEquals(object? left, object? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }
        if (left is null || right is null)
        {
            return false;
        }
        if (left is JsonElement leftElement)
        {
            return right is JsonElement rightElement && JsonElementComparison.AreEqual(leftElement, rightElement);
        }
        if (left is string || right is string)
        {
            return left.Equals(right);
        }
        bool leftMap = IsMap(left);
        bool rightMap = IsMap(right);
        if (leftMap || rightMap)
        {
            return leftMap && rightMap && MapEquals(left, right);
        }
        if (left is IEnumerable leftItems && right is IEnumerable rightItems)
        {
            return SequenceEquals(leftItems, rightItems);
        }
        return left.Equals(right);
    }

    private static int ObjectHash(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return 0;
            case JsonElement element:
                return JsonElementComparison.GetHashCode(element);
            case string text:
                return StringComparer.Ordinal.GetHashCode(text);
            case IStructuralMap map:
                return MapHash(map.BoxedMembers(), map.Count, depth);
            case IDictionary dictionary when AllStringKeys(dictionary):
                return MapHash(Members(dictionary), dictionary.Count, depth);
            case IEnumerable items:
                int hash = 17;
                if (depth >= MaxHashDepth)
                {
                    return hash;
                }
                foreach (object? item in items)
                {
                    hash = HashCombiner.Combine(hash, ObjectHash(item, depth + 1));
                }
                return hash;
            default:
                return value.GetHashCode();
        }
    }

    private static int MapHash(IEnumerable<KeyValuePair<string, object?>> members, int count, int depth)
    {
        if (depth >= MaxHashDepth)
        {
            return count;
        }
        int sum = 0;
        foreach (KeyValuePair<string, object?> member in members)
        {
            unchecked
            {
                sum += HashCombiner.Combine(StringComparer.Ordinal.GetHashCode(member.Key), ObjectHash(member.Value, depth + 1));
            }
        }
        return HashCombiner.Combine(count, sum);
    }

    private static bool IsMap(object value) => value is IStructuralMap || (value is IDictionary dictionary && AllStringKeys(dictionary));

    private static bool AllStringKeys(IDictionary dictionary)
    {
        foreach (object key in dictionary.Keys)
        {
            if (key is not string)
            {
                return false;
            }
        }
        return true;
    }

    private static bool SequenceEquals(IEnumerable left, IEnumerable right)
    {
        if (left is ICollection leftCollection && right is ICollection rightCollection && leftCollection.Count != rightCollection.Count)
        {
            return false;
        }
        IEnumerator l = left.GetEnumerator();
        IEnumerator r = right.GetEnumerator();
        try
        {
            while (true)
            {
                bool moreLeft = l.MoveNext();
                bool moreRight = r.MoveNext();
                if (moreLeft != moreRight)
                {
                    return false;
                }
                if (!moreLeft)
                {
                    return true;
                }
                if (!ObjectEquals(l.Current, r.Current))
                {
                    return false;
                }
            }
        }
        finally
        {
            (l as IDisposable)?.Dispose();
            (r as IDisposable)?.Dispose();
        }
    }

    private static bool MapEquals(object left, object right)
    {
        if (MapCount(left) != MapCount(right))
        {
            return false;
        }
        foreach (KeyValuePair<string, object?> member in MapMembers(left))
        {
            if (!TryGetMember(right, member.Key, out object? other) || !ObjectEquals(member.Value, other))
            {
                return false;
            }
        }
        return true;
    }

    private static int MapCount(object map) => map is IStructuralMap structural ? structural.Count : ((IDictionary)map).Count;

    private static IEnumerable<KeyValuePair<string, object?>> MapMembers(object map)
        => map is IStructuralMap structural ? structural.BoxedMembers() : Members((IDictionary)map);

    private static bool TryGetMember(object map, string key, out object? value)
    {
        if (map is IStructuralMap structural)
        {
            return structural.TryGetBoxed(key, out value);
        }
        var dictionary = (IDictionary)map;
        if (dictionary.Contains(key))
        {
            value = dictionary[key];
            return true;
        }
        value = null;
        return false;
    }

    private static IEnumerable<KeyValuePair<string, object?>> Members(IDictionary dictionary)
    {
        IDictionaryEnumerator members = dictionary.GetEnumerator();
        while (members.MoveNext())
        {
            yield return new KeyValuePair<string, object?>((string)members.Key, members.Value);
        }
    }
}

/// <summary>A string-keyed map of the runtime whose values <see cref="StructuralEquality"/> reads without reflection.</summary>
internal interface IStructuralMap
{
    int Count { get; }

    bool TryGetBoxed(string key, out object? value);

    IEnumerable<KeyValuePair<string, object?>> BoxedMembers();
}
