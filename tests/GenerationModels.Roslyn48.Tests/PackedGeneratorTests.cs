using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GenerationModels.Roslyn48.Tests;

/// <summary>
/// The packaged generator under the oldest supported compiler, Microsoft.CodeAnalysis 4.8 (SDK 8.0.1xx, Visual Studio 17.8):
/// loaded the way that compiler loads analyzers, run over the sample docs, its output compiled against net8.0 and executed.
/// </summary>
public sealed class PackedGeneratorTests
{
    private static readonly Version OldestCompiler = new(4, 8, 0, 0);

    /// <summary>
    /// The package's analyzers/dotnet/cs folder: GENERATIONMODELS_PACKED_ANALYZERS when set (.ci/pack-e2e.sh points it at
    /// the unzipped .nupkg), else the build outputs this project copies into packed-generator/ (the same files pack takes).
    /// </summary>
    private static string AnalyzerDirectory
        => Environment.GetEnvironmentVariable("GENERATIONMODELS_PACKED_ANALYZERS") is { Length: > 0 } fromPackage
            ? fromPackage
            : Path.Combine(AppContext.BaseDirectory, "packed-generator");

    private static string GeneratorPath => Path.Combine(AnalyzerDirectory, "GenerationModels.dll");

    [Fact]
    public void The_running_compiler_is_Roslyn_4_8()
        => Assert.Equal(OldestCompiler, typeof(CSharpCompilation).Assembly.GetName().Version);

    [Fact]
    public void The_generator_references_no_compiler_newer_than_4_8()
    {
        using var stream = File.OpenRead(GeneratorPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var codeAnalysis = metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .Where(r => metadata.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(r => (Name: metadata.GetString(r.Name), r.Version))
            .ToList();
        Assert.NotEmpty(codeAnalysis);
        Assert.All(codeAnalysis, r => Assert.True(r.Version <= OldestCompiler, $"{r.Name} {r.Version} is newer than {OldestCompiler}"));
    }

    [Fact]
    public void The_4_8_driver_runs_the_packed_generator_over_the_sample_and_the_output_compiles_and_round_trips()
    {
        var generators = LoadPackedGenerators();
        var generator = Assert.Single(generators);
        Assert.Equal("GenerationModels.Generator.GenerationModelsGenerator", generator.GetGeneratorType().FullName);

        string projectDirectory = Path.Combine(RepoRoot(), "schemas");
        var docs = Directory.GetFiles(Path.Combine(projectDirectory, "Schemas"), "*", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new FileText(p))
            .ToImmutableArray();
        Assert.True(docs.Length >= 10, $"expected the sample docs under {projectDirectory}/Schemas, found {docs.Length}");

        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp11, DocumentationMode.Diagnose);
        var options = new Options(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Sample",
            ["build_property.MSBuildProjectDirectory"] = projectDirectory,
            // As the sample project says: its docs list the wire names (else GM0015).
            ["build_property.GenerationModelsWireNaming"] = "AsWritten",
        });
        var compilation = CSharpCompilation.Create(
            "Sample",
            Array.Empty<SyntaxTree>(),
            Net8References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, docs, parseOptions, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, TestContext.Current.CancellationToken);

        var result = Assert.Single(driver.GetRunResult().Results);
        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.True(result.GeneratedSources.Length >= 10, $"only {result.GeneratedSources.Length} generated files");

        var problems = output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "the generated code does not compile cleanly under Roslyn 4.8:\n" + string.Join("\n", problems));

        foreach (string type in new[] { "CompletionResponse", "Usage", "ChatCompletionResponse", "Generation", "Invoice", "Shipment", "Address", "ShipmentStatus", "Carrier", "GenerationModelsJsonContext" })
        {
            Assert.True(output.GetTypeByMetadataName("Sample." + type) is not null, $"Sample.{type} was not generated");
        }

        // Execute what 4.8 compiled: round trips through the generated context.
        using var image = new MemoryStream();
        var emit = output.Emit(image, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("sample-roslyn48", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            RoundTrip(assembly, "CompletionResponse",
                """{"data":[{"id":"c1","index":0,"output":"Hello"}],"provider_responses":{"provider":"acme"},"usage":{"total_tokens":4},"surprise":[1,2]}""");
            RoundTrip(assembly, "Shipment",
                """{"id":"s1","destination":{"line1":"1 Road","country":"NZ"},"status":"lost","carrier":{"type":"Post","country":"NZ"},"events":[]}""");
        }
        finally
        {
            context.Unload();
        }
    }

    private static ImmutableArray<ISourceGenerator> LoadPackedGenerators()
    {
        var failures = new List<string>();
        var reference = new AnalyzerFileReference(GeneratorPath, new DirectoryLoader(AnalyzerDirectory));
        reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.ErrorCode}: {e.Message} {e.Exception}");
        var generators = reference.GetGenerators(LanguageNames.CSharp);
        Assert.True(failures.Count == 0, "Roslyn 4.8 refused the generator: " + string.Join("; ", failures));
        return generators;
    }

    private static void RoundTrip(Assembly assembly, string model, string json)
    {
        var contextType = assembly.GetType("Sample.GenerationModelsJsonContext", throwOnError: true)!;
        object context = contextType.GetProperty("Default")!.GetValue(null)!;
        var typeInfo = (JsonTypeInfo)contextType.GetProperty(model)!.GetValue(context)!;
        object value = JsonSerializer.Deserialize(json, typeInfo)!;
        Assert.Equal(json, JsonSerializer.Serialize(value, typeInfo));
    }

    private static MetadataReference[] Net8References()
    {
        string directory = typeof(PackedGeneratorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Net8ReferenceAssemblies").Value!;
        var paths = Directory.GetFiles(directory, "*.dll");
        Assert.Contains(paths, p => Path.GetFileName(p) == "System.Text.Json.dll");
        return paths
            .Append(typeof(GenerationModels.Runtime.OpenDictionary).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenerationModels.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"GenerationModels.sln not found above {thisFile}");
    }

    /// <summary>Loads the analyzer and its bundled dependencies from one folder; Microsoft.CodeAnalysis comes from the host (4.8).</summary>
    private sealed class DirectoryLoader : AssemblyLoadContext, IAnalyzerAssemblyLoader
    {
        private readonly string _directory;

        public DirectoryLoader(string directory) : base("packed-generator") => _directory = directory;

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => LoadFromAssemblyPath(fullPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string candidate = Path.Combine(_directory, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }

    private sealed class FileText : AdditionalText
    {
        public FileText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Schema = new Values(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.GenerationModelsSchema"] = "true" });
        private static readonly AnalyzerConfigOptions None = new Values(new Dictionary<string, string>());

        public Options(Dictionary<string, string> global) => GlobalOptions = new Values(global);

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Schema;

        private sealed class Values : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Values(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
