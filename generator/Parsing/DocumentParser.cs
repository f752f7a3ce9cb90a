using System;
using System.Collections.Generic;
using System.Threading;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// Reads one doc: scans its blocks, picks the reader of its dialect family by the sections it has, and returns an
/// equatable result. Every doc is classified: model, enum, union, or not a schema (with the reason, as GM0004).
/// </summary>
internal static class DocumentParser
{
    /// <param name="wireNaming">The GenerationModelsWireNaming knob for this doc; null when it is not set (then names are
    /// taken as written, and <see cref="ParsedDocument.WireNamingUnset"/> lets the project summary warn, GM0015).</param>
    public static ParsedDocument Parse(string path, string text, CancellationToken cancellationToken, WireNaming? wireNaming = null)
    {
        // Lone surrogates (a file decoded from broken bytes) would break normalization and UTF-8 literals downstream.
        var blocks = MarkdownScanner.Scan(Utf16.Valid(text), cancellationToken);
        var context = new DocumentContext(path, blocks, wireNaming ?? WireNaming.AsWritten) { NamesConfirmed = wireNaming == WireNaming.AsWritten };
        SchemaType? model = null;
        string dialect = "none";
        string? reason = null;

        if (OagUnionReader.CanRead(blocks))
        {
            // Before the operation-page test: ruby's oneOf docs document a 'build' method with a '#### Return type'.
            dialect = OagUnionReader.Dialect;
            model = OagUnionReader.Read(context, out reason);
        }
        else if (IsOperationPage(blocks))
        {
            reason = "it describes API operations (it has '### Return type' or 'HTTP request headers' sections), not a schema";
        }
        else if (FrozenDictReader.CanRead(blocks))
        {
            dialect = FrozenDictReader.Dialect;
            model = FrozenDictReader.Read(context, out reason);
        }
        else if (UnionReader.CanRead(blocks))
        {
            dialect = UnionReader.Dialect;
            model = UnionReader.Read(context, out reason);
        }
        else if (EnumReader.CanRead(blocks))
        {
            dialect = EnumReader.Dialect;
            model = EnumReader.Read(context, out reason);
        }
        else if (SpeakeasyReader.CanRead(blocks))
        {
            dialect = SpeakeasyReader.Dialect;
            model = SpeakeasyReader.Read(context);
            if (model is null) reason = "its '## Fields' section has no usable table or the doc has no '# Name' heading";
        }
        else if (OagPropertiesReader.CanRead(blocks))
        {
            dialect = OagPropertiesReader.Dialect;
            model = OagPropertiesReader.Read(context, out reason);
        }
        else if (Blocks.HasHeading(blocks, "Enum Variants", level: 2))
        {
            reason = "its 'Enum Variants' section has no table";
        }
        else if (Blocks.HasHeading(blocks, "Class instance methods", level: 2))
        {
            reason = "it documents class methods but no 'openapi_one_of' or 'openapi_any_of' list of cases";
        }
        else if (DocumentTitle.IsTitleOnly(blocks, out var title))
        {
            // Speakeasy Java writes a oneOf union as a doc with its title and nothing else: the type exists (other docs
            // link to it) but its shape is not described, so it holds any JSON value unchanged.
            dialect = TitleOnlyDialect;
            model = SchemaType.Opaque(DocumentTitle.Name(title), DescriptionText.Normalize((blocks.Count > 1 ? blocks[1] as ParagraphBlock : null)?.Text), context.At(title));
            context.Report(DiagnosticDescriptors.UndescribedTypeId, context.At(title), model.Name);
        }
        else
        {
            reason = "it has none of the sections a schema doc has ('## Fields', '## Properties', '## Values', '## Enum', '## Supported Types', '## Model Type Info')";
        }

        if (model is null)
        {
            context.Report(DiagnosticDescriptors.NotASchemaId, SourceSpan.FileStart(path), reason ?? "no model could be read");
            return new ParsedDocument(path, dialect, null, context.Diagnostics.ToEquatableArray()) { WireNamingUnset = wireNaming is null };
        }
        return new ParsedDocument(path, dialect, model, context.Diagnostics.ToEquatableArray()) { WireNamingUnset = wireNaming is null };
    }

    /// <summary>The reader name of docs that have a title and nothing else.</summary>
    public const string TitleOnlyDialect = "title-only";

    private static bool IsOperationPage(IReadOnlyList<MarkdownBlock> blocks)
        => Blocks.HasHeading(blocks, "Return type") || Blocks.HasHeading(blocks, "HTTP request headers");
}
