using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// The <c>ToString</c> of the runtime collections: JSON-like and short (<c>[1, 2, 3]</c>, <c>{"a": 1, "b": [true]}</c>),
/// at most <see cref="MaxItems"/> items per level and <see cref="MaxDepth"/> levels, the rest shown as <c>…</c>.
/// </summary>
internal static class DisplayText
{
    public const int MaxItems = 32;
    private const int MaxDepth = 8;

    public static string OfList(IEnumerable items)
    {
        var text = new StringBuilder();
        AppendList(text, items, 0);
        return text.ToString();
    }

    public static string OfMap<TValue>(IEnumerable<KeyValuePair<string, TValue>> members)
    {
        var text = new StringBuilder();
        AppendMap(text, members, 0);
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, IEnumerable items, int depth)
    {
        text.Append('[');
        int count = 0;
        foreach (object? item in items)
        {
            if (count > 0)
            {
                text.Append(", ");
            }
            if (count++ == MaxItems || depth >= MaxDepth)
            {
                text.Append('…');
                break;
            }
            AppendValue(text, item, depth + 1);
        }
        text.Append(']');
    }

    private static void AppendMap<TValue>(StringBuilder text, IEnumerable<KeyValuePair<string, TValue>> members, int depth)
    {
        text.Append('{');
        int count = 0;
        foreach (KeyValuePair<string, TValue> member in members)
        {
            if (count > 0)
            {
                text.Append(", ");
            }
            if (count++ == MaxItems || depth >= MaxDepth)
            {
                text.Append('…');
                break;
            }
            AppendString(text, member.Key);
            text.Append(": ");
            AppendValue(text, member.Value, depth + 1);
        }
        text.Append('}');
    }

    private static void AppendValue(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                AppendString(text, s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case JsonElement element:
                text.Append(element.ValueKind == JsonValueKind.Undefined ? "undefined" : element.GetRawText());
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case OpenDictionary open:
                AppendMap(text, open, depth);
                break;
            case IDictionary dictionary:
                text.Append(dictionary.ToString());
                break;
            case IEnumerable items when value is not IStructuralMap:
                AppendList(text, items, depth);
                break;
            default:
                text.Append(value);
                break;
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }
}
