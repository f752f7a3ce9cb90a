using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace GenerationModels.Harness;

/// <summary>Markdown and machine facts the reports of tools/ and bench/ share (import with <c>using static</c>).</summary>
public static class ReportText
{
    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for a table cell: one line, pipes escaped.</summary>
    public static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>An inline code span that survives backticks and pipes in the text (inside a table cell); <c>(empty)</c> for no text.</summary>
    public static string Code(string text) => CodeSpan(Cell(text));

    /// <summary>As <see cref="Code(string)"/>, cut after <paramref name="maxLength"/> characters of the cell text.</summary>
    public static string CodeCut(string text, int maxLength)
    {
        text = Cell(text);
        return CodeSpan(text.Length > maxLength ? text.Substring(0, maxLength) + "…" : text);
    }

    private static string CodeSpan(string text)
    {
        if (text.Length == 0) return "(empty)";
        int longest = 0, run = 0;
        foreach (char c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        string fence = new('`', longest + 1);
        bool pad = longest > 0 || text.StartsWith(' ') || text.EndsWith(' ');
        return pad ? $"{fence} {text} {fence}" : fence + text + fence;
    }

    /// <summary>Writes <paramref name="report"/> to <paramref name="outPath"/> (its folder made if missing), or to standard output when there is none.</summary>
    public static void WriteReport(string report, string? outPath)
    {
        if (outPath is not null)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (directory is not null) Directory.CreateDirectory(directory);
            File.WriteAllText(outPath, report);
        }
        else
        {
            Console.Out.Write(report);
        }
    }

    /// <summary>The CPU's model name from /proc/cpuinfo, or null where there is none.</summary>
    public static string? CpuModel()
    {
        try
        {
            if (!File.Exists("/proc/cpuinfo")) return null;
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg (the first <paramref name="count"/>), or null where there are none.</summary>
    public static string[]? LoadAverages(int count = 3)
    {
        try
        {
            if (!File.Exists("/proc/loadavg")) return null;
            return File.ReadAllText("/proc/loadavg").Split(' ').Take(count).ToArray();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
