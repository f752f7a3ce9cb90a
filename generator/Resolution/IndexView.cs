using System;
using System.Collections.Generic;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Parsing;

namespace GenerationModels.Generator.Resolution;

/// <summary>A link a doc makes: from which doc (the doc itself, or an alias it expands), to what target and type name.</summary>
/// <param name="ByName">False when only the target path may match (see <see cref="TypeRef.PrimitiveUnlessDoc"/>).</param>
internal sealed record LinkQuery(string FromPath, string? Target, string Name, bool ByName);

/// <summary>A link with its target made absolute (<see cref="LinkTarget.Of"/>), ready for index lookups.</summary>
internal sealed record PreparedLink(LinkQuery Query, LinkTarget? Target);

/// <summary>A link and the model it resolves to in the index (null: unresolved).</summary>
internal sealed record LinkAnswer(LinkQuery Query, NamedModel? Model);

/// <summary>
/// A parsed doc and the links it makes, prepared from the doc alone (so kept while only the index changes): fields,
/// union cases and discriminator mappings, nested types; references to a type nested in the same type need no link.
/// </summary>
internal sealed record LinkedDocument(ParsedDocument Document, EquatableArray<PreparedLink> Links)
{
    /// <summary>The doc's path normalized, made once (the links step asks the index with it every time the index changes).</summary>
    public string NormalizedPath { get; } = PathUtil.Normalize(Document.Path);

    public static LinkedDocument Of(ParsedDocument document)
    {
        if (document.Model is null) return new LinkedDocument(document, EquatableArray<PreparedLink>.Empty);
        var collector = new Collector();
        collector.Type(document.Model, document.Path);
        return new LinkedDocument(document, collector.Links.ToEquatableArray());
    }

    private sealed class Collector
    {
        private readonly HashSet<LinkQuery> _asked = new();

        public List<PreparedLink> Links { get; } = new();

        public void Type(SchemaType type, string path)
        {
            HashSet<string>? local = null;
            if (type.Nested.Count > 0)
            {
                local = new HashSet<string>(StringComparer.Ordinal);
                foreach (var nested in type.Nested) local.Add(nested.Name);
            }
            foreach (var field in type.Fields) IndexView.CollectLinks(field.Type, path, local, _asked, Links);
            foreach (var variant in type.Variants) IndexView.CollectLinks(variant, path, local, _asked, Links);
            foreach (var mapped in type.DiscriminatorCases) IndexView.CollectLinks(mapped.Type, path, local, _asked, Links);
            foreach (var nested in type.Nested) Type(nested, path);
        }
    }
}

/// <summary>
/// What one doc needs of the <see cref="SchemaIndex"/>: its own entry and the answer to every link it (and the aliases
/// it expands) makes. The resolve step keys on this rather than on the whole index, so adding, renaming or removing an
/// unrelated doc leaves it equal and the doc's resolution cached.
/// </summary>
internal sealed record IndexView(NamedModel? Self, EquatableArray<LinkAnswer> Links)
{
    /// <summary>The project lists this unit's file more than once (<see cref="SchemaIndex.Copies"/>).</summary>
    public bool Copied { get; init; }

    /// <summary>
    /// The links step: the doc with the wire names other docs' examples show applied (<see cref="WireEvidence"/>; the
    /// same instance when none), its view of the index, and its project summary (<see cref="ProjectSummary.Of"/> of the
    /// doc with evidence applied, made once per such doc and kept with the result). Runs for every doc when the index
    /// changes, and stops there for every doc whose result is equal.
    /// </summary>
    public static (ParsedDocument Document, IndexView View, DocSummary Summary) LinkAndSummarize(ParsedDocument document, SchemaIndex index)
    {
        var result = Link(Memos.GetValue(document, static d => new Memo(LinkedDocument.Of(d))), index);
        return (result.Document, result.View, result.Summary);
    }

    /// <summary>As <see cref="LinkAndSummarize"/>, the doc's links already collected, without the summary.</summary>
    public static (ParsedDocument Document, IndexView View) Link(LinkedDocument linked, SchemaIndex index)
    {
        var result = Link(Memos.GetValue(linked.Document, _ => new Memo(linked)), index);
        return (result.Document, result.View);
    }

    private static LinkResult Link(Memo memo, SchemaIndex index)
    {
        var linked = memo.Linked;
        // When the index changes, this runs for every doc, and almost every answer is what it was. The index keeps an
        // unchanged model's instance (SchemaIndex.Build), so what may answer differently since the index of the last
        // result is a short list of key hashes (SchemaIndex.ChangesSince, worked out once for every doc): when none is
        // one of this doc's keys, the last result is returned as it was, after a few integer comparisons, with nothing
        // allocated but the memo's new index and nothing to compare deeply after.
        var last = memo.Last;
        if (last is not null)
        {
            if (ReferenceEquals(last.Index, index)) return last;
            var delta = index.ChangesSince(last.Index);
            if (!delta.Touches(memo.Keys) && (last.Expanded.Length == 0 || !delta.Touches(last.Expanded)))
            {
                return memo.Last = last with { Index = index };
            }
        }
        var evidence = index.EvidenceFor(linked.NormalizedPath);
        var document = last is not null && last.Evidence.Equals(evidence) ? last.Document : WireEvidence.Apply(linked.Document, evidence);
        IndexView view;
        if (last is not null && Unchanged(last.View, linked, index)) view = last.View;
        else
        {
            view = For(linked, index);
            if (last is not null && view.Equals(last.View)) view = last.View;
        }
        var summary = last is not null && ReferenceEquals(document, last.Document) ? last.Summary : ProjectSummary.Of(document);
        return memo.Last = new LinkResult(evidence, document, view, index, ReferenceEquals(view, last?.View) ? last!.Expanded : ExpandedKeys(view, linked), summary);
    }

