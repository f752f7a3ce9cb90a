using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace GenerationModels.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions in Verify's conventions: the approved output is <c>Snapshots/{Class}.{Test}.verified.cs</c>
/// (committed); on a mismatch the actual output is written beside it as <c>.received.cs</c> and the test fails.
/// Set <c>GENERATIONMODELS_ACCEPT_SNAPSHOTS=1</c> to accept: received output overwrites the verified file.
/// A missing verified file is a failure (its received file is written), never silently created.
/// When <c>GENERATIONMODELS_SNAPSHOT_LOG</c> names a directory, every comparison appends the verified file's path
/// (relative to the repository) to a file of its own process there; <c>.ci/run</c> fails on a committed verified
/// file no test compared (a stale snapshot).
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "GENERATIONMODELS_ACCEPT_SNAPSHOTS";
    public const string LogVariable = "GENERATIONMODELS_SNAPSHOT_LOG";
    private static readonly object s_logLock = new();

    public static void Verify(string actual, string name, string extension = "cs", [CallerFilePath] string callerFile = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        Directory.CreateDirectory(directory);
        string verified = Path.Combine(directory, $"{name}.verified.{extension}");
        string received = Path.Combine(directory, $"{name}.received.{extension}");
        string normalized = actual.Replace("\r\n", "\n");
        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";
        Log(verified);

        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == normalized)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (accept)
        {
            File.WriteAllText(verified, normalized);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, normalized);
        throw new Xunit.Sdk.XunitException(File.Exists(verified)
            ? $"Snapshot mismatch: compare {received} with {verified}; set {AcceptVariable}=1 to accept."
            : $"No verified snapshot {verified}; review {received} and set {AcceptVariable}=1 to accept.");
    }

    private static void Log(string verified)
    {
        if (Environment.GetEnvironmentVariable(LogVariable) is not { Length: > 0 } directory) return;
        string relative = Path.GetRelativePath(RepoPaths.RepoRoot, verified).Replace('\\', '/');
        lock (s_logLock)
        {
            Directory.CreateDirectory(directory);
            File.AppendAllText(Path.Combine(directory, $"snapshots-{Environment.ProcessId}.txt"), relative + "\n");
        }
    }
}
