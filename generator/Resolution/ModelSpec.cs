using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Resolution;

// The emit-ready description of generated code (like System.Text.Json's *Spec records): every C# name final, every link
// followed, no file positions and no diagnostics. Equatable, so a change that leaves the output alone (a moved line, a
// doc added elsewhere) leaves these equal and the emitter cached.

/// <summary>What a doc resolved to: the file to generate (none for an alias or a doc without a model) and its diagnostics, kept apart.</summary>
internal sealed record ResolvedDocument(ModelFileSpec? File, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The project lists the doc's file more than once: its copies are written once, from a collected output.</summary>
    public bool Copied { get; init; }
}

/// <summary>One generated file: a doc's type in the project's namespace.</summary>
/// <param name="SourcePath">The doc's path, relative to the project when inside it (for the header comment).</param>
/// <param name="LenientContracts">GenerationModelsContractViolations=Lenient: absent required members and null for non-nullable ones are read.</param>
internal sealed record ModelFileSpec(string HintName, string SourcePath, string Namespace, TypeSpec Type, bool LenientContracts = false)
{
    /// <summary>The types are <c>internal</c> (GenerationModelsVisibility=internal), else <c>public</c>.</summary>
    public bool IsInternal { get; init; }
}

/// <summary>The primitive C# types a JSON value maps to.</summary>
internal enum PrimitiveType
{
    String,
    Int64,
    Double,
    Decimal,
    Boolean,
    DateTimeOffset,
    DateOnly,
    JsonElement,
}

/// <summary>How a type reference is read and written.</summary>
internal enum TypeReferenceKind
{
    /// <summary>A primitive, read and written by the runtime's per-primitive calls.</summary>
    Primitive,
    /// <summary>A generated type (record, enum struct, union, opaque); its converter is nested in it.</summary>
    Model,
    /// <summary>A read-only list of <see cref="TypeReference.Element"/>.</summary>
    List,
    /// <summary>A read-only string-keyed map of <see cref="TypeReference.Element"/>.</summary>
    Map,
}

/// <summary>A resolved C# type as generated code uses it.</summary>
/// <param name="Name">Its C# spelling (fully qualified or through the generated aliases).</param>
/// <param name="ConverterField">
/// For a list or map whose own converter is needed (it is an element, or a union case): the index of the
/// <c>s_converter{n}</c> field of the enclosing converter that holds it; else -1.
/// </param>
internal sealed record TypeReference(TypeReferenceKind Kind, string Name, bool IsValueType, PrimitiveType Primitive = PrimitiveType.JsonElement, TypeReference? Element = null, int ConverterField = -1);

/// <summary>Which shape of type to generate.</summary>
internal enum TypeSpecKind
{
    Object,
    Enum,
    Union,
    Opaque,
}

/// <summary>A generated type, with everything in it named.</summary>
/// <param name="SchemaName">The doc's name for it (for generated summaries).</param>
/// <param name="Description">The doc's description, if any.</param>
internal sealed record TypeSpec(TypeSpecKind Kind, string ClrName, string FullName, string SchemaName, string? Description, bool IsDeprecated)
{
    /// <summary>Objects: the members, in the doc's order; <see cref="MemberSpec.Slot"/> is the position.</summary>
    public EquatableArray<MemberSpec> Members { get; init; } = EquatableArray<MemberSpec>.Empty;

    /// <summary>Objects: the schema admits members beyond its fields.</summary>
    public bool IsOpen { get; init; }

    /// <summary>
    /// The model comes from docs listing SDK names, with guessed wire names (a field with
    /// <see cref="Model.SchemaField.WireNameGuessed"/>): when no declared name matches exactly, the converter also
    /// matches its members in any casing and writes back the spelling it read.
    /// </summary>
    public bool MatchAnyCasing { get; init; }

    /// <summary>Objects: the name of the property keeping undeclared members.</summary>
    public string ExtensionName { get; init; } = "";

    /// <summary>Objects and unions: the types declared inside this one.</summary>
    public EquatableArray<TypeSpec> Nested { get; init; } = EquatableArray<TypeSpec>.Empty;

    /// <summary>Objects and unions: the lists and maps whose converters are static fields of this type's converter, by field index.</summary>
    public EquatableArray<TypeReference> ConverterFields { get; init; } = EquatableArray<TypeReference>.Empty;

    /// <summary>Enums: the wire value's type.</summary>
    public EnumValueKind EnumValueKind { get; init; }

    /// <summary>Enums: the values the doc lists, named.</summary>
    public EquatableArray<EnumMemberSpec> EnumMembers { get; init; } = EquatableArray<EnumMemberSpec>.Empty;

    /// <summary>Unions: the cases, in the doc's order, one per C# type.</summary>
    public EquatableArray<UnionCaseSpec> Cases { get; init; } = EquatableArray<UnionCaseSpec>.Empty;

    /// <summary>Unions read by discriminator: the JSON member naming the case; null when the union has no usable discriminator.</summary>
    public string? DiscriminatorProperty { get; init; }

    /// <summary>Unions: discriminator values and the index of the case each selects.</summary>
    public EquatableArray<DiscriminatorSpec> Discriminated { get; init; } = EquatableArray<DiscriminatorSpec>.Empty;
}

/// <summary>A member of an object record.</summary>
/// <param name="Slot">The member's position: its presence bit (<c>_set{Slot / 64}</c>, bit <c>Slot % 64</c>), backing field <c>_f{Slot}</c> and name index.</param>
/// <param name="IsNullable">The doc says the member may be JSON null.</param>
internal sealed record MemberSpec(int Slot, string JsonName, string PropertyName, TypeReference Type, bool IsRequired, bool IsNullable, bool IsDeprecated, string? Description)
{
    /// <summary>Optional members track presence, so absent and null stay distinct.</summary>
    public bool TracksPresence => !IsRequired;

