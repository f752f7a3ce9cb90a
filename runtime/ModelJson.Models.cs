using System;

namespace GenerationModels.Runtime;

public static partial class ModelJson
{
    /// <summary>The error of a generated <c>IsSet</c>/<c>Unset</c> given a name that is not one of the model's optional members.</summary>
    /// <param name="typeName">The model's C# name.</param>
    /// <param name="propertyName">The name given.</param>
    /// <returns>The exception to throw.</returns>
    public static ArgumentException NotAnOptionalMember(string typeName, string propertyName)
        => new("'" + propertyName + "' is not an optional member of " + typeName + "; pass a property name with nameof (required members are always set).", nameof(propertyName));

    /// <summary>The value of a generated union factory's argument, which must not be null (a union holds exactly one case).</summary>
    /// <typeparam name="T">The case type.</typeparam>
    /// <param name="value">The case value.</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static T NotNull<T>(T value, string parameterName) => value is null ? throw new ArgumentNullException(parameterName) : value;

    /// <summary>The index of a generated enum's <c>Known</c> member among its listed values.</summary>
    /// <param name="known">The member, as an integer.</param>
    /// <param name="count">How many values the enum lists.</param>
    /// <returns><paramref name="known"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="known"/> is not a member.</exception>
    public static int KnownIndex(int known, int count)
        => (uint)known < (uint)count ? known : throw new ArgumentOutOfRangeException(nameof(known), known, "Not a member of the enum's Known values.");
}
