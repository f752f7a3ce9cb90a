using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace GenerationModels.Fuzz.Tests.Docs;

/// <summary>The dialect a doc is written in (one of the shapes real SDK generators write).</summary>
public enum Dialect
{
    SpeakeasyTs,
    SpeakeasyPython,
    SpeakeasyGo,
    SpeakeasyJava,
    SpeakeasyCSharp,
    OagPython,
    OagGo,
    OagJava,
    FrozenDict,
    // enums
    SpeakeasyEnumTable,
    SpeakeasyEnumFence,
    OagEnumBullets,
    RustEnumVariants,
    FrozenDictEnum,
    // unions
    SpeakeasyUnionTs,
    SpeakeasyUnionPython,
    FrozenDictUnion,
    // others
    OagEmptyProperties,
    OagOperationPage,
    Readme,
}

/// <summary>The JSON kinds a type cell can name.</summary>
public enum Prim
{
    String,
    Integer,
    Number,
    Boolean,
    DateTime,
    Date,
    Any,
    Unknown,
    Literal,
}

public enum Container
{
    None,
    List,
    Map,
}

/// <summary>A field's type: a primitive or a link (sibling index, or -1 for a doc that does not exist), in a container.</summary>
public sealed record TypeSpec(Prim Prim, Container Container, int Link, int Variant);

/// <param name="Nested">frozendict only: the field is an inline object described by a <c># name</c> sub-section.</param>
public sealed record FieldSpec(string Name, TypeSpec Type, bool Required, bool Nullable, int Description, FieldSpec[]? Nested);

public sealed record DocSpec(Dialect Dialect, string Title, int TitleStyle, int Description, FieldSpec[] Fields, string[] Values, TypeSpec[] Cases, bool Open);

/// <summary>Docs that may link to each other (one folder of a batch).</summary>
public sealed record GroupSpec(DocSpec[] Docs);

/// <summary>CsCheck generators of well-formed doc specs.</summary>
public static class DocGens
{
    public static readonly Dialect[] ModelDialects =
    {
        Dialect.SpeakeasyTs, Dialect.SpeakeasyPython, Dialect.SpeakeasyGo, Dialect.SpeakeasyJava, Dialect.SpeakeasyCSharp,
        Dialect.OagPython, Dialect.OagGo, Dialect.OagJava, Dialect.FrozenDict,
    };

    public static readonly Gen<string> Title =
        Gen.Frequency((6, Gen.OneOf(Vocabulary.Titles)), (1, Gen.OneOf(Vocabulary.HostileTitles)));

    public static readonly Gen<string> FieldName =
        Gen.Frequency(
            (6, Gen.OneOf(Vocabulary.FieldWords)),
            (3, Gen.Select(Gen.OneOf(Vocabulary.FieldWords), Gen.OneOf(Vocabulary.FieldWords), Gen.Bool, (a, b, snake) => snake ? a + "_" + b : a + char.ToUpperInvariant(b[0]) + b.Substring(1))),
            (3, Gen.OneOf(Vocabulary.HostileFieldNames)),
            // Long names: mostly a few dozen characters, now and then thousands (identifiers are cut at 128).
            (1, Gen.Double.Unit.Select(u => "long" + new string('n', 1 + (int)(System.Math.Pow(u, 4) * 3000)))));

    public static readonly Gen<TypeSpec> Type =
        Gen.Select(
            Gen.Frequency((5, Prim.String), (3, Prim.Integer), (3, Prim.Number), (3, Prim.Boolean), (2, Prim.DateTime), (2, Prim.Date), (1, Prim.Any), (1, Prim.Unknown), (1, Prim.Literal)),
            Gen.Frequency((6, Container.None), (2, Container.List), (2, Container.Map)),
            Gen.Frequency((5, Gen.Const(-2)), (2, Gen.Int[0, 3]), (1, Gen.Const(-1))),
            Gen.Int[0, 7],
            (prim, container, link, variant) => new TypeSpec(prim, container, link, variant));

    private static Gen<FieldSpec[]> Fields(int depth)
        => Gen.Select(FieldName, Type, Gen.Bool, Gen.Frequency((4, false), (1, true)), Gen.Int[0, Vocabulary.Descriptions.Length - 1], Gen.Frequency((10, false), (depth > 0 ? 1 : 0, true)))
            .SelectMany(t => t.Item6 ? Fields(depth - 1).Select(nested => new FieldSpec(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, nested)) : Gen.Const(new FieldSpec(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, null)))
            .Array[0, 8];

    private static readonly Gen<string[]> EnumValues =
        Gen.Frequency(
            (3, Gen.OneOf(Vocabulary.EnumWords).Where(v => v.Length != 0).Array[1, 8]),
            (1, Gen.Int[-5, 500].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Array[1, 6]),
            (1, Gen.Double[-100, 100].Select(d => System.Math.Round(d, 2).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Array[1, 5]));

    public static readonly Gen<DocSpec> Model =
        Gen.Select(Gen.OneOf(ModelDialects), Title, Gen.Int[0, 3], Gen.Int[0, Vocabulary.Descriptions.Length - 1], Fields(2), Gen.Frequency((4, false), (1, true)))
            .Select(t => new DocSpec(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, System.Array.Empty<string>(), System.Array.Empty<TypeSpec>(), t.Item6));

    public static readonly Gen<DocSpec> Enum =
        Gen.Select(Gen.OneOf(Dialect.SpeakeasyEnumTable, Dialect.SpeakeasyEnumFence, Dialect.OagEnumBullets, Dialect.RustEnumVariants, Dialect.FrozenDictEnum), Title, Gen.Int[0, Vocabulary.Descriptions.Length - 1], EnumValues)
            .Select(t => new DocSpec(t.Item1, t.Item2, 0, t.Item3, System.Array.Empty<FieldSpec>(), t.Item4, System.Array.Empty<TypeSpec>(), false));

    public static readonly Gen<DocSpec> Union =
        Gen.Select(Gen.OneOf(Dialect.SpeakeasyUnionTs, Dialect.SpeakeasyUnionPython, Dialect.FrozenDictUnion), Title, Type.Array[1, 5])
            .Select(t => new DocSpec(t.Item1, t.Item2, 0, 0, System.Array.Empty<FieldSpec>(), System.Array.Empty<string>(), t.Item3, false));

    public static readonly Gen<DocSpec> Other =
        Gen.Select(Gen.OneOf(Dialect.OagEmptyProperties, Dialect.OagOperationPage, Dialect.Readme), Title, Gen.Int[0, 3])
            .Select(t => new DocSpec(t.Item1, t.Item2, t.Item3, 0, System.Array.Empty<FieldSpec>(), System.Array.Empty<string>(), System.Array.Empty<TypeSpec>(), false));

    public static readonly Gen<DocSpec> Doc = Gen.Frequency((10, Model), (3, Enum), (2, Union), (1, Other));

    public static readonly Gen<GroupSpec> Group = Doc.Array[1, 4].Select(docs => new GroupSpec(docs));

    /// <summary>Groups rendered into folders g0, g1, … of one batch: about <paramref name="docs"/> docs.</summary>
    public static Gen<FuzzDoc[]> Batch(int docs)
        => Group.Array[System.Math.Max(1, docs * 3 / 10), System.Math.Max(1, docs / 2)]
            .Select(groups => groups.SelectMany((g, i) => Render.Group(g, "g" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());

    internal static IEnumerable<FieldSpec> Flatten(IEnumerable<FieldSpec> fields)
        => fields.SelectMany(f => f.Nested is null ? new[] { f } : new[] { f }.Concat(Flatten(f.Nested)));
}
