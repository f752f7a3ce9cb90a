using System;
using System.Collections.Generic;
using System.Linq;
using GenerationModels.Harness;
using Microsoft.CodeAnalysis;

namespace SpecScaleReport;

/// <summary>A generator diagnostic with what it was matched to.</summary>
internal sealed record ObservedDiagnostic(Diagnostic Diagnostic, ExpectedDiagnostic? Expected);

/// <summary>What the compiled output holds, checked against what the spec says.</summary>
internal sealed class CheckResult
{
    public int Schemas;
    public int Aliases;
    public int Models;
    public int Enums;
    public int Unions;
    public int NestedModels;
    public int NestedEnums;
    public int NestedUnions;
    public int Fields;
    public int Precise;
    public int DeclaredAny;
    public int LimitFallbacks;
    public int Fallbacks;
    public int Mismatches => MismatchList.Count;
    public int UnionCases;
    public int UnionCasesPrecise;
    public int EnumValues;

    /// <summary>JsonElement fields the spec did not ask for: reason (the generator diagnostic at the field, if any) → count.</summary>
    public Counter FallbackReasons { get; } = new();

    public List<string> FallbackList { get; } = new();

    /// <summary>Documented limitations the spec provokes on purpose: why → count.</summary>
    public Counter LimitReasons { get; } = new();

    public List<string> LimitList { get; } = new();

    public List<string> MismatchList { get; } = new();

    public List<ObservedDiagnostic> Diagnostics { get; } = new();

    public IEnumerable<Diagnostic> UnexpectedWarnings
        => Diagnostics.Where(d => d.Expected is null && d.Diagnostic.Severity >= DiagnosticSeverity.Warning).Select(d => d.Diagnostic);

    public IEnumerable<Diagnostic> UnexpectedInfos
        => Diagnostics.Where(d => d.Expected is null && d.Diagnostic.Severity < DiagnosticSeverity.Warning).Select(d => d.Diagnostic);

    /// <summary>Expected diagnostics that were not reported (a limitation fixed, or a regression in reporting).</summary>
    public List<ExpectedDiagnostic> MissingExpected { get; } = new();

    public int TypesGenerated => Models + Enums + Unions;

    public int NestedTypes => NestedModels + NestedEnums + NestedUnions;
}

/// <summary>
/// Walks the compiled output with Roslyn's symbol API (no generator internals) and compares every generated type,
/// property, enum and union case with what the synthetic spec says it should be.
/// </summary>
internal sealed class Checker
{
    private readonly SpecModel _model;
    private readonly FormResult _run;
    private readonly Compilation _output;
    private readonly CheckResult _result = new();
    private readonly Dictionary<(string Path, int Line), List<Diagnostic>> _diagnosticsAt = new();

    private Checker(SpecModel model, FormResult run)
    {
        _model = model;
        _run = run;
        _output = run.Output ?? throw new InvalidOperationException("no output");
    }

    public static CheckResult Check(SpecModel model, FormResult run)
    {
        var checker = new Checker(model, run);
        checker.MatchDiagnostics();
        checker.CheckTypes();
        return checker._result;
    }

    private enum Kind
    {
        Precise,
        DeclaredAny,
        Limit,
        Fallback,
        Mismatch,
    }

    private readonly record struct Outcome(Kind Kind, string Detail = "");

    // -------------------------------------------------------------------------------------------------------------
    // Diagnostics: each matched to what the spec provokes on purpose, or unexpected.
    // -------------------------------------------------------------------------------------------------------------

    private void MatchDiagnostics()
    {
        var seen = new HashSet<ExpectedDiagnostic>();
        foreach (var diagnostic in _run.GeneratorDiagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            var key = (span.Path, span.StartLinePosition.Line);
            if (!_diagnosticsAt.TryGetValue(key, out var list)) _diagnosticsAt[key] = list = new List<Diagnostic>();
            list.Add(diagnostic);
            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var expected = _model.ExpectedDiagnostics.FirstOrDefault(e =>
                e.Id == diagnostic.Id
                && GeneratorRunner.PathOf(e.File, _run.Form) == span.Path
                && message.Contains(e.MessageFragment, StringComparison.Ordinal));
            if (expected is not null) seen.Add(expected);
            _result.Diagnostics.Add(new ObservedDiagnostic(diagnostic, expected));
        }
        _result.MissingExpected.AddRange(_model.ExpectedDiagnostics.Where(e => !seen.Contains(e)));
    }

