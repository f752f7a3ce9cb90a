using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using GenerationModels.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratorBench;

/// <summary>
/// The benchmark project's settings over the shared in-memory harness (tests/Shared/Harness): a library project with
/// RootNamespace BenchModels, doc comments not checked, the framework's reference set only, compiled on one thread.
/// </summary>
public static class Harness
{
    public const string ProjectDirectory = GeneratorHarness.ProjectDirectory;
    public const string RootNamespace = "BenchModels";

    public static readonly CSharpParseOptions ParseOptions = GeneratorHarness.DefaultParseOptions;

    /// <summary>One project's settings (and one options provider) for every driver, as one build has them; steps not tracked unless asked.</summary>
    private static readonly GeneratorHarness Project = new(new Dictionary<string, string>
    {
        ["RootNamespace"] = RootNamespace,
        ["MSBuildProjectDirectory"] = ProjectDirectory,
    })
    {
        GeneratorParseOptions = ParseOptions,
        TrackSteps = false,
    };

    /// <summary>The framework's reference set only: this process also has Roslyn, Markdig and BenchmarkDotNet loaded.</summary>
    public static ImmutableArray<MetadataReference> References => GeneratorHarness.FrameworkReferences;

    /// <summary>Compilation options as a library project has them (concurrent build off: measured on one thread).</summary>
    public static CSharpCompilationOptions CompilationOptions(bool concurrentBuild = false)
        => GeneratorHarness.CompilationOptions.WithConcurrentBuild(concurrentBuild).WithOptimizationLevel(OptimizationLevel.Release);

    /// <summary>The project's own C# (one file): the generator reads none of it, but a real compilation has some.</summary>
    public static CSharpCompilation UserCompilation()
        => GeneratorHarness.CreateCompilation(
            "BenchModels",
            new[] { CSharpSyntaxTree.ParseText("namespace User { public static class Program { public static int Main() => 0; } }", ParseOptions, path: ProjectDirectory + "/Program.cs") },
            References,
            CompilationOptions());

    public static SyntaxTree CSharpEdit()
        => CSharpSyntaxTree.ParseText("namespace User { public sealed class AddedLater { public int Value { get; init; } } }", ParseOptions, path: ProjectDirectory + "/AddedLater.cs");

    /// <summary>A cold driver, as a fresh build has it.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> docs, bool trackSteps = false) => Project.CreateDriver(docs, trackSteps);

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
