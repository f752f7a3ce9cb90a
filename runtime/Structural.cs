using System.ComponentModel;

namespace GenerationModels.Runtime;

/// <summary>
/// The storage of a generated model's list, map and <see cref="System.Text.Json.JsonElement"/> members: the value with
/// <see cref="StructuralEquality"/>, so that the record's own (compiler-written) equality and hash code compare such
/// members by value, whatever collection a user passed. Generated code only; the model's property exposes
/// <see cref="Value"/>.
/// </summary>
/// <typeparam name="T">The member's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Structural<T> : System.IEquatable<Structural<T>>
{
    /// <summary>The member's value.</summary>
    public readonly T Value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    /// <param name="value">The member's value.</param>
    public Structural(T value) => Value = value;

    /// <summary>Structural equality of the values.</summary>
    /// <param name="other">The other member.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Structural<T> other) => StructuralEquality.AreEqual(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Structural<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StructuralEquality.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value?.ToString() ?? "";
}
