using System;
using System.Collections.Immutable;
using System.Linq;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Emission;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Parsing;
using GenerationModels.Generator.Parsing.OpenApi;
using GenerationModels.Generator.Resolution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GenerationModels.Generator;

/// <summary>
/// Reads schema docs and OpenAPI specs (AdditionalFiles marked <c>GenerationModelsSchema="true"</c>) and emits a partial
/// record per model plus one serializer context. Pipeline (ARCHITECTURE.md): parse each file (keyed on its text) into one
/// unit per model → index names across files → resolve each unit (keyed on its parse, its view of the index, and the
/// options it uses) into an emit-ready description → emit it; diagnostics go out on their own.
/// Only equatable values cross steps, so editing one doc re-emits that doc alone.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GenerationModelsGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class TrackingNames
    {
        public const string Options = nameof(Options);
        /// <summary>Per AdditionalFile: the file as read (null when it is not marked as a schema doc).</summary>
        public const string SchemaFiles = nameof(SchemaFiles);
        public const string Parse = nameof(Parse);
        public const string Index = nameof(Index);
        /// <summary>The options the resolve step uses (they reach it through <see cref="Links"/>).</summary>
        public const string ResolveOptions = nameof(ResolveOptions);
        /// <summary>
        /// Per doc: the doc with the wire names other docs' examples show, what it needs of the index (<see cref="IndexView"/>),
        /// the options resolving uses, and its project summary (for <see cref="Summary"/>).
        /// </summary>
        public const string Links = nameof(Links);
        /// <summary>Per doc: the emit-ready description and the diagnostics.</summary>
        public const string Resolve = nameof(Resolve);
        /// <summary>Per doc: the description alone (what the emitter keys on).</summary>
        public const string Describe = nameof(Describe);
        /// <summary>The descriptions of units whose file the project lists twice (written once; from the collected <see cref="Links"/> outputs); almost always none.</summary>
        public const string Copies = nameof(Copies);
        /// <summary>GM0014/GM0015: project-wide summaries over every doc (the same collection of <see cref="Links"/> outputs).</summary>
        public const string Summary = nameof(Summary);
        /// <summary>Per doc: the generated source.</summary>
        public const string Emit = nameof(Emit);
        /// <summary>The files the models are added as: one per model, or shared files in a project of more than 256 models (<see cref="Emission.ModelFiles"/>).</summary>
        public const string ModelFiles = nameof(ModelFiles);
        /// <summary>Per doc: the diagnostics alone.</summary>
        public const string Diagnostics = nameof(Diagnostics);
        /// <summary>The serializer context's description.</summary>
        public const string Context = nameof(Context);
        /// <summary>The files the context is written as (<see cref="ContextSpec.Files"/>).</summary>
        public const string ContextFiles = nameof(ContextFiles);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        LanguageVersionCheck.Register(context);

        // Null for an AdditionalFile that is not a schema doc (one step, not a Where and a Select: every per-doc step
        // costs the driver a table of every file on each run).
        var schemaFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) => SchemaFileOf(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaFiles);

        // A markdown doc is one unit; an OpenAPI spec is one unit per named schema, so editing one schema of a spec
        // re-emits that schema alone.
        var read = schemaFiles
            .SelectMany((file, cancellationToken) => file is null ? ImmutableArray<ParsedDocument>.Empty : Parse(file, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // One collected input: per unit its index entry and the example keys it shows for other docs (Speakeasy's
        // Example column: wire names). Neither holds fields or positions, so editing a doc's text leaves it equal.
        var index = read
            .Select((doc, _) => IndexInput.Of(doc))
            .Collect()
            .Combine(options)
            .Select((pair, _) => SchemaIndex.Build(pair.Left, pair.Right.ContextName))
            .WithTrackingName(TrackingNames.Index);

        // Resolve keys on what each doc needs of the index (its own entry, its links' answers, the wire names other
        // docs' examples show for it) and on the options it uses, so adding, renaming or removing an unrelated doc, or
        // changing the context name, stops at the links step and leaves it cached.
        var resolveOptions = options
            .Select((o, _) => ResolveOptions.From(o))
            .WithTrackingName(TrackingNames.ResolveOptions);

        // The links a doc makes are collected once per parsed doc (kept beside it, IndexView.Link), not by a step of
        // their own, and the options resolving uses come with the index (one per-doc combination, not two): every
        // per-doc step costs the driver a table of every doc on each run. When only the options change, every doc's
        // links step returns its last answers at once (same index) and only resolving runs again.
        var linked = read
            .Combine(index.Combine(resolveOptions))
            .Select((pair, _) => Linked(pair.Left, pair.Right.Left, pair.Right.Right))
            .WithTrackingName(TrackingNames.Links);

        var resolved = linked
            .Select((input, cancellationToken) => ModelResolver.Resolve(input.Document, input.View, input.Options, cancellationToken))
            .WithTrackingName(TrackingNames.Resolve);

        // Source and diagnostics go out separately (as System.Text.Json's generator does): a change that only moves
        // positions changes the diagnostics, not the description, and re-emits no source.
        var files = resolved
            .Select((doc, _) => doc.Copied ? null : doc.File)
            .WithTrackingName(TrackingNames.Describe);

        var emitted = files
            .Select((file, cancellationToken) => file is null ? null : ModelEmitter.Emit(file, cancellationToken))
            .WithTrackingName(TrackingNames.Emit);

        // The files the models go out as: one per model, or past 256 models shared files of 4 to 8 (ModelFiles: the
        // driver checks every hint name against all those added before it on every run). Grouping only gathers texts
        // emitted per doc, and a file's text is made again only when one of its models changed (the same SourceText
        // instance otherwise, so the compiler keeps its syntax tree). One entry, not one per file: with step tracking on
        // (tests), Roslyn walks each output's whole input tree, and every file's tree holds every doc's chain.
        var modelFiles = emitted
            .Collect()
            .Select((all, _) => ModelFiles.Group(all))
            .WithTrackingName(TrackingNames.ModelFiles);

        context.RegisterSourceOutput(modelFiles, static (spc, groups) =>
        {
            foreach (var group in groups) spc.AddSource(group.HintName, ModelFiles.SourceOf(group));
        });

        // The linked docs collected once, for the two project-wide outputs below (one collected node rather than a
        // per-doc step and a collection each: every per-doc step costs the driver a table of every doc on each run).
        var allLinked = linked.Collect();

        // A file the project lists twice is two identical units the index names once: both would add the same hint
        // name, which Roslyn rejects. The index marks them (almost always none); they are resolved and written once from
        // here, off the per-doc chain, found by a scan of the collected views' copy flags.
        var copies = allLinked
            .Select((all, cancellationToken) => CopiedFiles(all, cancellationToken))
            .WithTrackingName(TrackingNames.Copies);

        context.RegisterSourceOutput(copies, static (spc, list) =>
        {
            var written = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in list)
            {
                if (!written.Add(file.HintName)) continue;
                var emitted = ModelEmitter.Emit(file, spc.CancellationToken);
                spc.AddSource(emitted.HintName, SourceText.From(emitted.Source, System.Text.Encoding.UTF8));
            }
        });

        // Project-wide summaries (GM0014 docs that produced no type, GM0015 language-cased names with no casing set).
        var summary = allLinked
            .Combine(options)
            .Select((pair, _) => ProjectSummary.Diagnostics(pair.Left.Select(doc => doc.Summary), pair.Right.ProjectDirectory))
            .WithTrackingName(TrackingNames.Summary);
        context.RegisterSourceOutput(summary, static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics) spc.ReportDiagnostic(ToDiagnostic(diagnostic));
        });

        var diagnostics = resolved
            .Select((doc, _) => doc.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var diagnostic in list) spc.ReportDiagnostic(ToDiagnostic(diagnostic));
        });

        var contextSpec = index
            .Combine(options)
            .Select((pair, _) => ModelResolver.Context(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Context);

        // A large project's context is a main file and parts by type name: adding a doc rewrites one part.
        var contextFiles = contextSpec
            .SelectMany((spec, _) => spec.Files())
            .WithTrackingName(TrackingNames.ContextFiles);

        context.RegisterSourceOutput(contextFiles, static (spc, file) =>
        {
            spc.AddSource(file.HintName, SourceText.From(ContextEmitter.Emit(file), System.Text.Encoding.UTF8));
        });
    }

    /// <summary>
    /// An AdditionalFile the generator reads: its path and text (null when it could not be read), not the
    /// AdditionalText itself: no AdditionalText, symbol, syntax tree, compilation or Location is held by a step (the
    /// SourceText is immutable text the driver already holds). The text compares by reference, so an unchanged file
    /// stays cached without comparing its contents.
    /// </summary>
    private sealed record SchemaFile(string Path, SourceText? Text, WireNaming? WireNaming, string? TypeName);

    /// <summary>The GenerationModelsTypeName knob (item metadata): the C# name of a markdown doc's type, pinned.</summary>
    private static string? TypeNameOf(AnalyzerConfigOptions file)
        => file.TryGetValue("build_metadata.AdditionalFiles.GenerationModelsTypeName", out var name) && !string.IsNullOrWhiteSpace(name) ? name.Trim() : null;

    /// <summary>The GenerationModelsWireNaming knob: item metadata first (per folder or file), then the project property.</summary>
    private static WireNaming? WireNamingOf(AnalyzerConfigOptions file, AnalyzerConfigOptions global)
        => WireNames.ParseKnobOrUnset(
            file.TryGetValue("build_metadata.AdditionalFiles.GenerationModelsWireNaming", out var perFile) && !string.IsNullOrWhiteSpace(perFile) ? perFile
            : global.TryGetValue("build_property.GenerationModelsWireNaming", out var project) ? project : null);

    private static bool IsSchemaDoc(AnalyzerConfigOptions options)
        => options.TryGetValue("build_metadata.AdditionalFiles.GenerationModelsSchema", out var value)
        && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static ImmutableArray<ParsedDocument> Parse(SchemaFile file, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.Text;
        if (text is null)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableFileId, SourceSpan.FileStart(file.Path), "the file could not be opened or decoded");
            return ImmutableArray.Create(new ParsedDocument(file.Path, "none", null, new[] { diagnostic }.ToEquatableArray()));
        }
        return OpenApiReader.IsSpecPath(file.Path)
            ? OpenApiReader.Read(file.Path, text.ToString(), cancellationToken)
            : ImmutableArray.Create(DocumentParser.Parse(file.Path, text.ToString(), cancellationToken, file.WireNaming) with { TypeName = file.TypeName });
    }

    /// <summary>The descriptions of the units flagged as copies, in order (almost always none).</summary>
    private static EquatableArray<ModelFileSpec> CopiedFiles(ImmutableArray<(ParsedDocument Document, IndexView View, ResolveOptions Options, DocSummary Summary)> all, System.Threading.CancellationToken cancellationToken)
    {
        System.Collections.Generic.List<ModelFileSpec>? files = null;
        foreach (var (document, view, options, _) in all)
        {
            if (view.Copied && ModelResolver.Resolve(document, view, options, cancellationToken).File is { } file) (files ??= new()).Add(file);
        }
        return files is null ? EquatableArray<ModelFileSpec>.Empty : files.ToEquatableArray();
    }

    /// <summary>A doc's links step: the doc with evidence applied and its view of the index (<see cref="IndexView.LinkAndSummarize"/>), the options resolving it uses, and its project summary.</summary>
    private static (ParsedDocument Document, IndexView View, ResolveOptions Options, DocSummary Summary) Linked(ParsedDocument document, SchemaIndex index, ResolveOptions options)
    {
        var (linked, view, summary) = IndexView.LinkAndSummarize(document, index);
        return (linked, view, options, summary);
    }

    /// <summary>The AdditionalFile as the generator reads it, or null when it is not marked as a schema doc.</summary>
    private static SchemaFile? SchemaFileOf(AdditionalText text, AnalyzerConfigOptionsProvider provider, System.Threading.CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(text);
        return IsSchemaDoc(options) ? new SchemaFile(text.Path, text.GetText(cancellationToken), WireNamingOf(options, provider.GlobalOptions), TypeNameOf(options)) : null;
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var span = info.Location;
        var start = new LinePosition(span.Line, span.Column);
        var end = new LinePosition(span.Line, span.Column + span.Length);
        var location = Location.Create(span.Path, new TextSpan(span.Start, span.Length), new LinePositionSpan(start, end));
        return Diagnostic.Create(DiagnosticDescriptors.ById[info.DescriptorId], location, info.Arguments.ToArray<object>());
    }
}
