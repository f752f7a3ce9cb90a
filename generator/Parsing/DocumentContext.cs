using System.Collections.Generic;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>What a reader needs while reading one doc: its path, its blocks, and a place for diagnostics.</summary>
internal sealed class DocumentContext
{
    public DocumentContext(string path, IReadOnlyList<MarkdownBlock> blocks, WireNaming wireNaming = WireNaming.AsWritten)
    {
        Path = path;
        Blocks = blocks;
        WireNaming = wireNaming;
    }

    /// <summary>How the names the doc lists map to JSON names (the GenerationModelsWireNaming knob).</summary>
    public WireNaming WireNaming { get; }

    /// <summary>
    /// The project said the listed names are the wire names (GenerationModelsWireNaming=AsWritten): a language-cased
    /// name is then not a guess (<see cref="Model.SchemaField.WireNameGuessed"/> stays false).
    /// </summary>
    public bool NamesConfirmed { get; init; }

    public string Path { get; }

    public IReadOnlyList<MarkdownBlock> Blocks { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public SourceSpan At(TableRow row) => new(Path, row.Line, 0, row.Start, row.Length);

    public SourceSpan At(TableRow row, TableCell cell) => new(Path, row.Line, cell.Column, cell.Start, cell.Text.Length);

    public SourceSpan At(HeadingBlock heading) => new(Path, heading.Line, heading.Column, heading.Start, heading.Text.Length);

    public void Report(string id, SourceSpan location, params string[] arguments)
        => Diagnostics.Add(DiagnosticInfo.Create(id, location, arguments));

    /// <summary>Index of the header column whose text is one of <paramref name="names"/> (case-insensitive), or -1.</summary>
    public static int Column(TableRow header, params string[] names)
    {
        for (int i = 0; i < header.Cells.Count; i++)
        {
            string text = CellText.StripWrappers(header.Cells[i].Text);
            foreach (string name in names)
            {
                if (string.Equals(text, name, System.StringComparison.OrdinalIgnoreCase)) return i;
            }
        }
        return -1;
    }

    /// <summary>The cell at <paramref name="index"/>, or an empty string for missing (ragged) cells.</summary>
    public static string Cell(TableRow row, int index) => index >= 0 && index < row.Cells.Count ? row.Cells[index].Text : "";

    /// <summary>Reports a row whose cell count differs from the header's; returns false when it is too short to use.</summary>
    public bool CheckRowShape(TableRow header, TableRow row, int requiredCells)
    {
        if (row.Cells.Count == header.Cells.Count) return true;
        bool usable = row.Cells.Count >= requiredCells;
        Report(
            DiagnosticDescriptors.MalformedRowId,
            At(row),
            row.Cells.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            header.Cells.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            usable ? "the cells present were read" : "the row was skipped");
        return usable;
    }
}
