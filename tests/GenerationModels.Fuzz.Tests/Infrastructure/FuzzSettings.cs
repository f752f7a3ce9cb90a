using System;
using System.Globalization;

namespace GenerationModels.Fuzz.Tests.Infrastructure;

/// <summary>
/// How much to fuzz. CI runs the defaults; <c>GENERATIONMODELS_FUZZ_DOCS</c> scales every generator fuzz test so that
/// together they process at least that many docs (long mode, see docs/robustness.md). CsCheck's own
/// <c>CsCheck_Seed</c> reproduces a run.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>Docs over all generator fuzz tests together: 10,500 in CI (at least 10,000 required).</summary>
    public static int TotalDocs { get; } = Read("GENERATIONMODELS_FUZZ_DOCS", 10_500);

    /// <summary>
    /// Docs per generator run (and per compilation): at most 256. Past that the generator puts models in shared files,
    /// and the runner's per-doc checks need a file per model.
    /// </summary>
    public static int BatchSize { get; } = Batch(Read("GENERATIONMODELS_FUZZ_BATCH", 120));

    private static int Batch(int size) => size <= Generator.Emission.ModelFiles.SingleFileModels
        ? Math.Max(1, size)
        : throw new InvalidOperationException($"GENERATIONMODELS_FUZZ_BATCH={size}: at most {Generator.Emission.ModelFiles.SingleFileModels} docs per batch (past that, models share generated files and the per-doc checks need a file per model)");

    /// <summary>
    /// Compile the output of one batch in this many (1 = every batch). The generator itself always runs on every doc;
    /// compiling dominates the cost, so long mode compiles a fraction. Default: every batch up to 50,000 docs, then 1 in 10.
    /// </summary>
    public static int CompileEvery { get; } = Math.Max(1, Read("GENERATIONMODELS_FUZZ_COMPILE_EVERY", TotalDocs > 50_000 ? 10 : 1));

    /// <summary>Worker threads for CsCheck (default: all cores).</summary>
    public static int Threads { get; } = Math.Max(1, Read("GENERATIONMODELS_FUZZ_THREADS", Environment.ProcessorCount));

    /// <summary>A file to append the run summaries to (long mode keeps its record this way), or null.</summary>
    public static string? ReportFile { get; } = Environment.GetEnvironmentVariable("GENERATIONMODELS_FUZZ_REPORT");

    /// <summary>The share of <see cref="TotalDocs"/> a test takes, in docs, and the number of batches that covers it.</summary>
    public static (int Docs, int Batches) Share(double fraction, double docsPerBatch)
    {
        int docs = (int)Math.Ceiling(TotalDocs * fraction);
        int batches = Math.Max(1, (int)Math.Ceiling(docs / docsPerBatch));
        return (docs, batches);
    }

    private static int Read(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;
}
