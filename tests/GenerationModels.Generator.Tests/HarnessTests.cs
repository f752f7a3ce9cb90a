using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using GenerationModels.Generator.Tests.Infrastructure;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>The shared in-memory harness (tests/Shared) hands the generator what a build with the package would.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void The_schema_path_rule_covers_every_ending_of_the_package_glob()
    {
        string targets = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "build", "GenerationModels.targets"));
        var glob = Regex.Match(targets, "<GenerationModelsSchemaGlob[^>]*>([^<]*)</GenerationModelsSchemaGlob>").Groups[1].Value;
        var endings = glob.Split(';').Select(pattern => Path.GetExtension(pattern).ToLowerInvariant()).Distinct().ToList();

        Assert.Contains(".md", endings);
        foreach (string ending in endings)
        {
            Assert.True(GeneratorHarness.IsSchemaPath("/project/Schemas/doc" + ending), ending + " is in the package glob but not a schema path in the harness");
        }
        Assert.True(GeneratorHarness.IsSchemaPath("/project/Schemas/Doc.MDX"));
        Assert.False(GeneratorHarness.IsSchemaPath("/project/Schemas/notes.txt"));
    }

    [Theory]
    [InlineData("LICENSE", true)]
    [InlineData("LICENSE.md", true)]
    [InlineData("licence.md", true)]
    [InlineData("COPYING.md", true)]
    [InlineData("License.md", true)]
    [InlineData("docs/models/License.md", false)]
    [InlineData("docs/models/LicenseType.md", false)]
    [InlineData("LicenseInfo.md", false)]
    public void The_corpus_report_skips_only_the_licence_text_at_a_repo_root(string relative, bool skipped)
    {
        string repo = Path.Combine(Path.GetTempPath(), "corpus", "speakeasy-typescript", "owner+repo");
        string file = Path.Combine(repo, relative.Replace('/', Path.DirectorySeparatorChar));

        Assert.Equal(skipped, GeneratorHarness.IsCorpusLicenceFile(repo, file));
    }

    [Fact]
    public void Only_schema_paths_reach_the_generator_as_schema_docs()
    {
        const string doc = "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**Name** | **string** | The name | \n";
        var run = new GeneratorHarness().Run(("Pet.md", doc), ("Copy.txt", doc.Replace("# Pet", "# Copy")));

        run.AssertCompilesCleanly();
        Assert.NotNull(run.Output.GetTypeByMetadataName("TestModels.Pet"));
        Assert.Null(run.Output.GetTypeByMetadataName("TestModels.Copy"));
    }

    [Fact]
    public void Report_code_spans_survive_pipes_backticks_and_empty_text_and_work_as_a_method_group()
    {
        Assert.Equal("`a\\|b`", ReportText.Code("a|b"));
        Assert.Equal("`` a`b ``", ReportText.Code("a`b"));
        Assert.Equal("(empty)", ReportText.Code(""));
        Assert.Equal("`abc…`", ReportText.CodeCut("abcdef", 3));
        // Select(Code) must bind to the one-argument form, not take the element index as a length.
        Assert.Equal(new[] { "`first`", "`second`" }, new[] { "first", "second" }.Select(ReportText.Code));
    }

    [Fact]
    public void Counter_lists_most_frequent_first_then_by_key()
    {
        var counter = new Counter();
        counter.Add("b");
        counter.Add("a");
        counter.Add("c", 2);
        var other = new Counter();
        other.Add("a", 1);
        counter.Add(other);

        Assert.Equal(new[] { "a", "c", "b" }, counter.Top().Select(p => p.Key));
        Assert.Equal(5, counter.Total);
        Assert.Equal(0, counter["missing"]);
        Assert.Equal(new[] { "a" }, counter.Top(1).Select(p => p.Key));
    }
}
