using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;

namespace GenerationModels.Fuzz.Tests.Docs;

/// <summary>Docs that are not written by any SDK generator: random characters, random bytes, and soups of markdown tokens.</summary>
public static class RandomDocs
{
    private static readonly Gen<char> Markdown = Gen.Char["#|-*`[]()\\~:_!<>&;\"' {}.,/"];

    private static readonly Gen<char> Hostile = Gen.OneOf(
        Gen.Char['\uD800', '\uDFFF'],
        Gen.Char["\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200C\u200D\u2060\uFEFF\u00AD\u0000\u0001\u001B\u007F\u0085\u2028\u2029\uFFFE\uFFFF"],
        Gen.Char['\u0300', '\u036F'],
        Gen.Char['\u4E00', '\u9FFF']);

    private static readonly Gen<char> AnyChar = Gen.Frequency(
        (8, Markdown),
        (8, Gen.Char.AlphaNumeric),
        (4, Gen.Char[" \t\n\n\n\r"]),
        (2, Hostile),
        (1, Gen.Char));

    private static readonly Gen<string> Characters = AnyChar.Array[0, 3000].Select(chars => new string(chars));

    private static readonly Gen<string> Bytes = Gen.Select(Gen.Byte.Array[0, 4000], Gen.Bool, (bytes, utf8) => utf8 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes));

    private static readonly Gen<string> Piece = Gen.Frequency(
        (4, Gen.OneOf(Mutations.Lines)),
        (3, Gen.OneOf(Mutations.Tokens)),
        (2, Gen.Int[0, 100_000].Select(TypeExpressions.Build)),
        (1, Gen.Int[0, 100_000].Select(Mutations.HostileChar)),
        (1, Gen.Char.AlphaNumeric.Array[1, 12].Select(c => new string(c))));

    /// <summary>Lines of tokens from every dialect, joined by random separators: the closest random text gets to a schema doc.</summary>
    private static readonly Gen<string> Soup =
        Gen.Select(Piece.Array[1, 6].Array[0, 200], Gen.OneOf("\n", "\r\n", "\r", " | ", "|"), (lines, separator) => string.Join("\n", lines.Select(l => string.Join(separator == "\n" ? " " : separator, l))));

    public static readonly Gen<string> Text = Gen.Frequency((3, Soup), (2, Characters), (1, Bytes));

    public static Gen<FuzzDoc[]> Batch(int docs)
        => Text.Array[docs].Select(texts => texts.Select((text, i) => new FuzzDoc("r" + (i % 7).ToString(CultureInfo.InvariantCulture) + "/doc" + i.ToString(CultureInfo.InvariantCulture) + ".md", text, null)).ToArray());
}
