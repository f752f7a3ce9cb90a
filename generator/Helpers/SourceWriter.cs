using System;
using System.Text;

namespace GenerationModels.Generator.Helpers;

/// <summary>
/// A small indented text writer for emitting C#. It indents with tabs: one character a level instead of four keeps a
/// model's output a fifth smaller (the output's size is what its users pay for in compile time), and editors show
/// tabs as wide as they like.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Indent() => _indent++;

    public void Unindent() => _indent = Math.Max(0, _indent - 1);

    public SourceWriter Line(string text = "")
    {
        if (text.Length != 0) _text.Append('\t', _indent).Append(text);
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

    /// <summary>Unindents and writes a closing brace (with an optional suffix such as ';').</summary>
    public void Close(string suffix = "")
    {
        Unindent();
        Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
