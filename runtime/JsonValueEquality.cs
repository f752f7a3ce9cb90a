using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// Value equality for the values a model holds. <see cref="JsonElement"/>s compare as JSON: on .NET 9+ builds with
/// <c>JsonElement.DeepEquals</c> (whitespace, member order, escaping and number spelling do not matter); on the
/// netstandard2.0 and net8.0 builds by kind and raw JSON text, ordinally (so <c>{"a":1}</c> and <c>{ "a" : 1 }</c>
/// differ, while the same text read twice is equal). <c>default(JsonElement)</c> equals only itself.
/// Everything else, <see cref="FrozenList{T}"/>, <see cref="FrozenMap{TValue}"/> and <see cref="OpenDictionary"/>
/// included, uses <see cref="EqualityComparer{T}.Default"/> (their own value equality).
/// </summary>
public static class JsonValueEquality
{
    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> are equal as values.</summary>
    /// <typeparam name="T">The static type; <see cref="JsonElement"/> is recognized without boxing on .NET 8+.</typeparam>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    /// <returns>True when equal.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AreEqual<T>(T? left, T? right)
    {
        if (typeof(T) == typeof(JsonElement))
        {
#if NET8_0_OR_GREATER
            return JsonElementComparison.AreEqual(Unsafe.As<T?, JsonElement>(ref left), Unsafe.As<T?, JsonElement>(ref right));
#else
            return JsonElementComparison.AreEqual((JsonElement)(object)left!, (JsonElement)(object)right!);
#endif
        }
        if (default(T) is null)
        {
            // Reference types and Nullable<T>: a JsonElement may hide behind object or JsonElement?.
            object? l = left;
            object? r = right;
            if (ReferenceEquals(l, r))
            {
                return true;
            }
            if (l is null || r is null)
            {
                return false;
            }
            if (l is JsonElement leftElement)
            {
                return r is JsonElement rightElement && JsonElementComparison.AreEqual(leftElement, rightElement);
            }
        }
        return EqualityComparer<T>.Default.Equals(left!, right!);
    }

    /// <summary>A hash code consistent with <see cref="AreEqual{T}(T, T)"/>; 0 for null.</summary>
    /// <typeparam name="T">The static type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The hash code.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GetHashCode<T>(T? value)
    {
        if (typeof(T) == typeof(JsonElement))
        {
#if NET8_0_OR_GREATER
            return JsonElementComparison.GetHashCode(Unsafe.As<T?, JsonElement>(ref value));
#else
            return JsonElementComparison.GetHashCode((JsonElement)(object)value!);
#endif
        }
        if (default(T) is null)
        {
            object? boxed = value;
            if (boxed is null)
            {
                return 0;
            }
            if (boxed is JsonElement element)
            {
                return JsonElementComparison.GetHashCode(element);
            }
        }
        return EqualityComparer<T>.Default.GetHashCode(value!);
    }

    /// <summary>Whether two elements are equal as JSON (see the class remarks for what that means per build).</summary>
    /// <param name="left">An element.</param>
    /// <param name="right">Another element.</param>
    /// <returns>True when equal.</returns>
    public static bool AreEqual(JsonElement left, JsonElement right) => JsonElementComparison.AreEqual(left, right);

    /// <summary>A hash code consistent with <see cref="AreEqual(JsonElement, JsonElement)"/>.</summary>
    /// <param name="value">The element.</param>
    /// <returns>The hash code.</returns>
    public static int GetHashCode(JsonElement value) => JsonElementComparison.GetHashCode(value);
}
