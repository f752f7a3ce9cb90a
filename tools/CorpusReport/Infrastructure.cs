using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorpusReport;

/// <summary>A corpus doc handed to the generator as an AdditionalFile (text read once, held in memory).</summary>
internal sealed class CorpusAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public CorpusAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// Global MSBuild properties plus the per-file metadata <c>GenerationModelsSchema=true</c> on every AdditionalFile,
/// the same shape the compiler hands the generator in a real build.
/// </summary>
internal sealed class CorpusOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _global;
    private readonly DictionaryOptions _schemaFile = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.GenerationModelsSchema"] = "true" });
    private readonly DictionaryOptions _empty = new(new Dictionary<string, string>());

    public CorpusOptionsProvider(IDictionary<string, string> buildProperties)
    {
        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in buildProperties) global["build_property." + pair.Key] = pair.Value;
        _global = new DictionaryOptions(global);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _schemaFile;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
