using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SpecScaleReport;

internal sealed class RoundTripResult
{
    public int Attempted;
    public int Exact;
    public int Equivalent;
    public int Failed;
    /// <summary>Schemas no finite JSON satisfies: required, non-nullable members lead back to the schema itself.</summary>
    public int Unsatisfiable;

    /// <summary>Documents the builder gave up on (deeper than it goes).</summary>
    public int Skipped;
    public double Milliseconds;
    public string? NotRun;
    public List<string> Failures { get; } = new();

    /// <summary>Documents that came back as the same JSON value in other text: where the texts first differ.</summary>
    public List<string> WrittenDifferently { get; } = new();
}

/// <summary>
/// Loads the compiled models and, for every generated model and union, reads a JSON document that the spec allows
/// (required members always, optional ones sometimes, nulls where allowed) through the generated context and writes it
/// back: the JSON must come back the same (text, or the same members in another order when a union picks a case).
/// </summary>
internal sealed class RoundTrip
{
    private const int MaxDepth = 4;
    private const int ListedFailures = 10;

    /// <summary>Writes '+' in dates as the generated converters do (they write dates unescaped).</summary>
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _rng;
    private int _counter;

    private readonly HashSet<NamedSchema> _satisfiable;

    private RoundTrip(int seed, SpecModel model)
    {
        _rng = new Random(seed);
        _satisfiable = Satisfiable(model);
    }

