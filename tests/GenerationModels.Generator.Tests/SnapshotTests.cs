using System.Collections.Generic;
using System.IO;
using System.Linq;
using GenerationModels.Generator.Tests.Infrastructure;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>The generated source for each seed doc and each sample doc, compared with committed snapshots.</summary>
public sealed class SnapshotTests
{
    public static TheoryData<string, string> SeedDocs => new()
    {
        // seed file, the file name a user would give it
        { "000_3ca885e5d7def04a.txt", "Generation.md" },
        { "003_4e0abbdcd3a5b4c1.txt", "ChatCompletionResponse.md" },
        { "004_68028aa9777b320f.txt", "CompletionResponse.md" },
    };

    [Theory]
    [MemberData(nameof(SeedDocs))]
    public void Seed_doc_generates_expected_source(string seedFile, string docName)
    {
        string text = File.ReadAllText(RepoPaths.RequireSeed(seedFile));
        var run = new GeneratorHarness().Run((docName, text));

        var model = run.Result.GeneratedSources.Single(s => s.HintName != "GenerationModelsJsonContext.g.cs");
        Snapshot.Verify(model.SourceText.ToString(), $"SnapshotTests.Seed_{Path.GetFileNameWithoutExtension(docName)}");
        // Seed 004 links to docs that are not seeds; everything else must be clean.
        if (docName != "CompletionResponse.md") run.AssertCompilesCleanly();
    }

    [Fact]
    public void Sample_schemas_generate_expected_sources_and_compile()
    {
        var docs = Directory.GetFiles(RepoPaths.SchemasDirectory, "*.md", SearchOption.AllDirectories)
            .OrderBy(p => p, System.StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(RepoPaths.SchemasDirectory, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToArray();
        Assert.True(docs.Length >= 5, $"expected the sample docs under {RepoPaths.SchemasDirectory}");

        // The sample project says its docs list JSON names as written (else GM0015 asks it to).
        var run = new GeneratorHarness(new Dictionary<string, string> { ["GenerationModelsWireNaming"] = "AsWritten" }).Run(docs);

        run.AssertCompilesCleanly();
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        foreach (var source in run.Result.GeneratedSources.OrderBy(s => s.HintName, System.StringComparer.Ordinal))
        {
            Snapshot.Verify(source.SourceText.ToString(), $"SnapshotTests.Sample_{Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(source.HintName))}");
        }
    }
}
