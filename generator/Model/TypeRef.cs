namespace GenerationModels.Generator.Model;

/// <summary>The JSON shapes a field's type cell can describe.</summary>
internal enum TypeKind
{
    String,
    Integer,
    Number,
    Decimal,
    Boolean,
    DateTime,
    Date,
    /// <summary>Any JSON value; kept as a JsonElement.</summary>
    Any,
    Array,
    Map,
    /// <summary>Another schema doc, by link target and/or type name; resolved across files.</summary>
    Reference,
    /// <summary>A type declared inside the same doc (frozendict sub-sections).</summary>
    Nested,
    /// <summary>A type cell the readers could not interpret; falls back to JsonElement with a diagnostic.</summary>
    Unknown,
    /// <summary>
    /// A type of the SDK's language linked to that language's docs (<c>[HttpResponseMessage](https://learn…)</c>,
    /// <c>[AxiosResponse](https://axios-http.com/…)</c>): SDK-side objects with no JSON schema, kept as JsonElement.
    /// </summary>
    External,
}

/// <summary>
/// A parsed type expression, e.g. <c>Record&lt;string, *any*&gt;[]</c> is Array(Map(Any)).
/// <see cref="Name"/> is the referenced type name (Reference/Nested) or the raw cell text (Unknown);
/// <see cref="Target"/> is a link target (Reference), relative to the doc that links.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, TypeRef? Element = null, string? Name = null, string? Target = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Integer = new(TypeKind.Integer);
    public static readonly TypeRef Number = new(TypeKind.Number);
    public static readonly TypeRef Decimal = new(TypeKind.Decimal);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef DateTime = new(TypeKind.DateTime);
    public static readonly TypeRef Date = new(TypeKind.Date);
    public static readonly TypeRef Any = new(TypeKind.Any);

    public static TypeRef ArrayOf(TypeRef element) => new(TypeKind.Array, element);

    public static TypeRef MapOf(TypeRef value) => new(TypeKind.Map, value);

    public static TypeRef Reference(string name, string? target) => new(TypeKind.Reference, Name: name, Target: target);

    public static TypeRef NestedType(string name) => new(TypeKind.Nested, Name: name);

    public static TypeRef Unknown(string raw) => new(TypeKind.Unknown, Name: raw);

    public static TypeRef External(string name, string url) => new(TypeKind.External, Name: name, Target: url);

    /// <summary>
    /// A link whose text is a platform type (<c>[RFCDate](../../types/rfcdate.md)</c>): the doc at <paramref name="target"/>
    /// when the project has one there (by path only, never by name), else <paramref name="primitive"/>.
    /// </summary>
    public static TypeRef PrimitiveUnlessDoc(TypeRef primitive, string name, string target) => new(TypeKind.Reference, primitive, name, target);

    /// <summary>For a <see cref="PrimitiveUnlessDoc"/> reference: the platform type it falls back to.</summary>
    public TypeRef? Fallback => Kind == TypeKind.Reference ? Element : null;

    public override string ToString() => Kind switch
    {
        TypeKind.Array => $"{Element}[]",
        TypeKind.Map => $"map<{Element}>",
        TypeKind.Reference when Element is not null => Element.ToString(),
        TypeKind.Reference or TypeKind.Nested => $"{Kind}({Name})",
        TypeKind.Unknown => $"?({Name})",
        _ => Kind.ToString(),
    };
}
