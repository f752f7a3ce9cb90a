using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SpecScaleReport;

/// <summary>What the spec says a value is, i.e. what the generated C# type should be (written beside the spec node).</summary>
internal abstract class Exp
{
}

/// <summary>A primitive (<c>string</c>, <c>long</c>, <c>double</c>, <c>decimal</c>, <c>bool</c>, <c>DateTimeOffset</c>, <c>DateOnly</c>) or <c>any</c> (JsonElement).</summary>
internal sealed class PrimExp : Exp
{
    private PrimExp(string sig) => Sig = sig;

    public string Sig { get; }

    public static readonly PrimExp String = new("string");
    public static readonly PrimExp Long = new("long");
    public static readonly PrimExp Double = new("double");
    public static readonly PrimExp Decimal = new("decimal");
    public static readonly PrimExp Bool = new("bool");
    public static readonly PrimExp DateTime = new("DateTimeOffset");
    public static readonly PrimExp Date = new("DateOnly");
    public static readonly PrimExp Any = new("any");
}

internal sealed class ListExp : Exp
{
    public ListExp(Exp item) => Item = item;

    public Exp Item { get; }
}

internal sealed class MapExp : Exp
{
    public MapExp(Exp value) => Value = value;

    public Exp Value { get; }
}

/// <summary>A <c>$ref</c> to a named schema: its generated type, or (an alias) what the alias stands for.</summary>
internal sealed class RefExp : Exp
{
    public RefExp(NamedSchema target) => Target = target;

    public NamedSchema Target { get; }
}

internal sealed class InlineObjectExp : Exp
{
    public InlineObjectExp(List<PropExp> props) => Props = props;

    public List<PropExp> Props { get; }
}

internal sealed class InlineEnumExp : Exp
{
    public InlineEnumExp(IReadOnlyList<object> values, string valueType)
    {
        ValueList = values;
        ValueType = valueType;
    }

    public int Values => ValueList.Count;

    public IReadOnlyList<object> ValueList { get; }

    public string ValueType { get; }
}

internal sealed class InlineUnionExp : Exp
{
    public InlineUnionExp(List<Exp> cases) => Cases = cases;

    public List<Exp> Cases { get; }
}

/// <summary>
/// A construct the synthetic spec uses on purpose although the generator does not support it (a documented limitation):
/// the field may be the precise type, or a JsonElement with diagnostic <see cref="DiagnosticId"/>.
/// </summary>
internal sealed class LimitExp : Exp
{
    public LimitExp(Exp precise, string diagnosticId, string why)
    {
        Precise = precise;
        DiagnosticId = diagnosticId;
        Why = why;
    }

    public Exp Precise { get; }

    public string DiagnosticId { get; }

    public string Why { get; }
}

/// <summary>One property of an object schema and what its C# property should be.</summary>
internal sealed class PropExp
{
    public PropExp(string jsonName, Exp type, bool required, bool nullable, bool deprecated)
    {
        JsonName = jsonName;
        Type = type;
        Required = required;
        Nullable = nullable;
        Deprecated = deprecated;
    }

    public string JsonName { get; }

    public Exp Type { get; }

    /// <summary>A <c>required</c> C# property (listed as required and neither readOnly nor writeOnly).</summary>
    public bool Required { get; }

    /// <summary>The value may be JSON null (independent of <see cref="Required"/>).</summary>
    public bool Nullable { get; }

    public bool Deprecated { get; }
}

internal enum SchemaKind
{
    Object,
    StringEnum,
    IntegerEnum,
    NumberEnum,
    Union,
    Alias,
}

/// <summary>A named schema of <c>components.schemas</c>, its spec node and what should be generated for it.</summary>
internal sealed class NamedSchema
{
    public NamedSchema(string name, string file, SchemaKind kind)
    {
        Name = name;
        File = file;
        Kind = kind;
    }

    public string Name { get; }

    /// <summary>Stem of the spec file it lives in: <c>api</c> or <c>other</c>.</summary>
    public string File { get; }

    public SchemaKind Kind { get; }

    public Node Node { get; set; } = new MapNode();

    /// <summary>Object: its fields, allOf bases first (as the generator merges them).</summary>
    public List<PropExp> Props { get; } = new();

    /// <summary>Alias: what references to it become.</summary>
    public Exp? AliasOf { get; set; }

