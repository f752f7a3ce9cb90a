using System;
using System.Collections.Generic;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// Speakeasy model docs: <c># Name</c>, an optional description, and a <c>## Fields</c> table with
/// <c>Field | Type | Required | Description [| Example]</c> columns. Field names are the SDK's property names, in
/// its language's casing (see <see cref="WireNames"/>): guesses at the wire names unless confirmed.
/// </summary>
internal static class SpeakeasyReader
{
    public const string Dialect = "speakeasy";

    public static bool CanRead(IReadOnlyList<MarkdownBlock> blocks) => Blocks.HasHeading(blocks, "Fields", level: 2);

    public static SchemaType? Read(DocumentContext context)
    {
        var blocks = context.Blocks;
        HeadingBlock? title = null;
        TableBlock? table = null;
        string? description = null;
        bool inSection = false;
        for (int i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case HeadingBlock { Level: 1 } h when title is null:
                    title = h;
                    break;
                case ParagraphBlock p when title is not null && description is null && !inSection:
                    description = p.Text;
                    break;
                case HeadingBlock { Level: > 1 } h when !string.Equals(h.Text, "Fields", StringComparison.OrdinalIgnoreCase):
                    inSection = true;
                    break;
                case HeadingBlock { Level: 2 } h when table is null:
                    inSection = true;
                    table = i + 1 < blocks.Count ? blocks[i + 1] as TableBlock : null;
                    if (table is null)
                    {
                        context.Report(DiagnosticDescriptors.MissingTableId, context.At(h), "Fields");
                    }
                    break;
            }
        }

        if (title is null || table is null) return null;

        string name = CellText.StripWrappers(title.Text);
        var header = table.Header;
        int nameColumn = DocumentContext.Column(header, "Field", "Name");
        int typeColumn = DocumentContext.Column(header, "Type");
        int requiredColumn = DocumentContext.Column(header, "Required");
        int descriptionColumn = DocumentContext.Column(header, "Description");
        int exampleColumn = DocumentContext.Column(header, "Example");
        if (nameColumn < 0 || typeColumn < 0)
        {
            context.Report(DiagnosticDescriptors.MissingTableId, context.At(table.Header), "Fields (with Field and Type columns)");
            return null;
        }

        var fields = new List<SchemaField>();
        int needed = Math.Max(nameColumn, typeColumn) + 1;
        foreach (var row in table.Rows)
        {
            if (!context.CheckRowShape(header, row, needed)) continue;
            string jsonName = CellText.StripWrappers(DocumentContext.Cell(row, nameColumn));
            if (jsonName.Length == 0)
            {
                context.Report(DiagnosticDescriptors.MalformedRowId, context.At(row), "0", header.Cells.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "the row has no field name and was skipped");
                continue;
            }
            var typeCell = row.Cells[typeColumn];
            bool required = IsRequiredMark(DocumentContext.Cell(row, requiredColumn));
            fields.Add(new SchemaField(
                WireNames.Recover(jsonName, name, context.WireNaming),
                TypeExpression.Parse(typeCell.Text, out bool nullable),
                IsRequired: required,
                // Speakeasy renders one marker for "optional" and "nullable": optional members are nullable, and so are
                // required ones a language wrapper marks (python's Optional[int] on a required member).
                IsNullable: !required || nullable,
                DescriptionText.Normalize(DocumentContext.Cell(row, descriptionColumn)),
                context.At(row, typeCell)) { WireNameGuessed = !context.NamesConfirmed, ExampleKeys = WireEvidence.KeysOf(DocumentContext.Cell(row, exampleColumn)) });
        }

        return new SchemaType(name, DescriptionText.Normalize(description), fields.ToEquatableArray(), IsOpen: false, EquatableArray<SchemaType>.Empty, context.At(title));
    }

    private static bool IsRequiredMark(string cell)
        => cell.IndexOf("heavy_check_mark", StringComparison.Ordinal) >= 0
        || cell.IndexOf('\u2714') >= 0
        || string.Equals(cell.Trim(), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(cell.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
}
