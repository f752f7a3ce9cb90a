using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using GenerationModels.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GenerationModels.Generator.Tests.Infrastructure;

/// <summary>A schema doc handed to the generator in memory, as an AdditionalFile.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global MSBuild properties plus per-file metadata marking which AdditionalFiles are schema docs.</summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _global;
    private readonly DictionaryOptions _schemaFile = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.GenerationModelsSchema"] = "true" });
    private readonly DictionaryOptions _empty = new(new Dictionary<string, string>());
    private readonly Func<string, bool> _isSchema;

    public TestOptionsProvider(IDictionary<string, string> properties, Func<string, bool> isSchema)
    {
        _global = new DictionaryOptions(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));
        _isSchema = isSchema;
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _isSchema(textFile.Path) ? _schemaFile : _empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs the generator the way the compiler does, with step tracking on, and compiles its output.</summary>
public sealed class GeneratorHarness
{
    public const string ProjectDirectory = "/project";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(GenerationModels.Runtime.OpenDictionary).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    /// <summary>Documentation diagnostics on, so a malformed XML doc comment in generated code fails the compile checks.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private readonly Dictionary<string, string> _properties;

    public GeneratorHarness(IDictionary<string, string>? properties = null)
    {
        _properties = new Dictionary<string, string>
        {
            ["RootNamespace"] = "TestModels",
            ["MSBuildProjectDirectory"] = ProjectDirectory,
        };
        if (properties is not null)
        {
            foreach (var pair in properties) _properties[pair.Key] = pair.Value;
        }
    }

    public static string DocPath(string relative) => ProjectDirectory + "/Schemas/" + relative;

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "TestModels",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The SDK suppresses these unification notes by default (the runtime targets net8.0, the tests net10.0).
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public GeneratorDriver CreateDriver(IEnumerable<AdditionalText> docs)
    {
        var list = docs.ToList();
        var optionsProvider = new TestOptionsProvider(_properties, IsSchemaPath);
        return CSharpGeneratorDriver.Create(
            new[] { new GenerationModelsGenerator().AsSourceGenerator() },
            list,
            ParseOptions,
            optionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Every file under <paramref name="root"/> as (path relative to it, prefixed, text), in ordinal path order.</summary>
    public static (string RelativePath, string Text)[] ReadFolder(string root, string prefix = "", string pattern = "*")
        => Directory.GetFiles(root, pattern, SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (prefix + Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToArray();

    /// <summary>The files the package's default glob picks up: markdown docs and OpenAPI specs.</summary>
    public static bool IsSchemaPath(string path)
        => new[] { ".md", ".mdx", ".json", ".yaml", ".yml" }.Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase));

    public GeneratorRun Run(params (string RelativePath, string Text)[] docs)
        => Run(docs.Select(d => (AdditionalText)new InMemoryAdditionalText(DocPath(d.RelativePath), d.Text)));

    public GeneratorRun Run(IEnumerable<AdditionalText> docs, string userCode = "")
    {
        var compilation = CreateCompilation(userCode);
        var driver = CreateDriver(docs).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }
}

/// <summary>What one generator run produced: sources, generator diagnostics, and the compiled result.</summary>
public sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
        Result = driver.GetRunResult().Results.Single();
    }

    public GeneratorDriver Driver { get; }

    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorRunResult Result { get; }

    public string Source(string hintName)
        => Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<string> HintNames => Result.GeneratedSources.Select(s => s.HintName);

    /// <summary>All generated sources in one text, by hint name, for a folder-wide snapshot.</summary>
    public string AllSources()
    {
        var all = new System.Text.StringBuilder();
        foreach (var source in Result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            all.Append("//----- ").Append(source.HintName).Append('\n').Append(source.SourceText.ToString());
        }
        return all.ToString();
    }

    /// <summary>Errors and warnings from compiling the generated code (the generator's own diagnostics excluded).</summary>
    public ImmutableArray<Diagnostic> CompilationProblems
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    public void AssertCompilesCleanly()
    {
        if (Result.Exception is not null) throw new Xunit.Sdk.XunitException("Generator threw: " + Result.Exception);
        var problems = CompilationProblems;
        if (problems.Length > 0)
        {
            throw new Xunit.Sdk.XunitException("Generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(30)));
        }
    }
}