    /// <summary>What the generator said at the line of a spec entry (a property key or a named schema).</summary>
    private string ReasonAt(string file, object tag)
    {
        if (!_run.TagLines.TryGetValue(file, out var lines) || !lines.TryGetValue(tag, out int line)) return "no location";
        if (!_diagnosticsAt.TryGetValue((GeneratorRunner.PathOf(file, _run.Form), line), out var list) || list.Count == 0) return "no generator diagnostic";
        return string.Join("; ", list.Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    // -------------------------------------------------------------------------------------------------------------
    // Types
    // -------------------------------------------------------------------------------------------------------------

    private void CheckTypes()
    {
        var expectedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in _model.Schemas)
        {
            _result.Schemas++;
            if (!schema.GeneratesType)
            {
                _result.Aliases++;
                continue;
            }
            expectedNames.Add(schema.ClrName);
            string path = schema.ClrName;
            var type = _output.GetTypeByMetadataName(GeneratorRunner.Namespace + "." + schema.ClrName);
            if (type is null)
            {
                Mismatch(path, $"no type generated for schema '{schema.Name}' ({schema.File})");
                continue;
            }
            if (IsObsolete(type) != schema.Deprecated) Mismatch(path, schema.Deprecated ? "deprecated schema without [Obsolete]" : "[Obsolete] on a schema that is not deprecated");
            switch (schema.Kind)
            {
                case SchemaKind.Object:
                    if (KindOf(type) != "object") Mismatch(path, "expected a model, got " + KindOf(type));
                    else CheckObject(type, schema.Props, schema.File, path, schema.Deprecated);
                    break;
                case SchemaKind.StringEnum or SchemaKind.IntegerEnum or SchemaKind.NumberEnum:
                    string valueType = schema.Kind switch { SchemaKind.IntegerEnum => "long", SchemaKind.NumberEnum => "double", _ => "string" };
                    if (KindOf(type) != "enum") Mismatch(path, "expected an enum, got " + KindOf(type));
                    else CheckEnum(type, schema.EnumValues, valueType, path);
                    break;
                case SchemaKind.Union:
                    if (KindOf(type) != "union") Mismatch(path, "expected a union, got " + KindOf(type));
                    else CheckUnion(type, schema.Cases, schema.File, schema, path);
                    break;
            }
        }

        // Everything the generator emitted, counted by kind; anything the spec does not explain is a mismatch.
        var ns = _output.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == GeneratorRunner.Namespace);
        foreach (var type in ns?.GetTypeMembers() ?? Enumerable.Empty<INamedTypeSymbol>())
        {
            if (type.Name == GeneratorRunner.ContextName) continue;
            switch (KindOf(type))
            {
                case "enum": _result.Enums++; break;
                case "union": _result.Unions++; break;
                default: _result.Models++; break;
            }
            if (!expectedNames.Contains(type.Name)) Mismatch(type.Name, "a generated type no schema asks for");
            CountNested(type);
        }
    }

