using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SpecScaleReport;

/// <summary>The two forms every synthetic spec is written in.</summary>
internal enum SpecForm
{
    /// <summary>YAML, OpenAPI 3.0: <c>nullable: true</c>, nullable references as <c>allOf: [$ref]</c>.</summary>
    Yaml30,

    /// <summary>JSON, OpenAPI 3.1: <c>type: [x, "null"]</c>, nullable references as <c>oneOf: [$ref, {type: "null"}]</c>.</summary>
    Json31,
}

/// <summary>A node of the synthetic spec before it is written in one form (some nodes differ per form).</summary>
internal abstract class Node
{
}

internal sealed record Entry(string Key, Node Value, object? Tag);

internal sealed class MapNode : Node
{
    public List<Entry> Entries { get; } = new();

    public MapNode Add(string key, Node value, object? tag = null)
    {
        Entries.Add(new Entry(key, value, tag));
        return this;
    }

    public MapNode Add(string key, string value) => Add(key, new Scalar(value));

    public MapNode Add(string key, bool value) => Add(key, new Scalar(value));

    public MapNode Add(string key, long value) => Add(key, new Scalar(value));

    public Node? this[string key] => Entries.FirstOrDefault(e => e.Key == key)?.Value;

    public bool Has(string key) => Entries.Exists(e => e.Key == key);

    public MapNode Copy()
    {
        var copy = new MapNode();
        copy.Entries.AddRange(Entries);
        return copy;
    }
}

internal sealed class SeqNode : Node
{
    public SeqNode(IEnumerable<Node> items) => Items = items.ToList();

    public List<Node> Items { get; }
}

/// <summary>A string, long, double, bool or null.</summary>
internal sealed class Scalar : Node
{
    public Scalar(object? value) => Value = value;

    public object? Value { get; }

    public static Scalar Null { get; } = new(null);
}

/// <summary>A <c>$ref</c> to a named schema, in this file or the sibling (written with the form's file extension).</summary>
internal sealed class RefNode : Node
{
    public RefNode(string? file, string name, bool percentEncode = false)
    {
        File = file;
        Name = name;
        PercentEncode = percentEncode;
    }

    /// <summary>Stem of the other file (<c>other</c>), or null for a local ref.</summary>
    public string? File { get; }

    public string Name { get; }

    /// <summary>Write the pointer segment percent-encoded (RFC 6901 §6: a pointer in a URI fragment).</summary>
    public bool PercentEncode { get; }
}

/// <summary>A schema that may also be JSON null: spelled differently by OpenAPI 3.0 and 3.1.</summary>
internal sealed class NullableNode : Node
{
    public NullableNode(Node inner) => Inner = inner;

    public Node Inner { get; }
}

/// <summary>A node that differs per form (e.g. <c>example</c> in 3.0, <c>examples</c> in 3.1).</summary>
internal sealed class FormNode : Node
{
    public FormNode(Node yaml30, Node json31)
    {
        Yaml30 = yaml30;
        Json31 = json31;
    }

    public Node Yaml30 { get; }

    public Node Json31 { get; }
}

/// <summary>Turns the form-independent tree into plain maps, sequences and scalars for one form.</summary>
internal static class Lowering
{
    public static Node Lower(Node node, SpecForm form)
    {
        switch (node)
        {
            case Scalar:
                return node;
            case SeqNode seq:
                return new SeqNode(seq.Items.Select(i => Lower(i, form)));
            case MapNode map:
                var lowered = new MapNode();
                foreach (var entry in map.Entries) lowered.Entries.Add(entry with { Value = Lower(entry.Value, form) });
                return lowered;
            case FormNode choice:
                return Lower(form == SpecForm.Yaml30 ? choice.Yaml30 : choice.Json31, form);
            case RefNode reference:
                return new MapNode().Add("$ref", RefText(reference, form));
            case NullableNode nullable:
                return LowerNullable(nullable.Inner, form);
            default:
                throw new InvalidOperationException("unknown node " + node.GetType().Name);
        }
    }

    public static string FileName(string stem, SpecForm form) => stem + (form == SpecForm.Yaml30 ? ".yaml" : ".json");

    public static string RefText(RefNode reference, SpecForm form)
    {
        string segment = reference.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        if (reference.PercentEncode) segment = Uri.EscapeDataString(segment);
        return (reference.File is null ? "" : FileName(reference.File, form)) + "#/components/schemas/" + segment;
    }

