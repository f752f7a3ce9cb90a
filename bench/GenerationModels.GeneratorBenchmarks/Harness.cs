using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using GenerationModels.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GeneratorBench;

/// <summary>A schema doc handed to the generator in memory, as an AdditionalFile (its text decoded once, up front).</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        Text = text;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    /// <summary>The same text as a string (what the Markdig floor parses).</summary>
    public string Text { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// Global MSBuild properties plus the per-file metadata <c>GenerationModelsSchema=true</c> on every AdditionalFile: what
/// the package's props hand the generator in a real build (the same shape as the tests' TestOptionsProvider).
/// </summary>
public sealed class SchemaOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _global;
    private readonly DictionaryOptions _schemaFile = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.GenerationModelsSchema"] = "true" });
    private readonly DictionaryOptions _empty = new(new Dictionary<string, string>());

    public SchemaOptionsProvider(IDictionary<string, string> properties)
        => _global = new DictionaryOptions(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => textFile.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? _schemaFile : _empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>Creates drivers and compilations the way the compiler does for a project with these docs.</summary>
public static class Harness
{
    public const string ProjectDirectory = "/project";
    public const string RootNamespace = "BenchModels";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly SchemaOptionsProvider Options = new(new Dictionary<string, string>
    {
        ["RootNamespace"] = RootNamespace,
        ["MSBuildProjectDirectory"] = ProjectDirectory,
    });

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(GenerationModels.Runtime.OpenDictionary).Assembly.Location);
        // The framework's reference set only: this process also has Roslyn, Markdig and BenchmarkDotNet loaded.
        return paths.Where(p => p.Length != 0 && IsFrameworkOrRuntime(p)).Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    private static bool IsFrameworkOrRuntime(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        return name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard"
            || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal) || name == "Microsoft.CSharp"
            || name == "GenerationModels.Runtime";
    }

    /// <summary>Compilation options as a library project has them (concurrent build off: measured on one thread).</summary>
    public static CSharpCompilationOptions CompilationOptions(bool concurrentBuild = false)
        => new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: concurrentBuild, optimizationLevel: OptimizationLevel.Release)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

    /// <summary>The project's own C# (one file): the generator reads none of it, but a real compilation has some.</summary>
    public static CSharpCompilation UserCompilation()
        => CSharpCompilation.Create(
            "BenchModels",
            new[] { CSharpSyntaxTree.ParseText("namespace User { public static class Program { public static int Main() => 0; } }", ParseOptions, path: ProjectDirectory + "/Program.cs") },
            References,
            CompilationOptions());

    public static SyntaxTree CSharpEdit()
        => CSharpSyntaxTree.ParseText("namespace User { public sealed class AddedLater { public int Value { get; init; } } }", ParseOptions, path: ProjectDirectory + "/AddedLater.cs");

    /// <summary>A cold driver, as a fresh build has it.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> docs, bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            new[] { new GenerationModelsGenerator().AsSourceGenerator() },
            docs,
            ParseOptions,
            Options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The floor: Markdig's CommonMark parse of the same texts, nothing else.</summary>
    public static int MarkdigParse(IReadOnlyList<InMemoryAdditionalText> docs)
    {
        int blocks = 0;
        foreach (var doc in docs) blocks += Markdig.Markdown.Parse(doc.Text).Count;
        return blocks;
    }

    /// <summary>Where this project lives (set at build time), to find BenchmarkDotNet.Artifacts/ and the repository.</summary>
    public static string ProjectDirectoryOnDisk()
        => typeof(Harness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BenchProjectDirectory")?.Value
           ?? Directory.GetCurrentDirectory();

    /// <summary>The repository root: the nearest folder above this project with GenerationModels.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(ProjectDirectoryOnDisk()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GenerationModels.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (GenerationModels.sln) above " + ProjectDirectoryOnDisk());
    }
}