    /// <summary>
    /// The schemas some finite JSON satisfies (least fixpoint): every required, non-nullable member has a value that
    /// does not need the schema again. A cycle of such members (A requires B requires A) has no finite document.
    /// </summary>
    private static HashSet<NamedSchema> Satisfiable(SpecModel model)
    {
        var set = new HashSet<NamedSchema>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var schema in model.Schemas)
            {
                if (set.Contains(schema)) continue;
                bool ok = schema.Kind switch
                {
                    SchemaKind.Object => schema.Props.All(p => !p.Required || p.Nullable || Sat(p.Type, set)),
                    SchemaKind.Union => schema.Cases.Any(c => Sat(c, set)),
                    SchemaKind.Alias => schema.AliasOf is null || Sat(schema.AliasOf, set),
                    _ => true,
                };
                if (ok && set.Add(schema)) changed = true;
            }
        }
        return set;
    }

    private static bool Sat(Exp exp, HashSet<NamedSchema> set) => exp switch
    {
        RefExp r => set.Contains(r.Target),
        LimitExp l => Sat(l.Precise, set),
        InlineObjectExp o => o.Props.All(p => !p.Required || p.Nullable || Sat(p.Type, set)),
        InlineUnionExp u => u.Cases.Any(c => Sat(c, set)),
        _ => true, // primitives, enums; lists and maps can be empty
    };

    public static RoundTripResult Run(SpecModel model, FormResult run, int seed, Action<string> log)
    {
        var result = new RoundTripResult();
        if (run.Assembly is null)
        {
            result.NotRun = "the generated code did not compile";
            return result;
        }
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var context = new AssemblyLoadContext("ScaleSpec", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(run.Assembly));
            var contextType = assembly.GetType(GeneratorRunner.Namespace + "." + GeneratorRunner.ContextName, throwOnError: true)!;
            var serializerContext = (JsonSerializerContext)contextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var roundTrip = new RoundTrip(seed, model);
            foreach (var schema in model.Schemas.Where(s => s.Kind is SchemaKind.Object or SchemaKind.Union))
            {
                var type = assembly.GetType(GeneratorRunner.Namespace + "." + schema.ClrName);
                if (type is null) continue;
                if (!roundTrip._satisfiable.Contains(schema))
                {
                    result.Unsatisfiable++;
                    continue;
                }
                JsonNode? json;
                try
                {
                    json = roundTrip.Value(new RefExp(schema), 0);
                }
                catch (CannotBuild)
                {
                    result.Skipped++;
                    continue;
                }
                result.Attempted++;
                string text = json?.ToJsonString(Relaxed) ?? "null";
                try
                {
                    object? value = JsonSerializer.Deserialize(text, type, serializerContext);
                    string back = JsonSerializer.Serialize(value, type, serializerContext);
                    if (back == text) result.Exact++;
                    else if (JsonNode.DeepEquals(JsonNode.Parse(back), json))
                    {
                        result.Equivalent++;
                        if (result.WrittenDifferently.Count < ListedFailures) result.WrittenDifferently.Add($"{schema.ClrName}: {FirstDifference(text, back)}");
                    }
                    else Fail(result, $"{schema.ClrName}: wrote {Shorten(back)} for {Shorten(text)}");
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException)
                {
                    Fail(result, $"{schema.ClrName}: {e.GetType().Name}: {e.Message} (JSON: {Shorten(text)})");
                }
            }
        }
        finally
        {
            context.Unload();
        }
        result.Milliseconds = stopwatch.Elapsed.TotalMilliseconds;
        log($"round trips: {result.Attempted} attempted, {result.Exact} exact, {result.Equivalent} equal but written differently, {result.Failed} failed, {result.Unsatisfiable} unsatisfiable, {result.Skipped} too deep ({result.Milliseconds:0} ms)");
        return result;
    }

    private static void Fail(RoundTripResult result, string message)
    {
        result.Failed++;
        if (result.Failures.Count < ListedFailures) result.Failures.Add(message);
    }

    private static string FirstDifference(string sent, string back)
    {
        int at = 0;
        while (at < Math.Min(sent.Length, back.Length) && sent[at] == back[at]) at++;
        int from = Math.Max(0, at - 40);
        return $"sent …{sent.Substring(from, Math.Min(80, sent.Length - from))}…, got back …{back.Substring(from, Math.Min(80, back.Length - from))}…";
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";

    /// <summary>A required member whose type requires itself again, deeper than <see cref="MaxDepth"/>.</summary>
    private sealed class CannotBuild : Exception
    {
    }

    private JsonNode? Value(Exp exp, int depth)
    {
        int n = ++_counter;
        switch (exp)
        {
            case LimitExp limit:
                return Value(limit.Precise, depth);
            case PrimExp p:
                return p.Sig switch
                {
                    "string" => JsonValue.Create("s" + n.ToString(CultureInfo.InvariantCulture)),
                    "long" => JsonValue.Create((long)n * 7),
                    "double" => JsonValue.Create(n + 0.5),
                    "decimal" => JsonValue.Create(n + 0.25m),
                    "bool" => JsonValue.Create(n % 2 == 0),
                    "DateTimeOffset" => JsonValue.Create("2024-05-06T07:08:" + (n % 60).ToString("00", CultureInfo.InvariantCulture) + "+00:00"),
                    "DateOnly" => JsonValue.Create("2024-05-" + (1 + n % 28).ToString("00", CultureInfo.InvariantCulture)),
                    _ => new JsonObject { ["any"] = new JsonArray(1, "x", null, new JsonObject { ["deep"] = true }) },
                };
            case ListExp list:
                return depth >= MaxDepth || !Sat(list.Item, _satisfiable) ? new JsonArray() : new JsonArray(Value(list.Item, depth + 1), Value(list.Item, depth + 1));
            case MapExp map:
                return depth >= MaxDepth || !Sat(map.Value, _satisfiable) ? new JsonObject() : new JsonObject { ["k" + n.ToString(CultureInfo.InvariantCulture)] = Value(map.Value, depth + 1) };
            case InlineEnumExp inlineEnum:
                return Scalar(inlineEnum.ValueList[_rng.Next(inlineEnum.Values)]);
            case InlineUnionExp union:
                return Value(FirstSatisfiable(union.Cases), depth + 1);
            case InlineObjectExp inline:
                return Object(inline.Props, depth + 1);
            case RefExp reference:
                var target = reference.Target;
                switch (target.Kind)
                {
                    case SchemaKind.Object:
                        return Object(target.Props, depth + 1);
                    case SchemaKind.Union:
                        return Value(FirstSatisfiable(target.Cases), depth + 1);
                    case SchemaKind.Alias:
                        return Value(target.AliasOf!, depth);
                    default:
                        return Scalar(target.EnumValueList[_rng.Next(target.EnumValueList.Count)]);
                }
            default:
                throw new InvalidOperationException(exp.GetType().Name);
        }
    }

    private Exp FirstSatisfiable(List<Exp> cases) => cases.FirstOrDefault(c => Sat(c, _satisfiable)) ?? throw new CannotBuild();

    private static JsonNode? Scalar(object value) => value switch
    {
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        _ => throw new InvalidOperationException("enum value " + value),
    };

    private JsonObject Object(IReadOnlyList<PropExp> props, int depth)
    {
        var json = new JsonObject();
        foreach (var prop in props)
        {
            bool satisfiable = Sat(prop.Type, _satisfiable);
            if (!prop.Required && (depth >= MaxDepth || !satisfiable || _rng.Next(10) < 3)) continue;
            if (prop.Nullable && (!satisfiable || depth >= MaxDepth || _rng.Next(5) == 0))
            {
                json[prop.JsonName] = null;
                continue;
            }
            if (depth > MaxDepth * 6) throw new CannotBuild();
            json[prop.JsonName] = Value(prop.Type, depth);
        }
        return json;
    }
}
