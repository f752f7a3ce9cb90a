using System;
using System.Collections.Generic;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// OpenAPI Generator model docs (dotnet, go, java, php, python, ruby, rust, typescript): <c># Name</c> (possibly
/// namespaced: <c>Ory.Client.Model.X</c>, <c>OryClient::X</c>, PHP's <c># # X</c>) and a <c>## Properties</c> table
/// <c>Name | Type | Description | Notes</c>, where <c>[optional]</c> in Notes marks optional members.
/// </summary>
internal static class OagPropertiesReader
{
    public const string Dialect = "openapi-generator";

    public static bool CanRead(IReadOnlyList<MarkdownBlock> blocks) => FindTable(blocks, out _, out _);

    private static bool FindTable(IReadOnlyList<MarkdownBlock> blocks, out HeadingBlock? heading, out TableBlock? table)
    {
        heading = null;
        table = null;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is HeadingBlock { Level: 2 } h && string.Equals(h.Text, "Properties", StringComparison.OrdinalIgnoreCase))
            {
                heading = h;
                table = i + 1 < blocks.Count ? blocks[i + 1] as TableBlock : null;
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads the model; null with <paramref name="reason"/> when the doc has no usable table.</summary>
    public static SchemaType? Read(DocumentContext context, out string? reason)
    {
        reason = null;
        var title = DocumentTitle.Find(context.Blocks, out string? description);
        FindTable(context.Blocks, out var heading, out var table);
        if (title is null)
        {
            reason = "it has no '# Name' heading";
            return null;
        }
        if (table is null || table.Rows.Count == 0)
        {
            // dotnet, php and ruby render enums this way too, so an empty table says neither "object" nor "enum":
            // the type keeps its name and holds whatever JSON arrives.
            context.Report(Diagnostics.DiagnosticDescriptors.OpaqueTypeId, context.At(heading ?? title), DocumentTitle.Name(title));
            return SchemaType.Opaque(DocumentTitle.Name(title), DescriptionText.Normalize(description), context.At(title));
        }
        var header = table.Header;
        int nameColumn = DocumentContext.Column(header, "Name");
        int typeColumn = DocumentContext.Column(header, "Type");
        int descriptionColumn = DocumentContext.Column(header, "Description");
        int notesColumn = DocumentContext.Column(header, "Notes");
        if (nameColumn < 0 || typeColumn < 0)
        {
            context.Report(Diagnostics.DiagnosticDescriptors.MissingTableId, context.At(header), "Properties (with Name and Type columns)");
            reason = "its '## Properties' table has no Name and Type columns";
            return null;
        }

        string modelName = DocumentTitle.Name(title);
        if (SimpleEnum(context, title, table, nameColumn, notesColumn, modelName, description) is { } simple) return simple;
        var fields = new List<SchemaField>();
        bool isOpen = false;
        foreach (var row in table.Rows)
        {
            if (!context.CheckRowShape(header, row, Math.Max(nameColumn, typeColumn) + 1)) continue;
            string name = CellText.StripWrappers(DocumentContext.Cell(row, nameColumn));
            if (name.Length == 0) continue;
            if (name == AnyStringName)
            {
                isOpen = true; // older python docs: additionalProperties, not a member
                continue;
            }
            var typeCell = row.Cells[typeColumn];
            string notes = DocumentContext.Cell(row, notesColumn);
            var type = TypeExpression.Parse(typeCell.Text, out bool nullable);
            bool required = notes.IndexOf("[optional]", StringComparison.OrdinalIgnoreCase) < 0;
            fields.Add(new SchemaField(
                WireNames.Recover(name, modelName, context.WireNaming),
                type,
                IsRequired: required,
                IsNullable: nullable || !required,
                DescriptionText.Normalize(DocumentContext.Cell(row, descriptionColumn)),
                context.At(row, typeCell)) { WireNameGuessed = !context.NamesConfirmed });
        }
        return new SchemaType(modelName, DescriptionText.Normalize(description), fields.ToEquatableArray(), isOpen, InlineEnums(context).ToEquatableArray(), context.At(title));
    }

    /// <summary>The additionalProperties row of older OpenAPI Generator python docs.</summary>
    private const string AnyStringName = "any string name";

    /// <summary>
    /// Older OpenAPI Generator python docs render a string enum ("ModelSimple") as one Properties row named
    /// <c>value</c> whose Notes say <c>must be one of ["a", "b", ]</c>: the JSON is the string itself, not an object.
    /// </summary>
    private static SchemaType? SimpleEnum(DocumentContext context, HeadingBlock title, TableBlock table, int nameColumn, int notesColumn, string name, string? description)
    {
        if (table.Rows.Count != 1 || notesColumn < 0) return null;
        var row = table.Rows[0];
        if (CellText.StripWrappers(DocumentContext.Cell(row, nameColumn)) != "value") return null;
        return FrozenDictReader.OneOfEnum(name, description, CellText.DecodeEntities(DocumentContext.Cell(row, notesColumn)), context.At(title));
    }

    /// <summary>Java's inline enums: <c>## Enum: StateEnum</c> sections with a Name | Value table, linked as <c>#StateEnum</c>.</summary>
    private static List<SchemaType> InlineEnums(DocumentContext context)
    {
        var enums = new List<SchemaType>();
        var blocks = context.Blocks;
        for (int i = 0; i + 1 < blocks.Count; i++)
        {
            if (blocks[i] is not HeadingBlock { Level: 2 } h || !h.Text.StartsWith("Enum:", StringComparison.OrdinalIgnoreCase) || blocks[i + 1] is not TableBlock table) continue;
            string name = h.Text.Substring("Enum:".Length).Trim();
            var values = new EnumValueList();
            bool quoted = EnumReader.ReadTable(table, values);
            if (name.Length == 0 || values.Count == 0 || enums.Exists(e => e.Name == name)) continue;
            enums.Add(SchemaType.Enum(name, null, values.Items.ToEquatableArray(), numeric: !quoted, context.At(h)));
        }
        return enums;
    }
}

/// <summary>The first H1 of a doc as a type name, and the paragraph under it.</summary>
internal static class DocumentTitle
{
    /// <summary>As <see cref="Find(IReadOnlyList{MarkdownBlock}, out string?)"/>, with the not-a-schema reason when there is no title.</summary>
    public static HeadingBlock? Find(IReadOnlyList<MarkdownBlock> blocks, out string? description, out string? reason)
    {
        var title = Find(blocks, out description);
        reason = title is null ? "it has no '# Name' heading" : null;
        return title;
    }

