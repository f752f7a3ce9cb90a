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

    /// <summary>Models read as members or union cases of another doc's JSON (a link followed), checked member by member.</summary>
    public int LinkedModels { get; set; }

    public int Enums { get; set; }

    public int EnumValues { get; set; }

    public int Unions { get; set; }

    /// <summary>Union cases read from JSON built for them, landing in the case the doc's order predicts.</summary>
    public int UnionCases { get; set; }

    /// <summary>Unions not run: a case whose type may be read either way (a link whose text is also a primitive).</summary>
    public int UnionsSkipped { get; set; }

    public int Documents { get; set; }

    /// <summary>Models not exercised: a required member's JSON cannot be built (a cycle of required links past the depth cap, an unchecked link).</summary>
    public int Skipped { get; set; }

    /// <summary>Of those, the models with a required member whose type may be read either way (a link whose text is a primitive, or to a page that is no schema); the rest are cycles of required links.</summary>
    public int SkippedUnchecked { get; set; }
}

/// <summary>
/// Runs what the generator compiled: the batch's output is emitted to memory and loaded into a collectible
/// <see cref="AssemblyLoadContext"/>. For every well-formed model doc, JSON is written from the doc as the fuzzer
/// wrote it (its wire names, a value of each member's type, distinct per member, then an unknown member; a member
/// linking to another doc of the batch gets that doc's JSON, built the same way, up to <see cref="MaxLinkDepth"/>
/// links deep), read with the generated converter, and each value must be in the typed property the doc declares
/// (found by reflection; linked models checked member by member; the unknown member, and only it, in
/// <c>AdditionalProperties</c>); written back, the text must be the input. For every enum doc, each of the doc's values
/// reads and writes back, and the type declares exactly the doc's values. For every union doc, the case properties are
/// exactly the doc's distinct cases in the doc's order, and JSON built for each case reads into the case the doc's
/// order predicts (the first case whose reader accepts that JSON, see <see cref="Accepts"/>), not into another case
/// nor <c>Unmatched</c>, and writes back identically.
/// </summary>
internal static class BehaviourChecker
{
    private static readonly JsonSerializerOptions Options = new();

    /// <summary>How many links deep JSON for a linked doc is built (a cycle of required links stops here).</summary>
    private const int MaxLinkDepth = 4;

    /// <summary>The well-formed docs of the batch and their loaded types, by relative path (what <see cref="DocType"/> names).</summary>
    private sealed class Batch
    {
        public Dictionary<string, (ExpectedDoc Doc, Type Type)> Docs { get; } = new(StringComparer.Ordinal);

        public bool Decimal { get; init; }
    }

