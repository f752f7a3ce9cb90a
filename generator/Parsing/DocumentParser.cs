using System.Threading;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>Reads one doc: scans its blocks, picks the reader of its dialect family, and returns an equatable result.</summary>
internal static class DocumentParser
{
    public static ParsedDocument Parse(string path, string text, CancellationToken cancellationToken)
    {
        var blocks = MarkdownScanner.Scan(text, cancellationToken);
        var context = new DocumentContext(path, blocks);
        SchemaType? model = null;
        string dialect = "none";
        string? reason = null;
        if (FrozenDictReader.CanRead(blocks))
        {
            dialect = FrozenDictReader.Dialect;
            model = FrozenDictReader.Read(context, out reason);
        }
        else if (SpeakeasyReader.CanRead(blocks))
        {
            dialect = SpeakeasyReader.Dialect;
            model = SpeakeasyReader.Read(context);
            if (model is null) reason = "its '## Fields' section has no usable table or the doc has no '# Name' heading";
        }
        else
        {
            reason = "it has no '## Fields' table (Speakeasy) or '## Model Type Info' section (OpenAPI Generator frozendict)";
        }

        if (model is null)
        {
            context.Report(DiagnosticDescriptors.NotASchemaId, SourceSpan.FileStart(path), reason ?? "no model could be read");
            return new ParsedDocument(path, DocumentKind.NotASchema, dialect, null, context.Diagnostics.ToEquatableArray());
        }
        return new ParsedDocument(path, DocumentKind.Model, dialect, model, context.Diagnostics.ToEquatableArray());
    }
}