    public static HeadingBlock? Find(IReadOnlyList<MarkdownBlock> blocks, out string? description)
    {
        description = null;
        HeadingBlock? title = null;
        foreach (var block in blocks)
        {
            if (title is null)
            {
                if (block is HeadingBlock { Level: 1 } h) title = h;
                continue;
            }
            if (block is HeadingBlock) break;
            if (block is ParagraphBlock p && description is null) description = p.Text;
        }
        return title;
    }

    /// <summary>
    /// The doc is a <c># Name</c> heading and at most paragraphs under it (its description): no section, table or code.
    /// Its name must be a type name (a word, possibly qualified), not a sentence.
    /// </summary>
    public static bool IsTitleOnly(IReadOnlyList<MarkdownBlock> blocks, out HeadingBlock title)
    {
        title = null!;
        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } heading) return false;
        for (int i = 1; i < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock) return false;
        }
        string name = Name(heading);
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_')) return false;
        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        title = heading;
        return true;
    }

    /// <summary><c>Ory.Client.Model.ClientX</c>, <c>OryClient::X</c>, <c># X</c> (PHP's doubled marker), <c>~~X~~</c> → the bare name.</summary>
    public static string Name(HeadingBlock title)
    {
        string text = title.Text.TrimStart('#', ' ');
        text = CellText.StripWrappers(text);
        return TypeExpression.SimpleName(text.Trim());
    }
}
