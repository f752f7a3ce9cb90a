using System;
using System.Collections.Generic;

namespace GenerationModels.Generator.Parsing.OpenApi;

internal enum SpecNodeKind
{
    Map,
    Sequence,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A JSON or YAML value of a spec file with the offset it starts at. Lives only inside the parse step
/// (never crosses a pipeline step), so it need not be equatable.
/// </summary>
internal sealed class SpecNode
{
    private SpecNode(SpecNodeKind kind, string text, int start, int length)
    {
        Kind = kind;
        Text = text;
        Start = start;
        Length = length;
    }

    public SpecNodeKind Kind { get; }

    /// <summary>The scalar's text (strings unquoted and unescaped); empty for maps and sequences.</summary>
    public string Text { get; }

    /// <summary>Character offset in the file.</summary>
    public int Start { get; }

    public int Length { get; }

    /// <summary>Map entries in document order; keys carry their own position (for diagnostics on a property name).</summary>
    public List<KeyValuePair<SpecNode, SpecNode>> Entries { get; } = new();

    public List<SpecNode> Items { get; } = new();

    public bool IsMap => Kind == SpecNodeKind.Map;

    public static SpecNode Scalar(SpecNodeKind kind, string text, int start, int length) => new(kind, text, start, length);

    public static SpecNode Container(SpecNodeKind kind, int start) => new(kind, "", start, 1);

    /// <summary>The value under <paramref name="key"/> in a map (last one wins, as in JSON parsers), or null.</summary>
    public SpecNode? this[string key]
    {
        get
        {
            if (Kind != SpecNodeKind.Map) return null;
            for (int i = Entries.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Entries[i].Key.Text, key, StringComparison.Ordinal)) return Entries[i].Value;
            }
            return null;
        }
    }

    /// <summary>A scalar's text when it is a string, else null.</summary>
    public string? AsString() => Kind == SpecNodeKind.String ? Text : null;

    public bool IsTrue => Kind == SpecNodeKind.Boolean && Text == "true";
}

/// <summary>A spec file that is not valid JSON/YAML, with the offset where reading stopped.</summary>
internal sealed class SpecSyntaxException : Exception
{
    public SpecSyntaxException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}

/// <summary>Maps character offsets to zero-based line and column.</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = new() { 0 };

    public LineMap(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) _lineStarts.Add(i + 1);
        }
    }

    public (int Line, int Column) Position(int offset)
    {
        int index = _lineStarts.BinarySearch(offset);
        int line = index >= 0 ? index : ~index - 1;
        if (line < 0) line = 0;
        return (line, offset - _lineStarts[line]);
    }
}
