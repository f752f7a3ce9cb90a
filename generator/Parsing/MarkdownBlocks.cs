using System.Collections.Generic;

namespace GenerationModels.Generator.Parsing;

/// <summary>A block of a schema doc, as the scanner found it. These never leave the parsing step.</summary>
internal abstract class MarkdownBlock
{
    protected MarkdownBlock(int line) => Line = line;

    /// <summary>Zero-based line where the block starts.</summary>
    public int Line { get; }
}

internal sealed class HeadingBlock : MarkdownBlock
{
    public HeadingBlock(int line, int level, string text, int column, int start) : base(line)
    {
        Level = level;
        Text = text;
        Column = column;
        Start = start;
    }

    public int Level { get; }

    public string Text { get; }

    public int Column { get; }

    public int Start { get; }
}

internal sealed class ParagraphBlock : MarkdownBlock
{
    public ParagraphBlock(int line, string text) : base(line) => Text = text;

    public string Text { get; }
}

internal sealed class FenceBlock : MarkdownBlock
{
    public FenceBlock(int line, string info, string content) : base(line)
    {
        Info = info;
        Content = content;
    }

    public string Info { get; }

    public string Content { get; }
}

/// <summary>One cell's text (trimmed, <c>\|</c> unescaped) and where it starts in the doc.</summary>
internal readonly struct TableCell
{
    public TableCell(string text, int column, int start)
    {
        Text = text;
        Column = column;
        Start = start;
    }

    public string Text { get; }

    public int Column { get; }

    public int Start { get; }
}

internal sealed class TableRow
{
    public TableRow(int line, int start, int length, IReadOnlyList<TableCell> cells)
    {
        Line = line;
        Start = start;
        Length = length;
        Cells = cells;
    }

    public int Line { get; }

    public int Start { get; }

    public int Length { get; }

    public IReadOnlyList<TableCell> Cells { get; }
}

internal sealed class TableBlock : MarkdownBlock
{
    public TableBlock(int line, TableRow header, IReadOnlyList<TableRow> rows) : base(line)
    {
        Header = header;
        Rows = rows;
    }

    public TableRow Header { get; }

    public IReadOnlyList<TableRow> Rows { get; }
}

/// <summary>Questions the readers ask of a doc's blocks.</summary>
internal static class Blocks
{
    /// <summary>Whether the doc has a heading with this text (case-insensitive), at <paramref name="level"/> or any level when 0.</summary>
    public static bool HasHeading(IReadOnlyList<MarkdownBlock> blocks, string text, int level = 0)
    {
        foreach (var block in blocks)
        {
            if (block is HeadingBlock h && (level == 0 || h.Level == level) && string.Equals(h.Text, text, System.StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
