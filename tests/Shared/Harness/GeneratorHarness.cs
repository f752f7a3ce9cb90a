using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using GenerationModels.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// The one in-memory generator harness, compiled into the generator tests, the fuzz tests, tools/ and bench/ as linked
// sources (tests/Shared/**/*.cs). It depends on the generator, the runtime and Roslyn only: no test framework.
namespace GenerationModels.Harness;

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

    /// <summary>The same text as a string.</summary>
    public string Text { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// What the package's props hand the generator in a real build: global MSBuild properties (<c>build_property.*</c>), the
/// item metadata <c>GenerationModelsSchema=true</c> on the AdditionalFiles that are schema docs, and any other item
/// metadata per file (<c>build_metadata.AdditionalFiles.*</c>, e.g. <c>GenerationModelsWireNaming</c>).
/// </summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private const string ItemMetadataPrefix = "build_metadata.AdditionalFiles.";

    private readonly DictionaryOptions _global;
    private readonly DictionaryOptions _schemaFile = new(new Dictionary<string, string>(StringComparer.Ordinal) { [ItemMetadataPrefix + "GenerationModelsSchema"] = "true" });
    private readonly DictionaryOptions _empty = new(new Dictionary<string, string>(StringComparer.Ordinal));
    private readonly Func<string, bool> _isSchema;
    private readonly Dictionary<string, DictionaryOptions> _perFile = new(StringComparer.Ordinal);

    /// <param name="properties">MSBuild property name → value (without the <c>build_property.</c> prefix).</param>
    /// <param name="isSchema">Which AdditionalFiles get <c>GenerationModelsSchema=true</c>.</param>
    /// <param name="fileMetadata">Path → item metadata name → value (names without the prefix), for files that have more.</param>
    public TestOptionsProvider(
        IEnumerable<KeyValuePair<string, string>> properties,
        Func<string, bool> isSchema,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null)
    {
        _global = new DictionaryOptions(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value, StringComparer.Ordinal));
        _isSchema = isSchema;
        foreach (var (path, metadata) in fileMetadata ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            var values = metadata.ToDictionary(m => ItemMetadataPrefix + m.Key, m => m.Value, StringComparer.Ordinal);
            if (isSchema(path)) values[ItemMetadataPrefix + "GenerationModelsSchema"] = "true";
            _perFile[path] = new DictionaryOptions(values);
        }
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => _perFile.TryGetValue(textFile.Path, out var own) ? own : _isSchema(textFile.Path) ? _schemaFile : _empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>
/// Runs the generator the way the compiler does, in memory: a <see cref="CSharpGeneratorDriver"/> over
/// <see cref="InMemoryAdditionalText"/>s with the options a build passes, and compilations to run it on and to compile
/// its output. One instance is one project's settings (MSBuild properties, per-file metadata, which files are schemas).
/// </summary>
public sealed class GeneratorHarness
{
    public const string ProjectDirectory = "/project";

    /// <summary>Documentation diagnostics on, so a malformed XML doc comment in generated code is a compile warning.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>As a project without <c>GenerateDocumentationFile</c> parses (doc comments not checked).</summary>
    public static readonly CSharpParseOptions DefaultParseOptions = new(LanguageVersion.Latest);

    /// <summary>A library project's options: nullable on; the assembly-unification notes the SDK suppresses, suppressed.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

    /// <summary>The file endings the package's default glob (build/GenerationModels.targets) picks up as schema docs and specs.</summary>
    public static readonly ImmutableArray<string> SchemaExtensions = ImmutableArray.Create(".md", ".mdx", ".json", ".yaml", ".yml");

    private static readonly Lazy<ImmutableArray<MetadataReference>> AllReferences = new(() => LoadReferences(frameworkOnly: false));
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkOnlyReferences = new(() => LoadReferences(frameworkOnly: true));

    private readonly Dictionary<string, string> _properties;
    private TestOptionsProvider? _optionsProvider;

    /// <param name="properties">MSBuild properties on top of <c>RootNamespace=TestModels</c> and <c>MSBuildProjectDirectory=/project</c>.</param>
    public GeneratorHarness(IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        _properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RootNamespace"] = "TestModels",
            ["MSBuildProjectDirectory"] = ProjectDirectory,
        };
        if (properties is not null)
        {
            foreach (var pair in properties) _properties[pair.Key] = pair.Value;
        }
    }

    /// <summary>Every assembly of this process's platform, plus GenerationModels.Runtime.</summary>
    public static ImmutableArray<MetadataReference> References => AllReferences.Value;

    /// <summary>The framework's reference set and GenerationModels.Runtime only (not Roslyn, Markdig or a test framework this process has loaded).</summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences => FrameworkOnlyReferences.Value;

    public IReadOnlyDictionary<string, string> Properties => _properties;

    /// <summary>Which AdditionalFiles are marked as schema docs (default: <see cref="IsSchemaPath"/>).</summary>
    public Func<string, bool> IsSchema { get; init; } = IsSchemaPath;

    /// <summary>Item metadata per AdditionalFile path (e.g. <c>GenerationModelsWireNaming</c>), names without the prefix.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? FileMetadata { get; init; }

    /// <summary>The parse options the driver hands the generator's output (default: documentation diagnostics on).</summary>
    public CSharpParseOptions GeneratorParseOptions { get; init; } = ParseOptions;

    /// <summary>Whether drivers record incremental steps (for tracking-name tests) unless told otherwise.</summary>
    public bool TrackSteps { get; init; } = true;

    public TestOptionsProvider OptionsProvider => _optionsProvider ??= new TestOptionsProvider(_properties, IsSchema, FileMetadata);

    public static string DocPath(string relative) => ProjectDirectory + "/Schemas/" + relative;

    /// <summary>The files the package's default glob picks up, by ending: markdown (and MDX) docs and OpenAPI specs.</summary>
    /// <summary>
    /// The licence text the corpus keeps beside each repo's docs (<c>LICENSE</c>, <c>LICENSE.md</c>, <c>LICENCE.md</c>,
    /// <c>COPYING.md</c>) at the repo folder's root. Only those files are skipped: a model doc whose name merely starts
    /// with "License" (<c>LicenseType.md</c>, <c>docs/models/License.md</c>) is a schema like any other.
    /// </summary>
    public static bool IsCorpusLicenceFile(string repoDir, string file)
    {
        if (!string.Equals(Path.GetDirectoryName(Path.GetFullPath(file)), Path.GetFullPath(repoDir).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            return false;
        string stem = Path.GetFileNameWithoutExtension(file);
        return stem.Equals("LICENSE", StringComparison.OrdinalIgnoreCase)
            || stem.Equals("LICENCE", StringComparison.OrdinalIgnoreCase)
            || stem.Equals("COPYING", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsSchemaPath(string path)
    {
        foreach (string extension in SchemaExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>A compilation named TestModels of <paramref name="sources"/> (parsed with <see cref="ParseOptions"/>).</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CreateCompilation("TestModels", sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)));

    public static CSharpCompilation CreateCompilation(string assemblyName, IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference>? references = null, CSharpCompilationOptions? options = null)
        => CSharpCompilation.Create(assemblyName, trees, references ?? References, options ?? CompilationOptions);

    /// <summary>A new (cold) driver over <paramref name="docs"/>, as a fresh build has it.</summary>
    public GeneratorDriver CreateDriver(IEnumerable<AdditionalText> docs, bool? trackSteps = null)
        => CSharpGeneratorDriver.Create(
            new[] { new GenerationModelsGenerator().AsSourceGenerator() },
            docs,
            GeneratorParseOptions,
            OptionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps ?? TrackSteps));

    /// <summary>Every file under <paramref name="root"/> as (path relative to it, prefixed, text), in ordinal path order.</summary>
    public static (string RelativePath, string Text)[] ReadFolder(string root, string prefix = "", string pattern = "*")
        => Directory.GetFiles(root, pattern, SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (prefix + Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToArray();

    public GeneratorRun Run(params (string RelativePath, string Text)[] docs)
        => Run(docs.Select(d => (AdditionalText)new InMemoryAdditionalText(DocPath(d.RelativePath), d.Text)));

    public GeneratorRun Run(IEnumerable<AdditionalText> docs, string userCode = "")
    {
        var compilation = CreateCompilation(userCode);
        var driver = CreateDriver(docs).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    /// <summary>
    /// One timed run of <paramref name="driver"/>: the generator's own time as the driver reports it (the wall time when it
    /// reports none), the wall time of the whole call, and the bytes allocated during it. With <paramref name="collectFirst"/>
    /// the heap is collected before, so an earlier run's garbage is not charged to this one.
    /// </summary>
    public static GeneratorDriver TimedRun(GeneratorDriver driver, Compilation compilation, out RunTiming timing, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, bool collectFirst = false)
    {
        if (collectFirst)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out diagnostics);
        double wall = stopwatch.Elapsed.TotalMilliseconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var times = driver.GetTimingInfo().GeneratorTimes;
        double generator = times.Length == 1 && times[0].ElapsedTime > TimeSpan.Zero ? times[0].ElapsedTime.TotalMilliseconds : wall;
        timing = new RunTiming(generator, wall, allocated);
        return driver;
    }

    private static ImmutableArray<MetadataReference> LoadReferences(bool frameworkOnly)
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(GenerationModels.Runtime.OpenDictionary).Assembly.Location);
        return paths.Where(p => p.Length != 0 && (!frameworkOnly || IsFrameworkOrRuntime(p))).Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static bool IsFrameworkOrRuntime(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        return name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard"
            || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal) || name == "Microsoft.CSharp"
            || name == "GenerationModels.Runtime";
    }
}

/// <summary>One timed generator run (see <see cref="GeneratorHarness.TimedRun"/>).</summary>
public readonly record struct RunTiming(double GeneratorMs, double WallMs, long AllocatedBytes);

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

    /// <summary>Throws <see cref="HarnessAssertionException"/> if the generator threw or its output has errors or warnings.</summary>
    public void AssertCompilesCleanly()
    {
        if (Result.Exception is not null) throw new HarnessAssertionException("Generator threw: " + Result.Exception);
        var problems = CompilationProblems;
        if (problems.Length > 0)
        {
            throw new HarnessAssertionException("Generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(30)));
        }
    }
}

/// <summary>A failed harness check (a test framework reports it as a failure like any other exception).</summary>
public sealed class HarnessAssertionException : Exception
{
    public HarnessAssertionException(string message)
        : base(message)
    {
    }
}
