using System;
using System.Collections.Generic;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// OpenAPI Generator python "frozendict" docs: <c># pkg.model.module.Name</c>, a <c>## Model Type Info</c> table,
/// a <c>### Dictionary Keys</c> table, and later <c># name</c> sections describing inline sub-schemas that keys link
/// to with <c>**[name](#name)**</c>. Sub-section names can repeat, so a key takes the first unused section of its name.
/// Key names are the wire names.
/// </summary>
internal static class FrozenDictReader
{
    public const string Dialect = "openapi-python-frozendict";

    private const string AnyStringName = "any_string_name";

    public static bool CanRead(IReadOnlyList<MarkdownBlock> blocks) => Blocks.HasHeading(blocks, "Model Type Info");

    /// <summary>One <c># name</c> section and the tables under it.</summary>
    private sealed class Section
    {
        public Section(HeadingBlock heading) => Heading = heading;

        public HeadingBlock Heading { get; }

        public string? Description { get; set; }

        public TableBlock? TypeInfo { get; set; }

        public TableBlock? Keys { get; set; }

        public TableBlock? TupleItems { get; set; }

        public List<(string Kind, TableBlock Table)> Composed { get; } = new();

        public bool Used { get; set; }
    }

    public static SchemaType? Read(DocumentContext context, out string? notAModelReason)
    {
        notAModelReason = null;
        var sections = SplitSections(context.Blocks);
        if (sections.Count == 0)
        {
            notAModelReason = "it has no '# Name' heading";
            return null;
        }
        var root = sections[0];
        root.Used = true;
        string name = TypeExpression.SimpleName(CellText.StripWrappers(root.Heading.Text));
        if (root.Keys is null)
        {
            if (ReadEnum(name, root, context) is { } enumType) return enumType;
            if (ReadUnion(name, root, context) is { } unionType) return unionType;
            if (ReadAlias(name, root, sections, context) is { } alias) return alias;
            string kind = FirstInputType(root) ?? "";
            notAModelReason = $"its top-level schema is '{kind.Trim().TrimEnd(',')}', not an object with Dictionary Keys, an enum or a oneOf/anyOf";
            return null;
        }
        var reader = new Reader(context, sections);
        return reader.ReadObject(name, root);
    }

    /// <summary>A top-level <c>str</c> whose Notes say <c>must be one of ["a", "b", ]</c>.</summary>
    private static SchemaType? ReadEnum(string name, Section root, DocumentContext context)
    {
        if (root.TypeInfo is not { Rows.Count: > 0 } info) return null;
        int notesColumn = DocumentContext.Column(info.Header, "Notes");
        string notes = CellText.DecodeEntities(DocumentContext.Cell(info.Rows[0], notesColumn));
        return OneOfEnum(name, root.Description, notes, context.At(root.Heading));
    }

    /// <summary>
    /// The enum a Notes cell <c>must be one of ["openai", "ai21", ]</c> describes, or null when it lists none. Quoted
    /// values (<c>["1", "2", ]</c>) are strings even when they look like numbers; only unquoted ones can make a numeric
    /// enum (<see cref="SchemaType.Enum"/> checks that they are numbers).
    /// </summary>
    public static SchemaType? OneOfEnum(string name, string? description, string notes, SourceSpan location)
    {
        var values = ParseOneOf(notes, out bool quoted);
        if (values is null) return null;
        return SchemaType.Enum(name, DescriptionText.Normalize(description), values.ConvertAll(v => new EnumValue(v, v, null)).ToEquatableArray(), numeric: !quoted, location);
    }

