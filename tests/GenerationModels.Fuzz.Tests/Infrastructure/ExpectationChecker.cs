using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GenerationModels.Fuzz.Tests.Docs;
using GenerationModels.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenerationModels.Fuzz.Tests.Infrastructure;

/// <summary>
/// Model-based check of a well-formed doc: the compiled type generated from it has exactly the members the doc lists,
/// with the types, requiredness and nullability the doc gives, and exactly the diagnostics the doc deserves.
/// </summary>
internal static class ExpectationChecker
{
    private static readonly string[] NeverForWellFormed = { "GM0001", "GM0005", "GM0007", "GM0008" };

    public static void Check(FuzzDoc doc, string path, BatchOptions options, Compilation output, List<SyntaxTree> trees, Dictionary<SyntaxTree, string> docOfTree, List<Diagnostic> diagnostics, List<Problem> problems)
    {
        var expected = doc.Expected!;
        void Fail(string message) => problems.Add(new Problem(path, "[well-formed] " + message));

        foreach (var diagnostic in diagnostics.Where(d => NeverForWellFormed.Contains(d.Id))) Fail("unexpected " + diagnostic);

        if (expected.Kind == ExpectedKind.NotASchema)
        {
            if (trees.Count != 0) Fail("a type was generated from a page that is not a schema");
            if (!diagnostics.Any(d => d.Id == "GM0004")) Fail("no GM0004 for a page that is not a schema");
            return;
        }
        if (diagnostics.Any(d => d.Id == "GM0004")) Fail("GM0004 for a schema doc: " + diagnostics.First(d => d.Id == "GM0004").GetMessage(CultureInfo.InvariantCulture));
        if (trees.Count != 1)
        {
            Fail($"{trees.Count} sources generated");
            return;
        }
        var tree = trees[0];
        var model = output.GetSemanticModel(tree);
        var declaration = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.Parent is BaseNamespaceDeclarationSyntax);
        if (declaration is null || model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type)
        {
            Fail("no top-level type in the generated source");
            return;
        }
        var context = new Context(options, docOfTree, Fail);

