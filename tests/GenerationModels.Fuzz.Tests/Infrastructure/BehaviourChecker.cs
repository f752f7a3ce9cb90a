using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using GenerationModels.Fuzz.Tests.Docs;
using GenerationModels.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenerationModels.Fuzz.Tests.Infrastructure;

/// <summary>Counts of what the behavioural check executed in one batch.</summary>
public sealed class BehaviourCounts
{
    public int Models { get; set; }

    public int Members { get; set; }

    public int UnknownMembers { get; set; }

    public int Enums { get; set; }

    public int EnumValues { get; set; }

    public int Documents { get; set; }

    /// <summary>Models not exercised: a required member links to another doc (its JSON is that doc's business).</summary>
    public int Skipped { get; set; }
}

/// <summary>
/// Runs what the generator compiled: the batch's output is emitted to memory and loaded into a collectible
/// <see cref="AssemblyLoadContext"/>. For every well-formed model doc, JSON is written from the doc as the fuzzer
/// wrote it (its wire names, a value of each member's type, distinct per member, then an unknown member), read with
/// the generated converter, and each value must be in the typed property the doc declares (found by reflection; the
/// unknown member, and only it, in <c>AdditionalProperties</c>); written back, the text must be the input. For every
/// enum doc, each of the doc's values reads and writes back, and the type declares exactly the doc's values.
/// Members linking to other docs are left out when optional (the model is skipped when one is required).
/// </summary>
internal static class BehaviourChecker
{
    private static readonly JsonSerializerOptions Options = new();

