using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using GenerationModels.Harness;

namespace CorpusReport;

/// <summary>
/// <c>dotnet run --project tools/CorpusReport -c Release -- &lt;corpora folder&gt; [--out docs/corpus-report.md] [--baseline|--write-baseline docs/corpus-baseline.json]</c> (see Baseline.cs).
/// The folder is laid out <c>&lt;dialect&gt;/&lt;owner+repo&gt;/&lt;any path&gt;/*.md</c>; each repo folder is one compilation.
/// Exit code 1 if the generator threw or its output does not compile, else 0.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string? root = null;
        string? outPath = null;
        string? baselinePath = null, writeBaselinePath = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length) outPath = args[++i];
            else if (args[i] == "--baseline" && i + 1 < args.Length) baselinePath = args[++i];
            else if (args[i] == "--write-baseline" && i + 1 < args.Length) writeBaselinePath = args[++i];
            else if (args[i] is "-h" or "--help") return Usage(0);
            else if (root is null && !args[i].StartsWith("--", StringComparison.Ordinal)) root = args[i];
            else return Usage(2);
        }
        if (root is null) return Usage(2);
        if (!Directory.Exists(root))
        {
            Console.Error.WriteLine($"corpus folder not found: {root}");
            return 2;
        }

        var total = Stopwatch.StartNew();
        string? generatorVersion = GitStamp.GeneratorVersion();
        string corpusRoot = Path.GetFullPath(root);
        var repos = new List<(string Dialect, string Repo, List<string> Files)>();
        foreach (string dialectDir in Directory.GetDirectories(corpusRoot).OrderBy(d => d, StringComparer.Ordinal))
        {
            string dialect = Path.GetFileName(dialectDir);
            foreach (string repoDir in Directory.GetDirectories(dialectDir).OrderBy(d => d, StringComparer.Ordinal))
            {
                // *.md and *.mdx (newer Speakeasy TypeScript docs), as the build's default glob picks up.
                var files = Directory.EnumerateFiles(repoDir, "*.md*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase))
                    .Where(f => !GeneratorHarness.IsCorpusLicenceFile(repoDir, f))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .ToList();
                if (files.Count != 0) repos.Add((dialect, Path.GetFileName(repoDir), files));
            }
        }
        if (repos.Count == 0)
        {
            Console.Error.WriteLine($"no <dialect>/<repo>/**/*.md or *.mdx docs under {root}");
            return 2;
        }

        var results = new List<RepoResult>();
        for (int i = 0; i < repos.Count; i++)
        {
            var (dialect, repo, files) = repos[i];
            var repoWatch = Stopwatch.StartNew();
            var result = RepoAnalyzer.Analyze(corpusRoot, dialect, repo, files);
            results.Add(result);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{i + 1}/{repos.Count}] {result.Name}: {result.Docs} docs, {result.Skipped} skipped, {result.Fields} fields, {result.Fallbacks} fallbacks, " +
                $"{result.GeneratorExceptions + result.ParserExceptions} exceptions, {result.CompileErrors} compile errors, {result.CompileWarnings} warnings " +
                $"(generator {result.GeneratorMs:0} ms, compile {result.CompileMs:0} ms, total {repoWatch.Elapsed.TotalSeconds:0.0} s)"));
            // One repo compilation at a time: let the last one go before the next is built.
            GC.Collect();
        }
        total.Stop();

        string command = "dotnet run --project tools/CorpusReport -c Release -- " + root + (outPath is null ? "" : " --out " + outPath);
        string report = ReportWriter.Write(command, generatorVersion, results, total.Elapsed);
        ReportText.WriteReport(report, outPath);

        var sum = new Stats();
        foreach (var result in results) sum.Add(result);
        int exceptions = sum.GeneratorExceptions + sum.ParserExceptions;
        if (writeBaselinePath is not null) Baseline.Write(writeBaselinePath, results);
        bool regressed = baselinePath is not null && Baseline.Regressed(baselinePath, results);
        bool failed = exceptions > 0 || sum.CompileErrors > 0 || regressed;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(failed ? "FAIL" : "OK")}: {sum.Docs} docs in {sum.Repos} repos, {sum.Skipped} skipped, {sum.Fields} fields ({ReportWriter.Percent(sum)} precisely typed, {sum.Fallbacks} fallbacks), " +
            $"{exceptions} generator exceptions, {sum.CompileErrors} compile errors, {sum.CompileWarnings} compile warnings{(regressed ? ", REGRESSED against the baseline" : "")}; {total.Elapsed.TotalSeconds:0.0} s{(outPath is null ? "" : "; report: " + outPath)}"));
        return failed ? 1 : 0;
    }

    private static int Usage(int code)
    {
        Console.Error.WriteLine("usage: dotnet run --project tools/CorpusReport -c Release -- <corpora folder> [--out docs/corpus-report.md] [--baseline docs/corpus-baseline.json] [--write-baseline docs/corpus-baseline.json]");
        return code;
    }
}
