using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// Splits a doc into headings, fenced code, pipe tables and paragraphs, in one linear pass.
/// A line scanner rather than Markdig's inline parser, because type cells such as
/// <c>map[string][shared.X](x.md)</c> are reference links to CommonMark and lose their text there.
/// </summary>
internal static class MarkdownScanner
{
    public static List<MarkdownBlock> Scan(string text, CancellationToken cancellationToken)
    {
        var lines = SplitLines(text);
        var blocks = new List<MarkdownBlock>();
        var paragraph = new StringBuilder();
        int paragraphLine = -1;

        void FlushParagraph()
        {
            if (paragraph.Length == 0) return;
            blocks.Add(new ParagraphBlock(paragraphLine, paragraph.ToString()));
            paragraph.Clear();
            paragraphLine = -1;
        }

        int i = FrontMatter.Skip(lines, out var frontMatterTitle);
        while (i < lines.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            string content = line.Text;
            int indent = CountLeadingSpaces(content);

            if (content.Trim().Length == 0)
            {
                FlushParagraph();
                i++;
                continue;
            }

            if (indent <= 3 && TryFenceOpen(content, indent, out char fenceChar, out int fenceLength, out string info))
            {
                FlushParagraph();
                int start = i;
                var body = new StringBuilder();
                i++;
                while (i < lines.Count && !IsFenceClose(lines[i].Text, fenceChar, fenceLength))
                {
                    body.Append(lines[i].Text).Append('\n');
                    i++;
                }
                i++; // closing fence (or end of doc)
                blocks.Add(new FenceBlock(start, info, body.ToString()));
                continue;
            }

            if (indent <= 3 && TryHeading(content, indent, out int level, out string headingText, out int headingColumn))
            {
                FlushParagraph();
                blocks.Add(new HeadingBlock(i, level, headingText, headingColumn, line.Start + headingColumn));
                i++;
                continue;
            }

            if (content.IndexOf('|') >= 0 && i + 1 < lines.Count && IsDelimiterRow(lines[i + 1].Text))
            {
                FlushParagraph();
                var header = ParseRow(line, i);
                var rows = new List<TableRow>();
                i += 2;
                while (i < lines.Count)
                {
                    var rowText = lines[i].Text;
                    if (rowText.Trim().Length == 0) break;
                    int rowIndent = CountLeadingSpaces(rowText);
                    if (rowIndent <= 3 && (TryHeading(rowText, rowIndent, out _, out _, out _) || TryFenceOpen(rowText, rowIndent, out _, out _, out _))) break;
                    rows.Add(ParseRow(lines[i], i));
                    i++;
                }
                blocks.Add(new TableBlock(header.Line, header, rows));
                continue;
            }

            if (paragraphLine < 0) paragraphLine = i;
            else paragraph.Append('\n');
            paragraph.Append(content.Trim());
            i++;
        }
        FlushParagraph();
        // An MDX/YAML front matter title names the doc when it has no '# Name' heading of its own.
        if (frontMatterTitle is { } title && !blocks.Exists(b => b is HeadingBlock { Level: 1 }))
        {
            blocks.Insert(0, new HeadingBlock(title.Line, 1, title.Text, title.Column, lines[title.Line].Start + title.Column));
        }
        return blocks;
    }

    /// <summary>
    /// YAML front matter: a first line <c>---</c>, then YAML up to a line <c>---</c> or <c>...</c>. Only the top-level
    /// <c>title:</c> key is read; the block is never a heading, table or paragraph of the doc.
    /// </summary>
    private static class FrontMatter
    {
        /// <summary>The index of the first line after the front matter (0 when there is none).</summary>
        public static int Skip(List<SourceLine> lines, out (int Line, int Column, string Text)? title)
        {
            title = null;
            if (lines.Count == 0 || lines[0].Text.TrimEnd() != "---") return 0;
            for (int i = 1; i < lines.Count; i++)
            {
                string text = lines[i].Text;
                string trimmed = text.TrimEnd();
                if (trimmed is "---" or "...") return i + 1;
                if (title is null && text.StartsWith("title:", StringComparison.Ordinal))
                {
                    int column = 6;
                    while (column < text.Length && (text[column] == ' ' || text[column] == '\t')) column++;
                    string? value = Scalar(text.Substring(column));
                    if (value is { Length: > 0 }) title = (i, column, value);
                }
            }
            title = null; // never closed: not front matter, just a thematic break
            return 0;
        }

