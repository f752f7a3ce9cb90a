using System.Collections.Generic;

namespace GenerationModels.Fuzz.Tests.Docs;

/// <summary>One schema doc of a batch: its path under <c>Schemas/</c>, its text, and what a correct generator makes of it (well-formed docs only).</summary>
public sealed record FuzzDoc(string RelativePath, string Text, ExpectedDoc? Expected)
{
    /// <summary>The same doc with other text and no expectation (mutations change what the doc says).</summary>
    public FuzzDoc Mutated(string text) => this with { Text = text, Expected = null };

    public override string ToString() => RelativePath;
}

/// <summary>What the generator must produce for a well-formed doc.</summary>
public enum ExpectedKind
{
    Model,
    Enum,
    Union,
    Opaque,
    NotASchema,
}

/// <summary>The expected type of a member or union case.</summary>
public abstract record ExpectedType;

/// <summary>A primitive, by the CLR type's full name (<c>string</c>, <c>long</c>, <c>System.DateOnly</c>, <c>System.Text.Json.JsonElement</c>).</summary>
public sealed record PrimitiveType(string FullName) : ExpectedType
{
    public static readonly PrimitiveType String = new("string");
    public static readonly PrimitiveType Long = new("long");
    public static readonly PrimitiveType Double = new("double");
    public static readonly PrimitiveType Decimal = new("decimal");
    public static readonly PrimitiveType Bool = new("bool");
    public static readonly PrimitiveType DateTime = new("System.DateTimeOffset");
    public static readonly PrimitiveType Date = new("System.DateOnly");
    public static readonly PrimitiveType Json = new("System.Text.Json.JsonElement");
}

/// <summary>A JSON number: <c>double</c>, or <c>decimal</c> when the batch sets GenerationModelsNumberType=decimal.</summary>
public sealed record NumberType : ExpectedType;

public sealed record ListType(ExpectedType Element) : ExpectedType;

public sealed record MapType(ExpectedType Value) : ExpectedType;

/// <summary>Not checked: a link whose text is also a primitive spelling (a doc titled <c>String</c>) may be read either way.</summary>
public sealed record UncheckedType : ExpectedType;

/// <summary>The type generated from another doc of the batch, by its path.</summary>
public sealed record DocType(string RelativePath) : ExpectedType;

/// <summary>A record nested in the member's owner (frozendict sub-sections).</summary>
public sealed record NestedType(IReadOnlyList<ExpectedField> Fields) : ExpectedType;

/// <param name="Diagnostic">The GM id the field must be reported with (an unknown type, a missing doc), or null; with a
/// trailing '?' the field may be reported so but need not be.</param>
public sealed record ExpectedField(string JsonName, ExpectedType Type, bool Required, bool NullableProperty, string? Diagnostic = null);

/// <param name="Fields">Model members, in doc order.</param>
/// <param name="EnumValues">Enum: the distinct values; <paramref name="EnumValueType"/> is string, long or double.</param>
/// <param name="UnionCases">Union: the distinct case types.</param>
public sealed record ExpectedDoc(
    ExpectedKind Kind,
    string Title,
    IReadOnlyList<ExpectedField> Fields,
    IReadOnlyList<string> EnumValues,
    string EnumValueType,
    IReadOnlyList<ExpectedType> UnionCases)
{
    public static ExpectedDoc Model(string title, IReadOnlyList<ExpectedField> fields) => new(ExpectedKind.Model, title, fields, System.Array.Empty<string>(), "", System.Array.Empty<ExpectedType>());

    public static ExpectedDoc Enum(string title, IReadOnlyList<string> values, string valueType) => new(ExpectedKind.Enum, title, System.Array.Empty<ExpectedField>(), values, valueType, System.Array.Empty<ExpectedType>());

    public static ExpectedDoc Union(string title, IReadOnlyList<ExpectedType> cases) => new(ExpectedKind.Union, title, System.Array.Empty<ExpectedField>(), System.Array.Empty<string>(), "", cases);

    public static ExpectedDoc Opaque(string title) => new(ExpectedKind.Opaque, title, System.Array.Empty<ExpectedField>(), System.Array.Empty<string>(), "", System.Array.Empty<ExpectedType>());

    public static ExpectedDoc NotASchema() => new(ExpectedKind.NotASchema, "", System.Array.Empty<ExpectedField>(), System.Array.Empty<string>(), "", System.Array.Empty<ExpectedType>());
}
