using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace GenerationModels.Generator.Helpers;

/// <summary>
/// A small indented text writer for emitting C#. It indents with tabs: one character a level instead of four keeps a
/// model's output a fifth smaller (the output's size is what its users pay for in compile time), and editors show
/// tabs as wide as they like. Interpolated lines (<c>w.Line($"case {i}: …")</c>) are written straight into the buffer
/// (<see cref="LineHandler"/>): building each line as a string first was half of what a generator run allocated.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text;
    private int _indent;

    /// <param name="expectedLength">
    /// About how long the output will be: the first buffer is that large, so a typical file is written without growing
    /// it. Capped below the large-object heap (a buffer there per file made the garbage collector do full
    /// collections); longer outputs grow in chunks as usual.
    /// </param>
    public SourceWriter(int expectedLength = 16)
    {
        _text = new StringBuilder(Math.Min(Math.Max(16, expectedLength), MaxInitialCapacity));
    }

    /// <summary>Characters: 80,000 bytes, under the 85,000-byte large-object threshold.</summary>
    private const int MaxInitialCapacity = 40_000;

    public void Indent() => _indent++;

    public void Unindent() => _indent = Math.Max(0, _indent - 1);

    public SourceWriter Line(string text = "")
    {
        if (text.Length != 0) _text.Append('\t', _indent).Append(text);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes an interpolated line without building it as a string.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents.</summary>
    public void Open(string header)
    {
        Line(header);
        Line("{");
        Indent();
    }

    /// <summary>As <see cref="Open(string)"/>, for an interpolated header.</summary>
    public void Open([InterpolatedStringHandlerArgument("")] ref LineHandler header)
    {
        _text.Append('\n');
        Line("{");
        Indent();
    }

    /// <summary>Unindents and writes a closing brace (with an optional suffix such as ';'), then the line registered with <see cref="AfterClose"/> for this block, if any.</summary>
    public void Close(string suffix = "")
    {
        string? after = _indent < _afterClose.Length ? _afterClose[_indent] : null;
        if (after is not null) _afterClose[_indent] = null;
        Unindent();
        Line("}" + suffix);
        if (after is not null) Line(after);
    }

    /// <summary>A line to write right after the closing brace of the block just opened (a directive that ends where the block does).</summary>
    public void AfterClose(string line)
    {
        if (_indent >= _afterClose.Length) Array.Resize(ref _afterClose, Math.Max(_afterClose.Length * 2, _indent + 1));
        _afterClose[_indent] = line;
    }

    private string?[] _afterClose = new string?[8];

    /// <summary>Characters written so far.</summary>
    public int Length => _text.Length;

    public override string ToString() => _text.ToString();

    /// <summary>Appends an interpolated line's parts to the writer as the compiler hands them over, after the indentation.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct LineHandler
    {
        private readonly StringBuilder _text;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _ = literalLength;
            _ = formattedCount;
            _text = writer._text;
            _text.Append('\t', writer._indent);
        }

        public void AppendLiteral(string value) => _text.Append(value);

        public void AppendFormatted(string? value) => _text.Append(value);

        public void AppendFormatted(int value) => _text.Append(value);

        public void AppendFormatted(char value) => _text.Append(value);

        public void AppendFormatted<T>(T value) => _text.Append(value?.ToString());
    }
}
