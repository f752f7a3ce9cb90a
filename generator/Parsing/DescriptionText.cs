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
    /// Markdig resolves emphasis and link delimiters in time quadratic in their number (4,000 of <c>*_</c> take 80 ms,
    /// ten times as many seconds), and looks for the end of a link label from every '[' to the end of the text; real
    /// descriptions have a handful of delimiters and stay under 4 KB. Past these limits the text is kept as written.
    /// </summary>
    private const int MaxDelimiters = 256;

    private const int MaxMarkdownLength = 8_192;

    /// <summary>
    /// Markdig's plain text, or the text as written (entities decoded) when it has too many delimiters for Markdig or
    /// Markdig gives up: it throws on inline markup nested past its depth limit (a description of ten thousand '['),
    /// and a description is never worth failing the build over.
    /// </summary>
    private static string ToPlainText(string markdown)
    {
        if (markdown.Length > MaxMarkdownLength) return CellText.DecodeEntities(markdown);
        int delimiters = 0;
        foreach (char c in markdown)
        {
            if ((c is '*' or '_' or '[' or ']' or '`' or '~' or '<') && ++delimiters > MaxDelimiters) return CellText.DecodeEntities(markdown);
        }
        try
        {
            return Markdown.ToPlainText(markdown, Pipeline).Trim();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return CellText.DecodeEntities(markdown);
        }
    }

    private static readonly char[] MarkupChars = { '*', '_', '[', '`', '&', '<', '\\', '~' };

    /// <summary>True when a description marks the field or type deprecated (Speakeasy's ":warning: **DEPRECATED**").</summary>
    public static bool IsDeprecated(string? markdown)
        => markdown is not null && markdown.IndexOf("DEPRECATED", StringComparison.Ordinal) >= 0;
}
