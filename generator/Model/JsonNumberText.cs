using System.Globalization;

namespace GenerationModels.Generator.Model;

/// <summary>Whether a doc's or spec's text is a JSON number a numeric enum can hold.</summary>
internal static class JsonNumberText
{
    /// <summary>
    /// True for RFC 8259 number text (<c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>) whose value is a finite
    /// double. <c>double.TryParse</c> alone also takes <c>-Infinity</c>, <c>NaN</c> and lax forms (<c>1.</c>, <c>+1</c>),
    /// and on .NET Core turns <c>1e400</c> into infinity: none of those is a JSON number a C# constant can hold.
    /// </summary>
    public static bool IsFinite(string text)
    {
        int i = 0, n = text.Length;
        if (i < n && text[i] == '-') i++;
        if (i >= n || !IsDigit(text[i])) return false;
        if (text[i] == '0') i++;
        else while (i < n && IsDigit(text[i])) i++;
        if (i < n && text[i] == '.')
        {
            i++;
            if (i >= n || !IsDigit(text[i])) return false;
            while (i < n && IsDigit(text[i])) i++;
        }
        if (i < n && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < n && (text[i] == '+' || text[i] == '-')) i++;
            if (i >= n || !IsDigit(text[i])) return false;
            while (i < n && IsDigit(text[i])) i++;
        }
        return i == n
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && !double.IsInfinity(value) && !double.IsNaN(value);
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