        /// <summary>A one-line YAML scalar: double-quoted (with escapes), single-quoted (<c>''</c>) or plain (up to a <c> #</c> comment).</summary>
        private static string? Scalar(string value)
        {
            value = value.Trim();
            if (value.Length == 0) return null;
            if (value[0] == '"')
            {
                var sb = new StringBuilder();
                for (int i = 1; i < value.Length; i++)
                {
                    char c = value[i];
                    if (c == '"') return sb.ToString();
                    if (c == '\\' && i + 1 < value.Length)
                    {
                        char next = value[++i];
                        sb.Append(next switch { 'n' => '\n', 't' => '\t', _ => next });
                        continue;
                    }
                    sb.Append(c);
                }
                return null; // unterminated
            }
            if (value[0] == '\'')
            {
                var sb = new StringBuilder();
                for (int i = 1; i < value.Length; i++)
                {
                    if (value[i] != '\'') sb.Append(value[i]);
                    else if (i + 1 < value.Length && value[i + 1] == '\'') sb.Append(value[++i]);
                    else return sb.ToString();
                }
                return null;
            }
            int comment = value.IndexOf(" #", StringComparison.Ordinal);
            return (comment >= 0 ? value.Substring(0, comment) : value).Trim();
        }
    }

    private readonly struct SourceLine
    {
        public SourceLine(string text, int start)
        {
            Text = text;
            Start = start;
        }

        public string Text { get; }

        public int Start { get; }
    }

    /// <summary>Splits on LF, CRLF and lone CR alike, remembering where each line starts.</summary>
    private static List<SourceLine> SplitLines(string text)
    {
        var lines = new List<SourceLine>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add(new SourceLine(text.Substring(start, i - start), start));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add(new SourceLine(text.Substring(start), start));
        return lines;
    }

    private static int CountLeadingSpaces(string line)
    {
        int n = 0;
        while (n < line.Length && line[n] == ' ') n++;
        return n;
    }

    private static bool TryFenceOpen(string line, int indent, out char fenceChar, out int length, out string info)
    {
        fenceChar = indent < line.Length ? line[indent] : '\0';
        length = 0;
        info = "";
        if (fenceChar != '`' && fenceChar != '~') return false;
        int i = indent;
        while (i < line.Length && line[i] == fenceChar) i++;
        length = i - indent;
        if (length < 3) return false;
        info = line.Substring(i).Trim();
        // A backtick fence's info string may not contain backticks (that would be inline code).
        return fenceChar != '`' || info.IndexOf('`') < 0;
    }

    private static bool IsFenceClose(string line, char fenceChar, int length)
    {
        int indent = CountLeadingSpaces(line);
        if (indent > 3) return false;
        int i = indent;
        while (i < line.Length && line[i] == fenceChar) i++;
        return i - indent >= length && line.Substring(i).Trim().Length == 0;
    }

    private static bool TryHeading(string line, int indent, out int level, out string text, out int column)
    {
        level = 0;
        text = "";
        column = indent;
        int i = indent;
        while (i < line.Length && line[i] == '#') i++;
        level = i - indent;
        if (level < 1 || level > 6) return false;
        if (i < line.Length && line[i] != ' ' && line[i] != '\t') return false;
        string rest = line.Substring(i).Trim();
        // Optional closing sequence of #s ("## Title ##").
        int end = rest.Length;
        while (end > 0 && rest[end - 1] == '#') end--;
        if (end < rest.Length && (end == 0 || rest[end - 1] == ' ')) rest = rest.Substring(0, end).TrimEnd();
        text = rest;
        return true;
    }

    private static bool IsDelimiterRow(string line)
    {
        string trimmed = line.Trim();
        if (trimmed.Length == 0) return false;
        bool sawDash = false;
        bool sawPipe = false;
        foreach (char c in trimmed)
        {
            switch (c)
            {
                case '-': sawDash = true; break;
                case '|': sawPipe = true; break;
                case ':': case ' ': case '\t': break;
                default: return false;
            }
        }
        return sawDash && (sawPipe || trimmed.Length >= 3);
    }

    /// <summary>
    /// Splits a row on unescaped pipes. A trailing pipe is dropped only when the row also starts
    /// with one: rows without outer pipes end in "| " when their last cell is empty.
    /// </summary>
    private static TableRow ParseRow(SourceLine line, int lineNumber)
    {
        string text = line.Text;
        var cells = new List<TableCell>();
        int first = CountLeadingSpaces(text);
        bool leadingPipe = first < text.Length && text[first] == '|';
        int cellStart = leadingPipe ? first + 1 : 0;
        var current = new StringBuilder();
        for (int i = cellStart; i <= text.Length; i++)
        {
            bool end = i == text.Length;
            char c = end ? '\0' : text[i];
            if (!end && c == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                current.Append('|');
                i++;
                continue;
            }
            if (end || c == '|')
            {
                string raw = current.ToString();
                bool isTrailingEmpty = end && raw.Trim().Length == 0 && cells.Count > 0;
                if (!(isTrailingEmpty && leadingPipe))
                {
                    int leading = CountLeadingWhitespace(raw);
                    cells.Add(new TableCell(raw.Trim(), cellStart + leading, line.Start + cellStart + leading));
                }
                current.Clear();
                cellStart = i + 1;
                continue;
            }
            current.Append(c);
        }
        return new TableRow(lineNumber, line.Start, text.Length, cells);
    }

    private static int CountLeadingWhitespace(string s)
    {
        int n = 0;
        while (n < s.Length && char.IsWhiteSpace(s[n])) n++;
        return n;
    }
}
