using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Tests.Infrastructure;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>The repository URL is named once (RepositoryUrl in Directory.Build.props); help links and the package readme follow it.</summary>
public sealed class HelpLinkTests
{
    private static string RepositoryUrl { get; } = XDocument.Load(Path.Combine(RepoPaths.RepoRoot, "Directory.Build.props"))
        .Descendants("RepositoryUrl").Single().Value.Trim();

    [Fact]
    public void Every_help_link_points_into_docs_diagnostics_md_of_the_repository()
    {
        Assert.StartsWith("https://", RepositoryUrl, StringComparison.Ordinal);
        Assert.Equal(DiagnosticDescriptors.HelpBase, RepositoryUrl + "/blob/main/docs/diagnostics.md#");
        foreach (var descriptor in DiagnosticDescriptors.ById.Values)
        {
            Assert.Equal(RepositoryUrl + "/blob/main/docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
        }
    }

    [Fact]
    public void Every_help_link_anchor_is_a_heading_of_docs_diagnostics_md()
    {
        var headings = Regex.Matches(File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "docs", "diagnostics.md")), @"^## (gm\d{4})\s*$", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(DiagnosticDescriptors.ById);
        foreach (var descriptor in DiagnosticDescriptors.ById.Values)
        {
            string anchor = descriptor.HelpLinkUri.Substring(descriptor.HelpLinkUri.IndexOf('#', StringComparison.Ordinal) + 1);
            Assert.True(headings.Contains(anchor), $"{descriptor.Id}: docs/diagnostics.md has no heading '## {anchor}'");
        }
    }

    [Fact]
    public void The_package_readme_links_to_the_same_repository()
        => Assert.Contains(RepositoryUrl, File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "build", "PACKAGE-README.md")), StringComparison.Ordinal);
}
