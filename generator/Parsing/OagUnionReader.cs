using System;
using System.Collections.Generic;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// OpenAPI Generator oneOf/anyOf docs that have no Properties table:
/// <list type="bullet">
/// <item>ruby: <c>## Class instance methods</c>, whose example fences list the cases
/// (<c>X.openapi_one_of</c> → <c># [ :'A', :'B' ]</c>) and may give the discriminator
/// (<c>X.openapi_discriminator_name</c> → <c># => :'type'</c>) and its mapping
/// (<c>X.openapi_discriminator_mapping</c> → <c>:'a' => :'A'</c>). The fences are told apart by the method they call,
/// not by their headings, which the generator repeats.</item>
/// <item>rust: <c>## Enum Variants</c> with a <c>Name | Description</c> table, one case type per row (<c>GenericUsage</c>,
/// <c>String</c>, <c>f64</c>). With no rows the doc names no case at all: the type then holds any JSON value unchanged
/// (GM0010), as for an empty Properties table.</item>
/// </list>
/// </summary>
internal static class OagUnionReader
{
    public const string Dialect = "oag-union";

    public static bool CanRead(IReadOnlyList<MarkdownBlock> blocks)
        => (Blocks.HasHeading(blocks, "Class instance methods", level: 2) && CaseFence(blocks) is not null) || VariantsTable(blocks) is not null;

    public static SchemaType? Read(DocumentContext context, out string? reason)
    {
        var blocks = context.Blocks;
        if (DocumentTitle.Find(blocks, out string? description, out reason) is not { } title) return null;
        string name = DocumentTitle.Name(title);
        description = DescriptionText.Normalize(description);
        var variants = new List<TypeRef>();
        if (CaseFence(blocks) is { } cases)
        {
            foreach (string symbol in Symbols(cases.Content))
            {
                Add(variants, TypeExpression.Parse(symbol));
            }
        }
        else if (VariantsTable(blocks) is { } table)
        {
            if (table.Rows.Count == 0)
            {
                context.Report(Diagnostics.DiagnosticDescriptors.OpaqueTypeId, context.At(title), name);
                return SchemaType.Opaque(name, description, context.At(title));
            }
            int nameColumn = DocumentContext.Column(table.Header, "Name");
            foreach (var row in table.Rows)
            {
                string cell = CellText.StripWrappers(CellText.DecodeEntities(DocumentContext.Cell(row, nameColumn)));
                if (cell.Length != 0) Add(variants, TypeExpression.Parse(cell));
            }
        }
        if (variants.Count == 0)
        {
            reason = "its oneOf lists no cases";
            return null;
        }
        var union = SchemaType.Union(name, description, variants.ToEquatableArray(), context.At(title));
        if (MethodFence(blocks, ".openapi_discriminator_name") is { } nameFence && Symbols(nameFence.Content) is { Count: > 0 } names)
        {
            string property = names[0];
            var mapping = new List<DiscriminatorCase>();
            if (MethodFence(blocks, ".openapi_discriminator_mapping") is { } mappingFence)
            {
                foreach (string line in mappingFence.Content.Split('\n'))
                {
                    // #   :'redirect_browser_to' => :'ContinueWithRedirectBrowserTo',
                    if (Symbols(line) is { Count: 2 } pair) mapping.Add(new DiscriminatorCase(pair[0], TypeExpression.Parse(pair[1])));
                }
            }
            union = union with { DiscriminatorProperty = property, DiscriminatorCases = mapping.ToEquatableArray() };
        }
        return union;
    }

    private static void Add(List<TypeRef> variants, TypeRef type)
    {
        if (!variants.Contains(type)) variants.Add(type);
    }

    private static FenceBlock? CaseFence(IReadOnlyList<MarkdownBlock> blocks)
        => MethodFence(blocks, ".openapi_one_of") ?? MethodFence(blocks, ".openapi_any_of");

    /// <summary>The example fence that calls <paramref name="method"/> (<c>OryClient::X.openapi_one_of</c>).</summary>
    private static FenceBlock? MethodFence(IReadOnlyList<MarkdownBlock> blocks, string method)
    {
        foreach (var block in blocks)
        {
            if (block is not FenceBlock fence) continue;
            foreach (string line in fence.Content.Split('\n'))
            {
                string code = line.Trim();
                if (code.EndsWith(method, StringComparison.Ordinal) && !code.StartsWith("#", StringComparison.Ordinal)) return fence;
            }
        }
        return null;
    }

    /// <summary>The ruby symbols <c>:'Name'</c> in the result comments (<c># …</c>) of a fence or line, in order.</summary>
    private static List<string> Symbols(string text)
    {
        var symbols = new List<string>();
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimStart();
            if (!line.StartsWith("#", StringComparison.Ordinal)) continue;
            for (int at = line.IndexOf(":'", StringComparison.Ordinal); at >= 0; at = line.IndexOf(":'", at, StringComparison.Ordinal))
            {
                int close = line.IndexOf('\'', at + 2);
                if (close < 0) break;
                string symbol = line.Substring(at + 2, close - at - 2);
                if (symbol.Length != 0) symbols.Add(symbol);
                at = close + 1;
            }
        }
        return symbols;
    }

    /// <summary>rust's <c>## Enum Variants</c> table when it cannot be an enum: no <c>Value</c> column, or no rows.</summary>
    private static TableBlock? VariantsTable(IReadOnlyList<MarkdownBlock> blocks)
    {
        for (int i = 0; i + 1 < blocks.Count; i++)
        {
            if (blocks[i] is HeadingBlock { Level: 2 } h && string.Equals(h.Text, "Enum Variants", StringComparison.OrdinalIgnoreCase)
                && blocks[i + 1] is TableBlock table
                && (table.Rows.Count == 0 || DocumentContext.Column(table.Header, "Value") < 0))
            {
                return table;
            }
        }
        return null;
    }
}
