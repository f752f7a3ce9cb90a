namespace GenerationModels.Generator.Helpers;

/// <summary>Text from a doc is made valid UTF-16 before anything else touches it.</summary>
internal static class Utf16
{
    /// <summary>
    /// Replaces lone surrogates with U+FFFD: such a name is not valid UTF-16, cannot be a UTF-8 literal, and could not
    /// have come from a JSON document anyway (JSON text is Unicode).
    /// </summary>
    public static string Valid(string value)
    {
        char[]? copy = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool paired = char.IsHighSurrogate(c) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(value[i - 1]));
            if (paired)
            {
                if (char.IsHighSurrogate(c)) i++;
                continue;
            }
            copy ??= value.ToCharArray();
            copy[i] = '\uFFFD';
        }
        return copy is null ? value : new string(copy);
    }
}
