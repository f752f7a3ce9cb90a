using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenerationModels.Harness;
using Microsoft.CodeAnalysis;

namespace PayloadOracle;

internal enum Outcome
{
    /// <summary>Read, nothing unknown, written back to identical text.</summary>
    Exact,
    /// <summary>Written back with the same members and values, in the model's member order rather than the payload's.</summary>
    Reordered,
    /// <summary>Written back with different text (values or members changed).</summary>
    Changed,
    /// <summary>Members landed in AdditionalProperties.</summary>
    Unknown,
    /// <summary>Deserializing threw.</summary>
    ReadFails,
    /// <summary>Read, but serializing the model back threw (a product bug: what was read must be writable).</summary>
    WriteFails,
    /// <summary>The generator made no model for the schema.</summary>
    NoModel,
    /// <summary>The spec gives no example to build a payload from.</summary>
    NoExample,
}

internal sealed record SchemaResult(string Schema, Outcome Outcome, string Detail, string? Payload);

internal sealed class SpecResult
{
    public SpecResult(string label) => Label = label;

    public string Label { get; }

    /// <summary>Where the models came from: the spec itself, or the SDK docs folder named here.</summary>
    public string? DocsFolder { get; init; }

    public string? Error { get; set; }

    public int GeneratorDiagnostics { get; set; }

    /// <summary>The generator's diagnostics counted by ID, e.g. <c>GM0015 ×1, GM0003 ×4</c>.</summary>
    public string DiagnosticIds { get; set; } = "";

    public int GeneratedSources { get; set; }

    public List<SchemaResult> Schemas { get; } = new();

    public int Count(Outcome outcome) => Schemas.Count(s => s.Outcome == outcome);

    public int WithPayload => Schemas.Count(s => s.Outcome != Outcome.NoExample);

    public string Summary => Error is not null
        ? "error: " + Error
        : $"{Schemas.Count} object schemas, {WithPayload} with example payloads: {Count(Outcome.Exact)} exact, {Count(Outcome.Reordered)} reordered only, {Count(Outcome.Changed)} changed, {Count(Outcome.Unknown)} with unknown members, {Count(Outcome.ReadFails)} failed to read, {Count(Outcome.WriteFails)} failed to write, {Count(Outcome.NoModel)} without a model";
}

/// <summary>Runs the real generator over one spec in memory (public Roslyn API), compiles and loads the models, checks each payload.</summary>
internal static class Oracle
{
    private const string Namespace = "Oracle";

    /// <summary>
    /// Checks the payloads built from <paramref name="path"/>'s examples against models generated from the spec itself,
    /// or, with <paramref name="docsDirectory"/>, from the SDK's markdown docs in that folder (every <c>.md</c> and
    /// <c>.mdx</c> below it, as the package's default glob would pick them up from <c>Schemas/</c>).
    /// </summary>
    public static SpecResult Run(string label, string path, bool lenient, string? docsDirectory = null, string? wireNaming = null)
    {
        var result = new SpecResult(label) { DocsFolder = docsDirectory };
        JsonNode root;
        AdditionalText[] sources;
        try
        {
            root = SpecTree.Load(path);
            sources = Sources(path, docsDirectory);
        }
        catch (Exception e) when (e is IOException or JsonException or YamlDotNet.Core.YamlException or InvalidDataException)
        {
            result.Error = "cannot read the spec or the docs: " + e.Message;
            return result;
        }

        Assembly? assembly = null;
        AssemblyLoadContext? context = null;
        try
        {
            assembly = Generate(sources, lenient, wireNaming, result, out context);
            if (assembly is null) return result;
            var models = ModelTypes(assembly);
            var payloads = new Payloads(root);
            foreach (var (name, schema) in SpecTree.Schemas(root))
            {
                if (!SpecTree.IsObjectSchema(root, schema)) continue;
                result.Schemas.Add(Check(name, payloads.Build(schema), models));
            }
        }
        finally
        {
            context?.Unload();
        }
        return result;
    }

    private static AdditionalText[] Sources(string specPath, string? docsDirectory)
    {
        if (docsDirectory is null)
        {
            return new AdditionalText[] { new InMemoryAdditionalText(GeneratorHarness.DocPath(Path.GetFileName(specPath)), File.ReadAllText(specPath)) };
        }
        var docs = Directory.EnumerateFiles(docsDirectory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryAdditionalText(GeneratorHarness.DocPath(Path.GetRelativePath(docsDirectory, f).Replace('\\', '/')), File.ReadAllText(f)))
            .ToArray();
        if (docs.Length == 0) throw new InvalidDataException("no .md or .mdx docs under " + docsDirectory);
        return docs;
    }