    private static Node LowerNullable(Node inner, SpecForm form)
    {
        var nullType = new MapNode().Add("type", "null");
        if (inner is RefNode)
        {
            var reference = Lower(inner, form);
            return form == SpecForm.Yaml30
                ? new MapNode().Add("allOf", new SeqNode(new[] { reference })).Add("nullable", true)
                : new MapNode().Add("oneOf", new SeqNode(new[] { reference, nullType }));
        }
        if (Lower(inner, form) is not MapNode map) throw new InvalidOperationException("nullable non-schema");
        var copy = new MapNode();
        bool done = false;
        foreach (var entry in map.Entries)
        {
            if (form == SpecForm.Yaml30)
            {
                copy.Entries.Add(entry);
                if (!done && entry.Key is "type" or "oneOf" or "anyOf" or "allOf")
                {
                    copy.Add("nullable", true);
                    done = true;
                }
                continue;
            }
            switch (entry.Key)
            {
                case "type" when entry.Value is Scalar { Value: string type }:
                    copy.Add("type", new SeqNode(new Node[] { new Scalar(type), new Scalar("null") }));
                    done = true;
                    break;
                case "enum" when entry.Value is SeqNode values:
                    copy.Add("enum", new SeqNode(values.Items.Append(Scalar.Null)));
                    break;
                case "oneOf" or "anyOf" when entry.Value is SeqNode cases:
                    copy.Add(entry.Key, new SeqNode(cases.Items.Append(nullType)));
                    done = true;
                    break;
                case "allOf" when entry.Value is SeqNode { Items.Count: 1 } parts:
                    // A decorated reference: 3.1 says "this or null" with a two-case oneOf.
                    copy.Add("oneOf", new SeqNode(parts.Items.Append(nullType)));
                    done = true;
                    break;
                default:
                    copy.Entries.Add(entry);
                    break;
            }
        }
        if (!done) throw new InvalidOperationException("nullable schema without a type: " + string.Join(",", map.Entries.Select(e => e.Key)));
        return copy;
    }
}

/// <summary>Writes a lowered tree as text, recording the (zero-based) line of every tagged map entry.</summary>
internal abstract class SpecWriter
{
    protected readonly StringBuilder Text = new();
    protected int Line;

    public Dictionary<object, int> TagLines { get; } = new(ReferenceEqualityComparer.Instance);

    protected void NewLine()
    {
        Text.Append('\n');
        Line++;
    }

    protected void Tag(Entry entry)
    {
        if (entry.Tag is not null) TagLines[entry.Tag] = Line;
    }

    public abstract string Write(MapNode root);

