using System;
using System.Text;

namespace GenerationModels.Generator.Parsing;

/// <summary>Inline helpers for table cells: code spans, emphasis, bracket-balanced links, entities.</summary>
internal static class CellText
{
    /// <summary>Removes wrapping markup from a name cell: <c>`x`</c>, <c>**x**</c>, <c>~~`x`~~</c>, <c>*x*</c>.</summary>
    public static string StripWrappers(string text)
    {
        string s = text.Trim();
        while (true)
        {
            string before = s;
            s = Unwrap(s, "~~");
            s = Unwrap(s, "**");
            string code = Unwrap(s, "`");
            if (code != s) return code; // a code span is literal: `__proto__` names __proto__, not proto
            s = Unwrap(s, "*");
            s = Unwrap(s, "_");
            if (s == before) return s;
        }
    }

    public static string Unwrap(string s, string marker)
    {
        s = s.Trim();
        return s.Length > 2 * marker.Length && s.StartsWith(marker, StringComparison.Ordinal) && s.EndsWith(marker, StringComparison.Ordinal)
            ? s.Substring(marker.Length, s.Length - 2 * marker.Length).Trim()
            : s;
    }

    /// <summary>
    /// Reads a link <c>[text](target)</c> at <paramref name="start"/> with balanced brackets in the text
    /// (<c>[Optional[Union[str, X]]](x.md)</c>) and parentheses in the target.
    /// </summary>
    public static bool TryReadLink(string s, int start, out string text, out string target, out int end)
    {
        text = target = "";
        end = start;
        if (start >= s.Length || s[start] != '[') return false;
        int depth = 0;
        int i = start;
        for (; i < s.Length; i++)
        {
            if (s[i] == '[') depth++;
            else if (s[i] == ']' && --depth == 0) break;
        }
        if (i >= s.Length || i + 1 >= s.Length || s[i + 1] != '(') return false;
        int close = i + 2;
        int parens = 1;
        for (; close < s.Length; close++)
        {
            if (s[close] == '(') parens++;
            else if (s[close] == ')' && --parens == 0) break;
        }
        if (close >= s.Length) return false;
        text = s.Substring(start + 1, i - start - 1);
        target = s.Substring(i + 2, close - i - 2).Trim();
        end = close + 1;
        return true;
    }

    /// <summary>
    /// CommonMark backslash escapes: a backslash before any ASCII punctuation character stands for that character
    /// (<c>List\&lt;*String*&gt;</c>, <c>\{</c>); before anything else (<c>\DateTime</c>) it is a literal backslash.
    /// </summary>
    public static string UnescapePunctuation(string s)
    {
        if (s.IndexOf('\\') < 0) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && IsAsciiPunctuation(s[i + 1])) i++;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static bool IsAsciiPunctuation(char c)
        => (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');

    /// <summary>Decodes the HTML entities SDK generators put in cells (<c>&amp;lt;</c>, <c>&amp;#39;</c>, …).</summary>
    public static string DecodeEntities(string s)
    {
        if (s.IndexOf('&') < 0) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '&')
            {
                // An entity is at most ten characters: look no further, or '&&&&…;' is quadratic.
                int semi = s.IndexOf(';', i + 1, Math.Min(11, s.Length - i - 1));
                if (semi > i && semi - i <= 10 && TryDecodeEntity(s.Substring(i + 1, semi - i - 1), out string decoded))
                {
                    sb.Append(decoded);
                    i = semi;
                    continue;
                }
            }
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static bool TryDecodeEntity(string name, out string decoded)
    {
        decoded = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => " ",
            _ => "",
        };
        if (decoded.Length != 0) return true;
        if (name.Length > 1 && name[0] == '#')
        {
            bool hex = name.Length > 2 && (name[1] == 'x' || name[1] == 'X');
            string digits = name.Substring(hex ? 2 : 1);
            if (int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int code)
                && code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
            {
                decoded = char.ConvertFromUtf32(code);
                return true;
            }
        }
        return false;
    }
}
