using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// Builds the <see cref="JsonException"/>s of <see cref="ModelJson"/> (kept out of line so the hot paths stay small).
/// Messages describe what was expected and what was found; the path is added by the callers up the stack.
/// </summary>
internal static class ModelJsonErrors
{
    private const int MaxQuotedLength = 64;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JsonException WrongToken(ref Utf8JsonReader reader, string expected)
        => new("Expected " + expected + ", got " + Describe(ref reader) + ".");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JsonException NumberOutOfRange(ref Utf8JsonReader reader, string typeName)
        => new("Expected a JSON number that fits " + typeName + ", got " + RawText(ref reader) + ".");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JsonException BadString(ref Utf8JsonReader reader, string expected)
        => new("Expected " + expected + ", got \"" + Truncate(reader.GetString() ?? "") + "\".");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JsonException EndOfData(string where)
        => new("Unexpected end of the JSON data " + where + ".");

    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "the number " + RawText(ref reader),
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.Comment => "a comment",
        _ => "no value",
    };

    /// <summary>The token's raw UTF-8 text, shortened for messages.</summary>
    public static string RawText(ref Utf8JsonReader reader)
    {
        byte[] bytes = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        int length = bytes.Length > MaxQuotedLength * 4 ? MaxQuotedLength * 4 : bytes.Length;
        return Truncate(Encoding.UTF8.GetString(bytes, 0, length), bytes.Length > length);
    }

    private static string Truncate(string text, bool alreadyShortened = false)
        => text.Length > MaxQuotedLength ? text.Substring(0, MaxQuotedLength) + "..." : alreadyShortened ? text + "..." : text;
}
