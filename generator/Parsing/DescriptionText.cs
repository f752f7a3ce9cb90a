using System;
using Markdig;

namespace GenerationModels.Generator.Parsing;

/// <summary>Turns a description cell or paragraph (markdown, entities, &lt;br/&gt;) into plain text for XML docs.</summary>
internal static class DescriptionText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static string? Normalize(string? markdown)
    {
        if (markdown is null) return null;
        string s = markdown.Trim();
        if (s.Length == 0 || s == "N/A") return null;
        s = s.Replace("<br/>", "\n").Replace("<br>", "\n").Replace("<br />", "\n");
        if (s.IndexOfAny(MarkupChars) >= 0)
        {
            // Markdig only where there is markup: emphasis, links, code spans, entities.
            s = Markdown.ToPlainText(s, Pipeline).Trim();
        }
        return s.Length == 0 ? null : s;
    }

    private static readonly char[] MarkupChars = { '*', '_', '[', '`', '&', '<', '\\', '~' };

    /// <summary>True when a description marks the field or type deprecated (Speakeasy's ":warning: **DEPRECATED**").</summary>
    public static bool IsDeprecated(string? markdown)
        => markdown is not null && markdown.IndexOf("DEPRECATED", StringComparison.Ordinal) >= 0;
}