    protected static string Number(object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture) is var s && (s.Contains('.') || s.Contains('E')) ? s : s + ".0",
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException("not a number: " + value),
    };

    /// <summary>A double-quoted string; control characters other than newline and tab as <c>\uXXXX</c> (JSON) or <c>\xXX</c> (YAML).</summary>
    protected static string Quote(string s, bool json)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append(json ? "\\u" : "\\x").Append(((int)c).ToString(json ? "x4" : "x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}

/// <summary>Block-style YAML as people write specs: plain scalars where safe, flow lists for short scalar lists.</summary>
internal sealed class YamlWriter : SpecWriter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~" };

    public override string Write(MapNode root)
    {
        WriteMap(root, 0);
        return Text.ToString();
    }

    private void WriteMap(MapNode map, int indent)
    {
        foreach (var entry in map.Entries)
        {
            Text.Append(' ', indent);
            WriteEntry(entry, indent);
        }
    }

    /// <summary>Writes <c>key: value</c>; the key's indentation is already written.</summary>
    private void WriteEntry(Entry entry, int indent)
    {
        Tag(entry);
        Text.Append(Key(entry.Key)).Append(':');
        WriteValue(entry.Value, indent);
    }

    private void WriteValue(Node value, int indent)
    {
        switch (value)
        {
            case Scalar { Value: string s } when s.Contains('\n'):
                Text.Append(" |-");
                NewLine();
                foreach (string line in s.Split('\n'))
                {
                    if (line.Length != 0) Text.Append(' ', indent + 2).Append(line);
                    NewLine();
                }
                return;
            case Scalar scalar:
                Text.Append(' ').Append(ScalarText(scalar));
                NewLine();
                return;
            case MapNode { Entries.Count: 0 }:
                Text.Append(" {}");
                NewLine();
                return;
            case MapNode map:
                NewLine();
                WriteMap(map, indent + 2);
                return;
            case SeqNode { Items.Count: 0 }:
                Text.Append(" []");
                NewLine();
                return;
            case SeqNode seq when seq.Items.All(i => i is Scalar { Value: not string } || (i is Scalar { Value: string s } && !s.Contains('\n'))):
                Text.Append(" [").Append(string.Join(", ", seq.Items.Select(i => ScalarText((Scalar)i, flow: true)))).Append(']');
                NewLine();
                return;
            case SeqNode seq:
                NewLine();
                foreach (var item in seq.Items)
                {
                    Text.Append(' ', indent + 2).Append("- ");
                    if (item is MapNode { Entries.Count: > 0 } itemMap)
                    {
                        WriteEntry(itemMap.Entries[0], indent + 4);
                        foreach (var rest in itemMap.Entries.Skip(1))
                        {
                            Text.Append(' ', indent + 4);
                            WriteEntry(rest, indent + 4);
                        }
                    }
                    else if (item is Scalar scalar)
                    {
                        Text.Append(ScalarText(scalar));
                        NewLine();
                    }
                    else
                    {
                        Text.Append(item is MapNode ? "{}" : "[]");
                        NewLine();
                    }
                }
                return;
            default:
                throw new InvalidOperationException("not lowered: " + value.GetType().Name);
        }
    }

    private static string Key(string key) => IsPlain(key.Length > 1 && key[0] is '$' or '_' ? "k" + key.Substring(1) : key, flow: false) ? key : Quote(key);

    private static string ScalarText(Scalar scalar, bool flow = false) => scalar.Value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => IsPlain(s, flow) ? s : Quote(s),
        var n => Number(n),
    };

    /// <summary>Conservative: letters first, then letters, digits, spaces and a few punctuation marks.</summary>
    private static bool IsPlain(string s, bool flow)
    {
        if (s.Length == 0 || s.Length > 200 || Reserved.Contains(s)) return false;
        if (!char.IsAsciiLetter(s[0]) || s[^1] == ' ') return false;
        foreach (char c in s)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '-' or '.' or '/' or '(' or ')' or '\'') continue;
            if (!flow && c == ',') continue;
            return false;
        }
        return true;
    }

    private static string Quote(string s) => Quote(s, json: false);
}

/// <summary>Indented JSON, one member per line, short scalar lists on one line.</summary>
internal sealed class JsonWriter : SpecWriter
{
    public override string Write(MapNode root)
    {
        WriteValue(root, 0);
        NewLine();
        return Text.ToString();
    }

    private void WriteValue(Node value, int indent)
    {
        switch (value)
        {
            case Scalar scalar:
                Text.Append(ScalarText(scalar));
                return;
            case MapNode { Entries.Count: 0 }:
                Text.Append("{}");
                return;
            case MapNode map:
                Text.Append('{');
                NewLine();
                for (int i = 0; i < map.Entries.Count; i++)
                {
                    var entry = map.Entries[i];
                    Text.Append(' ', indent + 2);
                    Tag(entry);
                    Text.Append(Quote(entry.Key)).Append(": ");
                    WriteValue(entry.Value, indent + 2);
                    if (i < map.Entries.Count - 1) Text.Append(',');
                    NewLine();
                }
                Text.Append(' ', indent).Append('}');
                return;
            case SeqNode { Items.Count: 0 }:
                Text.Append("[]");
                return;
            case SeqNode seq when seq.Items.All(i => i is Scalar):
                Text.Append('[').Append(string.Join(", ", seq.Items.Select(i => ScalarText((Scalar)i)))).Append(']');
                return;
            case SeqNode seq:
                Text.Append('[');
                NewLine();
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    Text.Append(' ', indent + 2);
                    WriteValue(seq.Items[i], indent + 2);
                    if (i < seq.Items.Count - 1) Text.Append(',');
                    NewLine();
                }
                Text.Append(' ', indent).Append(']');
                return;
            default:
                throw new InvalidOperationException("not lowered: " + value.GetType().Name);
        }
    }

    private static string ScalarText(Scalar scalar) => scalar.Value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => Quote(s),
        var n => Number(n),
    };

    private static string Quote(string s) => Quote(s, json: true);
}