        switch (expected.Kind)
        {
            case ExpectedKind.Model:
                if (type.TypeKind != TypeKind.Class || !type.IsRecord) Fail($"expected a record class, got {type.TypeKind} {type}");
                CheckMembers(type, expected.Fields, context, type.Name);
                foreach (var field in Flatten(expected.Fields).Where(f => f.Diagnostic is not null && !f.Diagnostic.EndsWith('?')))
                {
                    if (!diagnostics.Any(d => d.Id == field.Diagnostic && d.GetMessage(CultureInfo.InvariantCulture).Contains("'" + field.JsonName + "'", StringComparison.Ordinal)))
                    {
                        Fail($"field '{FuzzRunner.Show(field.JsonName)}' should be reported with {field.Diagnostic}");
                    }
                }
                foreach (var diagnostic in diagnostics.Where(d => d.Id is "GM0002" or "GM0003"))
                {
                    string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                    if (!Flatten(expected.Fields).Any(f => f.Diagnostic?.TrimEnd('?') == diagnostic.Id && message.Contains("'" + f.JsonName + "'", StringComparison.Ordinal)))
                    {
                        Fail("unexpected " + diagnostic.Id + ": " + message);
                    }
                }
                break;
            case ExpectedKind.Enum:
            {
                if (type.TypeKind != TypeKind.Struct || !type.IsRecord) Fail($"expected a record struct for an enum, got {type.TypeKind}");
                var value = type.GetMembers("Value").OfType<IPropertySymbol>().FirstOrDefault();
                if (value is null || value.Type.ToDisplayString() != expected.EnumValueType) Fail($"enum Value should be {expected.EnumValueType}, is {value?.Type.ToDisplayString() ?? "missing"}");
                int members = type.GetMembers().OfType<IPropertySymbol>().Count(p => p.IsStatic && SymbolEqualityComparer.Default.Equals(p.Type, type));
                if (members != expected.EnumValues.Count) Fail($"enum should have {expected.EnumValues.Count} values ({string.Join(", ", expected.EnumValues.Select(FuzzRunner.Show))}), has {members}");
                break;
            }
            case ExpectedKind.Union:
            {
                if (type.TypeKind != TypeKind.Class) Fail($"expected a class for a union, got {type.TypeKind}");
                var cases = type.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && p.Name != "Unmatched" && p.Name != "EqualityContract").ToList();
                // Cases whose type may be read either way (UncheckedType) are not matched, but every other case must be
                // there; the number of cases is exact only when no case is unchecked.
                bool anyUnchecked = expected.UnionCases.Any(c => ContainsUnchecked(c));
                var distinct = expected.UnionCases.Select(c => Normalize(c, options.DecimalNumbers)).Distinct().ToList();
                if (!anyUnchecked && cases.Count != distinct.Count) Fail($"union should have {distinct.Count} cases ({string.Join(", ", distinct)}), has {cases.Count} ({string.Join(", ", cases.Select(c => c.Type.ToDisplayString()))})");
                foreach (var expectedCase in distinct.Where(c => !ContainsUnchecked(c)))
                {
                    if (!cases.Any(c => context.Matches(Unwrap(c.Type), expectedCase, type, report: false))) Fail($"union has no case of type {expectedCase}");
                }
                break;
            }
            case ExpectedKind.Opaque:
                if (type.TypeKind != TypeKind.Struct) Fail($"expected a struct for an empty Properties table, got {type.TypeKind}");
                if (!diagnostics.Any(d => d.Id == "GM0010")) Fail("no GM0010 for an empty Properties table");
                break;
        }
    }

    private static IEnumerable<ExpectedField> Flatten(IEnumerable<ExpectedField> fields)
        => fields.SelectMany(f => f.Type is NestedType nested ? new[] { f }.Concat(Flatten(nested.Fields)) : new[] { f });

    internal static bool ContainsUnchecked(ExpectedType type) => type switch
    {
        UncheckedType => true,
        ListType l => ContainsUnchecked(l.Element),
        MapType m => ContainsUnchecked(m.Value),
        _ => false,
    };

    /// <summary>Numbers become double or decimal by the batch's option; Long stays long.</summary>
    internal static ExpectedType Normalize(ExpectedType type, bool decimalNumbers) => type switch
    {
        NumberType => decimalNumbers ? PrimitiveType.Decimal : PrimitiveType.Double,
        ListType l => new ListType(Normalize(l.Element, decimalNumbers)),
        MapType m => new MapType(Normalize(m.Value, decimalNumbers)),
        _ => type,
    };

    private static void CheckMembers(INamedTypeSymbol type, IReadOnlyList<ExpectedField> fields, Context context, string owner)
    {
        var properties = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "JsonPropertyNameAttribute");
            if (attribute?.ConstructorArguments.FirstOrDefault().Value is string name) properties[name] = property;
        }
        if (properties.Count != fields.Count)
        {
            var missing = fields.Select(f => f.JsonName).Where(n => !properties.ContainsKey(n)).Select(FuzzRunner.Show);
            var extra = properties.Keys.Where(k => fields.All(f => f.JsonName != k)).Select(FuzzRunner.Show);
            context.Fail($"{owner} should have {fields.Count} members, has {properties.Count} (missing: {string.Join(", ", missing)}; extra: {string.Join(", ", extra)})");
        }
        foreach (var field in fields)
        {
            if (!properties.TryGetValue(field.JsonName, out var property))
            {
                if (properties.Count == fields.Count) context.Fail($"{owner} has no member for '{FuzzRunner.Show(field.JsonName)}'");
                continue;
            }
            string where = $"{owner}.{property.Name} ('{FuzzRunner.Show(field.JsonName)}')";
            // Required in the JSON: [JsonRequired] (a discriminator member with a default is not C# `required`).
            bool required = property.GetAttributes().Any(a => a.AttributeClass?.Name == "JsonRequiredAttribute");
            if (required != field.Required) context.Fail($"{where} should {(field.Required ? "" : "not ")}be required");
            if (property.IsRequired && !required) context.Fail($"{where} is C# required but not [JsonRequired]");
            bool nullable = property.Type.IsValueType
                ? property.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                : property.NullableAnnotation == NullableAnnotation.Annotated;
            if (nullable != field.NullableProperty) context.Fail($"{where} should {(field.NullableProperty ? "" : "not ")}be nullable (it is {property.Type.ToDisplayString()})");
            var expectedType = Normalize(field.Type, context.Options.DecimalNumbers);
            if (!context.Matches(Unwrap(property.Type), expectedType, type, report: false))
            {
                context.Fail($"{where} should be {expectedType}, is {property.Type.ToDisplayString()}");
            }
            else if (expectedType is NestedType nested)
            {
                CheckMembers((INamedTypeSymbol)Unwrap(property.Type), nested.Fields, context, owner + "." + Unwrap(property.Type).Name);
            }
        }
    }

    private static ITypeSymbol Unwrap(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

    private sealed class Context
    {
        private readonly Dictionary<SyntaxTree, string> _docOfTree;
        private readonly Action<string> _fail;

        public Context(BatchOptions options, Dictionary<SyntaxTree, string> docOfTree, Action<string> fail)
        {
            Options = options;
            _docOfTree = docOfTree;
            _fail = fail;
        }

        public BatchOptions Options { get; }

        public void Fail(string message) => _fail(message);

        public bool Matches(ITypeSymbol actual, ExpectedType expected, INamedTypeSymbol owner, bool report)
        {
            switch (expected)
            {
                case UncheckedType:
                    return true;
                case PrimitiveType primitive:
                    return actual.ToDisplayString() == primitive.FullName;
                case NumberType:
                    return actual.ToDisplayString() == (Options.DecimalNumbers ? "decimal" : "double");
                case ListType list:
                    return actual is INamedTypeSymbol { IsGenericType: true } l
                        && l.ConstructedFrom.ToDisplayString() == "System.Collections.Generic.IReadOnlyList<T>"
                        && Matches(Unwrap(l.TypeArguments[0]), list.Element, owner, report);
                case MapType map:
                    return actual is INamedTypeSymbol { IsGenericType: true } m
                        && m.ConstructedFrom.ToDisplayString() == "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"
                        && m.TypeArguments[0].SpecialType == SpecialType.System_String
                        && Matches(Unwrap(m.TypeArguments[1]), map.Value, owner, report);
                case DocType doc:
                {
                    var declaring = actual.DeclaringSyntaxReferences.FirstOrDefault();
                    return declaring is not null && _docOfTree.TryGetValue(declaring.SyntaxTree, out var path)
                        && path == GeneratorHarness.DocPath(doc.RelativePath)
                        && actual.ContainingType is null;
                }
                case NestedType:
                    return SymbolEqualityComparer.Default.Equals(actual.ContainingType, owner) && actual.TypeKind == TypeKind.Class;
                default:
                    return false;
            }
        }
    }
}
