using System.Globalization;
using System.Text;
using System.Threading;

namespace GenerationModels.Generator.Parsing.OpenApi;

/// <summary>
/// Reads a JSON spec into <see cref="SpecNode"/>s, keeping offsets for diagnostics. Our own small reader rather than
/// System.Text.Json: the compiler host (Visual Studio on .NET Framework) may load a different System.Text.Json than
/// the one a generator would bind to, and JsonDocument has no line information.
/// </summary>
internal sealed class JsonSpecReader
{
    /// <summary>Deeper nesting is refused (a hostile file must not exhaust the stack).</summary>
    public const int MaxDepth = 256;

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private int _pos;

    private JsonSpecReader(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
    }

    /// <exception cref="SpecSyntaxException">The text is not one JSON value.</exception>
    public static SpecNode Read(string text, CancellationToken cancellationToken)
    {
        var reader = new JsonSpecReader(text, cancellationToken);
        reader.SkipWhitespace();
        if (reader._pos < text.Length && text[reader._pos] == '\uFEFF') { reader._pos++; reader.SkipWhitespace(); }
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._pos < text.Length) throw new SpecSyntaxException("unexpected text after the JSON value", reader._pos);
        return value;
    }

    private SpecNode ReadValue(int depth)
    {
        if (depth > MaxDepth) throw new SpecSyntaxException($"the JSON nests deeper than {MaxDepth} levels", _pos);
        if (_pos >= _text.Length) throw new SpecSyntaxException("unexpected end of the file", _pos);
        char c = _text[_pos];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"':
                int start = _pos;
                string s = ReadString();
                return SpecNode.Scalar(SpecNodeKind.String, s, start, _pos - start);
            case 't': return ReadLiteral("true", SpecNodeKind.Boolean);
            case 'f': return ReadLiteral("false", SpecNodeKind.Boolean);
            case 'n': return ReadLiteral("null", SpecNodeKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                throw new SpecSyntaxException($"unexpected character '{Printable(c)}'", _pos);
        }
    }

    private SpecNode ReadObject(int depth)
    {
        var node = SpecNode.Container(SpecNodeKind.Map, _pos);
        _pos++;
        SkipWhitespace();
        if (Peek() == '}') { _pos++; return node; }
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SkipWhitespace();
            if (Peek() != '"') throw new SpecSyntaxException("expected a member name in quotes", _pos);
            int keyStart = _pos;
            string key = ReadString();
            var keyNode = SpecNode.Scalar(SpecNodeKind.String, key, keyStart, _pos - keyStart);
            SkipWhitespace();
            if (Peek() != ':') throw new SpecSyntaxException("expected ':' after a member name", _pos);
            _pos++;
            SkipWhitespace();
            node.Entries.Add(new(keyNode, ReadValue(depth + 1)));
            SkipWhitespace();
            char next = Peek();
            _pos++;
            if (next == ',') continue;
            if (next == '}') return node;
            throw new SpecSyntaxException("expected ',' or '}' in an object", _pos - 1);
        }
    }

    private SpecNode ReadArray(int depth)
    {
        var node = SpecNode.Container(SpecNodeKind.Sequence, _pos);
        _pos++;
        SkipWhitespace();
        if (Peek() == ']') { _pos++; return node; }
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SkipWhitespace();
            node.Items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            char next = Peek();
            _pos++;
            if (next == ',') continue;
            if (next == ']') return node;
            throw new SpecSyntaxException("expected ',' or ']' in an array", _pos - 1);
        }
    }

    private string ReadString()
    {
        int open = _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw new SpecSyntaxException("a string is not closed", open);
            char c = _text[_pos++];
            if (c == '"') return sb.ToString();
            if (c < ' ') throw new SpecSyntaxException("a control character inside a string", _pos - 1);
            if (c != '\\') { sb.Append(c); continue; }
            if (_pos >= _text.Length) throw new SpecSyntaxException("a string is not closed", open);
            char e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw new SpecSyntaxException("a \\u escape needs four hex digits", _pos - 2);
                    }
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw new SpecSyntaxException($"unknown escape '\\{Printable(e)}'", _pos - 2);
            }
        }
    }

    private SpecNode ReadNumber()
    {
        int start = _pos;
        if (Peek() == '-') _pos++;
        int digits = _pos;
        while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-')) _pos++;
        string text = _text.Substring(start, _pos - start);
        if (_pos == digits || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new SpecSyntaxException($"'{text}' is not a number", start);
        }
        return SpecNode.Scalar(SpecNodeKind.Number, text, start, text.Length);
    }

    private SpecNode ReadLiteral(string literal, SpecNodeKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0) throw new SpecSyntaxException($"expected '{literal}'", _pos);
        var node = SpecNode.Scalar(kind, literal, _pos, literal.Length);
        _pos += literal.Length;
        return node;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n') _pos++;
    }

    private static string Printable(char c) => c < ' ' || c > '~' ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();
}
