using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Parsing.OpenApi;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// What one parsed file contributes to the project-wide warnings: whether it is a markdown doc that produced no type
/// (GM0014), and, when the wire-naming knob is not set for it, its first guessed member with a capital letter
/// (<see cref="WireNames.IsLanguageCased"/>: <c>orderId</c>, <c>OrderId</c>; not <c>order_id</c> or <c>id</c>) (GM0015).
/// </summary>
internal sealed record DocSummary(string Path, bool ProducedNoType, string? GuessedName, SourceSpan? GuessedAt);

/// <summary>
/// Project-wide warnings, one of each kind per project (not per doc, which would drown a build in messages):
/// GM0014 when schema docs produced no type (each also has its GM0004, an Info that builds do not show), and GM0015
/// when docs list camelCase or PascalCase SDK names and GenerationModelsWireNaming is not set: reads match any casing,
/// but members set in code are written as listed, which is wrong for an API in another casing.
/// </summary>
internal static class ProjectSummary
{
    /// <summary>How many paths a summary names.</summary>
    public const int ListedExamples = 3;

    public static DocSummary Of(ParsedDocument doc)
    {
        bool noType = doc.Shape is null && !OpenApiReader.IsSpecPath(doc.Path);
        SchemaField? guessed = doc.WireNamingUnset && doc.Model is not null ? FirstGuessed(doc.Model) : null;
        return new DocSummary(doc.Path, noType, guessed?.JsonName, guessed?.Location);
    }

    private static SchemaField? FirstGuessed(SchemaType type)
    {
        foreach (var field in type.Fields)
        {
            if (field.WireNameGuessed && WireNames.IsLanguageCased(field.JsonName)) return field;
        }
        foreach (var nested in type.Nested)
        {
            if (FirstGuessed(nested) is { } field) return field;
        }
        return null;
    }

    public static EquatableArray<DiagnosticInfo> Diagnostics(IEnumerable<DocSummary> docs, string projectDirectory)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var noType = new List<string>();
        DocSummary? firstCased = null;
        int cased = 0;
        foreach (var doc in docs)
        {
            if (doc.ProducedNoType) noType.Add(doc.Path);
            if (doc.GuessedAt is null) continue;
            cased++;
            firstCased ??= doc;
        }
        if (noType.Count != 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.DocsWithoutTypeId,
                SourceSpan.FileStart(noType[0]),
                Count(noType.Count, "schema doc"),
                Examples(noType, projectDirectory)));
        }
        if (firstCased is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.LanguageCasedNamesId,
                firstCased.GuessedAt!,
                Count(cased, "doc"),
                firstCased.GuessedName ?? "",
                Relative(firstCased.Path, projectDirectory)));
        }
        return diagnostics.ToEquatableArray();
    }

    private static string Count(int count, string noun)
        => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    private static string Examples(List<string> paths, string projectDirectory)
    {
        var listed = new List<string>();
        for (int i = 0; i < paths.Count && i < ListedExamples; i++) listed.Add("'" + Relative(paths[i], projectDirectory) + "'");
        string text = string.Join(", ", listed);
        return paths.Count > ListedExamples ? text + " and " + (paths.Count - ListedExamples).ToString(CultureInfo.InvariantCulture) + " more" : text;
    }

    /// <summary>A path relative to the project folder when it lies under it (forward slashes), else as given.</summary>
    public static string Relative(string path, string projectDirectory)
    {
        if (projectDirectory.Length == 0) return path;
        string unified = path.Replace('\\', '/');
        string root = projectDirectory.Replace('\\', '/').TrimEnd('/') + "/";
        return unified.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? unified.Substring(root.Length) : path;
    }
}