    /// <summary>The keys of the links the view answers for the aliases it expands (after the doc's own links), sorted; usually none.</summary>
    private static int[] ExpandedKeys(IndexView view, LinkedDocument linked)
    {
        if (view.Links.Count <= linked.Links.Count) return Array.Empty<int>();
        var keys = new List<int>();
        for (int i = linked.Links.Count; i < view.Links.Count; i++)
        {
            var query = view.Links[i].Query;
            IndexKeys.Add(LinkTarget.Of(query.FromPath, query.Target), query, keys);
        }
        keys.Sort();
        return keys.ToArray();
    }

    /// <summary>
    /// Per parsed doc (one instance: the step before keeps an unchanged doc's): the links it makes, the hashes of the
    /// keys its lookups use (<see cref="IndexKeys.Of"/>), and its last links result, replaced whole, so threads sharing
    /// it read a consistent one.
    /// </summary>
    private sealed class Memo(LinkedDocument linked)
    {
        public LinkedDocument Linked { get; } = linked;
        public int[] Keys { get; } = IndexKeys.Of(linked);
        public volatile LinkResult? Last;
    }

    /// <param name="Index">The index the result was made with.</param>
    /// <param name="Expanded">The keys of the lookups for the aliases the view expands (<see cref="ExpandedKeys"/>): with the doc's own, every lookup behind the result.</param>
    /// <param name="Summary">The doc's project summary (<see cref="ProjectSummary.Of"/>).</param>
    private sealed record LinkResult(EquatableArray<ExampleKeySet> Evidence, ParsedDocument Document, IndexView View, SchemaIndex Index, int[] Expanded, DocSummary Summary);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ParsedDocument, Memo> Memos = new();

    /// <summary>Whether <see cref="For"/> would give a view equal to <paramref name="last"/>, made for the same doc: same self, same copy flag, every link answered by the same model (and no alias among them).</summary>
    private static bool Unchanged(IndexView last, LinkedDocument linked, SchemaIndex index)
    {
        var document = linked.Document;
        var self = index.Find(document.Path, document.Pointer);
        if (!ReferenceEquals(self, last.Self) || index.IsCopied(document.Path, document.Pointer) != last.Copied) return false;
        if (document.Model is null || self is null || self.IsAlias) return true;
        if (last.Links.Count != linked.Links.Count) return false;
        for (int i = 0; i < linked.Links.Count; i++)
        {
            var link = linked.Links[i];
            var target = index.Resolve(link.Target, link.Query.Name, link.Query.ByName);
            if (!ReferenceEquals(target, last.Links[i].Model) || target is { IsAlias: true }) return false;
        }
        return true;
    }

    public static IndexView For(LinkedDocument linked, SchemaIndex index)
    {
        var document = linked.Document;
        var self = index.Find(document.Path, document.Pointer);
        bool copied = index.IsCopied(document.Path, document.Pointer);
        if (document.Model is null || self is null || self.IsAlias) return new IndexView(self, EquatableArray<LinkAnswer>.Empty) { Copied = copied };
        var answers = new List<LinkAnswer>(linked.Links.Count);
        HashSet<LinkQuery>? asked = null;
        List<PreparedLink>? expanded = null;
        foreach (var link in linked.Links) Answer(link);
        // What linked aliases stand for, relative to the alias's doc (rare: aliases are few).
        for (int i = 0; expanded is not null && i < expanded.Count; i++) Answer(expanded[i]);
        return new IndexView(self, answers.ToEquatableArray()) { Copied = copied };

        void Answer(PreparedLink link)
        {
            var target = index.Resolve(link.Target, link.Query.Name, link.Query.ByName);
            answers.Add(new LinkAnswer(link.Query, target));
            if (target is { IsAlias: true, AliasOf: { } aliased })
            {
                if (asked is null)
                {
                    asked = new HashSet<LinkQuery>();
                    foreach (var prepared in linked.Links) asked.Add(prepared.Query);
                }
                CollectLinks(aliased, target.Path, null, asked, expanded ??= new List<PreparedLink>());
            }
        }
    }

    /// <summary>Adds the links <paramref name="type"/> makes from <paramref name="fromPath"/> that are not yet in <paramref name="asked"/>.</summary>
    /// <param name="local">Names of the types nested in the type being walked (a nested reference to one needs no link); null inside an alias.</param>
    internal static void CollectLinks(TypeRef type, string fromPath, HashSet<string>? local, HashSet<LinkQuery> asked, List<PreparedLink> links)
    {
        switch (type.Kind)
        {
            case TypeKind.Array:
            case TypeKind.Map:
                CollectLinks(type.Element!, fromPath, local, asked, links);
                return;
            case TypeKind.Nested when local is not null && type.Name is not null && local.Contains(type.Name):
                return;
            case TypeKind.Reference:
            case TypeKind.Nested:
                var query = new LinkQuery(fromPath, type.Target, type.Name ?? "", type.Fallback is null);
                if (asked.Add(query)) links.Add(new PreparedLink(query, LinkTarget.Of(fromPath, type.Target)));
                return;
        }
    }
}
