using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

using Bench;

namespace GeneratorBench;

/// <summary>What our generator and System.Text.Json's generator emit for the same shapes, and what compiling each costs.</summary>
public sealed record OutputComparison(
    int Docs,
    int Models,
    int ObjectModels,
    int EnumModels,
    int UntwinnedModels,
    long OurChars,
    long OurCharsTwinned,
    int OurCompileErrors,
    long OurConverterChars,
    long OurDocCommentChars,
    int Twinned,
    long TwinDeclarationChars,
    long StjChars,
    int StjFiles,
    int StjDiagnostics,
    int StjCompileErrors,
    string? FirstStjProblem,
    CompileSample OurCompile,
    CompileSample StjCompile,
    long OurNormalizedTwinned,
    long StjNormalized,
    double OurGeneratorCpuMs,
    double StjGeneratorCpuMs)
{
    /// <summary>Each distinct compile error id with its first message (for a failing comparison).</summary>
    public string ErrorSummary()
        => string.Join("\n", OurCompile.Errors.Concat(StjCompile.Errors).GroupBy(e => e.Id).Select(g => $"{g.Key} x{g.Count()}: {g.First()}"));
}

/// <summary>One compile: thread CPU and wall milliseconds, and the errors it reported.</summary>
public sealed record CompileSample(double CpuMs, double WallMs, IReadOnlyList<Diagnostic> Errors);

/// <summary>
/// Builds hand-written-style twins of our generated models from the generated compilation's symbols — plain records
/// with the same property names, CLR types (our records → their twins), <c>required</c>/nullability and
/// <c>[JsonPropertyName]</c>, a <c>[JsonExtensionData]</c> dictionary like our <c>AdditionalProperties</c>, no custom
/// converter; our enums become C# enums with <c>JsonStringEnumConverter&lt;T&gt;</c> and
/// <c>[JsonStringEnumMemberName]</c> (integer enums: plain numeric enums) — plus one <c>JsonSerializerContext</c> with a
/// <c>[JsonSerializable(typeof(T))]</c> per twin, and runs System.Text.Json's own source generator (loaded from the
/// SDK's Microsoft.NETCore.App.Ref pack) over them. STJ has no unions and no "any JSON" named types: our unions, opaque
/// types and double-valued enums get no twin (fields of those types are <c>JsonElement</c> in the twins) and are left out
/// of both sides' per-model figures.
/// </summary>
public static class StjComparison
{
    private const string TwinNamespace = "Twins";

    private static readonly Lazy<ISourceGenerator> StjGenerator = new(LoadStjGenerator);

