using System.Diagnostics;

namespace GenerationModels.Harness;

/// <summary>Which generator a report or benchmark ran: the commit of the working tree, and whether generator/ or runtime/ had local edits.</summary>
public static class GitStamp
{
    /// <summary>
    /// <c>commit abc1234</c>, with <c> with uncommitted changes in generator/ or runtime/</c> when those folders have local
    /// edits; null outside a git checkout or without git.
    /// </summary>
    /// <param name="workingDirectory">Where to ask git (default: the current directory).</param>
    public static string? GeneratorVersion(string? workingDirectory = null)
    {
        string? commit = Git("rev-parse --short HEAD", workingDirectory);
        if (commit is null) return null;
        string? top = Git("rev-parse --show-toplevel", workingDirectory);
        string? dirty = top is null ? null : Git($"-C \"{top}\" status --porcelain -- generator runtime", workingDirectory);
        return "commit " + commit + (string.IsNullOrEmpty(dirty) ? "" : " with uncommitted changes in generator/ or runtime/");
    }

    /// <summary>git's trimmed output, or null when git is missing or fails.</summary>
    public static string? Git(string arguments, string? workingDirectory = null)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
            using var process = Process.Start(start);
            if (process is null) return null;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
