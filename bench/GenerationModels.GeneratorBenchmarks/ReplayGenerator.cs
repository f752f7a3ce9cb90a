using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GeneratorBench;

/// <summary>
/// A generator that does no work of its own: per AdditionalFile it adds a source text decided up front. With our
/// generator's own output it shows what the driver costs for that output (tables, hint-name checks, source texts); with
/// a one-line file per doc, what the driver costs per file alone.
/// </summary>
public sealed class ReplayGenerator : IIncrementalGenerator
{
    private readonly IReadOnlyDictionary<string, (string HintName, SourceText Text)> _outputs;
    private readonly IReadOnlyList<(string HintName, SourceText Text)> _extra;

    public ReplayGenerator(IReadOnlyDictionary<string, (string HintName, SourceText Text)> outputs, IReadOnlyList<(string HintName, SourceText Text)> extra)
    {
        _outputs = outputs;
        _extra = extra;
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterSourceOutput(context.AdditionalTextsProvider, (spc, file) =>
        {
            if (_outputs.TryGetValue(file.Path, out var output)) spc.AddSource(output.HintName, output.Text);
        });
        if (_extra.Count != 0)
        {
            context.RegisterPostInitializationOutput(pic =>
            {
                foreach (var (hintName, text) in _extra) pic.AddSource(hintName, text);
            });
        }
    }
}
