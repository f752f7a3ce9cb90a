using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace CorpusReport;

/// <summary>
/// The committed per-repo baseline (<c>docs/corpus-baseline.json</c>): for each corpus repo, its fallbacks (fields typed
/// JsonElement because a type is unknown or a link unresolved), its GM warnings (generator diagnostics of warning
/// severity) and its precisely-typed share. <c>--baseline FILE</c> fails the run (exit code 1) when a repo has more
/// fallbacks or GM warnings, or a lower precisely-typed share, than the file records, or when a repo of the file is
/// missing from the corpus. <c>--write-baseline FILE</c> records the current run (after an improvement, on purpose).
/// </summary>
internal static class Baseline
{
    /// <summary>The GM ids of warning severity, from the generator's one diagnostic catalog.</summary>
    private static readonly HashSet<string> WarningIds = typeof(GenerationModels.Generator.Diagnostics.DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning)
        .Select(d => d.Id)
        .ToHashSet(StringComparer.Ordinal);

    internal sealed record Entry(int Docs, int Fields, int Fallbacks, int GmWarnings, double PreciselyTyped);

    internal static Entry Measure(Stats stats)
        => new(
            stats.Docs,
            stats.Fields,
            stats.Fallbacks,
            stats.GeneratorDiagnostics.Keys.Where(WarningIds.Contains).Sum(id => stats.GeneratorDiagnostics[id]),
            stats.Fields == 0 ? 100.0 : Math.Round(100.0 * (stats.Fields - stats.Fallbacks) / stats.Fields, 4));

    public static void Write(string path, IReadOnlyList<RepoResult> results)
    {
        var repos = new JsonObject();
        foreach (var result in results.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var e = Measure(result);
            repos[result.Name] = new JsonObject
            {
                ["docs"] = e.Docs,
                ["fields"] = e.Fields,
                ["fallbacks"] = e.Fallbacks,
                ["gmWarnings"] = e.GmWarnings,
                ["preciselyTypedPercent"] = e.PreciselyTyped,
            };
        }
        var root = new JsonObject
        {
            ["about"] = "Corpus report baseline: per repo, the most fallbacks and GM warnings and the lowest precisely-typed share CI accepts. "
                + "Checked by .ci/run (tools/CorpusReport --baseline); after an improvement, regenerate with --write-baseline.",
            ["gmWarningIds"] = new JsonArray(WarningIds.OrderBy(i => i, StringComparer.Ordinal).Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
            ["repos"] = repos,
        };
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        Console.Out.WriteLine($"baseline written: {path} ({results.Count} repos)");
    }

    /// <summary>Compares the run with the baseline; prints every regression and improvement. True when the run regressed.</summary>
    public static bool Regressed(string path, IReadOnlyList<RepoResult> results)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"BASELINE FAIL: baseline file not found: {path} (create it with --write-baseline {path})");
            return true;
        }
        var repos = JsonNode.Parse(File.ReadAllText(path))?["repos"]?.AsObject()
            ?? throw new InvalidDataException($"{path}: no \"repos\" object");
        var byName = results.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var regressions = new List<string>();
        var improvements = new List<string>();
        foreach (var (name, node) in repos)
        {
            if (!byName.TryGetValue(name, out var result))
            {
                regressions.Add($"{name}: in the baseline but not in the corpus (corpus changed? regenerate the baseline on purpose)");
                continue;
            }
            var now = Measure(result);
            int fallbacks = node!["fallbacks"]!.GetValue<int>();
            int warnings = node["gmWarnings"]!.GetValue<int>();
            double share = node["preciselyTypedPercent"]!.GetValue<double>();
            if (now.Fallbacks > fallbacks) regressions.Add($"{name}: {now.Fallbacks} fallbacks, baseline {fallbacks}");
            else if (now.Fallbacks < fallbacks) improvements.Add($"{name}: {now.Fallbacks} fallbacks, baseline {fallbacks}");
            if (now.GmWarnings > warnings) regressions.Add($"{name}: {now.GmWarnings} GM warnings, baseline {warnings}");
            else if (now.GmWarnings < warnings) improvements.Add($"{name}: {now.GmWarnings} GM warnings, baseline {warnings}");
            if (now.PreciselyTyped < share) regressions.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {now.PreciselyTyped:0.####}% precisely typed, baseline {share:0.####}%"));
            else if (now.PreciselyTyped > share) improvements.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {now.PreciselyTyped:0.####}% precisely typed, baseline {share:0.####}%"));
        }
        foreach (var name in byName.Keys.Where(n => !repos.ContainsKey(n)).OrderBy(n => n, StringComparer.Ordinal))
        {
            Console.Out.WriteLine($"baseline: {name} is new (not in {path}); add it with --write-baseline");
        }
        foreach (string line in improvements) Console.Out.WriteLine("baseline: improved: " + line + $" (record it with --write-baseline {path})");
        foreach (string line in regressions) Console.Error.WriteLine("BASELINE FAIL: regressed: " + line);
        Console.Out.WriteLine(regressions.Count == 0
            ? $"baseline: no regression against {path} ({repos.Count} repos)"
            : $"baseline: {regressions.Count} regression(s) against {path}");
        return regressions.Count > 0;
    }
}
