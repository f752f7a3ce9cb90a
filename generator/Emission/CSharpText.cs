using System.Globalization;
using System.Text;

namespace GenerationModels.Generator.Emission;

/// <summary>Escaping for everything a doc's text can reach in the output: string literals and XML doc comments.</summary>
internal static class CSharpText
{
    /// <summary>A regular C# string literal (quotes included). Every non-printable-ASCII character is a \u escape,
    /// so bidi controls, line separators and zero-width characters cannot change how the source reads.</summary>
    public static string Literal(string value)
    {
        bool plain = true;
        foreach (char c in value)
        {
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\')
            {
                plain = false;
                break;
            }
        }
        if (plain) return "\"" + value + "\""; // most names: one allocation
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c >= 0x20 && c < 0x7F) sb.Append(c);
                    else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    public static string ValidUtf16(string value) => Helpers.Utf16.Valid(value);

    /// <summary>
    /// Writes text as <c>/// &lt;summary&gt;</c> lines: XML-escaped, control and bidi characters dropped. One line of
    /// text stays on one line with its tags (most descriptions are one line, and output size is compile time).
    /// </summary>
    public static void DocComment(Helpers.SourceWriter writer, string tag, string? text)
    {
        if (text is null) return;
        var lines = new System.Collections.Generic.List<string>();
        foreach (string line in Clean(text).Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.Length != 0) lines.Add(trimmed);
        }
        if (lines.Count == 1)
        {
            writer.Line($"/// <{tag}>{lines[0]}</{tag}>");
            return;
        }
        writer.Line($"/// <{tag}>");
        foreach (string line in lines) writer.Line("/// " + line);
        writer.Line($"/// </{tag}>");
    }

    private static string Clean(string text)
    {
        bool plain = true;
        foreach (char c in text)
        {
            if (c < 0x20 || c >= 0x7F || c is '&' or '<' or '>')
            {
                plain = false;
                break;
            }
        }
        if (plain) return text;
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\n': sb.Append('\n'); break;
                case '\r': case '\u2028': case '\u2029': case '\u0085': sb.Append('\n'); break;
                default:
                    var category = CharUnicodeInfo.GetUnicodeCategory(c);
                    if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
                    {
                        // Surrogate pairs are dropped too: a comment loses an emoji rather than risk a lone half.
                        break;
                    }
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
