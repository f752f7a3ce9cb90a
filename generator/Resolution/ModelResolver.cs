using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Emission;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Resolution;

/// <summary>The options the resolve step depends on (not the context name, which only the index and the context use).</summary>
internal sealed record ResolveOptions(string Namespace, bool DecimalNumbers, string ProjectDirectory, bool LenientContracts = false, bool Internal = false)
{
    public static ResolveOptions From(GeneratorOptions options) => new(options.Namespace, options.DecimalNumbers, options.ProjectDirectory, options.LenientContracts, options.Internal);
}

/// <summary>
/// The resolve step: turns a parsed doc, what it needs of the index (<see cref="IndexView"/>) and the options into an
/// emit-ready <see cref="ModelFileSpec"/>. It follows links and expands aliases, names members, nested types, enum
/// values and union cases, and reports what it could not resolve; the emitter then only writes.
/// </summary>
internal sealed class ModelResolver
{
    /// <summary>Aliases referring to aliases are followed this deep at most (a cycle is reported, not followed forever).</summary>
    private const int MaxAliasDepth = 16;

    private const string Json = GeneratedShape.Aliases.Json;

    private readonly ParsedDocument _document;
    private readonly Dictionary<LinkQuery, NamedModel?> _links;
    private readonly ResolveOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _nestedEnums = new(StringComparer.Ordinal);

    private ModelResolver(ParsedDocument document, IndexView index, ResolveOptions options, CancellationToken cancellationToken)
    {
        _document = document;
        _links = new Dictionary<LinkQuery, NamedModel?>(index.Links.Count);
        foreach (var answer in index.Links) _links[answer.Query] = answer.Model;
        _options = options;
        _cancellationToken = cancellationToken;
    }

