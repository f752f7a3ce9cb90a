using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace GenerationModels.Fuzz.Tests.Docs;

/// <summary>
/// Writes doc specs as markdown in each dialect's own spelling (tables, notes, links, fences), and records what a
/// correct generator makes of each doc. Written for these tests; the shapes follow what SDK generators emit.
/// </summary>
public static class Render
{
    private const string Check = ":heavy_check_mark:";
    private const string Minus = ":heavy_minus_sign:";
    private const string PythonAny = "dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader, ";
    private const string PythonAnyAccessed = "frozendict.frozendict, str, decimal.Decimal, BoolClass, NoneClass, tuple, bytes, FileIO";

    /// <summary>Link texts the readers take as platform types whatever the target (a doc titled <c>String</c> linked as <c>[**String**](String.md)</c>).</summary>
    private static readonly HashSet<string> PrimitiveSpellings = new(StringComparer.OrdinalIgnoreCase)
    {
        "String", "Object", "Value", "JsonElement", "Date", "DateTime", "Integer", "Long", "Boolean", "Double", "Float", "Number",
        "Decimal", "Any", "Time", "Timestamp", "UUID", "Guid", "URI", "Url", "Short", "JsonNode", "AnyType", "int", "str", "bool",
        "mixed", "dynamic", "unknown", "bytes", "Buffer", "datetime", "int64", "int32", "float64", "double", "long",
    };

    private sealed class Sibling
    {
        public Sibling(DocSpec spec, string folder, string stem)
        {
            Spec = spec;
            Folder = folder;
            Stem = stem;
        }

        public DocSpec Spec { get; }

        public string Folder { get; }

        public string Stem { get; }

        public string RelativePath => Folder + "/" + Stem + ".md";

        public bool IsSchema => Spec.Dialect is not (Dialect.OagOperationPage or Dialect.Readme);

        /// <summary>The bare type name the title gives (the last segment, as the readers take it).</summary>
        public string TypeName => Spec.Title;
    }

    private sealed class Context
    {
        public Context(List<Sibling> siblings, int self)
        {
            Siblings = siblings;
            Self = self;
        }

        public List<Sibling> Siblings { get; }

        public int Self { get; }

        public Sibling Me => Siblings[Self];
    }