    public static void Check(IEnumerable<(string Path, FuzzDoc Doc, INamedTypeSymbol Type)> docs, Compilation output, BehaviourCounts counts, List<Problem> problems, bool decimalNumbers = false)
    {
        var list = docs.Where(d => d.Doc.Expected?.Kind is ExpectedKind.Model or ExpectedKind.Enum or ExpectedKind.Union or ExpectedKind.Opaque).ToList();
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
            var batch = new Batch { Decimal = decimalNumbers };
            foreach (var (path, doc, symbol) in list)
            {
                var type = assembly.GetType(MetadataName(symbol));
                if (type is null)
                {
                    problems.Add(new Problem(path, $"[behaviour] type {MetadataName(symbol)} is not in the emitted assembly"));
                    continue;
                }
                batch.Docs[doc.RelativePath] = (doc.Expected!, type);
            }
            foreach (var (path, doc, _) in list)
            {
                void Fail(string message) => problems.Add(new Problem(path, "[behaviour] " + message));
                if (!batch.Docs.TryGetValue(doc.RelativePath, out var entry)) continue;
                try
                {
                    switch (entry.Doc.Kind)
                    {
                        case ExpectedKind.Model: CheckModel(entry.Type, entry.Doc.Fields, batch, counts, Fail); break;
                        case ExpectedKind.Enum: CheckEnum(entry.Type, entry.Doc, counts, Fail); break;
                        case ExpectedKind.Union: CheckUnion(entry.Type, entry.Doc, batch, counts, Fail); break;
                    }
                }
                catch (Exception exception)
                {
                    Fail($"{entry.Type.Name}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// JsonElement members (and lists and maps of them) that no diagnostic explains, in docs with no expectation: the
    /// batch is emitted and loaded, valid JSON is written for the member's record from its CLR shape with the member
    /// set to a JSON value of its type, and the value must be in the property (not in <c>AdditionalProperties</c>) and
    /// the whole text must come back unchanged. That is promise 5 (no data silently lost) judged by behaviour, not by
    /// the words of a mutated type cell.
    /// </summary>
    public static void CheckUnexplainedJsonMembers(List<(string Path, SyntaxTree Tree, PropertyDeclarationSyntax Property, string JsonName)> members, Compilation output, BatchResult result)
    {
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
        {
            result.Problems.Add(new Problem(null, "[behaviour] the batch compiles but does not emit: " + string.Join("; ", emit.Diagnostics.Take(5))));
            return;
        }
        var context = new AssemblyLoadContext("fuzz-json-members", isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            foreach (var (path, tree, declaration, jsonName) in members)
            {
                void Fail(string message) => result.Problems.Add(new Problem(path, $"[behaviour] JsonElement member '{FuzzRunner.Show(jsonName)}' with no diagnostic: " + message));
                if (output.GetSemanticModel(tree).GetDeclaredSymbol(declaration) is not IPropertySymbol symbol)
                {
                    Fail("no symbol");
                    continue;
                }
                var type = assembly.GetType(ReflectionName(symbol.ContainingType));
                var property = type?.GetProperty(symbol.Name, BindingFlags.Public | BindingFlags.Instance);
                if (type is null || property is null)
                {
                    Fail($"{ReflectionName(symbol.ContainingType)}.{symbol.Name} is not in the emitted assembly");
                    continue;
                }
                string? value = AnyValue(property.PropertyType);
                if (value is null) continue; // a model type holding JsonElements further down: its own members are judged
                string json;
                try
                {
                    var (utf8, valid) = Json.TypedJson.WriteWith(type, StableSeed(path + "\0" + jsonName), jsonName, value);
                    if (!valid) continue;
                    json = Encoding.UTF8.GetString(utf8);
                }
                catch (Exception exception)
                {
                    Fail($"{type.Name}: no JSON could be written from its shape: {exception.GetType().Name}: {exception.Message}");
                    continue;
                }
                try
                {
                    object? model = JsonSerializer.Deserialize(json, type, Options);
                    object? actual = model is null ? null : property.GetValue(model);
                    var extension = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonExtensionDataAttribute>() is not null);
                    if (actual is null || Text(actual) != value) Fail($"{type.Name}.{property.Name} holds {(actual is null ? "null" : Text(actual))} after reading {value}\n{json}");
                    else if (extension?.GetValue(model) is IReadOnlyDictionary<string, JsonElement> additional && additional.ContainsKey(jsonName)) Fail($"{type.Name}: the member went to AdditionalProperties");
                    // Strings and member names compare by their characters, not their escapes (RFC 8259 §7, §8.3: a raw
                    // '+' and "\u002B" are one string; README "round trips": string escapes are re-written by the default
                    // encoder, e.g. a date-time string that a union's earlier string case takes); numbers, literals and
                    // member order compare by their exact text (README "lossless scalars").
                    else if (JsonSerializer.Serialize(model, type, Options) is var written && Reescaped(written) != Reescaped(json)) Fail($"{type.Name}: the round trip changed the JSON{FirstDifference(Reescaped(json), Reescaped(written))}\n in: {json}\nout: {written}");
                    else result.JsonElementByBehaviour++;
                }
                catch (Exception exception)
                {
                    Fail($"{type.Name}: valid JSON written from its shape was rejected: {exception.GetType().Name}: {exception.Message}\n{json}");
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// <paramref name="json"/> written again with every string and member name escaped the one way System.Text.Json's
    /// default encoder escapes it; numbers keep their exact text (<see cref="JsonElement.WriteTo"/> copies a number's
    /// token), so two texts are equal here exactly when they differ at most in string escapes and whitespace.
    /// </summary>
    private static string Reescaped(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) document.RootElement.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Where two texts first differ, with some text around it (long inputs are cut in failure messages).</summary>
    private static string FirstDifference(string expected, string actual)
    {
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        int from = Math.Max(0, i - 60);
        string Around(string text) => text.Substring(Math.Min(from, text.Length), Math.Min(text.Length, i + 60) - Math.Min(from, text.Length));
        return $" at char {i}: expected …{Around(expected)}…, got …{Around(actual)}…";
    }

    /// <summary>A JSON value of a JsonElement-holding CLR type: the element, a list of it, a map of it; null for anything else.</summary>
    private static string? AnyValue(Type type)
    {
        type = Unwrap(type);
        if (type == typeof(JsonElement)) return "{\"any\":[1.5,\"x\",null,{\"n\":-0}]}";
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) return AnyValue(type.GetGenericArguments()[0]) is { } item ? "[" + item + "]" : null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && type.GetGenericArguments()[0] == typeof(string)) return AnyValue(type.GetGenericArguments()[1]) is { } v ? "{\"k\":" + v + "}" : null;
        return null;
    }

    private static int StableSeed(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return (int)hash;
    }

    /// <summary>The name <see cref="System.Reflection.Assembly.GetType(string)"/> takes: namespace, then containing types joined by '+'.</summary>
    private static string ReflectionName(INamedTypeSymbol symbol)
        => symbol.ContainingType is { } outer ? ReflectionName(outer) + "+" + symbol.MetadataName : MetadataName(symbol);

    private static string MetadataName(INamedTypeSymbol symbol)
        => symbol.ContainingNamespace.IsGlobalNamespace ? symbol.MetadataName : symbol.ContainingNamespace.ToDisplayString() + "." + symbol.MetadataName;

    /// <summary>
    /// A value of <paramref name="type"/> as compact canonical JSON, distinct per <paramref name="k"/>, or null when none can
    /// be built (an unchecked type, a link to a doc that is not in the batch's well-formed set, a link chain past the cap).
    /// </summary>
    private static string? Value(ExpectedType type, ref int k, int depth, Batch batch)
    {
        int mine = k++;
        string n = mine.ToString(CultureInfo.InvariantCulture);
        switch (type)
        {
            case PrimitiveType p when p == PrimitiveType.String: return "\"v" + n + "\"";
            case PrimitiveType p when p == PrimitiveType.Long: return (1000 + mine).ToString(CultureInfo.InvariantCulture);
            case PrimitiveType p when p == PrimitiveType.Double || p == PrimitiveType.Decimal: return (mine + 0.5).ToString(CultureInfo.InvariantCulture);
            case NumberType: return (mine + 0.25).ToString(CultureInfo.InvariantCulture);
            case PrimitiveType p when p == PrimitiveType.Bool: return mine % 2 == 0 ? "true" : "false";
            case PrimitiveType p when p == PrimitiveType.DateTime: return $"\"2024-01-{1 + mine % 28:00}T03:04:{mine % 60:00}+00:00\"";
            case PrimitiveType p when p == PrimitiveType.Date: return $"\"2024-02-{1 + mine % 28:00}\"";
            case PrimitiveType p when p == PrimitiveType.Json: return "{\"any\":[" + n + ",\"x\"]}";
            // An element that cannot be built (a cycle of required links): the list or map is empty, which ends the cycle.
            case ListType l: return Value(l.Element, ref k, depth, batch) is { } e ? "[" + e + "]" : "[]";
            case MapType m: return Value(m.Value, ref k, depth, batch) is { } v ? "{\"key" + n + "\":" + v + "}" : "{}";
            case NestedType nested: return Build(nested.Fields, ref k, depth, batch);
            case DocType link when depth < MaxLinkDepth && batch.Docs.TryGetValue(link.RelativePath, out var linked):
                switch (linked.Doc.Kind)
                {
                    case ExpectedKind.Model: return Build(linked.Doc.Fields, ref k, depth + 1, batch);
                    case ExpectedKind.Enum: return CanonicalEnumValue(linked.Doc, mine);
                    case ExpectedKind.Opaque: return "{\"opaque\":[" + n + "]}";
                    case ExpectedKind.Union:
                    {
                        // A value of one of its cases that the union reads into that very case (so it writes back exactly).
                        var cases = linked.Doc.UnionCases.Select(c => ExpectationChecker.Normalize(c, batch.Decimal)).Distinct().ToList();
                        for (int i = 0; i < cases.Count; i++)
                        {
                            int index = (mine + i) % cases.Count;
                            if (Value(cases[index], ref k, depth + 1, batch) is not { } value) continue;
                            using var document = JsonDocument.Parse(value);
                            if (Landing(cases, index, document.RootElement, batch) == index) return value;
                        }
                        return null;
                    }
                    default: return null;
                }
            default: return null; // unchecked types, links past the cap or out of the batch's well-formed docs
        }
    }

    /// <summary>An enum value of the doc whose JSON text is what the enum writes back (numbers in their shortest form).</summary>
    private static string? CanonicalEnumValue(ExpectedDoc doc, int k)
    {
        var values = doc.EnumValueType == "string"
            ? doc.EnumValues.Select(v => JsonSerializer.Serialize(v)).ToList()
            : doc.EnumValues.Where(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d.ToString("R", CultureInfo.InvariantCulture) == v && v != "-0").ToList();
        return values.Count == 0 ? null : values[k % values.Count];
    }

    /// <summary>The JSON object for <paramref name="fields"/> (then an unknown member), or null when a required member cannot be written or two members share a wire name.</summary>
    private static string? Build(IReadOnlyList<ExpectedField> fields, ref int k, int depth, Batch batch)
    {
        if (fields.Select(f => f.JsonName).Distinct(StringComparer.Ordinal).Count() != fields.Count) return null; // judged by the expectation check
        var sb = new StringBuilder("{");
        foreach (var field in fields)
        {
            string? json = Value(field.Type, ref k, depth, batch);
            if (json is null)
            {
                // A required member whose value cannot be built (a cycle of required links, a link read either way) is
                // written as null where the doc lets it be null.
                if (field.Required && field.NullableProperty) json = "null";
                else if (field.Required) return null;
                else continue;
            }
            sb.Append(JsonSerializer.Serialize(field.JsonName)).Append(':').Append(json).Append(',');
        }
        return sb.Append(JsonSerializer.Serialize(UnknownName(fields))).Append(":[true,null]}").ToString();
    }

    /// <summary>Whether a JSON object for <paramref name="fields"/> exists at all: every required member has a finite value or may be null.</summary>
    private static bool Finite(IReadOnlyList<ExpectedField> fields, Batch batch, HashSet<string> visiting)
        => fields.Select(f => f.JsonName).Distinct(StringComparer.Ordinal).Count() == fields.Count
            && fields.All(f => !f.Required || f.NullableProperty || Finite(f.Type, batch, visiting));

    private static bool Finite(ExpectedType type, Batch batch, HashSet<string> visiting)
    {
        switch (type)
        {
            case PrimitiveType or NumberType or ListType or MapType: return true;
            case NestedType nested: return Finite(nested.Fields, batch, visiting);
            case DocType link when batch.Docs.TryGetValue(link.RelativePath, out var linked):
                if (!visiting.Add(link.RelativePath)) return false; // a cycle
                try
                {
                    return linked.Doc.Kind switch
                    {
                        ExpectedKind.Model => Finite(linked.Doc.Fields, batch, visiting),
                        ExpectedKind.Enum => CanonicalEnumValue(linked.Doc, 0) is not null,
                        ExpectedKind.Union => FiniteUnion(linked.Doc, batch, visiting),
                        ExpectedKind.Opaque => true,
                        _ => false,
                    };
                }
                finally
                {
                    visiting.Remove(link.RelativePath);
                }
            default: return false;
        }
    }

    /// <summary>
    /// Whether JSON exists that the union reads into the case it was built for (what <see cref="Value"/> builds):
    /// reading tries the cases in order, so a case that takes any JSON (a union, an opaque type, "any") hides every
    /// later case; when that case has no finite JSON itself (a union listing itself, a cycle of links, a link to a doc
    /// that is not a schema, a type the oracle does not model), JSON built for a later case may land in it, not in its
    /// own case.
    /// </summary>
    private static bool FiniteUnion(ExpectedDoc union, Batch batch, HashSet<string> visiting)
    {
        foreach (var c in union.UnionCases.Select(c => ExpectationChecker.Normalize(c, batch.Decimal)).Distinct())
        {
            if (Finite(c, batch, visiting)) return true;
            bool takesAnyJson = Equals(c, PrimitiveType.Json)
                || c is UncheckedType // a type the oracle does not model (a link to an API doc, say) may read any JSON
                || (c is DocType link && (!batch.Docs.TryGetValue(link.RelativePath, out var linked) || linked.Doc.Kind is ExpectedKind.Union or ExpectedKind.Opaque or ExpectedKind.NotASchema));
            if (takesAnyJson) return false;
        }
        return false;
    }

    private static string UnknownName(IReadOnlyList<ExpectedField> fields)
    {
        string name = "zzUnknownMember";
        while (fields.Any(f => string.Equals(f.JsonName, name, StringComparison.OrdinalIgnoreCase))) name += "_";
        return name;
    }

    private static void CheckModel(Type type, IReadOnlyList<ExpectedField> fields, Batch batch, BehaviourCounts counts, Action<string> fail)
    {
        if (fields.Select(f => f.JsonName).Distinct(StringComparer.Ordinal).Count() != fields.Count) return; // judged by the expectation check
        int k = 0;
        string? json = Build(fields, ref k, 0, batch);
        if (json is null)
        {
            counts.Skipped++;
            if (fields.Any(f => f.Required && ExpectationChecker.ContainsUnchecked(f.Type))) counts.SkippedUnchecked++;
            // Skipped only when no finite JSON exists: a cycle of required, non-nullable links (or a link read either way).
            else if (Finite(fields, batch, new HashSet<string>(StringComparer.Ordinal))) fail($"{type.Name}: no JSON was built, yet every required link of the doc ends (a cycle of required links is the only reason to skip)");
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
        using (var document = JsonDocument.Parse(json)) CheckMembers(type, value, fields, document.RootElement, batch, counts, fail);
        string written = JsonSerializer.Serialize(value, type, Options);
        if (written != json) fail($"{type.Name}: the round trip changed the JSON\n in: {json}\nout: {written}");
    }

    /// <summary>Each member of <paramref name="json"/> is in the typed property the doc declares, and only the unknown one is in AdditionalProperties.</summary>
    private static void CheckMembers(Type type, object value, IReadOnlyList<ExpectedField> fields, JsonElement json, Batch batch, BehaviourCounts counts, Action<string> fail)
    {
        string unknown = UnknownName(fields);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var extension = properties.FirstOrDefault(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonExtensionDataAttribute>() is not null);
        var additional = extension?.GetValue(value) as IReadOnlyDictionary<string, JsonElement>;
        foreach (var member in json.EnumerateObject())
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
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                if (actual is not null && !(actual is JsonElement { ValueKind: JsonValueKind.Null })) fail($"{type.Name}.{property.Name} holds {Text(actual)} after reading null");
                else counts.Members++;
                continue;
            }
            if (actual is null)
            {
                fail($"{type.Name}.{property.Name} is null after reading '{FuzzRunner.Show(member.Name)}': {member.Value.GetRawText()}");
                continue;
            }
            if (CheckValue(field.Type, actual, member.Value, batch, counts, fail, $"{type.Name}.{property.Name}")) counts.Members++;
        }
    }

    /// <summary>The value read for <paramref name="json"/> holds it: nested and linked models member by member, everything else by its text.</summary>
    private static bool CheckValue(ExpectedType type, object actual, JsonElement json, Batch batch, BehaviourCounts counts, Action<string> fail, string where)
    {
        switch (type)
        {
            case NestedType nested:
                CheckMembers(actual.GetType(), actual, nested.Fields, json, batch, counts, fail);
                return true;
            case DocType link when batch.Docs.TryGetValue(link.RelativePath, out var linked) && linked.Doc.Kind == ExpectedKind.Model:
                if (actual.GetType() != linked.Type)
                {
                    fail($"{where} holds a {actual.GetType().Name}, the doc links {linked.Type.Name}");
                    return false;
                }
                counts.LinkedModels++;
                CheckMembers(linked.Type, actual, linked.Doc.Fields, json, batch, counts, fail);
                return true;
            default:
                string expected = json.GetRawText();
                string got = Text(actual);
                if (got == expected) return true;
                fail($"{where} holds {got}, the JSON was {expected}");
                return false;
        }
    }

    // ---- unions ---------------------------------------------------------------------------------------------------

    private static void CheckUnion(Type type, ExpectedDoc expected, Batch batch, BehaviourCounts counts, Action<string> fail)
    {
        if (expected.UnionCases.Any(ExpectationChecker.ContainsUnchecked))
        {
            counts.UnionsSkipped++;
            return;
        }
        var cases = expected.UnionCases.Select(c => ExpectationChecker.Normalize(c, batch.Decimal)).Distinct().ToList();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not ("Unmatched" or "EqualityContract") && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .ToList();
        var unmatched = type.GetProperty("Unmatched");
        // The cases, in the doc's order: count and types.
        if (properties.Count != cases.Count || unmatched is null)
        {
            fail($"{type.Name}: {properties.Count} case properties ({string.Join(", ", properties.Select(p => p.PropertyType.Name))}), the doc has {cases.Count} distinct cases ({string.Join(", ", cases)}){(unmatched is null ? "; no Unmatched" : "")}");
            return;
        }
        for (int i = 0; i < cases.Count; i++)
        {
            var clr = Nullable.GetUnderlyingType(properties[i].PropertyType) ?? properties[i].PropertyType;
            if (!IsClrType(clr, cases[i], batch))
            {
                fail($"{type.Name}: case {i} is {properties[i].Name} of type {clr}, the doc's case {i} is {cases[i]}");
                return;
            }
        }
        counts.Unions++;
        int k = 0;
        for (int i = 0; i < cases.Count; i++)
        {
            string? json = Value(cases[i], ref k, 0, batch);
            if (json is null) continue;
            using var document = JsonDocument.Parse(json);
            int landing = Landing(cases, i, document.RootElement, batch);
            if (landing < 0) continue;
            object? value = JsonSerializer.Deserialize(json, type, Options);
            counts.Documents++;
            if (value is null)
            {
                fail($"{type.Name}: {json} (built for case {i}, {cases[i]}) read as null");
                continue;
            }
            var set = properties.Select((p, index) => (Index: index, Value: p.GetValue(value))).Where(p => p.Value is not null).ToList();
            object? unmatchedValue = unmatched.GetValue(value);
            bool unmatchedSet = unmatchedValue is JsonElement e ? e.ValueKind != JsonValueKind.Undefined : unmatchedValue is not null;
            if (set.Count != 1 || set[0].Index != landing || unmatchedSet)
            {
                string got = unmatchedSet ? "Unmatched" : set.Count == 0 ? "no case" : string.Join(", ", set.Select(s => properties[s.Index].Name));
                fail($"{type.Name}: {json}, built for case {i} ({cases[i]}), should read into case {landing} ({properties[landing].Name}: {cases[landing]}), read into {got}");
                continue;
            }
            if (landing == i && !CheckValue(cases[i], set[0].Value!, document.RootElement, batch, counts, fail, $"{type.Name}.{properties[i].Name}")) continue;
            // In its own case the text comes back exactly. JSON built for a later case that an earlier case takes comes
            // back as that case writes it (strings escaped by the writer, declared members first, list and map elements
            // and nested union cases written canonically: README "lossless scalars" lists what is not yet kept), so
            // there the check is that the text written reads back into the same case and writes the same text again.
            string written = JsonSerializer.Serialize(value, type, Options);
            if (landing == i && written != json)
            {
                fail($"{type.Name}: the round trip of case {properties[landing].Name} changed the JSON\n in: {json}\nout: {written}");
                continue;
            }
            if (landing != i)
            {
                object? again = JsonSerializer.Deserialize(written, type, Options);
                string second = JsonSerializer.Serialize(again, type, Options);
                if (again is null || properties[landing].GetValue(again) is null || second != written)
                {
                    fail($"{type.Name}: case {properties[landing].Name} (JSON built for case {i}) is not stable: {json} wrote {written}, which wrote {second}");
                    continue;
                }
            }
            counts.UnionCases++;
        }
    }

    /// <summary>
    /// The case a union reads <paramref name="json"/> (built for case <paramref name="built"/>) into: reading tries the
    /// cases in the doc's order and the first whose reader takes the JSON wins. -1 when that cannot be predicted.
    /// </summary>
    private static int Landing(IReadOnlyList<ExpectedType> cases, int built, JsonElement json, Batch batch)
    {
        for (int j = 0; j <= built; j++)
        {
            bool? accepts = Accepts(cases[j], json, strict: true, batch, 0);
            if (accepts is null) return -1; // a link the batch has no type for
            if (accepts.Value) return j;
        }
        return -1;
    }

    /// <summary>The loaded CLR type is the expected one (links: the type generated from that doc).</summary>
    private static bool IsClrType(Type clr, ExpectedType expected, Batch batch)
    {
        switch (expected)
        {
            case PrimitiveType p:
                return p.FullName switch
                {
                    "string" => clr == typeof(string),
                    "long" => clr == typeof(long),
                    "double" => clr == typeof(double),
                    "decimal" => clr == typeof(decimal),
                    "bool" => clr == typeof(bool),
                    _ => clr.FullName == p.FullName,
                };
            case NumberType:
                return clr == (batch.Decimal ? typeof(decimal) : typeof(double));
            case ListType l:
                return clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && IsClrType(Unwrap(clr.GetGenericArguments()[0]), l.Element, batch);
            case MapType m:
                return clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && clr.GetGenericArguments()[0] == typeof(string) && IsClrType(Unwrap(clr.GetGenericArguments()[1]), m.Value, batch);
            case DocType link:
                return batch.Docs.TryGetValue(link.RelativePath, out var linked) && linked.Type == clr;
            default:
                return false;
        }
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>
    /// Whether the reader of <paramref name="type"/> takes <paramref name="json"/>, as README "tolerant reading" documents
    /// it: union cases and list or map elements read strictly (a string case takes only strings; an integer case only
    /// integers that fit <c>long</c>; a date-time case any ISO 8601 string <see cref="JsonElement.TryGetDateTimeOffset"/>
    /// takes, a bare date included; a date case only <c>yyyy-MM-dd</c>), model members tolerantly (a string member takes
    /// numbers and booleans, a number member numeric strings, an integer member integral numbers in any spelling and
    /// integer strings, a boolean member "true"/"false", a date member a full timestamp). A model takes an object with
    /// its required members whose declared members it takes; enums take any value of their kind (unknown values are
    /// kept), unions and opaque types any JSON. Null when the batch has no type for a link.
    /// </summary>
    private static bool? Accepts(ExpectedType type, JsonElement json, bool strict, Batch batch, int depth)
    {
        var kind = json.ValueKind;
        switch (type)
        {
            case PrimitiveType p when p == PrimitiveType.String:
                return kind == JsonValueKind.String || (!strict && kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False);
            case PrimitiveType p when p == PrimitiveType.Long:
                return (kind == JsonValueKind.Number && json.TryGetInt64(out _))
                    || (!strict && kind == JsonValueKind.Number && json.TryGetDouble(out double d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18)
                    || (!strict && kind == JsonValueKind.String && long.TryParse(json.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
            case PrimitiveType p when p == PrimitiveType.Double:
                return (kind == JsonValueKind.Number && json.TryGetDouble(out double x) && double.IsFinite(x))
                    || (!strict && kind == JsonValueKind.String && double.TryParse(json.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            case PrimitiveType p when p == PrimitiveType.Decimal:
                return (kind == JsonValueKind.Number && json.TryGetDecimal(out _))
                    || (!strict && kind == JsonValueKind.String && decimal.TryParse(json.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            case PrimitiveType p when p == PrimitiveType.Bool:
                return kind is JsonValueKind.True or JsonValueKind.False || (!strict && kind == JsonValueKind.String && json.GetString() is "true" or "false");
            case PrimitiveType p when p == PrimitiveType.DateTime:
                return kind == JsonValueKind.String && json.TryGetDateTimeOffset(out _);
            case PrimitiveType p when p == PrimitiveType.Date:
                return kind == JsonValueKind.String && (DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || (!strict && json.TryGetDateTimeOffset(out _)));
            case PrimitiveType p when p == PrimitiveType.Json:
                return true;
            case NumberType:
                return Accepts(batch.Decimal ? PrimitiveType.Decimal : PrimitiveType.Double, json, strict, batch, depth);
            case ListType l:
            {
                if (kind != JsonValueKind.Array) return false;
                foreach (var item in json.EnumerateArray())
                {
                    bool? a = Accepts(l.Element, item, strict: true, batch, depth);
                    if (a != true) return a;
                }
                return true;
            }
            case MapType m:
            {
                if (kind != JsonValueKind.Object) return false;
                foreach (var item in json.EnumerateObject())
                {
                    bool? a = Accepts(m.Value, item.Value, strict: true, batch, depth);
                    if (a != true) return a;
                }
                return true;
            }
            case NestedType nested:
                return AcceptsObject(nested.Fields, json, batch, depth);
            case DocType link when depth < 16 && batch.Docs.TryGetValue(link.RelativePath, out var linked):
                switch (linked.Doc.Kind)
                {
                    case ExpectedKind.Model: return AcceptsObject(linked.Doc.Fields, json, batch, depth + 1);
                    case ExpectedKind.Enum:
                        return linked.Doc.EnumValueType switch
                        {
                            "string" => kind == JsonValueKind.String,
                            "long" => kind == JsonValueKind.Number && json.TryGetInt64(out _),
                            _ => kind == JsonValueKind.Number,
                        };
                    case ExpectedKind.Union:
                    case ExpectedKind.Opaque:
                        return true;
                    default:
                        return null;
                }
            default:
                return null;
        }
    }

    private static bool? AcceptsObject(IReadOnlyList<ExpectedField> fields, JsonElement json, Batch batch, int depth)
    {
        if (json.ValueKind != JsonValueKind.Object) return false;
        if (fields.Select(f => f.JsonName).Distinct(StringComparer.Ordinal).Count() != fields.Count) return null;
        foreach (var field in fields)
        {
            if (!json.TryGetProperty(field.JsonName, out var value))
            {
                if (field.Required) return false;
                continue;
            }
            if (value.ValueKind == JsonValueKind.Null)
            {
                if (!field.NullableProperty) return false;
                continue;
            }
            bool? a = Accepts(field.Type, value, strict: false, batch, depth);
            if (a != true) return a;
        }
        return true;
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
        _ => JsonSerializer.Serialize(value, value.GetType(), Options), // a generated enum, union or opaque type: its own converter
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