    public static ResolvedDocument Resolve(ParsedDocument document, IndexView index, ResolveOptions options, CancellationToken cancellationToken)
    {
        var named = index.Self;
        if (document.Model is null || named is null || named.IsAlias)
        {
            // An alias generates no type: references to it use what it stands for. Its doc's diagnostics still count.
            return new ResolvedDocument(null, document.Diagnostics);
        }
        var resolver = new ModelResolver(document, index, options, cancellationToken);
        resolver._diagnostics.AddRange(document.Diagnostics);
        if (named.RenameReason is not null)
        {
            resolver._diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RenamedId, document.Model.Location, named.DocName, named.ClrName, named.RenameReason));
        }
        if (named.NameTakenBy is { } holder)
        {
            string why = holder.Length == 0
                ? $"the serializer context is named '{named.PlainName}'"
                : named.NameTakenByPin
                    ? $"'{PathUtil.RelativeTo(holder, options.ProjectDirectory)}' pins the name '{named.PlainName}' (GenerationModelsTypeName)"
                    : $"'{PathUtil.RelativeTo(holder, options.ProjectDirectory)}' keeps the name '{named.PlainName}' (of docs giving one name, the one whose file is named like the type keeps it, else the shallowest path, else the first path)";
            resolver._diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameTakenId, document.Model.Location, named.DocName, named.ClrName, why));
        }
        var type = resolver.ResolveType(document.Model, named.ClrName, $"global::{options.Namespace}.{named.ClrName}");
        var file = new ModelFileSpec(named.ClrName + ".g.cs", PathUtil.RelativeTo(document.Path, options.ProjectDirectory), options.Namespace, type, options.LenientContracts) { IsInternal = options.Internal };
        return new ResolvedDocument(file, resolver._diagnostics.ToEquatableArray()) { Copied = index.Copied };
    }

    /// <summary>The serializer context's description: one entry per generated type, in index order.</summary>
    public static ContextSpec Context(SchemaIndex index, GeneratorOptions options) => Context(index, options, fromScratch: false);

    /// <summary>
    /// The context's description. Unless <paramref name="fromScratch"/>, the last context made from an index with the same
    /// first model is walked beside this index and its entries kept for the models both share (<see cref="Updated"/>):
    /// the result is the same either way (<c>IndexReuseTests</c>).
    /// </summary>
    internal static ContextSpec Context(SchemaIndex index, GeneratorOptions options, bool fromScratch)
    {
        // A list or map property name ('IReadOnlyList' or 'IReadOnlyDictionaryString' + a type name) can only be held by
        // a name that starts with 'IReadOnly', and two models' such names never meet (type names are unique): when no
        // type or context member name starts so (almost always), every name is free and no set of them is built.
        HashSet<string>? taken = null;
        if (GeneratedShape.ContextMembers.Any(StartsLikeCollectionName) || AnyStartsLikeCollectionName(index.Models))
        {
            taken = new HashSet<string>(GeneratedShape.ContextMembers, StringComparer.Ordinal);
            foreach (var model in index.Models)
            {
                if (!model.IsAlias) taken.Add(model.ClrName);
            }
        }
        if (!fromScratch && taken is null && index.Models.Count != 0 && LastContexts.TryGetValue(index.Models[0], out var slot) && slot.Last is { } last && last.Spec.Namespace == options.Namespace
            && last.Spec.Name == options.ContextName && last.Spec.IsInternal == options.Internal && !ReferenceEquals(last.Index, index))
        {
            var updated = Updated(last, index);
            slot.Last = new LastContext(index, updated);
            return updated;
        }
        var models = ImmutableArray.CreateBuilder<ContextEntry>(index.Models.Count);
        foreach (var model in index.Models)
        {
            if (model.IsAlias) continue;
            // The entry the model's name gives when nothing else holds its list and map names (almost always): made once
            // per model instance, so an unchanged model keeps its entry and the context parts it is in compare by reference.
            var natural = Natural(model);
            if (taken is null)
            {
                models.Add(natural);
                continue;
            }
            bool listFree = taken.Add(natural.ListPropertyName);
            string list = listFree ? natural.ListPropertyName : Unique(natural.ListPropertyName, taken);
            bool mapFree = taken.Add(natural.MapPropertyName);
            string map = mapFree ? natural.MapPropertyName : Unique(natural.MapPropertyName, taken);
            models.Add(listFree && mapFree ? natural : natural with { ListPropertyName = list, MapPropertyName = map });
        }
        var spec = new ContextSpec(options.Namespace, options.ContextName, new EquatableArray<ContextEntry>(models.ToImmutable())) { IsInternal = options.Internal };
        if (index.Models.Count != 0)
        {
            // Made without the last context: a model that was first before and still lives would keep that context and
            // its index alive, one more each time the first model changes. Only the first model keeps one, and only a
            // context whose entries are all natural (taken is null); otherwise none is kept.
            for (int i = taken is null ? 1 : 0; i < index.Models.Count; i++)
            {
                if (LastContexts.TryGetValue(index.Models[i], out var stale)) stale.Last = null;
            }
            if (taken is null) LastContexts.GetOrCreateValue(index.Models[0]).Last = new LastContext(index, spec);
        }
        return spec;
    }

    /// <summary>The entry a model's name gives when nothing else holds its list and map names: made once per model instance.</summary>
    private static ContextEntry Natural(NamedModel model) => NaturalEntries.GetValue(model, m => new ContextEntry(
        m.ClrName,
        GeneratedShape.ContextMembers.Contains(m.ClrName) ? m.ClrName + "TypeInfo" : m.ClrName,
        "IReadOnlyList" + m.ClrName,
        "IReadOnlyDictionaryString" + m.ClrName));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<NamedModel, ContextEntry> NaturalEntries = new();

    /// <summary>
    /// The last context made from an index whose first model is the key (an unchanged first model keeps its instance), when
    /// every entry is its model's natural one: the next index is then walked beside it, and a model it shares (same
    /// instance, in path order) keeps its entry without a lookup.
    /// </summary>
    private sealed record LastContext(SchemaIndex Index, ContextSpec Spec);

    private sealed class ContextSlot
    {
        public volatile LastContext? Last;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<NamedModel, ContextSlot> LastContexts = new();

    /// <summary>How many contexts this thread made by <see cref="Updated"/> (for tests: the walk is taken).</summary>
    [ThreadStatic]
    internal static int ContextsWalked;

    /// <summary>The context of <paramref name="index"/> from the last one's: equal to what <see cref="Context"/> makes from scratch (every entry natural).</summary>
    private static ContextSpec Updated(LastContext last, SchemaIndex index)
    {
        ContextsWalked++;
        var entries = last.Spec.Models;
        var models = ImmutableArray.CreateBuilder<ContextEntry>(index.Models.Count);
        int e = 0;
        foreach (var (before, after) in IndexDelta.Align(last.Index.Models, index.Models))
        {
            // An alias has no entry; a kept model keeps its entry, a gone one drops it, a new one gets a natural entry.
            if (before is not null && !before.IsAlias && after is not null) models.Add(entries[e++]);
            else if (before is not null && !before.IsAlias) e++;
            else if (after is not null && !after.IsAlias) models.Add(Natural(after));
        }
        return last.Spec with { Models = new EquatableArray<ContextEntry>(models.ToImmutable()) };
    }

    private static bool StartsLikeCollectionName(string name) => name.StartsWith("IReadOnly", StringComparison.Ordinal);

    private static bool AnyStartsLikeCollectionName(EquatableArray<NamedModel> models)
    {
        for (int i = 0; i < models.Count; i++)
        {
            // 'I' first: the ordinal prefix test only for the few names that start with it.
            string name = models[i].ClrName;
            if (name.Length != 0 && name[0] == 'I' && !models[i].IsAlias && StartsLikeCollectionName(name)) return true;
        }
        return false;
    }

    private TypeSpec ResolveType(SchemaType type, string clrName, string fullName)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        return type.Shape switch
        {
            SchemaShape.Enum => ResolveEnum(type, clrName, fullName),
            SchemaShape.Union => ResolveUnion(type, clrName, fullName),
            SchemaShape.Opaque => new TypeSpec(TypeSpecKind.Opaque, clrName, fullName, type.Name, type.Description, type.IsDeprecated),
            _ => ResolveObject(type, clrName, fullName),
        };
    }

    private TypeSpec ResolveObject(SchemaType type, string clrName, string fullName)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { clrName };
        foreach (string reserved in GeneratedShape.ObjectMembers) taken.Add(reserved);

        // Nested types keep their own name unless a field's property would take it (frozendict's 'metadata' key and
        // its '# metadata' section): then the type gets a 'Model' suffix, and the property keeps the natural name.
        var fieldNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in type.Fields) fieldNames.Add(Identifier.ToPascalCase(field.JsonName, "Field").TrimStart('@'));
        var nestedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var nested in type.Nested)
        {
            string pascal = Identifier.ToPascalCase(nested.Name, "Nested").TrimStart('@');
            string nestedName = Unique(fieldNames.Contains(pascal) || taken.Contains(pascal) ? pascal + "Model" : pascal, taken);
            nestedNames[nested.Name] = nestedName;
            if (nested.Shape == SchemaShape.Enum) _nestedEnums.Add($"{fullName}.{nestedName}");
        }

        var members = new List<MemberSpec>();
        var converterFields = new List<TypeReference>();
        var jsonNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var listed in type.Fields)
        {
            var field = listed.JsonName == CSharpText.ValidUtf16(listed.JsonName) ? listed : listed with { JsonName = CSharpText.ValidUtf16(listed.JsonName) };
            if (!jsonNames.Add(field.JsonName))
            {
                Report(DiagnosticDescriptors.DuplicateFieldId, field.Location, field.JsonName, type.Name);
                continue;
            }
            string pascal = Identifier.ToPascalCase(field.JsonName, "Field").TrimStart('@');
            string propertyName = Unique(pascal, taken);
            if (propertyName != pascal)
            {
                Report(DiagnosticDescriptors.RenamedId, field.Location, field.JsonName, propertyName, $"'{pascal}' is already a member name of '{clrName}'");
            }
            var clrType = MapType(field.Type, field, fullName, nestedNames, converterFields);
            members.Add(new MemberSpec(members.Count, field.JsonName, propertyName, clrType, field.IsRequired, field.IsNullable, field.IsDeprecated, field.Description)
            {
                DiscriminatorDefault = field.IsRequired && clrType == Primitives.String ? field.DiscriminatorValue : null,
            });
        }
        string extensionName = Unique(GeneratedShape.ExtensionProperty, taken);
        var nestedSpecs = type.Nested.Select(nested => ResolveType(nested, nestedNames[nested.Name], $"{fullName}.{nestedNames[nested.Name]}")).ToList();

        return new TypeSpec(TypeSpecKind.Object, clrName, fullName, type.Name, type.Description, type.IsDeprecated)
        {
            Members = members.ToEquatableArray(),
            IsOpen = type.IsOpen,
            // A model with any guessed wire name comes from language-cased docs whose API casing is unknown: every member
            // may be spelled in another casing (a single-word 'model' is 'Model' in a PascalCase API), so all of them are
            // matched in any casing when no exact match exists.
            MatchAnyCasing = type.Fields.Any(f => f.WireNameGuessed),
            ExtensionName = extensionName,
            Nested = nestedSpecs.ToEquatableArray(),
            ConverterFields = converterFields.ToEquatableArray(),
        };
    }

    /// <summary>
    /// An enum is a <c>readonly record struct</c> over its wire value: values are integers when every one is, doubles
    /// when some is not, strings unless the doc gives numbers.
    /// </summary>
    private TypeSpec ResolveEnum(SchemaType type, string clrName, string fullName)
    {
        bool integers = type.NumericEnum && type.EnumValues.All(v => long.TryParse(v.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        var taken = new HashSet<string>(StringComparer.Ordinal) { clrName };
        foreach (string reserved in GeneratedShape.EnumMembers) taken.Add(reserved);
        var values = new List<EnumMemberSpec>(type.EnumValues.Count);
        foreach (var value in type.EnumValues)
        {
            values.Add(new EnumMemberSpec(Unique(EnumMemberName(value, type.NumericEnum), taken), value.Value, value.Description));
        }
        return new TypeSpec(TypeSpecKind.Enum, clrName, fullName, type.Name, type.Description, type.IsDeprecated)
        {
            EnumValueKind = !type.NumericEnum ? EnumValueKind.String : integers ? EnumValueKind.Int64 : EnumValueKind.Double,
            EnumMembers = values.ToEquatableArray(),
        };
    }

    /// <summary>
    /// A union is a record with one nullable property per case (one per C# type, in the doc's order); discriminator
    /// values select the case of the same C# type.
    /// </summary>
    private TypeSpec ResolveUnion(SchemaType type, string clrName, string fullName)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { clrName };
        foreach (string reserved in GeneratedShape.UnionMembers) taken.Add(reserved);
        // Inline case schemas (OpenAPI oneOf of inline objects) are nested in the union.
        var nestedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var nested in type.Nested)
        {
            string nestedName = Unique(Identifier.ToPascalCase(nested.Name, "Nested").TrimStart('@') + "Case", taken);
            nestedNames[nested.Name] = nestedName;
            if (nested.Shape == SchemaShape.Enum) _nestedEnums.Add($"{fullName}.{nestedName}");
        }
        var converterFields = new List<TypeReference>();
        var cases = new List<UnionCaseSpec>();
        foreach (var variant in type.Variants)
        {
            var clrType = MapType(variant, PseudoField(type, variant), fullName, nestedNames, converterFields);
            if (cases.Exists(c => c.Type.Name == clrType.Name)) continue;
            cases.Add(new UnionCaseSpec(Unique(CaseName(variant, clrType), taken), clrType));
        }
        var discriminated = new List<DiscriminatorSpec>();
        foreach (var mapped in type.DiscriminatorCases)
        {
            var clrType = MapType(mapped.Type, PseudoField(type, mapped.Type), fullName, nestedNames, converterFields);
            int caseIndex = cases.FindIndex(c => c.Type.Name == clrType.Name);
            if (caseIndex >= 0 && !discriminated.Exists(d => d.Value == mapped.Value)) discriminated.Add(new DiscriminatorSpec(mapped.Value, caseIndex));
        }
        // A case that is a list or map is read through its converter: a static field, numbered after those of its elements.
        for (int i = 0; i < cases.Count; i++) cases[i] = cases[i] with { Type = WithConverterField(cases[i].Type, converterFields) };
        var nestedSpecs = type.Nested.Select(nested => ResolveType(nested, nestedNames[nested.Name], $"{fullName}.{nestedNames[nested.Name]}")).ToList();
        bool byDiscriminator = type.DiscriminatorProperty is not null && discriminated.Count > 0;

        return new TypeSpec(TypeSpecKind.Union, clrName, fullName, type.Name, type.Description, type.IsDeprecated)
        {
            Nested = nestedSpecs.ToEquatableArray(),
            ConverterFields = converterFields.ToEquatableArray(),
            Cases = cases.ToEquatableArray(),
            DiscriminatorProperty = byDiscriminator ? type.DiscriminatorProperty : null,
            Discriminated = byDiscriminator ? discriminated.ToEquatableArray() : EquatableArray<DiscriminatorSpec>.Empty,
        };
    }

    private static SchemaField PseudoField(SchemaType union, TypeRef variant) => new(union.Name, variant, true, false, null, union.Location);

    private static string CaseName(TypeRef variant, TypeReference clrType) => variant.Kind switch
    {
        TypeKind.Array => CaseName(variant.Element!, clrType) + "List",
        TypeKind.Map => CaseName(variant.Element!, clrType) + "Map",
        TypeKind.Nested when variant.Name is not null => Identifier.ToPascalCase(variant.Name, "Case").TrimStart('@'),
        // A reference to an alias maps to what the alias stands for (a list, say): the alias's name reads better.
        TypeKind.Reference when variant.Name is not null && clrType.Name.IndexOf('<') >= 0 => Identifier.ToPascalCase(variant.Name, "Case").TrimStart('@'),
        TypeKind.Reference or TypeKind.Nested => Identifier.ToPascalCase(clrType.Name.Substring(clrType.Name.LastIndexOf('.') + 1), "Case").TrimStart('@'),
        TypeKind.Unknown or TypeKind.Any or TypeKind.External => "Json",
        _ => variant.Kind.ToString(),
    };

    /// <param name="fromPath">The doc that links are relative to: null for the resolved doc, else the alias doc being expanded.</param>
    /// <param name="aliasDepth">How many aliases are being expanded around this type.</param>
    private TypeReference MapType(TypeRef type, SchemaField field, string ownerFullName, Dictionary<string, string> nestedNames, List<TypeReference> converterFields, string? fromPath = null, int aliasDepth = 0)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                return Primitives.String;
            case TypeKind.Integer:
                return Primitives.Int64;
            case TypeKind.Number when !_options.DecimalNumbers:
                return Primitives.Double;
            case TypeKind.Number:
            case TypeKind.Decimal:
                return Primitives.Decimal;
            case TypeKind.Boolean:
                return Primitives.Boolean;
            case TypeKind.DateTime:
                return Primitives.DateTimeOffset;
            case TypeKind.Date:
                return Primitives.DateOnly;
            case TypeKind.Array:
            case TypeKind.Map:
                return Container(type.Kind == TypeKind.Map, MapType(type.Element!, field, ownerFullName, nestedNames, converterFields, fromPath, aliasDepth), converterFields);
            case TypeKind.Nested when fromPath is null && type.Name is not null && nestedNames.TryGetValue(type.Name, out string? nestedName):
                return Model($"{ownerFullName}.{nestedName}", _nestedEnums.Contains($"{ownerFullName}.{nestedName}"));
            case TypeKind.Reference:
            case TypeKind.Nested:
                var target = Link(new LinkQuery(fromPath ?? _document.Path, type.Target, type.Name ?? "", type.Fallback is null));
                if (target is null && type.Fallback is { } platformType) return MapType(platformType, field, ownerFullName, nestedNames, converterFields, fromPath, aliasDepth);
                if (target is { IsAlias: true, AliasOf: { } aliased })
                {
                    if (aliasDepth < MaxAliasDepth) return MapType(aliased, field, ownerFullName, nestedNames, converterFields, target.Path, aliasDepth + 1);
                    Report(DiagnosticDescriptors.UnknownTypeId, field.Location, field.JsonName, $"{type.Name} (aliases that refer back to themselves)");
                    return Primitives.JsonElement;
                }
                if (target is not null) return Model($"global::{_options.Namespace}.{target.ClrName}", target.Shape is SchemaShape.Enum or SchemaShape.Opaque);
                Report(DiagnosticDescriptors.UnresolvedLinkId, field.Location, field.JsonName, type.Target ?? type.Name ?? "");
                return Primitives.JsonElement;
            case TypeKind.Unknown:
                Report(DiagnosticDescriptors.UnknownTypeId, field.Location, field.JsonName, type.Name ?? "");
                return Primitives.JsonElement;
            case TypeKind.External:
                Report(DiagnosticDescriptors.ExternalTypeId, field.Location, field.JsonName, type.Name ?? "", type.Target is { Length: > 0 } url ? url : "the SDK language's own library docs");
                return Primitives.JsonElement;
            default:
                return Primitives.JsonElement;
        }
    }

    private NamedModel? Link(LinkQuery query)
        => _links.TryGetValue(query, out var model) ? model : throw new InvalidOperationException($"The index view of '{_document.Path}' lacks the link {query}.");

    private static TypeReference Model(string fullName, bool isValueType) => new(TypeReferenceKind.Model, fullName, isValueType);

    /// <summary>
    /// A list or map of <paramref name="element"/>. An element that is itself a list or map is read through its own
    /// converter, a static field of the enclosing converter created once (numbered in the order they are needed).
    /// </summary>
    private static TypeReference Container(bool isMap, TypeReference element, List<TypeReference> converterFields)
    {
        element = WithConverterField(element, converterFields);
        string name = isMap
            ? $"{GeneratedShape.Aliases.Collections}IReadOnlyDictionary<string, {element.Name}>"
            : $"{GeneratedShape.Aliases.Collections}IReadOnlyList<{element.Name}>";
        return new TypeReference(isMap ? TypeReferenceKind.Map : TypeReferenceKind.List, name, IsValueType: false, Element: element);
    }

    private static TypeReference WithConverterField(TypeReference type, List<TypeReference> converterFields)
    {
        if (type.Kind is not (TypeReferenceKind.List or TypeReferenceKind.Map) || type.ConverterField >= 0) return type;
        var withField = type with { ConverterField = converterFields.Count };
        converterFields.Add(withField);
        return withField;
    }

    /// <summary>The primitive types, made once: they do not depend on the doc.</summary>
    private static class Primitives
    {
        public static readonly TypeReference String = new(TypeReferenceKind.Primitive, "string", false, PrimitiveType.String);
        public static readonly TypeReference Int64 = new(TypeReferenceKind.Primitive, "long", true, PrimitiveType.Int64);
        public static readonly TypeReference Double = new(TypeReferenceKind.Primitive, "double", true, PrimitiveType.Double);
        public static readonly TypeReference Decimal = new(TypeReferenceKind.Primitive, "decimal", true, PrimitiveType.Decimal);
        public static readonly TypeReference Boolean = new(TypeReferenceKind.Primitive, "bool", true, PrimitiveType.Boolean);
        public static readonly TypeReference DateTimeOffset = new(TypeReferenceKind.Primitive, "global::System.DateTimeOffset", true, PrimitiveType.DateTimeOffset);
        public static readonly TypeReference DateOnly = new(TypeReferenceKind.Primitive, "global::System.DateOnly", true, PrimitiveType.DateOnly);
        public static readonly TypeReference JsonElement = new(TypeReferenceKind.Primitive, $"{Json}JsonElement", true, PrimitiveType.JsonElement);
    }

    /// <summary>
    /// The C# name of an enum value: its doc name in PascalCase; numeric values the doc does not name read
    /// <c>Value1</c>, <c>ValueMinus1</c>, <c>Value2_5</c> rather than <c>_1</c>.
    /// </summary>
    private static string EnumMemberName(EnumValue value, bool numeric)
    {
        string pascal = Identifier.ToPascalCase(value.Name, "").TrimStart('@');
        if (pascal.Length == 0) pascal = Identifier.ToPascalCase(value.Value, "Value").TrimStart('@');
        if (!numeric || (value.Name != value.Value && !(pascal.Length > 1 && pascal[0] == '_' && char.IsDigit(pascal[1])))) return pascal;
        var name = new System.Text.StringBuilder("Value");
        foreach (char c in value.Value)
        {
            if (c == '-') name.Append("Minus");
            else if (c == '.') name.Append('_');
            else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) name.Append(c);
        }
        return name.ToString();
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        if (taken.Add(name)) return name;
        for (int n = 2; ; n++)
        {
            string candidate = name + n.ToString(CultureInfo.InvariantCulture);
            if (taken.Add(candidate)) return candidate;
        }
    }

    private void Report(string id, SourceSpan location, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(id, location, arguments));
}