    private void CountNested(INamedTypeSymbol type)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            if (nested.Name == "JsonModelConverter") continue;
            switch (KindOf(nested))
            {
                case "enum": _result.NestedEnums++; break;
                case "union": _result.NestedUnions++; break;
                default: _result.NestedModels++; break;
            }
            CountNested(nested);
        }
    }

    private void CheckObject(INamedTypeSymbol type, IReadOnlyList<PropExp> props, string file, string path, bool typeDeprecated = false)
    {
        var actual = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (JsonName(property) is { } name) actual[name] = property;
        }
        foreach (var prop in props)
        {
            string fieldPath = path + "." + prop.JsonName;
            _result.Fields++;
            if (!actual.Remove(prop.JsonName, out var property))
            {
                Mismatch(fieldPath, "property missing");
                continue;
            }
            var outcome = Compare(prop.Type, property.Type, file, fieldPath);
            switch (outcome.Kind)
            {
                case Kind.Precise:
                    _result.Precise++;
                    break;
                case Kind.DeclaredAny:
                    _result.Precise++;
                    _result.DeclaredAny++;
                    break;
                case Kind.Limit:
                    _result.LimitFallbacks++;
                    _result.LimitReasons.Add(outcome.Detail);
                    _result.LimitList.Add($"{fieldPath}: {Display(property.Type)} — {outcome.Detail}; generator: {ReasonAt(file, prop)}");
                    break;
                case Kind.Fallback:
                    _result.Fallbacks++;
                    string reason = ReasonAt(file, prop);
                    _result.FallbackReasons.Add(ShortReason(reason));
                    _result.FallbackList.Add($"{fieldPath}: {outcome.Detail} — {reason}");
                    break;
                default:
                    Mismatch(fieldPath, outcome.Detail);
                    break;
            }
            bool nullable = IsNullable(property.Type);
            bool expectNullable = prop.Nullable || !prop.Required;
            if (nullable != expectNullable) Mismatch(fieldPath, $"expected {(expectNullable ? "a nullable" : "a non-nullable")} property{(prop.Nullable ? " (the spec allows null)" : "")}, got {Display(property.Type)}");
            // Required in the JSON: a C# required member, or [JsonRequired] on one with a default (a union case's
            // discriminator, which starts as the case's mapping value).
            bool required = property.IsRequired || property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonRequiredAttribute");
            if (required != prop.Required) Mismatch(fieldPath, prop.Required ? "required in the spec, not a required property" : "a required property, but optional (or read/write-only) in the spec");
            // C# allows [Obsolete] on a required member only in an obsolete type (CS9042); the generator documents it instead.
            bool obsolete = prop.Deprecated && (!prop.Required || typeDeprecated);
            if (IsObsolete(property) != obsolete) Mismatch(fieldPath, obsolete ? "deprecated without [Obsolete]" : "[Obsolete] but not deprecated (or required in a type that is not)");
        }
        foreach (var extra in actual.Keys) Mismatch(path + "." + extra, "a property the spec does not declare");
    }

    private void CheckEnum(INamedTypeSymbol type, int values, string valueType, string path)
    {
        int members = type.GetMembers().OfType<IPropertySymbol>().Count(p => p.IsStatic && SymbolEqualityComparer.Default.Equals(p.Type, type));
        _result.EnumValues += members;
        if (members != values) Mismatch(path, $"{values} enum values in the spec, {members} members");
        var value = type.GetMembers("Value").OfType<IPropertySymbol>().FirstOrDefault();
        if (value is null || Display(value.Type) != valueType) Mismatch(path, $"enum value type: expected {valueType}, got {(value is null ? "none" : Display(value.Type))}");
    }

    private void CheckUnion(INamedTypeSymbol type, IReadOnlyList<Exp> cases, string file, object tag, string path)
    {
        var actual = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && p.Name != "Unmatched" && p.Name != "EqualityContract" && p.DeclaredAccessibility == Accessibility.Public)
            .ToList();
        // The generator keeps one case per C# type (e.g. two refs to the same schema).
        var distinct = new List<Exp>();
        var sigs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            if (sigs.Add(Sig(c))) distinct.Add(c);
        }
        if (actual.Count != distinct.Count)
        {
            Mismatch(path, $"{distinct.Count} union cases in the spec, {actual.Count} properties: {string.Join(", ", actual.Select(a => Display(a.Type)))}");
            return;
        }
        for (int i = 0; i < distinct.Count; i++)
        {
            _result.UnionCases++;
            var outcome = Compare(distinct[i], actual[i].Type, file, path + "|" + actual[i].Name);
            switch (outcome.Kind)
            {
                case Kind.Precise or Kind.DeclaredAny:
                    _result.UnionCasesPrecise++;
                    break;
                case Kind.Limit:
                    _result.LimitReasons.Add(outcome.Detail);
                    _result.LimitList.Add($"{path}|{actual[i].Name}: {outcome.Detail}; generator: {ReasonAt(file, tag)}");
                    break;
                case Kind.Fallback:
                    _result.FallbackReasons.Add(ShortReason(ReasonAt(file, tag)));
                    _result.FallbackList.Add($"{path}|{actual[i].Name} (union case): {outcome.Detail} — {ReasonAt(file, tag)}");
                    break;
                default:
                    Mismatch(path + "|" + actual[i].Name, outcome.Detail);
                    break;
            }
        }
    }

    private Outcome Compare(Exp exp, ITypeSymbol actual, string file, string path)
    {
        actual = Unwrap(actual);
        bool isAny = IsJsonElement(actual);
        Outcome NotIt() => isAny ? new Outcome(Kind.Fallback, $"expected {ExpDisplay(exp)}, got JsonElement") : new Outcome(Kind.Mismatch, $"expected {ExpDisplay(exp)}, got {Display(actual)}");
        switch (exp)
        {
            case LimitExp limit:
                return isAny ? new Outcome(Kind.Limit, limit.Why) : Compare(limit.Precise, actual, file, path);
            case PrimExp p when ReferenceEquals(p, PrimExp.Any):
                return isAny ? new Outcome(Kind.DeclaredAny) : NotIt();
            case PrimExp p:
                return Display(actual) == p.Sig ? new Outcome(Kind.Precise) : NotIt();
            case ListExp list:
                return Element(actual, "System.Collections.Generic.IReadOnlyList<T>") is { } item ? Compare(list.Item, item, file, path + "[]") : NotIt();
            case MapExp map:
                return Element(actual, "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>") is { } value ? Compare(map.Value, value, file, path + "{}") : NotIt();
            case RefExp reference:
                return actual is INamedTypeSymbol { ContainingType: null } named
                    && named.ContainingNamespace?.ToDisplayString() == GeneratorRunner.Namespace
                    && named.Name == reference.Target.ClrName
                    ? new Outcome(Kind.Precise) : NotIt();
            case InlineObjectExp inline:
                if (actual is INamedTypeSymbol { ContainingType: not null } nestedModel && KindOf(nestedModel) == "object")
                {
                    CheckObject(nestedModel, inline.Props, file, path);
                    return new Outcome(Kind.Precise);
                }
                return NotIt();
            case InlineEnumExp inlineEnum:
                if (actual is INamedTypeSymbol { ContainingType: not null } nestedEnum && KindOf(nestedEnum) == "enum")
                {
                    CheckEnum(nestedEnum, inlineEnum.Values, inlineEnum.ValueType, path);
                    return new Outcome(Kind.Precise);
                }
                return NotIt();
            case InlineUnionExp inlineUnion:
                if (actual is INamedTypeSymbol { ContainingType: not null } nestedUnion && KindOf(nestedUnion) == "union")
                {
                    CheckUnion(nestedUnion, inlineUnion.Cases, file, new object(), path);
                    return new Outcome(Kind.Precise);
                }
                return NotIt();
            default:
                throw new InvalidOperationException("unknown expectation " + exp.GetType().Name);
        }
    }

    private void Mismatch(string path, string detail) => _result.MismatchList.Add(path + ": " + detail);

    // -------------------------------------------------------------------------------------------------------------
    // Symbols
    // -------------------------------------------------------------------------------------------------------------

    private static string KindOf(INamedTypeSymbol type)
    {
        if (type.IsValueType && type.GetMembers("IsKnown").Length > 0) return "enum";
        if (type.GetMembers("Unmatched").OfType<IPropertySymbol>().Any(p => JsonName(p) is null)) return "union";
        return type.IsValueType ? "struct" : "object";
    }

    private static string? JsonName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonPropertyNameAttribute" && attribute.ConstructorArguments.Length == 1)
            {
                return attribute.ConstructorArguments[0].Value as string;
            }
        }
        return null;
    }

    private static bool IsObsolete(ISymbol symbol) => symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute");

    private static bool IsNullable(ITypeSymbol type)
        => type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated);

    private static ITypeSymbol Unwrap(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static bool IsJsonElement(ITypeSymbol type) => type.ToDisplayString() == "System.Text.Json.JsonElement";

    private static ITypeSymbol? Element(ITypeSymbol type, string definition)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true } named || named.OriginalDefinition.ToDisplayString() != definition) return null;
        if (named.TypeArguments.Length == 2 && named.TypeArguments[0].SpecialType != SpecialType.System_String) return null;
        return named.TypeArguments[^1];
    }

    private static string Display(ITypeSymbol type)
    {
        type = Unwrap(type);
        if (IsJsonElement(type)) return "JsonElement";
        if (Element(type, "System.Collections.Generic.IReadOnlyList<T>") is { } item) return "list<" + Display(item) + ">";
        if (Element(type, "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>") is { } value) return "map<" + Display(value) + ">";
        return type.SpecialType switch
        {
            SpecialType.System_String => "string",
            SpecialType.System_Int64 => "long",
            SpecialType.System_Double => "double",
            SpecialType.System_Decimal => "decimal",
            SpecialType.System_Boolean => "bool",
            _ => type.ContainingType is not null ? "nested " + KindOf((INamedTypeSymbol)type) + " " + type.Name : type.Name,
        };
    }

    /// <summary>A key that tells union cases of different C# types apart (as the generator dedupes them).</summary>
    private static string Sig(Exp exp) => exp switch
    {
        PrimExp p => p.Sig,
        ListExp l => "list<" + Sig(l.Item) + ">",
        MapExp m => "map<" + Sig(m.Value) + ">",
        RefExp r => "ref:" + r.Target.ClrName,
        LimitExp l => Sig(l.Precise),
        _ => "nested:" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(exp),
    };

    private static string ExpDisplay(Exp exp) => exp switch
    {
        PrimExp p => p.Sig == "any" ? "JsonElement" : p.Sig,
        ListExp l => "list<" + ExpDisplay(l.Item) + ">",
        MapExp m => "map<" + ExpDisplay(m.Value) + ">",
        RefExp r => r.Target.ClrName,
        LimitExp l => ExpDisplay(l.Precise),
        InlineObjectExp => "nested object",
        InlineEnumExp => "nested enum",
        InlineUnionExp => "nested union",
        _ => exp.GetType().Name,
    };

    /// <summary>A reason without the specific names in it, so that alike reasons group.</summary>
    private static string ShortReason(string reason)
    {
        int colon = reason.IndexOf(':', StringComparison.Ordinal);
        string id = colon > 0 && reason.StartsWith("GM", StringComparison.Ordinal) ? reason.Substring(0, colon) : reason;
        return id switch
        {
            "GM0003" => "GM0003: referenced schema not found",
            "GM0002" => "GM0002: type not understood",
            "GM0012" => "GM0012: construct not supported",
            _ => id,
        };
    }
}