    public static void Check(IEnumerable<(string Path, FuzzDoc Doc, INamedTypeSymbol Type)> docs, Compilation output, BehaviourCounts counts, List<Problem> problems)
    {
        var list = docs.Where(d => d.Doc.Expected?.Kind is ExpectedKind.Model or ExpectedKind.Enum).ToList();
        if (list.Count == 0) return;
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
        {
            problems.Add(new Problem(null, "[behaviour] the batch compiles but does not emit: " + string.Join("; ", emit.Diagnostics.Take(5))));
            return;
        }
        var context = new AssemblyLoadContext("fuzz-batch", isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            foreach (var (path, doc, symbol) in list)
            {
                void Fail(string message) => problems.Add(new Problem(path, "[behaviour] " + message));
                var type = assembly.GetType(MetadataName(symbol));
                if (type is null)
                {
                    Fail($"type {MetadataName(symbol)} is not in the emitted assembly");
                    continue;
                }
                try
                {
                    if (doc.Expected!.Kind == ExpectedKind.Model) CheckModel(type, doc.Expected.Fields, counts, Fail);
                    else CheckEnum(type, doc.Expected, counts, Fail);
                }
                catch (Exception exception)
                {
                    Fail($"{type.Name}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static string MetadataName(INamedTypeSymbol symbol)
        => symbol.ContainingNamespace.IsGlobalNamespace ? symbol.MetadataName : symbol.ContainingNamespace.ToDisplayString() + "." + symbol.MetadataName;

    /// <summary>A member's JSON value (compact, canonical) or null when the member is left out.</summary>
    private static string? Value(ExpectedType type, int k)
    {
        switch (type)
        {
            case PrimitiveType p when p == PrimitiveType.String: return "\"v" + k.ToString(CultureInfo.InvariantCulture) + "\"";
            case PrimitiveType p when p == PrimitiveType.Long: return (1000 + k).ToString(CultureInfo.InvariantCulture);
            case PrimitiveType p when p == PrimitiveType.Double || p == PrimitiveType.Decimal: return (k + 0.5).ToString(CultureInfo.InvariantCulture);
            case NumberType: return (k + 0.25).ToString(CultureInfo.InvariantCulture);
            case PrimitiveType p when p == PrimitiveType.Bool: return k % 2 == 0 ? "true" : "false";
            case PrimitiveType p when p == PrimitiveType.DateTime: return $"\"2024-01-{1 + k % 28:00}T03:04:{k % 60:00}+00:00\"";
            case PrimitiveType p when p == PrimitiveType.Date: return $"\"2024-02-{1 + k % 28:00}\"";
            case PrimitiveType p when p == PrimitiveType.Json: return "{\"any\":[" + k.ToString(CultureInfo.InvariantCulture) + ",\"x\"]}";
            case ListType l: return Value(l.Element, k) is { } e ? "[" + e + "]" : null;
            case MapType m: return Value(m.Value, k) is { } v ? "{\"key" + k.ToString(CultureInfo.InvariantCulture) + "\":" + v + "}" : null;
            default: return null; // links to other docs, unchecked types, nested records (built by the caller)
        }
    }

    /// <summary>The JSON object for <paramref name="fields"/>, or null when a required member cannot be written.</summary>
    private static string? Build(IReadOnlyList<ExpectedField> fields, ref int k, out List<(ExpectedField Field, string Json)> members, string unknown)
    {
        members = new List<(ExpectedField, string)>();
        foreach (var field in fields)
        {
            int mine = k++;
            string? json = field.Type is NestedType nested ? Build(nested.Fields, ref k, out _, unknown) : Value(field.Type, mine);
            if (json is null)
            {
                if (field.Required) return null;
                continue;
            }
            members.Add((field, json));
        }
        var sb = new StringBuilder("{");
        foreach (var (field, json) in members) sb.Append(JsonSerializer.Serialize(field.JsonName)).Append(':').Append(json).Append(',');
        return sb.Append(JsonSerializer.Serialize(unknown)).Append(":[true,null]}").ToString();
    }

    private static string UnknownName(IReadOnlyList<ExpectedField> fields)
    {
        string name = "zzUnknownMember";
        while (fields.Any(f => string.Equals(f.JsonName, name, StringComparison.OrdinalIgnoreCase))) name += "_";
        return name;
    }

    private static void CheckModel(Type type, IReadOnlyList<ExpectedField> fields, BehaviourCounts counts, Action<string> fail)
    {
        if (fields.Select(f => f.JsonName).Distinct(StringComparer.Ordinal).Count() != fields.Count) return; // judged by the expectation check
        int k = 0;
        string unknown = UnknownName(fields);
        string? json = Build(fields, ref k, out _, unknown);
        if (json is null)
        {
            counts.Skipped++;
            return;
        }
        object? value = JsonSerializer.Deserialize(json, type, Options);
        if (value is null)
        {
            fail($"{type.Name}: {json} read as null");
            return;
        }
        counts.Models++;
        counts.Documents++;
        CheckMembers(type, value, fields, json, unknown, counts, fail);
        string written = JsonSerializer.Serialize(value, type, Options);
        if (written != json) fail($"{type.Name}: the round trip changed the JSON\n in: {json}\nout: {written}");
    }

    /// <summary>Each member of <paramref name="json"/> is in the typed property the doc declares, and only the unknown one is in AdditionalProperties.</summary>
    private static void CheckMembers(Type type, object value, IReadOnlyList<ExpectedField> fields, string json, string unknown, BehaviourCounts counts, Action<string> fail)
    {
        using var document = JsonDocument.Parse(json);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var extension = properties.FirstOrDefault(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonExtensionDataAttribute>() is not null);
        var additional = extension?.GetValue(value) as IReadOnlyDictionary<string, JsonElement>;
        foreach (var member in document.RootElement.EnumerateObject())
        {
            if (member.Name == unknown)
            {
                if (additional is null || !additional.TryGetValue(unknown, out var kept) || kept.GetRawText() != member.Value.GetRawText()) fail($"{type.Name}: the unknown member '{unknown}' is not kept in AdditionalProperties");
                else counts.UnknownMembers++;
                continue;
            }
            var field = fields.First(f => f.JsonName == member.Name);
            if (additional is not null && additional.ContainsKey(member.Name)) fail($"{type.Name}: declared member '{FuzzRunner.Show(member.Name)}' went to AdditionalProperties");
            var property = properties.FirstOrDefault(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name == member.Name);
            if (property is null)
            {
                fail($"{type.Name}: no property for declared member '{FuzzRunner.Show(member.Name)}'");
                continue;
            }
            object? actual = property.GetValue(value);
            if (actual is null)
            {
                fail($"{type.Name}.{property.Name} is null after reading '{FuzzRunner.Show(member.Name)}': {member.Value.GetRawText()}");
                continue;
            }
            if (field.Type is NestedType nested)
            {
                CheckMembers(actual.GetType(), actual, nested.Fields, member.Value.GetRawText(), unknown, counts, fail);
                counts.Members++;
                continue;
            }
            string expected = member.Value.GetRawText();
            string got = Text(actual);
            if (got != expected) fail($"{type.Name}.{property.Name} holds {got}, the JSON member '{FuzzRunner.Show(member.Name)}' was {expected}");
            else counts.Members++;
        }
    }

    /// <summary>A property value as compact JSON, written by System.Text.Json itself (not by the generated converter).</summary>
    private static string Text(object value) => value switch
    {
        JsonElement element => element.GetRawText(),
        string s => JsonSerializer.Serialize(s),
        long or int or bool => JsonSerializer.Serialize(value),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => "\"" + t.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture) + "\"",
        DateOnly d => "\"" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\"",
        IEnumerable<KeyValuePair<string, JsonElement>> map => "{" + string.Join(",", map.Select(p => JsonSerializer.Serialize(p.Key) + ":" + p.Value.GetRawText())) + "}",
        IDictionary map => "{" + string.Join(",", map.Keys.Cast<object>().Select(key => JsonSerializer.Serialize(key) + ":" + Text(map[key]!))) + "}",
        IEnumerable items when value.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) => MapText(items),
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(i => i is null ? "null" : Text(i))) + "]",
        _ => "(a " + value.GetType().Name + ")",
    };

    private static string MapText(IEnumerable pairs)
    {
        var parts = new List<string>();
        foreach (object pair in pairs)
        {
            var t = pair.GetType();
            parts.Add(JsonSerializer.Serialize((string)t.GetProperty("Key")!.GetValue(pair)!) + ":" + Text(t.GetProperty("Value")!.GetValue(pair)!));
        }
        return "{" + string.Join(",", parts) + "}";
    }

    private static void CheckEnum(Type type, ExpectedDoc expected, BehaviourCounts counts, Action<string> fail)
    {
        bool isString = expected.EnumValueType == "string";
        string Json(string v) => isString ? JsonSerializer.Serialize(v) : v;
        var declared = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type)
            .Select(p => JsonSerializer.Serialize(p.GetValue(null), type, Options)).ToList();
        var want = expected.EnumValues.Select(Json).ToList();
        counts.Enums++;
        foreach (string v in want)
        {
            object? read = JsonSerializer.Deserialize(v, type, Options);
            string back = JsonSerializer.Serialize(read, type, Options);
            counts.Documents++;
            if (!SameValue(back, v, isString)) fail($"{type.Name}: enum value {v} reads and writes back as {back}");
            else counts.EnumValues++;
            if (!declared.Any(d => SameValue(d, v, isString))) fail($"{type.Name}: the doc's value {v} has no static member (declared: {string.Join(", ", declared)})");
        }
        foreach (string d in declared)
        {
            if (!want.Any(v => SameValue(d, v, isString))) fail($"{type.Name}: static member {d} is not a value of the doc ({string.Join(", ", want)})");
        }
    }

    private static bool SameValue(string actual, string expected, bool isString)
        => isString ? actual == expected
            : double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out double a) && double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out double b) && a == b;

    /// <summary>The top-level type generated into <paramref name="tree"/>.</summary>
    public static INamedTypeSymbol? TopLevelType(Compilation output, SyntaxTree tree)
    {
        var declaration = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.Parent is BaseNamespaceDeclarationSyntax);
        return declaration is null ? null : output.GetSemanticModel(tree).GetDeclaredSymbol(declaration) as INamedTypeSymbol;
    }
}