    private static Assembly? Generate(AdditionalText[] sources, bool lenient, string? wireNaming, SpecResult result, out AssemblyLoadContext? context)
    {
        context = null;
        var properties = new Dictionary<string, string> { ["RootNamespace"] = Namespace };
        if (lenient) properties["GenerationModelsContractViolations"] = "Lenient";
        if (wireNaming is not null) properties["GenerationModelsWireNaming"] = wireNaming;
        // As a project without GenerateDocumentationFile builds it; every file handed over (the spec, or the docs) is a schema.
        var harness = new GeneratorHarness(properties) { IsSchema = _ => true, GeneratorParseOptions = GeneratorHarness.DefaultParseOptions };
        var compilation = GeneratorHarness.CreateCompilation("OracleModels", Array.Empty<SyntaxTree>());
        var ran = harness.CreateDriver(sources, trackSteps: false)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var run = ran.GetRunResult().Results.Single();
        if (run.Exception is not null)
        {
            result.Error = "generator threw: " + run.Exception.Message;
            return null;
        }
        result.GeneratorDiagnostics = diagnostics.Length;
        result.DiagnosticIds = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " ×" + g.Count()));
        result.GeneratedSources = run.GeneratedSources.Length;
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        if (!emitted.Success)
        {
            var first = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3);
            result.Error = "generated code does not compile: " + string.Join(" | ", first);
            return null;
        }
        stream.Position = 0;
        context = new AssemblyLoadContext("oracle", isCollectible: true);
        return context.LoadFromStream(stream);
    }

    /// <summary>Generated records by a name key (letters and digits, lower case), as the generator names schemas.</summary>
    private static Dictionary<string, Type> ModelTypes(Assembly assembly)
    {
        var models = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsNested || type.GetNestedType("JsonModelConverter", BindingFlags.NonPublic) is null) continue;
            models.TryAdd(Key(type.Name), type);
        }
        return models;
    }

    private static string Key(string name) => new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static SchemaResult Check(string name, JsonNode? payloadNode, Dictionary<string, Type> models)
    {
        if (payloadNode is not JsonObject)
        {
            return new SchemaResult(name, Outcome.NoExample, payloadNode is null ? "no example values" : "the example is not an object", null);
        }
        if (!models.TryGetValue(Key(name), out var type))
        {
            return new SchemaResult(name, Outcome.NoModel, "no generated record named like the schema", null);
        }
        string payload = payloadNode.ToJsonString();
        object? model;
        try
        {
            model = JsonSerializer.Deserialize(payload, type);
        }
        catch (JsonException e)
        {
            return new SchemaResult(name, Outcome.ReadFails, e.Message, payload);
        }
        var unknown = new List<string>();
        FindUnknown(model, "$", unknown, 0);
        string written;
        try
        {
            written = JsonSerializer.Serialize(model, type);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return new SchemaResult(name, Outcome.WriteFails, e.Message, payload);
        }
        if (unknown.Count > 0)
        {
            return new SchemaResult(name, Outcome.Unknown, "in AdditionalProperties: " + string.Join(", ", unknown.Take(5)), payload);
        }
        if (written == payload) return new SchemaResult(name, Outcome.Exact, "", payload);
        if (JsonNode.DeepEquals(JsonNode.Parse(written), payloadNode))
        {
            return new SchemaResult(name, Outcome.Reordered, "same members and values, model member order", payload);
        }
        return new SchemaResult(name, Outcome.Changed, FirstDifference(payload, written), payload);
    }

    private static string FirstDifference(string expected, string actual)
    {
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        int start = Math.Max(0, i - 30);
        string Cut(string s) => s.Substring(start, Math.Min(s.Length - start, 70));
        return $"read `{Cut(expected)}` wrote `{Cut(actual)}`";
    }

    /// <summary>Paths of members that landed in an <c>AdditionalProperties</c> anywhere in the model graph.</summary>
    private static void FindUnknown(object? value, string path, List<string> unknown, int depth)
    {
        if (value is null || depth > 32) return;
        var type = value.GetType();
        if (value is string || type.IsPrimitive || value is JsonElement) return;
        if (value is GenerationModels.Runtime.OpenDictionary open)
        {
            foreach (string key in open.Keys) unknown.Add(path + "." + key);
            return;
        }
        if (value is IEnumerable sequence)
        {
            int index = 0;
            foreach (object? item in sequence)
            {
                object? element = item;
                string at = path + "[" + index++ + "]";
                if (item is not null && item.GetType().IsGenericType && item.GetType().GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                {
                    at = path + "." + item.GetType().GetProperty("Key")!.GetValue(item);
                    element = item.GetType().GetProperty("Value")!.GetValue(item);
                }
                FindUnknown(element, at, unknown, depth + 1);
            }
            return;
        }
        if (type.Assembly == typeof(object).Assembly) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length != 0) continue;
            object? member = property.GetValue(value);
            string at = property.Name == "AdditionalProperties" ? path : path + "." + property.Name;
            FindUnknown(member, at, unknown, depth + 1);
        }
    }
}