    /// <summary>Renders a group's docs into <paramref name="folder"/>.</summary>
    public static IEnumerable<FuzzDoc> Group(GroupSpec group, string folder)
    {
        var siblings = new List<Sibling>();
        var stems = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < group.Docs.Length; i++)
        {
            var spec = group.Docs[i];
            string stem = Stem(spec);
            if (!stems.Add(stem)) stem += i.ToString(CultureInfo.InvariantCulture);
            stems.Add(stem);
            siblings.Add(new Sibling(spec, folder, stem));
        }
        for (int i = 0; i < siblings.Count; i++)
        {
            var context = new Context(siblings, i);
            var (text, expected) = Doc(context);
            yield return new FuzzDoc(siblings[i].RelativePath, text, expected);
        }
    }

    private static string Stem(DocSpec spec)
    {
        string compact = new string(spec.Title.Where(c => c != ' ').ToArray());
        if (compact.Length == 0) compact = "doc";
        return spec.Dialect switch
        {
            Dialect.SpeakeasyTs or Dialect.SpeakeasyPython or Dialect.SpeakeasyGo or Dialect.SpeakeasyEnumTable or Dialect.SpeakeasyEnumFence
                or Dialect.SpeakeasyUnionTs or Dialect.SpeakeasyUnionPython => compact.ToLowerInvariant(),
            Dialect.FrozenDict or Dialect.FrozenDictEnum or Dialect.FrozenDictUnion => compact,
            _ => compact,
        };
    }

    private static (string Text, ExpectedDoc Expected) Doc(Context context)
    {
        var spec = context.Me.Spec;
        return spec.Dialect switch
        {
            Dialect.SpeakeasyTs or Dialect.SpeakeasyPython or Dialect.SpeakeasyGo or Dialect.SpeakeasyJava or Dialect.SpeakeasyCSharp => Speakeasy(context),
            Dialect.OagPython or Dialect.OagGo or Dialect.OagJava => Oag(context),
            Dialect.FrozenDict => FrozenDict(context),
            Dialect.SpeakeasyEnumTable or Dialect.SpeakeasyEnumFence or Dialect.OagEnumBullets or Dialect.RustEnumVariants or Dialect.FrozenDictEnum => Enum(context),
            Dialect.SpeakeasyUnionTs or Dialect.SpeakeasyUnionPython or Dialect.FrozenDictUnion => Union(context),
            Dialect.OagEmptyProperties => (OagTitle(spec) + Description(spec.Description) + "## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\n" + BackLinks, ExpectedDoc.Opaque(spec.Title)),
            Dialect.OagOperationPage => (OperationPage(spec.Title), ExpectedDoc.NotASchema()),
            _ => ($"# {spec.Title} SDK\n\nInstall it with `pip install {spec.Title.ToLowerInvariant()}`.\n\n## Usage\n\n```python\nimport sdk\nsdk.call()\n```\n\n| Field | Type |\n| --- | --- |\n| not | a schema |\n", ExpectedDoc.NotASchema()),
        };
    }

    private const string BackLinks = "[[Back to Model list]](../README.md#documentation-for-models) [[Back to API list]](../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)\n";

    private static string Description(int index)
    {
        string text = Vocabulary.Descriptions[index];
        return text.Length == 0 || text == "N/A" ? "" : text + "\n\n";
    }

    private static string Cell(string text) => text.Replace("|", "\\|");

    private static string DescriptionCell(int index) => Cell(Vocabulary.Descriptions[index]);

    // ---- Speakeasy models ---------------------------------------------------------------------------------------

    private static (string, ExpectedDoc) Speakeasy(Context context)
    {
        var spec = context.Me.Spec;
        var sb = new StringBuilder();
        sb.Append("# ").Append(spec.Title).Append("\n\n").Append(Description(spec.Description));
        if (spec.TitleStyle == 1)
        {
            sb.Append("## Example Usage\n\n```typescript\nimport { ").Append(spec.Title).Append(" } from \"sdk/models\";\n\nlet value: X = {};\n```\n\n");
        }
        sb.Append("## Fields\n\n");
        bool example = spec.TitleStyle == 2;
        sb.Append(example ? "| Field | Type | Required | Description | Example |\n| ----- | ---- | -------- | ----------- | ------- |\n" : "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n");
        var fields = new List<ExpectedField>();
        foreach (var field in Unique(spec.Fields))
        {
            var (cell, type, nullable, diagnostic) = TypeCell(context, field.Type, field.Nullable);
            sb.Append("| `").Append(Cell(field.Name)).Append("` | ").Append(cell).Append(" | ").Append(field.Required ? Check : Minus).Append(" | ").Append(DescriptionCell(field.Description));
            sb.Append(example ? " | example |\n" : " |\n");
            fields.Add(new ExpectedField(field.Name.Trim(), type, field.Required, !field.Required || nullable, diagnostic));
        }
        return (sb.ToString(), ExpectedDoc.Model(spec.Title, fields));
    }

    private static IEnumerable<FieldSpec> Unique(IEnumerable<FieldSpec> fields, bool boldNames = false)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            string name = field.Name.Trim();
            // **__x__** is emphasis inside emphasis to CommonMark: a bold name cell cannot spell a name wrapped in underscores.
            if (boldNames && name.Length > 1 && name[0] == '_' && name[name.Length - 1] == '_') continue;
            if (name.Length != 0 && seen.Add(name)) yield return field;
        }
    }

    // ---- OpenAPI Generator models -------------------------------------------------------------------------------

    private static string OagTitle(DocSpec spec) => spec.TitleStyle switch
    {
        1 => $"# Acme.Shop.Model.{spec.Title}\n\n",
        2 => $"# OryClient::{spec.Title}\n\n",
        3 => $"# # {spec.Title}\n\n",
        _ => $"# {spec.Title}\n\n",
    };

    private static (string, ExpectedDoc) Oag(Context context)
    {
        var spec = context.Me.Spec;
        var sb = new StringBuilder(OagTitle(spec));
        sb.Append(Description(spec.Description));
        bool outerPipes = spec.Dialect == Dialect.OagJava;
        sb.Append("## Properties\n\n");
        sb.Append(outerPipes ? "| Name | Type | Description | Notes |\n|------------ | ------------- | ------------- | -------------|\n" : "Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n");
        var fields = new List<ExpectedField>();
        int n = 0;
        foreach (var field in Unique(spec.Fields, boldNames: true))
        {
            var (cell, type, nullable, diagnostic) = TypeCell(context, field.Type, field.Nullable);
            string notes = field.Required
                ? (n % 3 == 0 ? "[readonly]" : "")
                : (n % 3) switch { 0 => "[optional]", 1 => "[optional] [default to 1]", _ => "[optional] [readonly] [default to \"x\"]" };
            n++;
            string row = "**" + Cell(field.Name) + "** | " + cell + " | " + DescriptionCell(field.Description) + " | " + notes;
            sb.Append(outerPipes ? "|" + row + "|\n" : row + "\n");
            fields.Add(new ExpectedField(field.Name.Trim(), type, field.Required, !field.Required || nullable, diagnostic));
        }
        sb.Append('\n').Append(BackLinks);
        // An empty Properties table says neither object nor enum: the type holds any JSON (GM0010).
        return (sb.ToString(), fields.Count == 0 ? ExpectedDoc.Opaque(spec.Title) : ExpectedDoc.Model(spec.Title, fields));
    }

    // ---- type cells ---------------------------------------------------------------------------------------------

    /// <summary>A type cell in the doc's dialect, the type it means, whether a wrapper marks it nullable, and the GM id it must be reported with.</summary>
    private static (string Cell, ExpectedType Type, bool Nullable, string? Diagnostic) TypeCell(Context context, TypeSpec type, bool wantNullable)
    {
        var dialect = context.Me.Spec.Dialect;
        var (element, elementType, diagnostic) = Element(context, type, dialect);
        ExpectedType expected = type.Container switch
        {
            // **map[string]interface{}** is one of the readers' spellings of "any JSON" as a whole.
            Container.Map when dialect == Dialect.OagGo && type.Link == -2 && type.Prim == Prim.Any => PrimitiveType.Json,
            Container.List => new ListType(elementType),
            Container.Map => new MapType(elementType),
            _ => elementType,
        };
        string cell = Contain(dialect, type, element, context);
        bool nullable = false;
        if (wantNullable)
        {
            switch (dialect)
            {
                case Dialect.SpeakeasyPython:
                    // All three spellings occur: Optional[*int*], *Optional[int]*, and a link whose text is the wrapper,
                    // [Optional[shared.Pet]](pet.md).
                    if (type.Link != -2 && type.Container == Container.None && type.Variant % 2 == 1) cell = "[Optional[" + cell.Substring(1, cell.IndexOf("](", StringComparison.Ordinal) - 1) + "]" + cell.Substring(cell.IndexOf("](", StringComparison.Ordinal));
                    else if (type.Variant % 2 == 0 || !cell.StartsWith('*') || !cell.EndsWith('*')) cell = "Optional[" + cell + "]";
                    else cell = "*Optional[" + cell.Substring(1, cell.Length - 2) + "]*";
                    nullable = true;
                    break;
                case Dialect.SpeakeasyGo when cell.StartsWith('*') && !cell.StartsWith("**", StringComparison.Ordinal):
                    cell = "*" + cell; // Go pointer: **string*
                    nullable = true;
                    break;
                case Dialect.SpeakeasyJava:
                    cell = "Optional<" + cell + ">";
                    nullable = true;
                    break;
                case Dialect.OagGo:
                    cell = "Pointer to " + cell;
                    nullable = true;
                    break;
            }
        }
        return (cell, expected, nullable, diagnostic);
    }

    /// <summary>The element (before the container): its spelling, meaning, and diagnostic.</summary>
    private static (string Text, ExpectedType Type, string? Diagnostic) Element(Context context, TypeSpec type, Dialect dialect)
    {
        if (type.Link != -2) return LinkElement(context, type, dialect);
        string unknown = Vocabulary.UnknownTypeWords[type.Variant % Vocabulary.UnknownTypeWords.Length];
        ExpectedType Number() => dialect is Dialect.SpeakeasyTs or Dialect.SpeakeasyUnionTs ? new NumberType() : new NumberType();
        (string, ExpectedType, string?) P(string text, ExpectedType t) => (text, t, null);
        var prim = type.Prim;
        return dialect switch
        {
            Dialect.SpeakeasyTs or Dialect.SpeakeasyUnionTs => prim switch
            {
                Prim.String => P("*string*", PrimitiveType.String),
                Prim.Integer or Prim.Number => P("*number*", Number()),
                Prim.Boolean => P("*boolean*", PrimitiveType.Bool),
                Prim.DateTime => P("[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)", PrimitiveType.DateTime),
                Prim.Date => P("[RFCDate](../../types/rfcdate.md)", PrimitiveType.Date),
                Prim.Any => P("*any*", PrimitiveType.Json),
                Prim.Literal => P("*\"literal\"*", PrimitiveType.String),
                _ => ("*" + unknown + "*", PrimitiveType.Json, "GM0002"),
            },
            Dialect.SpeakeasyPython or Dialect.SpeakeasyUnionPython => prim switch
            {
                Prim.String or Prim.Literal => P("*str*", PrimitiveType.String),
                Prim.Integer => P("*int*", PrimitiveType.Long),
                Prim.Number => P("*float*", Number()),
                Prim.Boolean => P("*bool*", PrimitiveType.Bool),
                Prim.DateTime => P("[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)", PrimitiveType.DateTime),
                Prim.Date => P("[date](https://docs.python.org/3/library/datetime.html#date-objects)", PrimitiveType.Date),
                Prim.Any => P("*Any*", PrimitiveType.Json),
                _ => ("*" + unknown + "*", PrimitiveType.Json, "GM0002"),
            },
            Dialect.SpeakeasyGo => prim switch
            {
                Prim.String or Prim.Literal => P("*string*", PrimitiveType.String),
                Prim.Integer => P("*int64*", PrimitiveType.Long),
                Prim.Number => P("*float64*", Number()),
                Prim.Boolean => P("*bool*", PrimitiveType.Bool),
                Prim.DateTime => P("[time.Time](https://pkg.go.dev/time#Time)", PrimitiveType.DateTime),
                Prim.Date => P("[types.Date](../../types/date.md)", PrimitiveType.Date),
                Prim.Any => P("*any*", PrimitiveType.Json),
                _ => ("*" + unknown + "*", PrimitiveType.Json, "GM0002"),
            },
            Dialect.SpeakeasyJava => prim switch
            {
                Prim.String or Prim.Literal => P("*String*", PrimitiveType.String),
                Prim.Integer => P("*long*", PrimitiveType.Long),
                Prim.Number => P("*double*", Number()),
                Prim.Boolean => P("*boolean*", PrimitiveType.Bool),
                Prim.DateTime => P("[OffsetDateTime](https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html)", PrimitiveType.DateTime),
                Prim.Date => P("[LocalDate](https://docs.oracle.com/javase/8/docs/api/java/time/LocalDate.html)", PrimitiveType.Date),
                Prim.Any => P("*Object*", PrimitiveType.Json),
                _ => ("*" + unknown + "*", PrimitiveType.Json, "GM0002"),
            },
            Dialect.SpeakeasyCSharp => prim switch
            {
                Prim.String or Prim.Literal => P("*string*", PrimitiveType.String),
                Prim.Integer => P("*long*", PrimitiveType.Long),
                Prim.Number => P("*double*", Number()),
                Prim.Boolean => P("*bool*", PrimitiveType.Bool),
                Prim.DateTime => P("[DateTime](https://learn.microsoft.com/en-us/dotnet/api/system.datetime)", PrimitiveType.DateTime),
                Prim.Date => P("[LocalDate](https://nodatime.org/3.1/api/NodaTime.LocalDate.html)", PrimitiveType.Date),
                Prim.Any => P("*object*", PrimitiveType.Json),
                _ => ("*" + unknown + "*", PrimitiveType.Json, "GM0002"),
            },
            // OpenAPI Generator: bare words, bolded by Contain.
            Dialect.OagPython => prim switch
            {
                Prim.String or Prim.Literal => P("str", PrimitiveType.String),
                Prim.Integer => P("int", PrimitiveType.Long),
                Prim.Number => P("float", Number()),
                Prim.Boolean => P("bool", PrimitiveType.Bool),
                Prim.DateTime => P("datetime", PrimitiveType.DateTime),
                Prim.Date => P("date", PrimitiveType.Date),
                Prim.Any => P("object", PrimitiveType.Json),
                _ => (unknown, PrimitiveType.Json, "GM0002"),
            },
            Dialect.OagGo => prim switch
            {
                Prim.String or Prim.Literal or Prim.Date => P("string", PrimitiveType.String),
                Prim.Integer => P("int64", PrimitiveType.Long),
                Prim.Number => P("float64", Number()),
                Prim.Boolean => P("bool", PrimitiveType.Bool),
                Prim.DateTime => P("time.Time", PrimitiveType.DateTime),
                Prim.Any => P("interface{}", PrimitiveType.Json),
                _ => (unknown, PrimitiveType.Json, "GM0002"),
            },
            Dialect.OagJava => prim switch
            {
                Prim.String or Prim.Literal => P("String", PrimitiveType.String),
                Prim.Integer => P("Long", PrimitiveType.Long),
                Prim.Number => P("Double", Number()),
                Prim.Boolean => P("Boolean", PrimitiveType.Bool),
                Prim.DateTime => P("OffsetDateTime", PrimitiveType.DateTime),
                Prim.Date => P("LocalDate", PrimitiveType.Date),
                Prim.Any => P("Object", PrimitiveType.Json),
                _ => (unknown, PrimitiveType.Json, "GM0002"),
            },
            // frozendict: an Input Type cell.
            _ => prim switch
            {
                Prim.String or Prim.Literal => P("str, ", PrimitiveType.String),
                Prim.Integer => P("decimal.Decimal, int, ", PrimitiveType.Long),
                Prim.Number => P("decimal.Decimal, int, float, ", Number()),
                Prim.Boolean => P("bool, ", PrimitiveType.Bool),
                Prim.DateTime => P("str, datetime, ", PrimitiveType.DateTime),
                Prim.Date => P("str, date, ", PrimitiveType.Date),
                Prim.Any => P(PythonAny, PrimitiveType.Json),
                _ => (unknown + ", ", PrimitiveType.Json, "GM0002"),
            },
        };
    }

    private static (string Text, ExpectedType Type, string? Diagnostic) LinkElement(Context context, TypeSpec type, Dialect dialect)
    {
        string name;
        string target;
        ExpectedType expected;
        string? diagnostic = null;
        if (type.Link < 0)
        {
            name = "Absent" + type.Variant.ToString(CultureInfo.InvariantCulture) + "Thing";
            target = type.Variant % 2 == 0 ? "absent" + type.Variant.ToString(CultureInfo.InvariantCulture) + ".md" : "../nowhere/Absent.md";
            expected = PrimitiveType.Json;
            diagnostic = "GM0003";
        }
        else
        {
            var sibling = context.Siblings[type.Link % context.Siblings.Count];
            name = sibling.TypeName;
            target = type.Variant % 3 == 0 ? "../" + sibling.Folder + "/" + sibling.Stem + ".md" : sibling.Stem + ".md";
            if (!sibling.IsSchema)
            {
                // The target is no schema; the link then resolves by name, to any doc of the batch with that title,
                // or to nothing (GM0003).
                expected = new UncheckedType();
                diagnostic = "GM0003?";
            }
            else
            {
                expected = new DocType(sibling.RelativePath);
            }
        }
        // Names with spaces or markup are still links; the target decides.
        string text = dialect switch
        {
            Dialect.SpeakeasyTs or Dialect.SpeakeasyUnionTs => "components." + name,
            Dialect.SpeakeasyPython or Dialect.SpeakeasyUnionPython => "shared." + name,
            Dialect.SpeakeasyGo => "*shared." + name,
            _ => name,
        };
        bool bare = dialect is Dialect.OagPython or Dialect.OagGo or Dialect.OagJava or Dialect.FrozenDict or Dialect.FrozenDictUnion or Dialect.SpeakeasyJava or Dialect.SpeakeasyCSharp;
        if (bare && PrimitiveSpellings.Contains(name) && expected is DocType) expected = new UncheckedType();
        // OAG writes the container inside the link text ([**List[Pet]**](Pet.md)); a title that is no type name there
        // ("Pet Store", "2fa") makes the element a GM0002 unknown, which the mutated-doc oracle still checks.
        bool oagContainer = dialect is Dialect.OagPython or Dialect.OagGo or Dialect.OagJava && type.Container != Container.None;
        if (oagContainer && expected is DocType && !IsPascalIdentifier(name))
        {
            expected = new UncheckedType();
            diagnostic = "GM0002?";
        }
        // OAG and frozendict links carry the container inside the link text; Contain handles that.
        return ("[" + Escape(text) + "](" + target + ")", expected, diagnostic);
    }

    private static bool IsPascalIdentifier(string name)
        => name.Length != 0 && name[0] >= 'A' && name[0] <= 'Z' && name.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');

    private static string Escape(string linkText) => linkText.Replace("|", "\\|");

    /// <summary>Wraps an element in the dialect's container spelling.</summary>
    private static string Contain(Dialect dialect, TypeSpec type, string element, Context context)
    {
        bool isLink = type.Link != -2;
        switch (dialect)
        {
            case Dialect.SpeakeasyTs:
            case Dialect.SpeakeasyUnionTs:
                return type.Container switch { Container.List => element + "[]", Container.Map => "Record<string, " + element + ">", _ => element };
            case Dialect.SpeakeasyPython:
            case Dialect.SpeakeasyUnionPython:
                return type.Container switch { Container.List => "List[" + element + "]", Container.Map => "Dict[str, " + element + "]", _ => element };
            case Dialect.SpeakeasyGo:
                return type.Container switch { Container.List => "[]" + element, Container.Map => "map[string]" + element, _ => element };
            case Dialect.SpeakeasyJava:
                return type.Container switch { Container.List => "List<" + element + ">", Container.Map => "Map<String, " + element + ">", _ => element };
            case Dialect.SpeakeasyCSharp:
                return type.Container switch { Container.List => "List<" + element + ">", Container.Map => "Dictionary<string, " + element + ">", _ => element };
            case Dialect.OagPython:
            case Dialect.OagGo:
            case Dialect.OagJava:
            {
                string Wrap(string inner) => (dialect, type.Container) switch
                {
                    (Dialect.OagPython, Container.List) => "List[" + inner + "]",
                    (Dialect.OagPython, Container.Map) => "Dict[str, " + inner + "]",
                    (Dialect.OagGo, Container.List) => "[]" + inner,
                    (Dialect.OagGo, Container.Map) => "map[string]" + inner,
                    (Dialect.OagJava, Container.List) => "List&lt;" + inner + "&gt;",
                    (Dialect.OagJava, Container.Map) => "Map&lt;String, " + inner + "&gt;",
                    _ => inner,
                };
                if (!isLink) return "**" + Wrap(element) + "**";
                // [**List[Pet]**](Pet.md): the container is inside the link text.
                int close = element.IndexOf("](", StringComparison.Ordinal);
                string text = element.Substring(1, close - 1);
                return "[**" + Wrap(text) + "**" + element.Substring(close);
            }
            default:
                return element;
        }
    }

    // ---- frozendict models --------------------------------------------------------------------------------------

    private static (string, ExpectedDoc) FrozenDict(Context context)
    {
        var spec = context.Me.Spec;
        var sections = new StringBuilder();
        var root = new StringBuilder();
        root.Append("# pkg.model.").Append(Snake(spec.Title)).Append('.').Append(spec.Title).Append("\n\n").Append(Description(spec.Description));
        root.Append(TypeInfo("dict, frozendict.frozendict,  ", "frozendict.frozendict,  ", ""));
        var fields = KeysTable(context, spec.Fields, root, sections, spec.Open);
        return (root.Append('\n').Append(sections).Append(BackLinks).ToString(), ExpectedDoc.Model(spec.Title, fields));
    }

    private static string Snake(string title) => new string(title.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());

    private static string TypeInfo(string input, string accessed, string notes)
        => "## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n" + input + " | " + accessed + " |  | " + notes + "\n\n";

    private static List<ExpectedField> KeysTable(Context context, FieldSpec[] specs, StringBuilder into, StringBuilder sections, bool open)
    {
        var fields = new List<ExpectedField>();
        into.Append("### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | ------------- | -------------\n");
        var unique = Unique(specs, boldNames: true).Where(f => f.Name.Trim() != "any_string_name").ToList();
        // Sub-sections follow the whole table, in the order the keys use them (depth first, as the reader takes them).
        var pending = new List<(FieldSpec Field, StringBuilder Section)>();
        foreach (var field in unique)
        {
            string name = Cell(field.Name);
            string notes = field.Required ? "" : "[optional]";
            string description = DescriptionCell(field.Description);
            if (field.Nested is not null && !field.Name.Contains('#') && !field.Name.Contains('(') && !field.Name.Contains(')') && !field.Name.Contains('[') && !field.Name.Contains(']'))
            {
                into.Append("**[").Append(name).Append("](#").Append(name).Append(")** | dict, frozendict.frozendict,  | frozendict.frozendict,  | ").Append(description).Append(" | ").Append(notes).Append('\n');
                var section = new StringBuilder();
                section.Append("# ").Append(field.Name.Trim()).Append("\n\n").Append(TypeInfo("dict, frozendict.frozendict,  ", "frozendict.frozendict,  ", ""));
                var nestedSections = new StringBuilder();
                var nestedFields = KeysTable(context, field.Nested, section, nestedSections, open: false);
                section.Append('\n').Append(nestedSections);
                pending.Add((field, section));
                fields.Add(new ExpectedField(field.Name.Trim(), new NestedType(nestedFields), field.Required, !field.Required));
                continue;
            }
            var type = field.Type;
            if (type.Container == Container.List && type.Variant % 2 == 0 && !field.Name.Contains('#') && !field.Name.Contains('(') && !field.Name.Contains(')') && !field.Name.Contains('[') && !field.Name.Contains(']'))
            {
                // A list with its item type in a '# name' sub-section's Tuple Items table.
                var (item, itemType, itemDiagnostic) = Element(context, type, Dialect.FrozenDict);
                string classCell = type.Link != -2 ? FrozenLink(item) : "items";
                string inputCell = type.Link != -2 ? FrozenLink(item) : item;
                into.Append("**[").Append(name).Append("](#").Append(name).Append(")** | list, tuple,  | tuple,  | ").Append(description).Append(" | ").Append(notes).Append('\n');
                var section = new StringBuilder();
                section.Append("# ").Append(field.Name.Trim()).Append("\n\n").Append(TypeInfo("list, tuple,  ", "tuple,  ", ""));
                section.Append("### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n");
                section.Append(classCell).Append(" | ").Append(inputCell).Append(" | ").Append(inputCell).Append(" |  | \n\n");
                pending.Add((field, section));
                fields.Add(new ExpectedField(field.Name.Trim(), new ListType(itemType), field.Required, !field.Required, itemDiagnostic));
                continue;
            }
            string cell;
            ExpectedType expected;
            string? diagnostic = null;
            bool nullable = false;
            switch (type.Container)
            {
                case Container.List:
                    cell = "list, tuple, ";
                    expected = new ListType(PrimitiveType.Json);
                    break;
                case Container.Map:
                    cell = "dict, frozendict.frozendict, ";
                    expected = new MapType(PrimitiveType.Json);
                    break;
                default:
                    var (element, elementType, elementDiagnostic) = Element(context, type, Dialect.FrozenDict);
                    cell = type.Link != -2 ? FrozenLink(element) : element;
                    expected = elementType;
                    diagnostic = elementDiagnostic;
                    if (type.Link == -2 && type.Prim == Prim.Any) nullable = true; // the any list includes None
                    else if (type.Link == -2 && field.Nullable)
                    {
                        cell = "None, " + cell;
                        nullable = true;
                    }
                    break;
            }
            into.Append("**").Append(name).Append("** | ").Append(cell).Append(" | ").Append(cell).Append(" | ").Append(description).Append(" | ").Append(notes).Append('\n');
            fields.Add(new ExpectedField(field.Name.Trim(), expected, field.Required, !field.Required || nullable, diagnostic));
        }
        if (open)
        {
            into.Append("**any_string_name** | ").Append(PythonAny).Append(" | ").Append(PythonAnyAccessed).Append(" | any string name can be used but the value must be the correct type | [optional]\n");
        }
        foreach (var (_, section) in pending) sections.Append(section);
        return fields;
    }

    /// <summary>frozendict links are bold: <c>[**Pet**](pet.md)</c>.</summary>
    private static string FrozenLink(string link)
    {
        int close = link.IndexOf("](", StringComparison.Ordinal);
        return "[**" + link.Substring(1, close - 1) + "**" + link.Substring(close);
    }

    // ---- enums --------------------------------------------------------------------------------------------------

    private static (string, ExpectedDoc) Enum(Context context)
    {
        var spec = context.Me.Spec;
        var values = spec.Values.Where(v => v.Length != 0).Distinct(StringComparer.Ordinal).ToList();
        bool numeric = values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (char.IsDigit(v[0]) || v[0] == '-'));
        // Half the numeric-looking enums are string enums whose values happen to be digits ("1" | "2", 'v1' style codes).
        bool quotedNumbers = numeric && spec.Description % 2 == 1 && spec.Dialect is Dialect.SpeakeasyEnumFence or Dialect.OagEnumBullets or Dialect.FrozenDictEnum;
        string valueType = !numeric || quotedNumbers ? "string" : values.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) ? "long" : "double";
        var sb = new StringBuilder();
        string Quote(string v, char q) => numeric && !quotedNumbers ? v : q + v + q;
        switch (spec.Dialect)
        {
            case Dialect.SpeakeasyEnumTable:
                sb.Append("# ").Append(spec.Title).Append("\n\n").Append(Description(spec.Description)).Append("## Values\n\n| Name | Value |\n| ---- | ----- |\n");
                foreach (string v in values) sb.Append("| `").Append(Cell(MemberName(v))).Append("` | ").Append(Cell(v)).Append(" |\n");
                break;
            case Dialect.SpeakeasyEnumFence:
                sb.Append("# ").Append(spec.Title).Append("\n\n").Append(Description(spec.Description));
                sb.Append("## Example Usage\n\n```typescript\nimport { ").Append(spec.Title).Append(" } from \"sdk\";\n\nlet value: X = ").Append(Quote(values[0], '"')).Append(";\n```\n\n");
                sb.Append("## Values\n\n```typescript\n").Append(string.Join(" | ", values.Select(v => Quote(v, '"')))).Append("\n```\n");
                break;
            case Dialect.OagEnumBullets:
                sb.Append("# ").Append(spec.Title).Append("\n\n").Append(Description(spec.Description)).Append("## Enum\n\n");
                foreach (string v in values) sb.Append("* `").Append(MemberName(v).ToUpperInvariant()).Append("` (value: `").Append(Quote(v, '\'')).Append("`)\n\n");
                sb.Append(BackLinks);
                break;
            case Dialect.RustEnumVariants:
                sb.Append("# ").Append(spec.Title).Append("\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n");
                foreach (string v in values) sb.Append("| ").Append(Cell(MemberName(v))).Append(" | ").Append(Cell(v)).Append(" |\n");
                sb.Append('\n').Append(BackLinks);
                break;
            default:
                sb.Append("# pkg.model.").Append(Snake(spec.Title)).Append('.').Append(spec.Title).Append("\n\n").Append(Description(spec.Description));
                string input = numeric && !quotedNumbers ? "decimal.Decimal, int, float, " : "str, ";
                sb.Append(TypeInfo(input, input, "must be one of [" + string.Concat(values.Select(v => Quote(v, '"') + ", ")) + "] "));
                sb.Append(BackLinks);
                break;
        }
        return (sb.ToString(), ExpectedDoc.Enum(spec.Title, values, valueType));
    }

    private static string MemberName(string value)
    {
        var sb = new StringBuilder();
        bool upper = true;
        foreach (char c in value)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.Length == 0 ? "Value" : sb.ToString();
    }

    // ---- unions -------------------------------------------------------------------------------------------------

    private static (string, ExpectedDoc) Union(Context context)
    {
        var spec = context.Me.Spec;
        var sb = new StringBuilder();
        var cases = new List<ExpectedType>();
        if (spec.Dialect == Dialect.FrozenDictUnion)
        {
            sb.Append("# pkg.model.").Append(Snake(spec.Title)).Append('.').Append(spec.Title).Append("\n\n");
            sb.Append(TypeInfo(PythonAny, PythonAnyAccessed, ""));
            sb.Append("### Composed Schemas (allOf/anyOf/oneOf/not)\n#### ").Append(spec.Description % 2 == 0 ? "anyOf" : "oneOf").Append('\n');
            sb.Append("Class Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n");
            var sections = new StringBuilder();
            for (int i = 0; i < spec.Cases.Length; i++)
            {
                var type = spec.Cases[i];
                string anchor = "any_of_" + i.ToString(CultureInfo.InvariantCulture);
                if (type.Link != -2 && type.Container == Container.None)
                {
                    var (link, linkType, _) = Element(context, type, Dialect.FrozenDict);
                    string bold = FrozenLink(link);
                    sb.Append(bold).Append(" | ").Append(bold).Append(" | ").Append(bold).Append(" |  | \n");
                    cases.Add(linkType);
                    continue;
                }
                string cell;
                ExpectedType expected;
                if (type.Container == Container.List)
                {
                    cell = "list, tuple, ";
                    expected = new ListType(PrimitiveType.Json);
                }
                else if (type.Container == Container.Map)
                {
                    cell = "dict, frozendict.frozendict, ";
                    expected = new MapType(PrimitiveType.Json);
                }
                else
                {
                    var (element, elementType, _) = Element(context, type, Dialect.FrozenDict);
                    cell = element;
                    expected = elementType;
                }
                sb.Append('[').Append(anchor).Append("](#").Append(anchor).Append(") | ").Append(cell).Append(" | ").Append(cell).Append(" |  | \n");
                sections.Append("# ").Append(anchor).Append("\n\n").Append(TypeInfo(cell, cell, ""));
                cases.Add(expected);
            }
            sb.Append('\n').Append(sections).Append(BackLinks);
            return (sb.ToString(), ExpectedDoc.Union(spec.Title, cases));
        }

        bool python = spec.Dialect == Dialect.SpeakeasyUnionPython;
        sb.Append("# ").Append(spec.Title).Append("\n\n").Append(Description(spec.Description)).Append("\n## Supported Types\n\n");
        foreach (var type in spec.Cases)
        {
            var (cell, expected, _, _) = TypeCell(context, type, wantNullable: false);
            cases.Add(expected);
            bool link = type.Link != -2;
            if (python && !link)
            {
                // A blank heading: the case type is in the example's annotation.
                string annotation = Unitalic(cell);
                sb.Append("### \n\n```python\nvalue: ").Append(annotation).Append(" = /* values here */\n```\n\n");
            }
            else
            {
                string heading = link ? cell : "`" + Unitalic(cell) + "`";
                sb.Append("### ").Append(heading).Append("\n\n```").Append(python ? "python" : "typescript").Append("\nconst value = /* values here */;\n```\n\n");
            }
        }
        return (sb.ToString(), ExpectedDoc.Union(spec.Title, cases));
    }

    /// <summary><c>*string*[]</c> → <c>string[]</c>: union headings and annotations spell types without emphasis.</summary>
    private static string Unitalic(string cell) => cell.Replace("*", "");

    // ---- pages that are not schemas -----------------------------------------------------------------------------

    private static string OperationPage(string title)
        => $"# {title}Api\n\nAll URIs are relative to *http://localhost*\n\nMethod | HTTP request | Description\n------------- | ------------- | -------------\n[**get{title}**]({title}Api.md#get) | **GET** /items/{{id}} | Get one\n\n# **get{title}**\n> {title} get{title}(id)\n\n### Parameters\n\nName | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\n **id** | **str**| The id | \n\n### Return type\n\n[**{title}**]({title}.md)\n\n### HTTP request headers\n\n - **Content-Type**: Not defined\n - **Accept**: application/json\n\n" + BackLinks;
}
