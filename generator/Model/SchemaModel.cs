using System.Linq;
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
    SourceSpan Location)
{
    /// <summary>The schema marks the member deprecated (OpenAPI <c>deprecated: true</c>); emitted as [Obsolete].</summary>
    public bool IsDeprecated { get; init; }

    /// <summary>
    /// <see cref="JsonName"/> comes from an SDK property name (any name a Speakeasy or OpenAPI Generator model doc lists:
    /// each SDK language writes its own casing, camelCase, PascalCase or snake_case, whatever the API's) that nothing in
    /// the docs confirmed: the API's JSON may spell the member in another casing (<c>frequencyPenalty</c> or
    /// <c>frequency_penalty</c> for either). False for frozendict docs and OpenAPI specs (their names are the wire
    /// names), when an example in the docs showed the wire spelling (a Speakeasy Example cell), or when the project
    /// confirmed the names as written (GenerationModelsWireNaming=AsWritten). The generated converter matches such a
    /// member in any casing when no exact match exists (<c>MemberSpec.MatchAnyCasing</c>).
    /// </summary>
    public bool WireNameGuessed { get; init; }

    /// <summary>
    /// The top-level keys of the field's JSON example (Speakeasy's Example column), in the API's own spelling: evidence
    /// of the wire names of the model the field links to (see <c>Parsing.WireEvidence</c>). Empty when there is none.
    /// </summary>
    public EquatableArray<string> ExampleKeys { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// The member is the discriminator of the unions this schema is a case of (OpenAPI <c>discriminator</c>), and this is
    /// the value they select it by: the member's default in code. Null for every other member.
    /// </summary>
    public string? DiscriminatorValue { get; init; }
}

/// <summary>A discriminator value of a union and the case it selects (OpenAPI <c>discriminator.mapping</c>).</summary>
internal sealed record DiscriminatorCase(string Value, TypeRef Type);

/// <summary>What a schema describes.</summary>
internal enum SchemaShape
{
    /// <summary>A JSON object with named fields.</summary>
    Object,
    /// <summary>A closed list of JSON strings or numbers; unknown values are still accepted and kept.</summary>
    Enum,
    /// <summary>Exactly one of several types (oneOf/anyOf), picked from the JSON shape.</summary>
    Union,
    /// <summary>A named schema whose doc says nothing about its JSON (an empty Properties table): any value, kept as is.</summary>
    Opaque,
    /// <summary>
    /// A named schema that only stands for another type (a frozendict top-level array or primitive): no type of its
    /// own; references to it use <see cref="SchemaType.AliasOf"/>.
    /// </summary>
    Alias,
}

/// <summary>One value of an enum: the doc's member name and the JSON value (strings unquoted).</summary>
internal sealed record EnumValue(string Name, string Value, string? Description);

/// <summary>A schema: a doc's model, enum or union, or a sub-schema declared inside a doc.</summary>
/// <param name="Name">The name the doc gives it (title or sub-section), before C# naming.</param>
/// <param name="IsOpen">The schema admits members beyond its fields (frozendict <c>any_string_name</c>).</param>
/// <param name="NumericEnum">For enums: the values are JSON numbers rather than strings.</param>
internal sealed record SchemaType(
    string Name,
    string? Description,
    EquatableArray<SchemaField> Fields,
    bool IsOpen,
    EquatableArray<SchemaType> Nested,
    SourceSpan Location)
{
    public SchemaShape Shape { get; init; } = SchemaShape.Object;

    public EquatableArray<EnumValue> EnumValues { get; init; } = EquatableArray<EnumValue>.Empty;

    public bool NumericEnum { get; init; }

    /// <summary>For unions: the case types, in the doc's order.</summary>
    public EquatableArray<TypeRef> Variants { get; init; } = EquatableArray<TypeRef>.Empty;

    /// <summary>For unions: the JSON member whose string value names the case, when the schema gives one.</summary>
    public string? DiscriminatorProperty { get; init; }

    public EquatableArray<DiscriminatorCase> DiscriminatorCases { get; init; } = EquatableArray<DiscriminatorCase>.Empty;

    /// <summary>The schema is marked deprecated; emitted as [Obsolete].</summary>
    public bool IsDeprecated { get; init; }

    /// <summary>For aliases: the type the schema stands for (links in it are relative to the alias's doc).</summary>
    public TypeRef? AliasOf { get; init; }

    /// <param name="numeric">The doc or spec gives the values as numbers (unquoted); honoured only when each is a finite
    /// JSON number (<see cref="JsonNumberText"/>), the one place that is checked.</param>
    public static SchemaType Enum(string name, string? description, EquatableArray<EnumValue> values, bool numeric, SourceSpan location)
        => new(name, description, EquatableArray<SchemaField>.Empty, false, EquatableArray<SchemaType>.Empty, location) { Shape = SchemaShape.Enum, EnumValues = values, NumericEnum = numeric && values.Count > 0 && values.All(v => JsonNumberText.IsFinite(v.Value)) };

    public static SchemaType Alias(string name, string? description, TypeRef aliasOf, SourceSpan location)
        => new(name, description, EquatableArray<SchemaField>.Empty, false, EquatableArray<SchemaType>.Empty, location) { Shape = SchemaShape.Alias, AliasOf = aliasOf };

    public static SchemaType Opaque(string name, string? description, SourceSpan location)
        => new(name, description, EquatableArray<SchemaField>.Empty, false, EquatableArray<SchemaType>.Empty, location) { Shape = SchemaShape.Opaque };

    public static SchemaType Union(string name, string? description, EquatableArray<TypeRef> variants, SourceSpan location)
        => new(name, description, EquatableArray<SchemaField>.Empty, false, EquatableArray<SchemaType>.Empty, location) { Shape = SchemaShape.Union, Variants = variants };
}

/// <summary>The result of reading one schema doc: its model (if any) and what the reader had to say.</summary>
/// <param name="Path">The doc's path as the compiler sees it.</param>
/// <param name="Dialect">Which reader understood it (for reports and diagnostics).</param>
internal sealed record ParsedDocument(
    string Path,
    string Dialect,
    SchemaType? Model,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>What the doc describes (<see cref="SchemaType.Shape"/>); null when no schema was read (not a schema doc).</summary>
    public SchemaShape? Shape => Model?.Shape;

    /// <summary>
    /// Which schema of a multi-schema file this is (the JSON pointer of an OpenAPI named schema, e.g.
    /// <c>#/components/schemas/Pet</c>); empty for a markdown doc, which holds one model.
    /// </summary>
    public string Pointer { get; init; } = "";

    /// <summary>The GenerationModelsWireNaming knob was not set for this doc (neither per file nor for the project).</summary>
    public bool WireNamingUnset { get; init; }
    /// <summary>The C# type name the project pins for this doc (AdditionalFiles metadata <c>GenerationModelsTypeName</c>), if any.</summary>
    public string? TypeName { get; init; }
}
