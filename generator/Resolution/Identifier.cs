using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace GenerationModels.Generator.Resolution;

/// <summary>Turns doc names into valid, readable C# identifiers.</summary>
internal static class Identifier
{
    private const int MaxLength = 128;

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes (string.GetHashCode is not).</summary>
    public static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }
        return hash;
    }

    /// <summary>
    /// PascalCase from any name: words split on anything that is not an ASCII letter or digit
    /// (so bidi controls, zero-width and confusable characters never reach the output), first letter of
    /// each word upper-cased, the rest kept (<c>completionTokens</c> → <c>CompletionTokens</c>,
    /// <c>project_id</c> → <c>ProjectId</c>). Accented letters keep their base letter (<c>café</c> → <c>Cafe</c>).
    /// Returns <paramref name="fallback"/> when nothing is left.
    /// </summary>
    public static string ToPascalCase(string name, string fallback)
    {
        var sb = new StringBuilder(name.Length);
        name = Decompose(Helpers.Utf16.Valid(name));
        bool startWord = true;
        foreach (char c in name)
        {
            bool isAsciiLetterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue; // the accent of a decomposed letter: keep the word going
            }
            if (!isAsciiLetterOrDigit)
            {
                startWord = true;
                continue;
            }
            sb.Append(startWord ? char.ToUpperInvariant(c) : c);
            startWord = false;
        }
        if (sb.Length == 0) return fallback;
        PascalCaseShoutingWords(sb, name);
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        string result = sb.ToString();
        if (result.Length > MaxLength)
        {
            // C# rejects identifiers over 512 characters; keep a readable prefix and a hash of the whole name for uniqueness.
            result = result.Substring(0, MaxLength - 9) + "_" + StableHash(name).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        }
        // PascalCase never yields a lower-case keyword, but keep the guarantee explicit.
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None ? "@" + result : result;
    }

    /// <summary>
    /// Canonical decomposition, so an accented letter leaves its base letter. Normalization rejects some code points
    /// (U+FFFE throws "invalid Unicode code points"); only ASCII letters and digits are kept anyway, so such a name is
    /// used as it is.
    /// </summary>
    private static string Decompose(string name)
    {
        if (IsAscii(name)) return name; // nothing to decompose, and string.Normalize allocates even then
        try
        {
            return name.Normalize(NormalizationForm.FormD);
        }
        catch (System.ArgumentException)
        {
            return name;
        }
    }

    private static bool IsAscii(string name)
    {
        foreach (char c in name)
        {
            if (c >= 0x80) return false;
        }
        return true;
    }

    /// <summary>
    /// <c>AVAILABLE</c> → <c>Available</c>, <c>NOT_FOUND</c> → <c>NotFound</c>: a name written entirely in capitals is
    /// re-cased word by word; two-letter words (<c>ID</c>) and mixed-case names (<c>HTTPStatus</c>) are left alone.
    /// </summary>
    private static void PascalCaseShoutingWords(StringBuilder sb, string original)
    {
        bool hasLower = false;
        int letters = 0;
        foreach (char c in original)
        {
            if (c >= 'a' && c <= 'z') hasLower = true;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letters++;
        }
        if (hasLower || letters <= 2) return;
        // Rebuild from the original words: first letter upper, rest lower.
        sb.Clear();
        bool startWord = true;
        foreach (char c in original)
        {
            bool isAsciiLetterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!isAsciiLetterOrDigit)
            {
                startWord = true;
                continue;
            }
            sb.Append(startWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            startWord = false;
        }
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
    }
}
