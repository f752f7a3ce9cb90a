using System;
using System.Collections.Generic;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// Speakeasy union docs: <c>## Supported Types</c> with one <c>### Variant</c> heading per case. A blank heading
/// (primitives) is read from the example fence's declared type (<c>value: str = …</c>).
/// </summary>
internal static class UnionReader
{
    public const string Dialect = "speakeasy-union";

    public static bool CanRead(IReadOnlyList<MarkdownBlock> blocks) => Blocks.HasHeading(blocks, "Supported Types", level: 2);

    public static SchemaType? Read(DocumentContext context, out string? reason)
    {
        var blocks = context.Blocks;
        if (DocumentTitle.Find(blocks, out string? description, out reason) is not { } title) return null;
        var variants = new List<TypeRef>();
        bool inSection = false;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is HeadingBlock { Level: 2 } h2)
            {
                inSection = string.Equals(h2.Text, "Supported Types", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (!inSection || blocks[i] is not HeadingBlock { Level: 3 } variant) continue;
            string heading = CellText.StripWrappers(variant.Text);
            string? fence = i + 1 < blocks.Count && blocks[i + 1] is FenceBlock f ? f.Content : null;
            var type = heading.Length != 0 ? FromHeading(heading) : FromFence(fence);
            if (!variants.Contains(type)) variants.Add(type);
        }
        if (variants.Count == 0)
        {
            reason = "its '## Supported Types' section lists no types";
            return null;
        }
        return SchemaType.Union(DocumentTitle.Name(title), DescriptionText.Normalize(description), variants.ToEquatableArray(), context.At(title));
    }

    /// <summary>
    /// A variant heading: a type (<c>`List[str]`</c>, <c>shared.Pet</c>), or C#'s and Java's case member name for a
    /// collection, <c>ArrayOfSourceAccount</c> / <c>MapOfPet</c> (<c>Create…ArrayOfSourceAccount(…)</c> in the fence).
    /// </summary>
    private static TypeRef FromHeading(string heading)
    {
        foreach (var (prefix, isMap) in new[] { ("ArrayOf", false), ("MapOf", true) })
        {
            if (heading.Length > prefix.Length && heading.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(heading[prefix.Length]))
            {
                var element = FromHeading(heading.Substring(prefix.Length));
                return isMap ? TypeRef.MapOf(element) : TypeRef.ArrayOf(element);
            }
        }
        // C#'s case names for primitives: Str, Number, Boolean (the others are the types' own names).
        if (heading == "Str") return TypeRef.String;
        if (heading == "Bool") return TypeRef.Boolean;
        return TypeExpression.Parse(heading);
    }

    /// <summary>
    /// The case type declared in the example: <c>x: str = …</c> (python), <c>const value: string = …</c> (typescript),
    /// <c>x := pkg.CreateXStr(string{…})</c> (go). Falls back to any JSON when the fence says neither.
    /// </summary>
    private static TypeRef FromFence(string? fence)
    {
        if (fence is null) return TypeRef.Any;
        string firstLine = fence.Split('\n')[0];
        int open = firstLine.IndexOf('(');
        int brace = open < 0 ? -1 : firstLine.IndexOf('{', open + 1);
        if (firstLine.IndexOf(":=", StringComparison.Ordinal) > 0 && open > 0 && brace > open + 1)
        {
            return TypeExpression.Parse(firstLine.Substring(open + 1, brace - open - 1).Trim());
        }
        int colon = firstLine.IndexOf(':');
        int equals = firstLine.IndexOf('=', colon + 1);
        if (colon < 0 || equals < 0) return TypeRef.Any;
        return TypeExpression.Parse(firstLine.Substring(colon + 1, equals - colon - 1).Trim());
    }
}
