using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace GenerationModels.Generator.Tests.Infrastructure;

/// <summary>Locates the repository and <c>../shared</c> from the test sources, never from the working directory.</summary>
public static class RepoPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SchemasDirectory => Path.Combine(RepoRoot, "schemas", "Schemas");

    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SeedsDirectory => Path.Combine(SharedDirectory, "seeds");

    /// <summary>
    /// The seed docs. In CI (CI=true) their absence is a failure; on a developer machine without <c>../shared</c>
    /// the test is reported as skipped (never as passed).
    /// </summary>
    public static string RequireSeed(string fileName)
    {
        string path = Path.Combine(SeedsDirectory, fileName);
        if (File.Exists(path)) return path;
        string message = $"Seed doc not found at {path} (expected ../shared/seeds beside the repository).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) throw new FileNotFoundException(message, path);
        Xunit.Assert.Skip(message);
        return path;
    }

    private static string FindRepoRoot([CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenerationModels.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"GenerationModels.sln not found above {thisFile}");
    }
}