    /// <summary>Runs our generator over the set, then STJ's over the twins. Returns both compilations for the compile-time figures.</summary>
    public static (OutputComparison Result, Compilation Ours, Compilation Stj) Run(DocSet set)
    {
        var compilation = Harness.UserCompilation();
        Harness.CreateDriver(set.Docs).RunGeneratorsAndUpdateCompilation(compilation, out var ours, out _);
        // A second, timed run of a fresh driver (the first one paid for loading and JIT): the generator's share of a build.
        double ourGeneratorCpuMs = CpuMs(() => Harness.CreateDriver(set.Docs).RunGenerators(compilation));
        // The first compile of each output is also its error check (and a compile-time sample).
        var ourCompile = Compile(ours.SyntaxTrees);

        var generatedTrees = ours.SyntaxTrees.Where(t => !compilation.SyntaxTrees.Contains(t)).ToList();
        long ourChars = generatedTrees.Sum(t => (long)t.Length);
        // Where our characters go: the nested converters, and XML doc comments (descriptions carried over from the docs).
        long converterChars = 0, docCommentChars = 0;
        foreach (var tree in generatedTrees)
        {
            var root = tree.GetRoot();
            converterChars += root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.Text == "JsonModelConverter").Sum(c => (long)c.FullSpan.Length);
            docCommentChars += root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)).Sum(t => (long)t.FullSpan.Length);
        }

        // Every generated type with a nested JsonModelConverter is a model (records, nested records, enums, unions, opaque types).
        var models = new List<ModelType>();
        var perTree = new Dictionary<SyntaxTree, List<ModelType>>();
        foreach (var tree in generatedTrees)
        {
            var semantic = ours.GetSemanticModel(tree);
            var list = new List<ModelType>();
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                if (semantic.GetDeclaredSymbol(declaration) is not INamedTypeSymbol symbol) continue;
                if (symbol.GetTypeMembers("JsonModelConverter").Length == 0) continue;
                var model = new ModelType(symbol, Classify(symbol), TwinName(symbol));
                list.Add(model);
                models.Add(model);
            }
            perTree[tree] = list;
        }
        var bySymbol = models.ToDictionary(m => (ISymbol)m.Symbol, m => m, (IEqualityComparer<ISymbol>)SymbolEqualityComparer.Default);

        // Our chars attributable to the twinned models: each file's share by its model count, and the context's share.
        long ourTwinned = 0, ourNormalizedTwinned = 0;
        long contextChars = 0, contextNormalized = 0;
        foreach (var (tree, list) in perTree)
        {
            long normalized = NormalizedLength(tree.GetText().ToString());
            if (list.Count == 0)
            {
                contextChars += tree.Length;
                contextNormalized += normalized;
                continue;
            }
            double share = (double)list.Count(m => m.Kind != ModelKind.Untwinned) / list.Count;
            ourTwinned += (long)Math.Round(tree.Length * share);
            ourNormalizedTwinned += (long)Math.Round(normalized * share);
        }
        int twinnedCount = models.Count(m => m.Kind != ModelKind.Untwinned);
        ourTwinned += models.Count == 0 ? 0 : (long)Math.Round((double)contextChars * twinnedCount / models.Count);
        ourNormalizedTwinned += models.Count == 0 ? 0 : (long)Math.Round((double)contextNormalized * twinnedCount / models.Count);

        string twins = WriteTwins(models, bySymbol);
        var twinCompilation = CSharpCompilation.Create(
            "StjTwins",
            new[] { CSharpSyntaxTree.ParseText(twins, Harness.ParseOptions, path: "Twins.cs") },
            Harness.References,
            Harness.CompilationOptions());
        var stjDriver = CSharpGeneratorDriver.Create(new[] { StjGenerator.Value }, parseOptions: Harness.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(twinCompilation, out var stj, out var stjDiagnostics);
        var stjRun = stjDriver.GetRunResult().Results.Single();
        if (stjRun.Exception is not null) throw new InvalidOperationException("System.Text.Json's generator threw: " + stjRun.Exception);
        long stjChars = stjRun.GeneratedSources.Sum(s => (long)s.SourceText.Length);
        long stjNormalized = stjRun.GeneratedSources.Sum(s => NormalizedLength(s.SourceText.ToString()));
        // Same for System.Text.Json's generator: a second run with a fresh driver, timed.
        double stjGeneratorCpuMs = CpuMs(() => CSharpGeneratorDriver.Create(new[] { StjGenerator.Value }, parseOptions: Harness.ParseOptions).RunGenerators(twinCompilation));
        var stjCompile = Compile(stj.SyntaxTrees);
        var stjWarnings = stjDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        // A side that does not compile stops before code generation, so its compile time and its generator's output
        // would be measured short: no ratio from such a run (227 of 501 corpus twins once failed this way unnoticed).
        if (ourCompile.Errors.Count > 0 || stjCompile.Errors.Count > 0)
        {
            throw new InvalidOperationException($"{set.Docs.Count} docs: the comparison is not valid: {ourCompile.Errors.Count} compile errors in our output, {stjCompile.Errors.Count} in the STJ twins and STJ's output; first: {ourCompile.Errors.Concat(stjCompile.Errors).First()}");
        }

        var result = new OutputComparison(
            set.Docs.Count,
            models.Count,
            models.Count(m => m.Kind == ModelKind.Object),
            models.Count(m => m.Kind is ModelKind.StringEnum or ModelKind.IntegerEnum),
            models.Count(m => m.Kind == ModelKind.Untwinned),
            ourChars,
            ourTwinned,
            ourCompile.Errors.Count,
            converterChars,
            docCommentChars,
            twinnedCount,
            twins.Length,
            stjChars,
            stjRun.GeneratedSources.Length,
            stjWarnings.Count,
            stjCompile.Errors.Count,
            stjCompile.Errors.Concat(stjWarnings).Concat(ourCompile.Errors).FirstOrDefault()?.ToString(),
            ourCompile,
            stjCompile,
            ourNormalizedTwinned,
            stjNormalized,
            ourGeneratorCpuMs,
            stjGeneratorCpuMs);
        return (result, ours, stj);
    }

    /// <summary>
    /// Characters with whitespace normalised: every run of whitespace (spaces, tabs, line breaks) counts as one
    /// character, and leading whitespace of a line not at all. Applied to both generators' output alike, so that
    /// indentation style (our tabs, STJ's spaces) and blank lines do not decide the comparison.
    /// </summary>
    public static long NormalizedLength(string text)
    {
        long count = 0;
        bool inWhitespace = true; // start of text: leading whitespace is not counted
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inWhitespace) count++;
                inWhitespace = true;
            }
            else
            {
                count++;
                inWhitespace = false;
            }
        }
        return count;
    }

    private static double CpuMs(Action action)
    {
        GC.Collect();
        long start = ThreadCpuClock.Instance.GetTimestamp();
        action();
        return (ThreadCpuClock.Instance.GetTimestamp() - start) / 1e6;
    }

    /// <summary>Binds and emits a fresh compilation of <paramref name="trees"/> to memory (one thread); thread CPU and wall time.</summary>
    public static CompileSample Compile(IEnumerable<SyntaxTree> trees)
    {
        var compilation = CSharpCompilation.Create("CompileTime", trees, Harness.References, Harness.CompilationOptions());
        GC.Collect();
        using var stream = new MemoryStream();
        long cpu = ThreadCpuClock.Instance.GetTimestamp();
        var wall = Stopwatch.StartNew();
        var emit = compilation.Emit(stream);
        double wallMs = wall.Elapsed.TotalMilliseconds;
        double cpuMs = (ThreadCpuClock.Instance.GetTimestamp() - cpu) / 1e6;
        return new CompileSample(cpuMs, wallMs, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
    }

    private enum ModelKind { Object, StringEnum, IntegerEnum, Untwinned }

    private sealed record ModelType(INamedTypeSymbol Symbol, ModelKind Kind, string TwinName);

    private static ModelKind Classify(INamedTypeSymbol symbol)
    {
        var properties = symbol.GetMembers().OfType<IPropertySymbol>().ToList();
        if (properties.Any(p => p.Name == "Unmatched")) return ModelKind.Untwinned; // a union
        if (symbol.IsValueType)
        {
            var value = properties.FirstOrDefault(p => p.Name == "Value" && !p.IsStatic);
            if (value is null || !properties.Any(p => p.Name == "IsKnown")) return ModelKind.Untwinned; // an opaque type
            return value.Type.SpecialType switch
            {
                SpecialType.System_String => ModelKind.StringEnum,
                SpecialType.System_Int64 => ModelKind.IntegerEnum,
                _ => ModelKind.Untwinned,
            };
        }
        return ModelKind.Object;
    }

    /// <summary>Names a JsonSerializerContext already has: STJ gives each type a property named like it, so these clash.</summary>
    private static readonly HashSet<string> ContextMemberNames = new(StringComparer.Ordinal)
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "TwinJsonContext", "Twins",
    };

    private static string TwinName(INamedTypeSymbol symbol)
    {
        var names = new List<string>();
        for (var type = symbol; type is not null; type = type.ContainingType) names.Insert(0, type.Name);
        string name = string.Join("_", names);
        return ContextMemberNames.Contains(name) ? name + "Twin" : name;
    }

    private static string WriteTwins(List<ModelType> models, Dictionary<ISymbol, ModelType> bySymbol)
    {
        var text = new StringBuilder();
        text.AppendLine("#nullable enable");
        text.AppendLine("using System.Collections.Generic;");
        text.AppendLine("using System.Text.Json;");
        text.AppendLine("using System.Text.Json.Serialization;");
        text.AppendLine();
        text.AppendLine("namespace " + TwinNamespace);
        text.AppendLine("{");
        foreach (var model in models)
        {
            switch (model.Kind)
            {
                case ModelKind.Object:
                    WriteRecordTwin(text, model, bySymbol);
                    break;
                case ModelKind.StringEnum:
                case ModelKind.IntegerEnum:
                    WriteEnumTwin(text, model);
                    break;
            }
        }
        text.AppendLine();
        foreach (var model in models.Where(m => m.Kind != ModelKind.Untwinned))
        {
            text.Append("    [JsonSerializable(typeof(").Append(model.TwinName).AppendLine("))]");
        }
        text.AppendLine("    public partial class TwinJsonContext : JsonSerializerContext { }");
        text.AppendLine("}");
        return text.ToString();
    }

    private static void WriteRecordTwin(StringBuilder text, ModelType model, Dictionary<ISymbol, ModelType> bySymbol)
    {
        text.Append("    public sealed record ").AppendLine(model.TwinName);
        text.AppendLine("    {");
        foreach (var property in model.Symbol.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic || property.DeclaredAccessibility != Accessibility.Public) continue;
            var jsonName = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "JsonPropertyNameAttribute");
            if (jsonName is null || jsonName.ConstructorArguments.Length != 1 || jsonName.ConstructorArguments[0].Value is not string wire) continue;
            text.Append("        [JsonPropertyName(").Append(SymbolDisplay.FormatLiteral(wire, quote: true)).Append(")] public ");
            if (property.IsRequired) text.Append("required ");
            text.Append(TwinType(property.Type, bySymbol)).Append(' ').Append(property.Name).AppendLine(" { get; init; }");
        }
        // Named like ours: a doc field 'additionalProperties' takes that name and ours becomes AdditionalProperties2.
        string extension = model.Symbol.GetMembers().OfType<IPropertySymbol>()
            .FirstOrDefault(p => p.GetAttributes().Any(a => a.AttributeClass?.Name == "JsonExtensionDataAttribute"))?.Name ?? "AdditionalProperties";
        text.Append("        [JsonExtensionData] public Dictionary<string, JsonElement>? ").Append(extension).AppendLine(" { get; set; }");
        text.AppendLine("    }");
        text.AppendLine();
    }

    private static void WriteEnumTwin(StringBuilder text, ModelType model)
    {
        bool integers = model.Kind == ModelKind.IntegerEnum;
        if (!integers) text.Append("    [JsonConverter(typeof(JsonStringEnumConverter<").Append(model.TwinName).AppendLine(">))]");
        text.Append("    public enum ").Append(model.TwinName).AppendLine(integers ? " : long" : "");
        text.AppendLine("    {");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in model.Symbol.GetMembers().OfType<IPropertySymbol>())
        {
            if (!property.IsStatic || !SymbolEqualityComparer.Default.Equals(property.Type, model.Symbol)) continue;
            // The wire value is the initializer's argument: 'public static Plan Free { get; } = new("free");'
            var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as PropertyDeclarationSyntax;
            // ... or a constant of the nested Values class: '= new(Values.Free);' with 'public const string Free = "free";'.
            var expression = (syntax?.Initializer?.Value as BaseObjectCreationExpressionSyntax)?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
            string? argument = expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Values" } } access
                ? WireConstant(model.Symbol, access.Name.Identifier.ValueText)
                : expression?.ToString();
            // A member whose wire value the twin cannot read would leave STJ's side smaller than ours: no ratio then.
            if (argument is null) throw new InvalidOperationException($"{model.TwinName}.{property.Name}: the twin writer cannot read the member's wire value from '{syntax?.Initializer?.Value}'");
            if (!seen.Add(argument)) continue;
            if (integers)
            {
                text.Append("        ").Append(property.Name).Append(" = ").Append(argument).AppendLine(",");
            }
            else
            {
                text.Append("        [JsonStringEnumMemberName(").Append(argument).Append(")] ").Append(property.Name).AppendLine(",");
            }
        }
        text.AppendLine("    }");
        text.AppendLine();
    }

    /// <summary>The C# literal of the constant <paramref name="name"/> of the model's nested <c>Values</c> class, or null.</summary>
    private static string? WireConstant(INamedTypeSymbol model, string name)
    {
        var field = model.GetTypeMembers("Values").SelectMany(t => t.GetMembers(name)).OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue);
        return field?.ConstantValue switch
        {
            string value => SymbolDisplay.FormatLiteral(value, quote: true),
            null => null,
            var value => SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false),
        };
    }

    /// <summary>The twin's spelling of a property type: our models → their twins (untwinned ones → JsonElement), the rest as it is.</summary>
    private static string TwinType(ITypeSymbol type, Dictionary<ISymbol, ModelType> bySymbol)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return TwinType(nullable.TypeArguments[0], bySymbol) + "?";
        }
        string suffix = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated ? "?" : "";
        if (bySymbol.TryGetValue(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).OriginalDefinition, out var model) || bySymbol.TryGetValue(type, out model))
        {
            return (model.Kind == ModelKind.Untwinned ? "global::System.Text.Json.JsonElement" : model.TwinName) + suffix;
        }
        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            string name = generic.ConstructedFrom.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            name = name[..name.IndexOf('<')];
            return name + "<" + string.Join(", ", generic.TypeArguments.Select(a => TwinType(a, bySymbol))) + ">" + suffix;
        }
        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + suffix;
    }

    /// <summary>
    /// System.Text.Json's source generator from the SDK: <c>&lt;dotnet root&gt;/packs/Microsoft.NETCore.App.Ref/&lt;the running
    /// runtime's version, else the newest 10.x&gt;/analyzers/dotnet/cs/System.Text.Json.SourceGeneration.dll</c>.
    /// </summary>
    private static ISourceGenerator LoadStjGenerator()
    {
        string path = FindStjGenerator();
        var assembly = Assembly.LoadFrom(path);
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            types = exception.Types.Where(t => t is not null).ToArray()!;
        }
        var generatorType = types.FirstOrDefault(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(GeneratorAttribute), false).Length != 0)
            ?? throw new InvalidOperationException($"no incremental generator in {path} (a Roslyn version it needs may be missing: this process has Microsoft.CodeAnalysis {typeof(Compilation).Assembly.GetName().Version})");
        return ((IIncrementalGenerator)Activator.CreateInstance(generatorType)!).AsSourceGenerator();
    }

    public static string FindStjGenerator()
    {
        var roots = new List<string>();
        string? fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment)) roots.Add(fromEnvironment);
        // The running runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/.
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Directory.GetParent(runtimeDirectory)?.Parent?.Parent;
        if (root is not null) roots.Add(root.FullName);
        roots.Add("/usr/share/dotnet");
        roots.Add("/usr/lib/dotnet");
        roots.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet"));

        string runtimeVersion = Environment.Version.ToString(3);
        var tried = new List<string>();
        foreach (string candidateRoot in roots.Distinct(StringComparer.Ordinal))
        {
            string packs = Path.Combine(candidateRoot, "packs", "Microsoft.NETCore.App.Ref");
            tried.Add(packs);
            if (!Directory.Exists(packs)) continue;
            var versions = Directory.GetDirectories(packs)
                .Select(d => (Directory: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(v => v.Version is not null && v.Version.Major == Environment.Version.Major)
                .OrderByDescending(v => Path.GetFileName(v.Directory) == runtimeVersion)
                .ThenByDescending(v => v.Version)
                .ToList();
            foreach (var version in versions)
            {
                string dll = Path.Combine(version.Directory, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
                if (File.Exists(dll)) return dll;
            }
        }
        throw new FileNotFoundException(
            "System.Text.Json.SourceGeneration.dll was not found in the SDK's Microsoft.NETCore.App.Ref pack " +
            $"(<dotnet root>/packs/Microsoft.NETCore.App.Ref/{Environment.Version.Major}.*/analyzers/dotnet/cs/); looked under: " + string.Join(", ", tried) +
            ". Set DOTNET_ROOT to the SDK's root folder.");
    }

    public static string Describe(OutputComparison c)
        => string.Create(CultureInfo.InvariantCulture, $"{c.Docs} docs: {c.Models} models ({c.ObjectModels} records, {c.EnumModels} enums, {c.UntwinnedModels} untwinned), ours {c.OurChars} chars ({c.OurCompileErrors} compile errors), STJ {c.StjChars} chars in {c.StjFiles} files for {c.Twinned} twins ({c.StjDiagnostics} warnings, {c.StjCompileErrors} compile errors{(c.FirstStjProblem is null ? "" : "; first: " + c.FirstStjProblem)})");
}
