using GenerationModels.Generator.Helpers;

namespace GenerationModels.Generator.Model;

/// <summary>One field of an object schema, as the doc describes it (names not yet made into C#).</summary>
/// <param name="JsonName">The member name on the wire.</param>
/// <param name="IsRequired">The member must be present in the JSON.</param>
/// <param name="IsNullable">The member may be JSON null (independent of <paramref name="IsRequired"/>).</param>
internal sealed record SchemaField(
    string JsonName,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    string? Description,
    SourceSpan Location);

/// <summary>An object schema: a doc's model, or a sub-schema declared inside it.</summary>
/// <param name="Name">The name the doc gives it (title or sub-section), before C# naming.</param>
/// <param name="IsOpen">The schema admits members beyond its fields (frozendict <c>any_string_name</c>).</param>
internal sealed record SchemaType(
    string Name,
    string? Description,
    EquatableArray<SchemaField> Fields,
    bool IsOpen,
    EquatableArray<SchemaType> Nested,
    SourceSpan Location);

/// <summary>Why a doc produced no model.</summary>
internal enum DocumentKind
{
    Model,
    NotASchema,
}

/// <summary>The result of reading one schema doc: its model (if any) and what the reader had to say.</summary>
/// <param name="Path">The doc's path as the compiler sees it.</param>
/// <param name="Dialect">Which reader understood it (for reports and diagnostics).</param>
internal sealed record ParsedDocument(
    string Path,
    DocumentKind Kind,
    string Dialect,
    SchemaType? Model,
    EquatableArray<DiagnosticInfo> Diagnostics);