    /// <summary>The values of a Notes cell <c>must be one of ["openai", "ai21", ]</c> (values may hold spaces), or null.</summary>
    private static List<string>? ParseOneOf(string notes, out bool quoted)
    {
        quoted = false;
        int at = notes.IndexOf("must be one of [", StringComparison.Ordinal);
        if (at < 0) return null;
        int start = at + "must be one of [".Length;
        int end = notes.LastIndexOf(']');
        if (end < start) return null;
        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in notes.Substring(start, end - start).Split(','))
        {
            string value = part.Trim();
            if (value.Length == 0) continue;
            if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
            {
                value = value.Substring(1, value.Length - 2);
                quoted = true;
            }
            if (seen.Add(value)) values.Add(value);
        }
        return values.Count == 0 ? null : values;
    }

    /// <summary>
    /// A top-level array (<c>list, tuple,</c> with <c>### Tuple Items</c>) or primitive (<c>str,</c>): no type of its own,
    /// references to it use what it stands for (GM0013). Not when it may be null (a referring member's nullability is
    /// its own doc's), nor when its items are an inline object (a nested type needs a type to nest in); items that are
    /// an inline anyOf/oneOf are kept as JSON, as they are in a model.
    /// </summary>
    private static SchemaType? ReadAlias(string name, Section root, List<Section> sections, DocumentContext context)
    {
        if (FirstInputType(root) is not { } inputType || root.Composed.Count != 0) return null;
        var (type, nullable) = ParseInputType(inputType);
        if (nullable || type.Kind is TypeKind.Unknown or TypeKind.Any or TypeKind.Map) return null;
        string described = "'" + inputType.Trim().TrimEnd(',').Trim() + "'";
        if (type.Kind == TypeKind.Array)
        {
            if (root.TupleItems is not { Rows.Count: > 0 } items) return null;
            string classCell = DocumentContext.Cell(items.Rows[0], 0);
            if (classCell.StartsWith("[", StringComparison.Ordinal) && CellText.TryReadLink(classCell, 0, out string anchorText, out string target, out _)
                && target.StartsWith("#", StringComparison.Ordinal)
                && sections.Exists(s => s != root && s.Keys is not null && string.Equals(s.Heading.Text.Trim(), CellText.StripWrappers(anchorText), StringComparison.Ordinal)))
            {
                return null;
            }
            type = TypeRef.ArrayOf(ClassNameType(items.Rows[0]));
            described = "a top-level list of its Tuple Items";
        }
        context.Report(DiagnosticDescriptors.InlinedSchemaId, context.At(root.Heading), name, described);
        return SchemaType.Alias(name, DescriptionText.Normalize(root.Description), type, context.At(root.Heading));
    }

    /// <summary>A top-level <c>#### anyOf</c>/<c>#### oneOf</c> table: a union of its Class Name cells.</summary>
    private static SchemaType? ReadUnion(string name, Section root, DocumentContext context)
    {
        foreach (var (kind, table) in root.Composed)
        {
            if (Is(kind, "allOf") || table.Rows.Count == 0) continue;
            var variants = new List<TypeRef>();
            foreach (var row in table.Rows)
            {
                var type = ClassNameType(row);
                if (!variants.Contains(type)) variants.Add(type);
            }
            return SchemaType.Union(name, DescriptionText.Normalize(root.Description), variants.ToEquatableArray(), context.At(root.Heading));
        }
        return null;
    }

    private static List<Section> SplitSections(IReadOnlyList<MarkdownBlock> blocks)
    {
        var sections = new List<Section>();
        Section? current = null;
        string? pendingTable = null;
        for (int i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case HeadingBlock { Level: 1 } h:
                    current = new Section(h);
                    sections.Add(current);
                    pendingTable = null;
                    break;
                case HeadingBlock h when current is not null:
                    pendingTable = h.Text.Trim();
                    break;
                case ParagraphBlock p when current is not null && current.Description is null && pendingTable is null:
                    current.Description = p.Text;
                    break;
                case TableBlock t when current is not null && pendingTable is not null:
                    if (Is(pendingTable, "Model Type Info")) current.TypeInfo ??= t;
                    else if (Is(pendingTable, "Dictionary Keys")) current.Keys ??= t;
                    else if (Is(pendingTable, "Tuple Items")) current.TupleItems ??= t;
                    else if (Is(pendingTable, "allOf") || Is(pendingTable, "anyOf") || Is(pendingTable, "oneOf")) current.Composed.Add((pendingTable, t));
                    pendingTable = null;
                    break;
            }
        }
        return sections;
    }

    private static bool Is(string text, string name) => string.Equals(text, name, StringComparison.OrdinalIgnoreCase);

    private static string? FirstInputType(Section section)
        => section.TypeInfo is { Rows.Count: > 0 } t ? DocumentContext.Cell(t.Rows[0], 0) : null;

    private sealed class Reader
    {
        private readonly DocumentContext _context;
        private readonly List<Section> _sections;

        public Reader(DocumentContext context, List<Section> sections)
        {
            _context = context;
            _sections = sections;
        }

        public SchemaType ReadObject(string name, Section section)
        {
            var table = section.Keys!;
            var header = table.Header;
            int keyColumn = DocumentContext.Column(header, "Key");
            int typeColumn = DocumentContext.Column(header, "Input Type");
            int descriptionColumn = DocumentContext.Column(header, "Description");
            int notesColumn = DocumentContext.Column(header, "Notes");
            var fields = new List<SchemaField>();
            var nested = new List<SchemaType>();
            bool isOpen = false;
            if (keyColumn < 0 || typeColumn < 0)
            {
                _context.Report(DiagnosticDescriptors.MissingTableId, _context.At(header), "Dictionary Keys (with Key and Input Type columns)");
            }
            else
            {
                foreach (var row in table.Rows)
                {
                    if (!_context.CheckRowShape(header, row, Math.Max(keyColumn, typeColumn) + 1)) continue;
                    string keyCell = CellText.StripWrappers(DocumentContext.Cell(row, keyColumn));
                    string? anchor = null;
                    string key = keyCell;
                    if (keyCell.StartsWith("[", StringComparison.Ordinal) && CellText.TryReadLink(keyCell, 0, out string text, out string target, out _))
                    {
                        key = CellText.StripWrappers(text);
                        anchor = target.StartsWith("#", StringComparison.Ordinal) ? target.Substring(1) : null;
                    }
                    if (key == AnyStringName)
                    {
                        isOpen = true;
                        continue;
                    }
                    if (key.Length == 0)
                    {
                        _context.Report(DiagnosticDescriptors.MalformedRowId, _context.At(row), "0", header.Cells.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "the row has no key name and was skipped");
                        continue;
                    }
                    var typeCell = row.Cells[typeColumn];
                    string notes = DocumentContext.Cell(row, notesColumn);
                    var (type, nullable) = ParseInputType(typeCell.Text);
                    if (anchor is not null && TakeSection(anchor) is { } sub)
                    {
                        type = ReadSubSchema(key, sub, type, nested);
                    }
                    fields.Add(new SchemaField(
                        key,
                        type,
                        IsRequired: notes.IndexOf("[optional]", StringComparison.OrdinalIgnoreCase) < 0,
                        IsNullable: nullable,
                        DescriptionText.Normalize(DocumentContext.Cell(row, descriptionColumn)),
                        _context.At(row, typeCell)));
                }
            }
            return new SchemaType(name, DescriptionText.Normalize(section.Description), fields.ToEquatableArray(), isOpen, nested.ToEquatableArray(), _context.At(section.Heading));
        }

        /// <summary>The first unused section named <paramref name="name"/>: names repeat, so each takes the next in doc order.</summary>
        private Section? TakeSection(string name)
        {
            // Sections by name, built on first use: a scan per key was quadratic in a doc's keys.
            if (_byName is null)
            {
                _byName = new Dictionary<string, Queue<Section>>(StringComparer.Ordinal);
                foreach (var section in _sections)
                {
                    string key = section.Heading.Text.Trim();
                    if (!_byName.TryGetValue(key, out var queue)) _byName[key] = queue = new Queue<Section>();
                    queue.Enqueue(section);
                }
            }
            if (!_byName.TryGetValue(name, out var candidates)) return null;
            while (candidates.Count > 0)
            {
                var section = candidates.Dequeue();
                if (section.Used) continue;
                section.Used = true;
                return section;
            }
            return null;
        }

        private Dictionary<string, Queue<Section>>? _byName;

        /// <summary>Nesting deeper than this is kept as JSON: real docs nest a few levels, and recursion must stay bounded.</summary>
        private const int MaxNestingDepth = 32;

        private int _depth;

        /// <summary>The type a <c># name</c> sub-section describes: a nested object, a list, or a one-member allOf.</summary>
        private TypeRef ReadSubSchema(string key, Section sub, TypeRef fromInputType, List<SchemaType> nested)
        {
            if (sub.Keys is not null && _depth >= MaxNestingDepth)
            {
                _context.Report(Diagnostics.DiagnosticDescriptors.UnknownTypeId, _context.At(sub.Heading), key, $"an inline object nested more than {MaxNestingDepth} levels deep");
                return TypeRef.MapOf(TypeRef.Any);
            }
            if (sub.Keys is not null)
            {
                _depth++;
                var type = ReadObject(key, sub);
                _depth--;
                nested.Add(type);
                return TypeRef.NestedType(type.Name);
            }
            if (sub.TupleItems is { Rows.Count: > 0 } items)
            {
                var item = ClassNameType(items.Rows[0]);
                return TypeRef.ArrayOf(item);
            }
            foreach (var (kind, table) in sub.Composed)
            {
                if (Is(kind, "allOf") && table.Rows.Count == 1) return ClassNameType(table.Rows[0]);
            }
            // anyOf/oneOf and multi-member allOf are kept as JSON until unions are modelled.
            return sub.Composed.Count > 0 ? TypeRef.Any : fromInputType;
        }

    }

    private static TypeRef ClassNameType(TableRow row)
    {
        string cell = DocumentContext.Cell(row, 0);
        var type = TypeExpression.Parse(cell);
        // [any_of_0](#any_of_0) points at an inline sub-section; its Input Type cell still says what it is.
        return type.Kind is TypeKind.Unknown or TypeKind.Nested ? ParseInputType(DocumentContext.Cell(row, 1)).Type : type;
    }

    /// <summary>
    /// An Input Type cell is a comma list of python types (<c>decimal.Decimal, int, </c>), or a link to a model.
    /// <c>None</c> in the list makes the member nullable.
    /// </summary>
    public static (TypeRef Type, bool Nullable) ParseInputType(string cell)
    {
        string s = cell.Trim();
        if (s.StartsWith("[", StringComparison.Ordinal))
        {
            return (TypeExpression.Parse(s), false);
        }
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in s.Split(','))
        {
            string p = part.Trim();
            if (p.Length != 0) parts.Add(p);
        }
        bool nullable = parts.Remove("None");
        TypeRef type;
        if (parts.Count == 0) type = nullable ? TypeRef.Any : TypeRef.Unknown(cell);
        else if (parts.Count >= 6) type = TypeRef.Any; // the "any type" list of every python type
        else if (parts.Contains("dict") || parts.Contains("frozendict.frozendict")) type = TypeRef.MapOf(TypeRef.Any);
        else if (parts.Contains("list") || parts.Contains("tuple")) type = TypeRef.ArrayOf(TypeRef.Any);
        else if (parts.Contains("str") && parts.Contains("datetime")) type = TypeRef.DateTime;
        else if (parts.Contains("str") && parts.Contains("date")) type = TypeRef.Date;
        else if (parts.Contains("str")) type = TypeRef.String;
        else if (parts.Contains("float")) type = TypeRef.Number;
        else if (parts.Contains("int") || parts.Contains("decimal.Decimal")) type = TypeRef.Integer;
        else if (parts.Contains("bool")) type = TypeRef.Boolean;
        else type = TypeRef.Unknown(cell);
        return (type, nullable);
    }
}
