using System;
using System.Collections.Generic;
using GenerationModels.Harness;

namespace CorpusReport;

/// <summary>Keeps the first few values seen per key (example paths, example messages).</summary>
internal sealed class Examples
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly int _max;

    public Examples(int max) => _max = max;

    public void Add(string key, string value)
    {
        if (!_values.TryGetValue(key, out var list)) _values[key] = list = new List<string>();
        if (list.Count < _max) list.Add(value);
    }

    public void Add(Examples other)
    {
        foreach (var pair in other._values)
        {
            foreach (string value in pair.Value) Add(pair.Key, value);
        }
    }

    public IReadOnlyList<string> For(string key) => _values.TryGetValue(key, out var list) ? list : Array.Empty<string>();
}

/// <summary>The numbers of one repo, or of a dialect / the whole corpus when added up.</summary>
internal class Stats
{
    public int Repos;
    public int Docs;
    public int Skipped;
    public int Fields;
    public int FallbackUnknownType;
    public int FallbackUnresolvedLink;
    public int DeclaredAny;
    public int SdkTypes;
    public int UnmatchedFallbackDiagnostics;
    public int GeneratorExceptions;
    public int ParserExceptions;
    public int CompileErrors;
    public int CompileWarnings;
    public int GeneratedFiles;
    public double GeneratorMs;
    public double CompileMs;

    /// <summary>Docs per the doc's kind (<c>ParsedDocument.Shape</c>, objects and opaque types as Model).</summary>
    public readonly Counter Kinds = new();

    /// <summary>Docs per <c>ParsedDocument.Dialect</c> (the reader that understood the doc).</summary>
    public readonly Counter Readers = new();

    public readonly Counter SkipReasons = new();
    public readonly Examples SkipExamples = new(3);
    public readonly Counter UnknownTypes = new();
    public readonly Counter UnresolvedTargets = new();
    public readonly Counter SdkTypeNames = new();

    /// <summary>GM0002/GM0003 reported on no parsed field (union cases): "ID type-or-target".</summary>
    public readonly Counter UnmatchedFallbackTypes = new();
    public readonly Examples UnmatchedFallbackExamples = new(3);
    public readonly Counter GeneratorDiagnostics = new();
    public readonly Counter CompileDiagnosticIds = new();
    public readonly Examples CompileDiagnosticExamples = new(1);

    public int Fallbacks => FallbackUnknownType + FallbackUnresolvedLink;

    public void Add(Stats other)
    {
        Repos += other.Repos;
        Docs += other.Docs;
        Skipped += other.Skipped;
        Fields += other.Fields;
        FallbackUnknownType += other.FallbackUnknownType;
        FallbackUnresolvedLink += other.FallbackUnresolvedLink;
        DeclaredAny += other.DeclaredAny;
        SdkTypes += other.SdkTypes;
        UnmatchedFallbackDiagnostics += other.UnmatchedFallbackDiagnostics;
        GeneratorExceptions += other.GeneratorExceptions;
        ParserExceptions += other.ParserExceptions;
        CompileErrors += other.CompileErrors;
        CompileWarnings += other.CompileWarnings;
        GeneratedFiles += other.GeneratedFiles;
        GeneratorMs += other.GeneratorMs;
        CompileMs += other.CompileMs;
        Kinds.Add(other.Kinds);
        Readers.Add(other.Readers);
        SkipReasons.Add(other.SkipReasons);
        SkipExamples.Add(other.SkipExamples);
        UnknownTypes.Add(other.UnknownTypes);
        UnresolvedTargets.Add(other.UnresolvedTargets);
        SdkTypeNames.Add(other.SdkTypeNames);
        UnmatchedFallbackTypes.Add(other.UnmatchedFallbackTypes);
        UnmatchedFallbackExamples.Add(other.UnmatchedFallbackExamples);
        GeneratorDiagnostics.Add(other.GeneratorDiagnostics);
        CompileDiagnosticIds.Add(other.CompileDiagnosticIds);
        CompileDiagnosticExamples.Add(other.CompileDiagnosticExamples);
    }
}

/// <summary>One repo folder's results, with what is only listed per repo.</summary>
internal sealed class RepoResult : Stats
{
    public RepoResult(string dialect, string repo)
    {
        Dialect = dialect;
        Repo = repo;
        Repos = 1;
    }

    public string Dialect { get; }

    public string Repo { get; }

    public string Name => Dialect + "/" + Repo;

    public List<string> FirstErrors { get; } = new();

    public List<string> FirstWarnings { get; } = new();

    /// <summary>Generator and parser exceptions (type, message, first stack frames: our code, not corpus text).</summary>
    public List<string> Exceptions { get; } = new();
}
