using System;
using System.Collections.Generic;
using System.Globalization;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// Enum docs in their three spellings: Speakeasy <c>## Values</c> (a <c>Name | Value</c> table, or a fence of
/// <c>"a" | "b"</c> literals), OpenAPI Generator <c>## Enum</c> bullets (<c>* `AAL0` (value: `'aal0'`)</c>), and
/// rust's <c>## Enum Variants</c> table with <c>Name | Value</c> rows.
/// </summary>
internal static class EnumReader
{
    public const string Dialect = "enum";

    public static bool CanRead(IReadOnlyList<MarkdownBlock> blocks)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not HeadingBlock { Level: 2 } h) continue;
            if (Is(h, "Values") || Is(h, "Enum")) return true;
            if (Is(h, "Enum Variants") && i + 1 < blocks.Count && blocks[i + 1] is TableBlock t
                && DocumentContext.Column(t.Header, "Value") >= 0 && t.Rows.Count > 0) return true;
        }
        return false;
    }

    private static bool Is(HeadingBlock h, string text) => string.Equals(h.Text, text, StringComparison.OrdinalIgnoreCase);

    public static SchemaType? Read(DocumentContext context, out string? reason)
    {
        var blocks = context.Blocks;
        if (DocumentTitle.Find(blocks, out string? description, out reason) is not { } title) return null;
        var values = new EnumValueList();
        bool quoted = false;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not HeadingBlock { Level: 2 } h || !(Is(h, "Values") || Is(h, "Enum") || Is(h, "Enum Variants"))) continue;
            for (int j = i + 1; j < blocks.Count && blocks[j] is not HeadingBlock; j++)
            {
                switch (blocks[j])
                {
                    case TableBlock table:
                        quoted |= ReadTable(table, values);
                        break;
                    case FenceBlock fence:
                        quoted |= ReadLiteralUnion(fence.Content, values);
                        break;
                    case ParagraphBlock paragraph:
                        quoted |= ReadBullets(paragraph.Text, values);
                        break;
                }
            }
            break;
        }
        if (values.Count == 0)
        {
            reason = "its enum section lists no values";
            return null;
        }
        // A quoted value is a string even when it looks like a number ("1" | "2", `'14'`): such an enum is over strings.
        // Unquoted values make a numeric enum when all are numbers (SchemaType.Enum checks).
        return SchemaType.Enum(DocumentTitle.Name(title), DescriptionText.Normalize(description), values.Items.ToEquatableArray(), numeric: !quoted, context.At(title));
    }

    /// <summary>Reads a <c>Name | Value</c> table; returns whether any value was quoted (then the enum is over strings).</summary>
    public static bool ReadTable(TableBlock table, EnumValueList values)
    {
        int nameColumn = DocumentContext.Column(table.Header, "Name");
        int valueColumn = DocumentContext.Column(table.Header, "Value");
        bool quoted = false;
        if (valueColumn < 0) return quoted;
        foreach (var row in table.Rows)
        {
            string value = Unquote(CellText.StripWrappers(CellText.DecodeEntities(DocumentContext.Cell(row, valueColumn))), ref quoted);
            string name = CellText.StripWrappers(CellText.DecodeEntities(DocumentContext.Cell(row, nameColumn)));
            values.Add(name.Length == 0 ? value : name, value);
        }
        return quoted;
    }

    /// <summary>OAG bullets: <c>* `AAL0` (value: `'aal0'`)</c>, one per line (paragraphs join list items).</summary>
    private static bool ReadBullets(string text, EnumValueList values)
    {
        bool quoted = false;
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (!(line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("- ", StringComparison.Ordinal))) continue;
            line = line.Substring(2).Trim();
            int valueAt = line.IndexOf("(value:", StringComparison.Ordinal);
            string name = CellText.StripWrappers(valueAt < 0 ? line : line.Substring(0, valueAt));
            string value = name;
            if (valueAt >= 0)
            {
                int close = line.LastIndexOf(')');
                string inner = close > valueAt ? line.Substring(valueAt + 7, close - valueAt - 7) : line.Substring(valueAt + 7);
                value = Unquote(CellText.StripWrappers(inner.Trim()), ref quoted);
            }
            values.Add(name, value);
        }
        return quoted;
    }

    /// <summary>A fence such as <c>"percentage" | "flat"</c> (TypeScript literal union).</summary>
    private static bool ReadLiteralUnion(string content, EnumValueList values)
    {
        bool quoted = false;
        foreach (string part in content.Split('|', '\n'))
        {
            string literal = part.Trim().TrimEnd(';');
            if (literal.Length == 0) continue;
            string value = Unquote(literal, ref quoted);
            if (value == literal && !IsJsonNumber(literal)) continue; // not a literal: ignore code around it
            values.Add(value, value);
        }
        return quoted;
    }

    private static string Unquote(string s, ref bool quoted)
    {
        s = s.Trim();
        if (s.Length >= 2 && (s[0] == '"' || s[0] == '\'') && s[s.Length - 1] == s[0])
        {
            quoted = true;
            return s.Substring(1, s.Length - 2).Replace("\\\"", "\"");
        }
        return s;
    }

    private static bool IsJsonNumber(string s) => JsonNumberText.IsFinite(s);
}

/// <summary>An enum's values in doc order, each once: the first spelling of a value wins (a set, not a scan per value).</summary>
internal sealed class EnumValueList
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public List<EnumValue> Items { get; } = new();

    public int Count => Items.Count;

    public void Add(string name, string value)
    {
        if (_seen.Add(value)) Items.Add(new EnumValue(name, value, null));
    }
}
