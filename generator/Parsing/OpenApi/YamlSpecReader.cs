using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GenerationModels.Generator.Parsing.OpenApi;

/// <summary>
/// Reads a YAML spec into <see cref="SpecNode"/>s with YamlDotNet's event parser (no object mapping, no reflection).
/// Plain scalars are typed by the YAML 1.2 core schema; anchors and aliases share nodes, within a budget.
/// </summary>
internal sealed class YamlSpecReader
{
    private const int MaxDepth = JsonSpecReader.MaxDepth;

    /// <summary>An alias re-uses a node; this many aliases at most, so "billion laughs" files are refused.</summary>
    private const int MaxAliases = 10_000;

    private static readonly Regex Integer = new("^[-+]?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private readonly IParser _parser;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, SpecNode> _anchors = new();
    private int _aliases;
    private int _lastOffset;

    private YamlSpecReader(IParser parser, CancellationToken cancellationToken)
    {
        _parser = parser;
        _cancellationToken = cancellationToken;
    }

    /// <exception cref="SpecSyntaxException">The text is not YAML, or holds no document.</exception>
    public static SpecNode Read(string text, CancellationToken cancellationToken)
    {
        var reader = new YamlSpecReader(new Parser(new StringReader(text)), cancellationToken);
        try
        {
            reader.Expect<StreamStart>();
            if (reader._parser.Current is StreamEnd) throw new SpecSyntaxException("the file holds no YAML document", 0);
            reader.Expect<DocumentStart>();
            var root = reader.ReadNode(0);
            reader.Expect<DocumentEnd>();
            return root;
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages start with the position, which the diagnostic location already gives.
            string message = e.Message;
            int paren = message.IndexOf("): ", System.StringComparison.Ordinal);
            if (message.StartsWith("(", System.StringComparison.Ordinal) && paren > 0) message = message.Substring(paren + 3);
            return Throw(message, (int)e.Start.Index);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException && e.TargetSite?.DeclaringType?.Assembly == typeof(Parser).Assembly)
        {
            // YamlDotNet's scanner throws other exception types on some malformed input (the fuzz tests found an
            // InvalidOperationException from ScanPlainScalar on a flow mapping cut short). That is a syntax error of
            // the file, not a bug of ours: report it at the last event read. Exceptions from our own code propagate.
            return Throw($"the YAML could not be parsed ({e.GetType().Name}: {e.Message})", reader._lastOffset);
        }
    }

    private static SpecNode Throw(string message, int offset) => throw new SpecSyntaxException(message, offset);

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (_parser.Current is null) _parser.MoveNext();
        if (_parser.Current is not T) throw new SpecSyntaxException($"unexpected YAML ({_parser.Current?.GetType().Name ?? "end of file"})", Offset(_parser.Current));
        _parser.MoveNext();
    }

    private SpecNode ReadNode(int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var current = _parser.Current;
        if (current is not null) _lastOffset = Offset(current);
        if (depth > MaxDepth) throw new SpecSyntaxException($"the YAML nests deeper than {MaxDepth} levels", Offset(current));
        switch (current)
        {
            case Scalar scalar:
                _parser.MoveNext();
                return Remember(scalar.Anchor, ScalarNode(scalar));
            case AnchorAlias alias:
                _parser.MoveNext();
                if (++_aliases > MaxAliases) throw new SpecSyntaxException($"more than {MaxAliases} YAML aliases", Offset(alias));
                return _anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new SpecSyntaxException($"the alias '*{alias.Value.Value}' names no earlier anchor", Offset(alias));
            case SequenceStart sequence:
            {
                var node = SpecNode.Container(SpecNodeKind.Sequence, Offset(sequence));
                _parser.MoveNext();
                while (_parser.Current is not SequenceEnd)
                {
                    if (_parser.Current is null) throw new SpecSyntaxException("unexpected end of the file", 0);
                    node.Items.Add(ReadNode(depth + 1));
                }
                _parser.MoveNext();
                return Remember(sequence.Anchor, node);
            }
            case MappingStart mapping:
            {
                var node = SpecNode.Container(SpecNodeKind.Map, Offset(mapping));
                _parser.MoveNext();
                while (_parser.Current is not MappingEnd)
                {
                    if (_parser.Current is null) throw new SpecSyntaxException("unexpected end of the file", 0);
                    var key = ReadNode(depth + 1);
                    var value = ReadNode(depth + 1);
                    if (key.Kind is SpecNodeKind.Map or SpecNodeKind.Sequence) continue; // complex keys never name schema members
                    // A merge key ('<<: *base') copies the base map's entries.
                    if (key.Text == "<<" && value.IsMap)
                    {
                        node.Entries.AddRange(value.Entries);
                        continue;
                    }
                    node.Entries.Add(new(SpecNode.Scalar(SpecNodeKind.String, key.Text, key.Start, key.Length), value));
                }
                _parser.MoveNext();
                return Remember(mapping.Anchor, node);
            }
            default:
                throw new SpecSyntaxException($"unexpected YAML ({current?.GetType().Name ?? "end of file"})", Offset(current));
        }
    }

    private SpecNode Remember(AnchorName anchor, SpecNode node)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
        return node;
    }

    private static SpecNode ScalarNode(Scalar scalar)
    {
        int start = Offset(scalar);
        int length = System.Math.Max(1, (int)(scalar.End.Index - scalar.Start.Index));
        string value = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain) return SpecNode.Scalar(SpecNodeKind.String, value, start, length);
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return SpecNode.Scalar(SpecNodeKind.Null, "null", start, length);
            case "true" or "True" or "TRUE":
                return SpecNode.Scalar(SpecNodeKind.Boolean, "true", start, length);
            case "false" or "False" or "FALSE":
                return SpecNode.Scalar(SpecNodeKind.Boolean, "false", start, length);
        }
        bool number = value.Length <= 64 && (Integer.IsMatch(value) || Float.IsMatch(value));
        return SpecNode.Scalar(number ? SpecNodeKind.Number : SpecNodeKind.String, value, start, length);
    }

    private static int Offset(ParsingEvent? e) => e is null ? 0 : (int)e.Start.Index;
}