    /// <summary>The property's C# type is nullable: the value may be null or absent.</summary>
    public bool IsNullableProperty => IsNullable || !IsRequired;

    /// <summary>
    /// A required string member that discriminated unions select this type by: its default in code (the property is not
    /// C# <c>required</c>, so a case is built without it), still required in the JSON read. Null otherwise.
    /// </summary>
    public string? DiscriminatorDefault { get; init; }
}

/// <summary>The C# type of an enum's wire value.</summary>
internal enum EnumValueKind
{
    String,
    Int64,
    Double,
}

/// <summary>A value of an enum: its static member's name and the wire value (JSON number text for numeric enums).</summary>
internal sealed record EnumMemberSpec(string Name, string Value, string? Description);

/// <summary>A case of a union: its property's name and type.</summary>
internal sealed record UnionCaseSpec(string Name, TypeReference Type);

/// <summary>A discriminator value and the index of the union case it selects.</summary>
internal sealed record DiscriminatorSpec(string Value, int Case);

/// <summary>The serializer context: its name, namespace, and one entry per generated type.</summary>
internal sealed record ContextSpec(string Namespace, string Name, EquatableArray<ContextEntry> Models)
{
    /// <summary>The context is <c>internal</c> (GenerationModelsVisibility=internal), else <c>public</c>.</summary>
    public bool IsInternal { get; init; }

    /// <summary>Up to this many models, the context is one file; past it, a main file and <see cref="PartCount"/> parts.</summary>
    public const int SingleFileModels = 256;

    /// <summary>About this many models per part when split.</summary>
    private const int ModelsPerPart = 128;

    /// <summary>
    /// The files the context is written as. A project of up to <see cref="SingleFileModels"/> models gets one file. A
    /// larger one gets a main file that names no model and parts that each hold the metadata of the models whose name
    /// hashes to it, so adding or removing one doc rewrites one part, not metadata for every model.
    /// </summary>
    public ImmutableArray<ContextFile> Files()
    {
        int parts = PartCount(Models.Count);
        if (parts == 0) return ImmutableArray.Create(new ContextFile(Name + ".g.cs", this, -1, 0));
        var grouped = new List<ContextEntry>[parts];
        for (int i = 0; i < parts; i++) grouped[i] = new List<ContextEntry>();
        foreach (var model in Models) grouped[PartOf(model.NameHash, parts)].Add(model);
        var files = ImmutableArray.CreateBuilder<ContextFile>(parts + 1);
        files.Add(new ContextFile(Name + ".g.cs", this with { Models = EquatableArray<ContextEntry>.Empty }, -1, parts));
        for (int i = 0; i < parts; i++)
        {
            files.Add(new ContextFile(Name + ".Part" + i.ToString("D2", CultureInfo.InvariantCulture) + ".g.cs", this with { Models = grouped[i].ToEquatableArray() }, i, parts));
        }
        return files.MoveToImmutable();
    }

    /// <summary>0 (one file) up to <see cref="SingleFileModels"/> models, else a power of two near models / <see cref="ModelsPerPart"/>.</summary>
    internal static int PartCount(int models) => models <= SingleFileModels ? 0 : PowerOfTwoParts(models, ModelsPerPart);

    /// <summary>The least power of two of parts that holds <paramref name="items"/> at <paramref name="perPart"/> each (the context's parts, shared model files).</summary>
    internal static int PowerOfTwoParts(int items, int perPart)
    {
        int parts = 1;
        while (parts * perPart < items) parts *= 2;
        return parts;
    }

    /// <summary>The part a type name goes in: FNV-1a over its characters (stable across processes, unlike string hashes).</summary>
    internal static int PartOf(string clrName, int parts) => PartOf(NameHash(clrName), parts);

    /// <summary>The part a stable hash goes in, of <paramref name="parts"/> (the context's parts, shared model files).</summary>
    internal static int PartOf(uint hash, int parts) => (int)(hash % (uint)parts);

    internal static uint NameHash(string clrName)
    {
        uint hash = 2166136261;
        foreach (char c in clrName) hash = (hash ^ c) * 16777619;
        return hash;
    }
}

/// <summary>
/// One file of the serializer context: the whole context (<see cref="Part"/> -1, <see cref="Parts"/> 0), or, split, the
/// main file (<see cref="Part"/> -1, no models) or part <see cref="Part"/> of <see cref="Parts"/> (its models only).
/// </summary>
internal sealed record ContextFile(string HintName, ContextSpec Spec, int Part, int Parts);

/// <summary>
/// A model's entry in the serializer context: its type name and the names of its type-info properties: the model's, and
/// those of <c>IReadOnlyList&lt;T&gt;</c> and <c>IReadOnlyDictionary&lt;string, T&gt;</c> of it (named as System.Text.Json's own
/// generator names them: <c>IReadOnlyListPet</c>, <c>IReadOnlyDictionaryStringPet</c>).
/// </summary>
internal sealed record ContextEntry(string ClrName, string PropertyName, string ListPropertyName, string MapPropertyName)
{
    /// <summary>FNV-1a over <see cref="ClrName"/> (<see cref="ContextSpec.PartOf"/>), made once per entry: the parts are regrouped whenever a model is added.</summary>
    public uint NameHash { get; } = ContextSpec.NameHash(ClrName);
}
