using System.Globalization;
using System.Text;

namespace GenerationModels.Runtime;

/// <summary>Formats JSON path segments: <c>.name</c> for simple names, <c>['we.ird']</c> otherwise, <c>[3]</c> for indexes.</summary>
internal static class JsonPathText
{
    public const string Root = "$";

    public static string Index(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// <c>.name</c> when the name is a simple identifier (a letter or <c>_</c>, then letters, digits or <c>_</c>);
    /// otherwise <c>['name']</c> with <c>'</c> and <c>\</c> escaped by a backslash.
    /// </summary>
    public static string Member(string name)
    {
        if (IsSimpleName(name))
        {
            return "." + name;
        }
        var builder = new StringBuilder(name.Length + 4);
        builder.Append("['");
        foreach (char c in name)
        {
            if (c == '\'' || c == '\\')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        builder.Append("']");
        return builder.ToString();
    }

    /// <summary>
    /// Prepends <paramref name="segment"/> to <paramref name="innerPath"/> (which is relative to the same value; null,
    /// empty and <c>$</c> mean the value itself).
    /// </summary>
    public static string Prepend(string segment, string? innerPath)
    {
        if (innerPath is null || innerPath.Length == 0 || innerPath == Root)
        {
            return Root + segment;
        }
        if (innerPath[0] == '$')
        {
            return Root + segment + innerPath.Substring(1);
        }
        if (innerPath[0] == '.' || innerPath[0] == '[')
        {
            return Root + segment + innerPath;
        }
        return Root + segment + "." + innerPath;
    }

    private static bool IsSimpleName(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        for (int i = 1; i < name.Length; i++)
        {
            char c = name[i];
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }
        return true;
    }
}
