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
            s = ToPlainText(s);
        }
        return s.Length == 0 ? null : s;
    }

    /// <summary>
    /// Markdig's plain text, or the text as written when Markdig gives up: it throws on inline markup nested past its
    /// depth limit (a description of ten thousand '['), and a description is never worth failing the build over.
    /// </summary>
    private static string ToPlainText(string markdown)
    {
        try
        {
            return Markdown.ToPlainText(markdown, Pipeline).Trim();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return markdown;
        }
    }

    private static readonly char[] MarkupChars = { '*', '_', '[', '`', '&', '<', '\\', '~' };

    /// <summary>True when a description marks the field or type deprecated (Speakeasy's ":warning: **DEPRECATED**").</summary>
    public static bool IsDeprecated(string? markdown)
        => markdown is not null && markdown.IndexOf("DEPRECATED", StringComparison.Ordinal) >= 0;
}