    /// <summary>The schema itself admits null (3.0 <c>nullable</c>, 3.1 <c>"null"</c> among its types).</summary>
    public bool Nullable { get; set; }

    public int EnumValues => EnumValueList.Count;

    /// <summary>Enum: its values (strings, longs or doubles).</summary>
    public List<object> EnumValueList { get; } = new();

    public List<Exp> Cases { get; } = new();

    public bool Deprecated { get; set; }

    /// <summary>The C# name it should get (PascalCase of the schema name, made unique as the generator's index does).</summary>
    public string ClrName { get; set; } = "";

    public bool GeneratesType => Kind != SchemaKind.Alias;

    public override string ToString() => File + "#" + Name;
}

/// <summary>A generator diagnostic the synthetic spec provokes on purpose; matched by ID, file and a message fragment.</summary>
internal sealed record ExpectedDiagnostic(string Id, string File, string MessageFragment, string Why);

/// <summary>The whole synthetic spec: named schemas of both files, the main file's paths, and what is provoked on purpose.</summary>
internal sealed class SpecModel
{
    public List<NamedSchema> Schemas { get; } = new();

    public MapNode Paths { get; } = new();

    public List<ExpectedDiagnostic> ExpectedDiagnostics { get; } = new();

    /// <summary>How often each construct occurs (for the report's coverage table).</summary>
    public SortedDictionary<string, int> Coverage { get; } = new(StringComparer.Ordinal);

    public int Seed { get; init; }

    public void Count(string construct, int n = 1) => Coverage[construct] = (Coverage.TryGetValue(construct, out int c) ? c : 0) + n;

    public IEnumerable<NamedSchema> In(string file) => Schemas.Where(s => s.File == file);

    /// <summary>The spec file of <paramref name="file"/> (<c>api</c> / <c>other</c>) as a tree for <paramref name="form"/>.</summary>
    public MapNode Document(string file, SpecForm form)
    {
        var root = new MapNode()
            .Add("openapi", form == SpecForm.Yaml30 ? "3.0.3" : "3.1.0")
            .Add("info", new MapNode()
                .Add("title", file == "api" ? "Acme Cloud Platform API" : "Acme shared components")
                .Add("version", "2024-06-01")
                .Add("description", "Synthetic spec generated by tools/SpecScaleReport (seed " + Seed.ToString(CultureInfo.InvariantCulture) + "); not a real API."));
        if (file == "api")
        {
            root.Add("servers", new SeqNode(new Node[] { new MapNode().Add("url", "https://api.acme.example/v1") }));
            root.Add("paths", Paths);
        }
        else
        {
            root.Add("paths", new MapNode());
        }
        var schemas = new MapNode();
        foreach (var schema in In(file)) schemas.Add(schema.Name, schema.Node, schema);
        root.Add("components", new MapNode().Add("schemas", schemas));
        return (MapNode)Lowering.Lower(root, form);
    }
}

/// <summary>The generator's naming rules for the ASCII names the synthesiser uses (mirrors Resolution/Identifier.ToPascalCase).</summary>
internal static class ExpectedNames
{
    public static string Pascal(string name)
    {
        name = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        bool start = true;
        foreach (char c in name)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (!char.IsAsciiLetterOrDigit(c))
            {
                start = true;
                continue;
            }
            sb.Append(start ? char.ToUpperInvariant(c) : c);
            start = false;
        }
        bool hasLower = name.Any(char.IsAsciiLetterLower);
        int letters = name.Count(char.IsAsciiLetter);
        if (!hasLower && letters > 2)
        {
            sb.Clear();
            start = true;
            foreach (char c in name)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    start = true;
                    continue;
                }
                sb.Append(start ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                start = false;
            }
        }
        if (sb.Length == 0) return "Model";
        if (char.IsAsciiDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>
    /// Unique C# names as the generator's index gives them: files in path order, schemas in file order; a name already
    /// taken (case-insensitively, the context's too) gets the file stem in front.
    /// </summary>
    public static void Assign(SpecModel model, string contextName)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { contextName };
        foreach (string file in new[] { "api", "other" })
        {
            foreach (var schema in model.In(file).Where(s => s.GeneratesType))
            {
                string name = Pascal(schema.Name);
                if (!taken.Add(name))
                {
                    name = Pascal(file) + name;
                    if (!taken.Add(name)) throw new InvalidOperationException("the synthesiser made a name clash it did not mean: " + schema);
                }
                schema.ClrName = name;
            }
        }
    }
}
