using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Parsing;

namespace GenerationModels.Generator.Resolution;

/// <summary>
/// What the index needs of one model: where it is (file, and pointer inside a spec), the name it goes by, and for an
/// alias the type it stands for.
/// </summary>
internal sealed record IndexEntry(string Path, string Pointer, string DocName, SchemaShape Shape, TypeRef? AliasOf = null)
{
    /// <summary>The C# type name the doc name gives, before the index makes it unique; made once per doc, not per index build.</summary>
    public string TypeName { get; } = Shape == SchemaShape.Alias ? "" : Identifier.ToPascalCase(DocName, "Model").TrimStart('@');

    /// <summary>The C# name the project pins for this doc's type (GenerationModelsTypeName), if any.</summary>
    public string? PinnedTypeName { get; init; }
}

/// <summary>
/// What one parsed unit brings to the index: its entry (none when it has no model) and the example keys it shows for the
/// docs it links to (<see cref="WireEvidence"/>). Both are small and fieldless, so editing a doc's fields or text leaves
/// it equal.
/// </summary>
internal sealed record IndexInput(IndexEntry? Entry, EquatableArray<ExampleKeySet> Evidence)
{
    public static IndexInput Of(ParsedDocument doc)
        => new(doc.Model is { } model ? new IndexEntry(doc.Path, doc.Pointer, model.Name, model.Shape, model.AliasOf) { PinnedTypeName = doc.TypeName } : null, WireEvidence.Collect(doc));
}

/// <summary>A model and the unique C# type name it was given; an alias has no type, so no name (<see cref="ClrName"/> is empty).</summary>
internal sealed record NamedModel(string Path, string Pointer, string DocName, string ClrName, string? RenameReason, SchemaShape Shape, TypeRef? AliasOf = null)
{
    public bool IsAlias => Shape == SchemaShape.Alias;

    /// <summary><see cref="Path"/> normalized (<see cref="PathUtil.Normalize"/>), made once per instance: the index keeps an unchanged model's instance, so rebuilding its lookups does not normalize every path again.</summary>
    public string NormalizedPath { get; } = PathUtil.Normalize(Path);

    /// <summary>
    /// When another doc holds the name this doc gives (<see cref="PlainName"/>), so this one is qualified by its path
    /// (GM0020): that doc's path, or "" for the serializer context; null when the doc has the name it gives.
    /// </summary>
    public string? NameTakenBy { get; init; }

    /// <summary>The name this doc gives, which <see cref="NameTakenBy"/> holds.</summary>
    public string? PlainName { get; init; }

    /// <summary><see cref="NameTakenBy"/> holds the name because it pins it (GenerationModelsTypeName).</summary>
    public bool NameTakenByPin { get; init; }
}

/// <summary>
/// The cross-file view: every model doc with a unique C# name, used to resolve links between docs.
/// It depends only on paths, doc names and what aliases stand for, so editing a doc's fields leaves it equal and other
/// docs cached.
/// </summary>
internal sealed record SchemaIndex(EquatableArray<NamedModel> Models)
{
    /// <summary>Every unit's example keys for other docs, grouped by the doc they describe (see <see cref="WireEvidence.Merge"/>).</summary>
    public EquatableArray<ExampleKeySet> Evidence { get; init; } = EquatableArray<ExampleKeySet>.Empty;

    /// <summary>
    /// Models whose file the project lists more than once (almost always none): each copy is a unit of its own that
    /// would add the same hint name, which Roslyn rejects, so the generator writes those from one collected output.
    /// </summary>
    public EquatableArray<NamedModel> Copies { get; init; } = EquatableArray<NamedModel>.Empty;

    /// <summary>The index over every unit's <see cref="IndexInput"/>: names, the wire-name evidence, the copies.</summary>
    public static SchemaIndex Build(ImmutableArray<IndexInput> inputs, string contextName)
    {
        var updated = Updated(inputs, contextName, out var names);
        var index = updated ?? BuildFromScratch(inputs, contextName);
        if (updated is null) Forget(inputs);
        Remember(inputs, contextName, index, names);
        return index;
    }

    /// <summary>The index over <paramref name="inputs"/> worked out from nothing (what <see cref="Build(ImmutableArray{IndexInput}, string)"/> always equals).</summary>
    internal static SchemaIndex BuildFromScratch(ImmutableArray<IndexInput> inputs, string contextName)
    {
        var entries = ImmutableArray.CreateBuilder<IndexEntry>(inputs.Length);
        foreach (var input in inputs)
        {
            if (input.Entry is not null) entries.Add(input.Entry);
        }
        return Build(entries.ToImmutable(), contextName) with { Evidence = WireEvidence.Merge(inputs.Select(input => input.Evidence)) };
    }

    /// <summary>
    /// The last index built with an input list, kept on the first entry of that list (an added doc comes last, so the
    /// next list almost always starts with the same entry): the inputs, the context name, and the C# names taken
    /// (ignoring case, the context's included).
    /// </summary>
    private sealed record LastBuild(ImmutableArray<IndexInput> Inputs, string ContextName, SchemaIndex Index, HashSet<string> Taken);

    private static IndexEntry? FirstEntry(ImmutableArray<IndexInput> inputs)
    {
        foreach (var input in inputs)
        {
            if (input.Entry is not null) return input.Entry;
        }
        return null;
    }

    /// <summary>
    /// Drops the last build kept on any entry but the first (after a build from scratch, which costs a pass over the
    /// inputs anyway): when another doc becomes first, the entry that was first lives on and would keep an old index, its
    /// inputs and its name set alive, one more with every such change in a long IDE session.
    /// </summary>
    private static void Forget(ImmutableArray<IndexInput> inputs)
    {
        bool first = true;
        foreach (var input in inputs)
        {
            if (input.Entry is not { } entry) continue;
            if (!first && EntryFactsTable.TryGetValue(entry, out var facts)) facts.Last = null;
            first = false;
        }
    }

    private static void Remember(ImmutableArray<IndexInput> inputs, string contextName, SchemaIndex index, HashSet<string>? taken)
    {
        if (FirstEntry(inputs) is not { } first) return;
        if (taken is null)
        {
            taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { contextName };
            foreach (var model in index.Models)
            {
                if (!model.IsAlias) taken.Add(model.ClrName);
            }
        }
        Facts(first).Last = new LastBuild(inputs, contextName, index, taken);
    }

    /// <summary>Changes beyond this many inputs are built from scratch.</summary>
    private const int MostChangesUpdated = 4;

    /// <summary>
    /// The last index built with the same first entry, updated, when the inputs differ from its inputs by a few added or
    /// removed docs whose names move no other doc's name: a removed doc's name is wanted by no doc that lost its plain
    /// name, an added doc's path is new and the name it gives is free (ignoring case), and no name is pinned. Then the
    /// rules (plain names first, qualified names in path order) give every other doc the name it had, and the result equals
    /// <see cref="BuildFromScratch"/> (<c>IndexReuseTests</c> checks it over random adds and removes). Otherwise null.
    /// </summary>
    private static SchemaIndex? Updated(ImmutableArray<IndexInput> inputs, string contextName, out HashSet<string>? taken)
    {
        taken = null;
        if (FirstEntry(inputs) is not { } first || Facts(first).Last is not { } last || last.ContextName != contextName || last.Index.Copies.Count != 0) return null;
        var before = last.Inputs;
        if (before == inputs) return last.Index;
        // The lists in step: an add appends (or inserts), a remove drops one; anything else is a few of both.
        List<IndexInput>? added = null, removed = null;
        int i = 0, j = 0, changes = 0;
        while (i < before.Length || j < inputs.Length)
        {
            if (i < before.Length && j < inputs.Length && ReferenceEquals(before[i], inputs[j]))
            {
                i++;
                j++;
                continue;
            }
            if (++changes > MostChangesUpdated) return null;
            if (i < before.Length && j + 1 < inputs.Length && ReferenceEquals(before[i], inputs[j + 1])) (added ??= new()).Add(inputs[j++]);
            else if (j < inputs.Length && i + 1 < before.Length && ReferenceEquals(before[i + 1], inputs[j])) (removed ??= new()).Add(before[i++]);
            else
            {
                if (i < before.Length) (removed ??= new()).Add(before[i++]);
                if (j < inputs.Length) (added ??= new()).Add(inputs[j++]);
            }
        }
        if (added is not null && removed is not null && added.Any(a => removed.Any(r => ReferenceEquals(a, r)))) return null;

        var models = new List<NamedModel>(last.Index.Models.AsImmutableArray());
        var names = new HashSet<string>(last.Taken, StringComparer.OrdinalIgnoreCase);
        bool evidenceChanged = false;
        foreach (var input in removed ?? Enumerable.Empty<IndexInput>())
        {
            evidenceChanged |= input.Evidence.Count != 0;
            if (input.Entry is not { } entry) continue;
            if (entry.PinnedTypeName is not null || Facts(entry).Named is not { } model) return null;
            int at = IndexOf(models, model);
            if (at < 0) return null;
            models.RemoveAt(at);
            if (model.IsAlias) continue;
            // A doc that lost its plain name may want this one (its own, or a qualified name it skipped because it was taken).
            foreach (var other in models)
            {
                if (other.PlainName is { } plain && model.ClrName.IndexOf(plain, StringComparison.OrdinalIgnoreCase) >= 0) return null;
            }
            names.Remove(model.ClrName);
        }
        foreach (var input in added ?? Enumerable.Empty<IndexInput>())
        {
            evidenceChanged |= input.Evidence.Count != 0;
            if (input.Entry is not { } entry) continue;
            if (entry.PinnedTypeName is not null) return null;
            int at = InsertionPoint(models, entry.Path);
            if (at < 0) return null; // a path already there: a copy, built from scratch
            NamedModel model;
            if (entry.Shape == SchemaShape.Alias) model = Reuse(entry, "", null, null, null, false);
            else
            {
                string name = entry.TypeName;
                string? reason = null;
                if (Emission.GeneratedShape.TypeNameClashes(name, entry.Shape))
                {
                    reason = $"the generated type declares a member named '{name}'";
                    name += "Model";
                }
                if (!names.Add(name)) return null;
                model = Reuse(entry, name, reason, null, null, false);
            }
            models.Insert(at, model);
        }
        taken = names;
        var evidence = evidenceChanged ? WireEvidence.Merge(inputs.Select(input => input.Evidence)) : last.Index.Evidence;
        return new SchemaIndex(models.ToEquatableArray()) { Evidence = evidence };
    }

    /// <summary>Where <paramref name="model"/> is in <paramref name="models"/> (path order), or -1.</summary>
    private static int IndexOf(List<NamedModel> models, NamedModel model)
    {
        int at = LowerBound(models, model.Path);
        for (; at < models.Count && models[at].Path == model.Path; at++)
        {
            if (ReferenceEquals(models[at], model)) return at;
        }
        return -1;
    }

    /// <summary>Where a model at <paramref name="path"/> goes in path order, or -1 when a model has that path.</summary>
    private static int InsertionPoint(List<NamedModel> models, string path)
    {
        int at = LowerBound(models, path);
        return at < models.Count && models[at].Path == path ? -1 : at;
    }

    /// <summary>The first position whose path (<paramref name="pathOf"/>) is not before <paramref name="path"/> in a list in path order (ordinal, as <see cref="ByPath"/> sorts).</summary>
    private static int LowerBound<T>(IReadOnlyList<T> items, string path, Func<T, string> pathOf)
    {
        int low = 0, high = items.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (string.CompareOrdinal(pathOf(items[middle]), path) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static int LowerBound(IReadOnlyList<NamedModel> models, string path) => LowerBound(models, path, ModelPath);

    private static readonly Func<NamedModel, string> ModelPath = model => model.Path;

    public static SchemaIndex Build(ImmutableArray<IndexEntry> entries, string contextName)
    {
        // Case-insensitive: a type name is also a hint name (<Name>.g.cs), which Roslyn compares ignoring case, and a
        // file name on case-insensitive file systems; two SDKs' docs can differ only in case (JsonData / JSONData).
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { contextName };
        // (Sized up front: the index is rebuilt whenever a doc is added, and growing these doubled its allocations.)
        // Who holds a name that was claimed ahead of the collision rule: the context, or a doc by its pinned name.
        var holders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [contextName] = "" };
        // A file listed twice is one model: its copies share a name (and generate one type, see the generator).
        var unique = new List<IndexEntry>(entries.Length);
        // In path order (a spec's schemas stay in the spec's order): the order of AdditionalFiles never matters. Units of
        // one path are next to each other, so a copy is found among them (a doc's path is almost always alone).
        var copied = new HashSet<(string, string)>();
        var ordered = ByPath(entries);
        HashSet<string>? pointers = null;
        for (int i = 0; i < ordered.Length; i++)
        {
            var entry = ordered[i];
            bool samePath = i > 0 && ordered[i - 1].Path == entry.Path;
            if (!samePath)
            {
                pointers?.Clear();
                unique.Add(entry);
                continue;
            }
            if (pointers is null) pointers = new HashSet<string>(StringComparer.Ordinal);
            if (pointers.Count == 0) pointers.Add(ordered[i - 1].Pointer);
            if (pointers.Add(entry.Pointer)) unique.Add(entry);
            else copied.Add((entry.Path, entry.Pointer));
        }
        // Pinned names (GenerationModelsTypeName) are claimed first, so no other doc, added before or after, takes them.
        // Keyed by entry instance: each (path, pointer) has one entry in 'unique', and hashing an instance is cheap.
        var names = new Dictionary<IndexEntry, (string Name, string? Reason, string? TakenBy)>(unique.Count, ByReference<IndexEntry>.Instance);
        var pinnedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in unique)
        {
            if (entry.PinnedTypeName is { } typeName && entry.Shape != SchemaShape.Alias && PinnedName(typeName) is { } name
                && !Emission.GeneratedShape.TypeNameClashes(name, entry.Shape) && taken.Add(name))
            {
                names[entry] = (name, null, null);
                holders[name] = entry.Path;
                pinnedPaths.Add(entry.Path);
            }
        }

        // The rest, grouped by the name their doc gives. In each group the plain name goes to one doc, chosen by its own
        // path alone (never by the order of AdditionalFiles): the doc whose file is named like its type, then the
        // shallowest path, then the first path in ordinal order. The others are qualified by their own path.
        var groups = new Dictionary<string, List<(IndexEntry Entry, string BaseName, string? Reason)>>(unique.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in unique)
        {
            if (entry.Shape == SchemaShape.Alias || names.ContainsKey(entry)) continue;
            string baseName = entry.PinnedTypeName is { } unclaimed ? Identifier.ToPascalCase(unclaimed, "Model").TrimStart('@') : entry.TypeName;
            string? reason = null;
            if (Emission.GeneratedShape.TypeNameClashes(baseName, entry.Shape))
            {
                // A type may not be named like a member it declares (CS0542): a doc titled 'JsonModelConverter'.
                reason = $"the generated type declares a member named '{baseName}'";
                baseName += "Model";
            }
            if (!groups.TryGetValue(baseName, out var group)) groups[baseName] = group = new(1);
            group.Add((entry, baseName, reason));
        }
        var plain = new Dictionary<IndexEntry, string>(ByReference<IndexEntry>.Instance);
        var losers = new List<(List<(IndexEntry Entry, string BaseName, string? Reason)> Group, string? Winner)>();
        foreach (var group in groups.Values)
        {
            string baseName = group[0].BaseName;
            if (holders.TryGetValue(baseName, out string? holder))
            {
                losers.Add((group, holder));
                continue;
            }
            var winner = group.Count == 1 ? group[0] : group.OrderBy(m => FileStemNames(m.Entry, m.BaseName) ? 0 : 1).ThenBy(m => Facts(m.Entry).Depth)
                .ThenBy(m => m.Entry.Path, StringComparer.Ordinal).ThenBy(m => m.Entry.Pointer, StringComparer.Ordinal).First();
            taken.Add(winner.BaseName);
            names[winner.Entry] = (winner.BaseName, winner.Reason, null);
            if (group.Count > 1)
            {
                group.Remove(winner);
                losers.Add((group, winner.Entry.Path));
            }
        }
        // Qualified names are given after every plain name is claimed, so a doc that takes a plain name never renames a
        // doc that was qualified; each name comes from the doc's own path, so a third doc renames neither of the first two.
        foreach (var (group, winner) in losers.OrderBy(l => l.Group[0].BaseName, StringComparer.Ordinal))
        {
            // In path order: a doc keeps its qualified name unless a new one sorting before it needs the same one.
            for (int i = 0; i < group.Count; i++)
            {
                var (entry, baseName, reason) = group[i];
                var qualifiers = Facts(entry).Qualifiers;
                string? name = null;
                for (int level = 1; level <= qualifiers.Count && name is null; level++)
                {
                    string candidate = Facts(entry).Candidate(level, baseName);
                    if (taken.Add(candidate)) name = candidate;
                }
                // Paths that differ only in case (or give no usable folder name): numbered, in path order.
                if (name is null)
                {
                    string fullest = Qualified(qualifiers, qualifiers.Count) + baseName;
                    name = fullest;
                    for (int n = 2; !taken.Add(name); n++) name = fullest + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                names[entry] = (name, reason, winner);
                plain[entry] = baseName;
            }
        }

        var models = ImmutableArray.CreateBuilder<NamedModel>(unique.Count);
        foreach (var entry in unique)
        {
            if (entry.Shape == SchemaShape.Alias)
            {
                models.Add(Reuse(entry, "", null, null, null, false));
                continue;
            }
            var (name, reason, takenBy) = names[entry];
            models.Add(Reuse(entry, name, reason, takenBy, takenBy is null ? null : plain[entry], takenBy is { Length: > 0 } && pinnedPaths.Contains(takenBy)));
        }
        var copies = copied.Count == 0 ? EquatableArray<NamedModel>.Empty : models.Where(m => copied.Contains((m.Path, m.Pointer))).ToEquatableArray();
        return new SchemaIndex(new EquatableArray<NamedModel>(models.MoveToImmutable())) { Copies = copies };
    }

    /// <summary>The entries ordered by path (ordinal), units of one file in their order: sorted once per build.</summary>
    private static IndexEntry[] ByPath(ImmutableArray<IndexEntry> entries)
    {
        // Sorted on the path strings themselves (no comparison delegate per pair); the sort is not stable, so each run of
        // one path (a spec's schemas, or a file listed twice) is put back in its input order after.
        var paths = new string[entries.Length];
        var order = new int[entries.Length];
        for (int i = 0; i < order.Length; i++)
        {
            paths[i] = entries[i].Path;
            order[i] = i;
        }
        Array.Sort(paths, order, StringComparer.Ordinal);
        for (int start = 0, end; start < order.Length; start = end)
        {
            for (end = start + 1; end < order.Length && string.Equals(paths[end], paths[start], StringComparison.Ordinal); end++) { }
            if (end - start > 1) Array.Sort(order, start, end - start);
        }
        var ordered = new IndexEntry[order.Length];
        for (int i = 0; i < order.Length; i++) ordered[i] = entries[order[i]];
        return ordered;
    }

    /// <summary>Whether the file's stem (a doc's file, or the spec holding a schema) gives the type's name: <c>pet.md</c> or <c>Pet.yaml</c> for Pet.</summary>
    private static bool FileStemNames(IndexEntry entry, string baseName)
        => string.Equals(Facts(entry).StemName, baseName, StringComparison.OrdinalIgnoreCase);

    private static int Depth(string path)
    {
        string normalized = PathUtil.Normalize(path);
        int depth = 0;
        foreach (char c in normalized) if (c == '/') depth++;
        return depth;
    }

    /// <summary>
    /// What the naming rules read of an entry's path, worked out once per entry instance rather than on every build: an
    /// unchanged doc keeps its <see cref="IndexEntry"/> (the step before the index is cached), so adding a doc to a large
    /// project does not re-derive every other doc's qualifiers. Kept outside the record, so its equality is unchanged.
    /// </summary>
    private sealed class EntryFacts(IndexEntry entry)
    {
        public string StemName { get; } = Identifier.ToPascalCase(FileStem(entry.Path), "").TrimStart('@');
        public int Depth { get; } = SchemaIndex.Depth(entry.Path);
        private List<string>? _qualifiers;
        public List<string> Qualifiers => _qualifiers ??= SchemaIndex.Qualifiers(entry);
        private Candidates? _candidates;

        /// <summary>The qualified name of <paramref name="level"/> (1 = nearest qualifier) for <paramref name="baseName"/> (always the entry's own).</summary>
        public string Candidate(int level, string baseName)
        {
            var known = _candidates;
            if (known is null || known.Base != baseName) _candidates = known = new Candidates(baseName, new string?[Qualifiers.Count + 1]);
            return known.Names[level] ??= Qualified(Qualifiers, level) + baseName;
        }

        private sealed class Candidates(string baseName, string?[] names)
        {
            public string Base { get; } = baseName;
            public string?[] Names { get; } = names;
        }

        /// <summary>The model this entry got in the last index built with it, reused when the next one gives an equal model.</summary>
        public NamedModel? Named;

        /// <summary>The last index built from a list of inputs that starts with this entry (see <see cref="Updated"/>).</summary>
        public LastBuild? Last;
    }

    private static readonly ConditionalWeakTable<IndexEntry, EntryFacts> EntryFactsTable = new();

    /// <summary>Instances compared by identity (netstandard2.0 has no ReferenceEqualityComparer).</summary>
    private sealed class ByReference<T> : IEqualityComparer<T> where T : class
    {
        public static readonly ByReference<T> Instance = new();
        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);
        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }

    private static EntryFacts Facts(IndexEntry entry) => EntryFactsTable.GetValue(entry, e => new EntryFacts(e));

    /// <summary>
    /// <paramref name="model"/>, or the instance this entry's previous index gave when equal: unchanged models stay the
    /// same instances across builds, so the per-doc views that hold them compare by reference.
    /// </summary>
    private static NamedModel Reuse(IndexEntry entry, string name, string? reason, string? takenBy, string? plainName, bool takenByPin)
    {
        var facts = Facts(entry);
        if (facts.Named is { } previous && previous.ClrName == name && previous.RenameReason == reason && previous.NameTakenBy == takenBy
            && previous.PlainName == plainName && previous.NameTakenByPin == takenByPin)
        {
            return previous;
        }
        var model = new NamedModel(entry.Path, entry.Pointer, entry.DocName, name, reason, entry.Shape, entry.Shape == SchemaShape.Alias ? entry.AliasOf : null)
        {
            NameTakenBy = takenBy,
            PlainName = plainName,
            NameTakenByPin = takenByPin,
        };
        facts.Named = model;
        return model;
    }

    /// <summary>
    /// What tells a doc apart, nearest first, as C# name parts: a spec's schemas by the spec's file stem, then the
    /// folders up from the file; a doc by its folders, then its own file stem.
    /// </summary>
    private static List<string> Qualifiers(IndexEntry entry)
    {
        var parts = new List<string>();
        if (entry.Pointer.Length != 0) parts.Add(FileStem(entry.Path));
        string dir = PathUtil.Directory(PathUtil.Normalize(entry.Path));
        foreach (string folder in Enumerable.Reverse(dir.Split('/'))) parts.Add(folder);
        if (entry.Pointer.Length == 0) parts.Add(FileStem(entry.Path));
        var names = new List<string>(parts.Count);
        foreach (string part in parts)
        {
            string name = Identifier.ToPascalCase(part, "").TrimStart('@');
            if (name.Length != 0) names.Add(name);
        }
        return names;
    }

    /// <summary>The <paramref name="level"/> nearest qualifiers, outermost first: level 2 of <c>a/dogs/Pet.md</c> is <c>ADogs</c>.</summary>
    private static string Qualified(List<string> qualifiers, int level)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = Math.Min(level, qualifiers.Count) - 1; i >= 0; i--) sb.Append(qualifiers[i]);
        return sb.ToString();
    }

    /// <summary>A pinned type name as a C# identifier (PascalCase only where it is not already a plain identifier).</summary>
    private static string? PinnedName(string typeName)
    {
        string name = Identifier.ToPascalCase(typeName, "").TrimStart('@');
        return name.Length == 0 ? null : name;
    }

    /// <summary>The model at <paramref name="path"/> and <paramref name="pointer"/> (the first one, in index order).</summary>
    public NamedModel? Find(string path, string pointer) => GetLookup().Find(path, pointer);

    /// <summary>The example key sets other docs show for the doc at <paramref name="path"/>, in <see cref="Evidence"/> order.</summary>
    public EquatableArray<ExampleKeySet> EvidenceFor(string path) => GetLookup().EvidenceFor(path);

    /// <summary>Whether the project lists the file of the unit at <paramref name="path"/> and <paramref name="pointer"/> more than once.</summary>
    public bool IsCopied(string path, string pointer) => Copies.Count != 0 && Copies.Any(m => m.Path == path && m.Pointer == pointer);

    /// <summary>
    /// Resolves a link from the doc at <paramref name="fromPath"/>: by the link target relative to that doc first,
    /// then (targets are often missing or mis-cased in real docs) by the linked type's name.
    /// </summary>
    /// <param name="byName">False when only the target path may match (see <see cref="TypeRef.PrimitiveUnlessDoc"/>).</param>
    public NamedModel? Resolve(string fromPath, string? target, string name, bool byName = true)
        => Resolve(LinkTarget.Of(fromPath, target), name, byName);

    /// <summary>As <see cref="Resolve(string, string?, string, bool)"/>, the link target already made absolute.</summary>
    public NamedModel? Resolve(LinkTarget? target, string name, bool byName = true)
    {
        if (target is { } link)
        {
            if (GetLookup().ByPath(link.Pointer, link.Path) is { } byPath) return byPath;
            // A $ref names its target exactly: no guessing by name, which could pick an unrelated doc's model.
            if (link.Pointer.Length != 0) return null;
        }
        return byName ? GetLookup().ByName(name) : null;
    }

    /// <summary>
    /// What may answer differently here than in <paramref name="previous"/> (<see cref="IndexDelta"/>): worked out once
    /// per pair of indexes (every doc's links step asks it with the index its last result was made with), in one pass
    /// over both model lists, which are in path order and share every unchanged model's instance.
    /// </summary>
    public IndexDelta ChangesSince(SchemaIndex previous)
    {
        var slot = Deltas.GetOrCreateValue(this);
        var known = slot.Last;
        if (known is not null && known.Previous.TryGetTarget(out var from) && ReferenceEquals(from, previous)) return known.Delta;
        var delta = IndexDelta.Between(previous, this);
        // The previous index is held weakly: a strong reference would keep every earlier index of the project alive.
        slot.Last = new DeltaFrom(new WeakReference<SchemaIndex>(previous), delta);
        return delta;
    }

    private sealed class DeltaSlot
    {
        public volatile DeltaFrom? Last;
    }

    private sealed record DeltaFrom(WeakReference<SchemaIndex> Previous, IndexDelta Delta);

    private static readonly ConditionalWeakTable<SchemaIndex, DeltaSlot> Deltas = new();

    /// <summary>
    /// The lookups over <see cref="Models"/>, per index instance and kept outside the record (so its equality is
    /// unchanged). Each answers what a scan in index order would: the first match. The first few are answered by a binary
    /// search in path order or a scan; past that, by dictionaries built then (<see cref="Maps"/>): every doc looks itself
    /// up and resolves its links in a full run, and a scan per lookup made it quadratic in the number of docs, while
    /// after an add only the new doc (and a doc whose answers changed) asks, and building dictionaries over every model
    /// for those few answers cost more than the answers.
    /// </summary>
    private static readonly ConditionalWeakTable<SchemaIndex, Lookup> Lookups = new();

    /// <summary>How many lookups this index has answered (for tests: the links step's memo answers without any).</summary>
    internal int LookupsAsked => Lookups.TryGetValue(this, out var lookup) ? lookup.Asked : 0;

    private Lookup GetLookup() => Lookups.GetValue(this, index => new Lookup(index.Models, index.Evidence));

    private sealed class Lookup(EquatableArray<NamedModel> models, EquatableArray<ExampleKeySet> evidence)
    {
        /// <summary>Lookups answered without dictionaries, at most: a new doc's own lookups after an add stay below it.</summary>
        private const int Scanned = 32;

        private int _asked;
        private Maps? _maps;
        private int _allNormal = -1;

        public int Asked => _asked;

        /// <summary>The dictionaries once this index has answered <see cref="Scanned"/> lookups, else null.</summary>
        private Maps? Busy()
        {
            if (_maps is { } maps) return maps;
            if (Interlocked.Increment(ref _asked) <= Scanned) return null;
            return _maps = new Maps(models, evidence);
        }

        public NamedModel? Find(string path, string pointer) => Busy() is { } maps ? maps.Find(path, pointer) : InPathOrder(path, pointer);

        /// <summary>The model at <paramref name="path"/> and <paramref name="pointer"/>, by binary search of the path order.</summary>
        private NamedModel? InPathOrder(string path, string pointer)
        {
            for (int at = LowerBound(models, path); at < models.Count && models[at].Path == path; at++)
            {
                if (models[at].Pointer == pointer) return models[at];
            }
            return null;
        }

        public EquatableArray<ExampleKeySet> EvidenceFor(string path)
        {
            if (evidence.Count == 0) return EquatableArray<ExampleKeySet>.Empty;
            if (Busy() is { } maps) return maps.EvidenceFor(path);
            string normalized = PathUtil.Normalize(path);
            int low = LowerBound(evidence, normalized, set => set.Path);
            int end = low;
            while (end < evidence.Count && evidence[end].Path == normalized) end++;
            return end == low ? EquatableArray<ExampleKeySet>.Empty : Enumerable.Range(low, end - low).Select(i => evidence[i]).ToEquatableArray();
        }

        public NamedModel? ByPath(string pointer, string normalizedPath)
        {
            if (Busy() is { } maps) return maps.ByPath(pointer, normalizedPath);
            if (AllNormal())
            {
                // Every path is its normalized form, so path order finds it.
                if (InPathOrder(normalizedPath, pointer) is { } model) return model;
            }
            else
            {
                foreach (var model in models)
                {
                    if (model.Pointer == pointer && model.NormalizedPath == normalizedPath) return model;
                }
            }
            foreach (var model in models)
            {
                if (model.Pointer == pointer && string.Equals(model.NormalizedPath, normalizedPath, StringComparison.OrdinalIgnoreCase)) return model;
            }
            return null;
        }

        public NamedModel? ByName(string name)
        {
            if (Busy() is { } maps) return maps.ByName(name);
            foreach (var model in models)
            {
                if (model.DocName == name) return model;
            }
            foreach (var model in models)
            {
                if (string.Equals(model.DocName, name, StringComparison.OrdinalIgnoreCase) || (!model.IsAlias && string.Equals(model.ClrName, name, StringComparison.OrdinalIgnoreCase))) return model;
            }
            return null;
        }

        private bool AllNormal()
        {
            if (_allNormal < 0)
            {
                bool all = true;
                foreach (var model in models) all &= ReferenceEquals(model.Path, model.NormalizedPath);
                _allNormal = all ? 1 : 0;
            }
            return _allNormal == 1;
        }

    }

    /// <summary>Dictionaries over the models, built once an index has answered enough lookups: each answers the first match in index order.</summary>
    private sealed class Maps
    {
        private readonly EquatableArray<NamedModel> _models;
        private readonly Dictionary<string, EquatableArray<ExampleKeySet>> _evidence = new(StringComparer.Ordinal);
        // By pointer, then path as given: string keys hash faster than a (path, pointer) tuple, and most pointers are "".
        // The same map as _byPath when every path is already normal (almost always): one map fewer per index build.
        private readonly Dictionary<string, Dictionary<string, NamedModel>> _byLocation;
        private readonly Dictionary<string, Dictionary<string, NamedModel>> _byPath = new(StringComparer.Ordinal);
        private readonly Dictionary<string, NamedModel> _byDocName;
        // Asked only when an exact lookup misses (mis-cased links): built on first use, not on every index build.
        private Dictionary<string, Dictionary<string, NamedModel>>? _byPathIgnoringCase;
        private Dictionary<string, int>? _docNameIgnoringCase;
        private Dictionary<string, int>? _clrNameIgnoringCase;

        public Maps(EquatableArray<NamedModel> models, EquatableArray<ExampleKeySet> evidence)
        {
            _models = models;
            _byDocName = new Dictionary<string, NamedModel>(models.Count, StringComparer.Ordinal);
            for (int start = 0, end; start < evidence.Count; start = end)
            {
                // Evidence is ordered by path: one slice per described doc.
                for (end = start + 1; end < evidence.Count && evidence[end].Path == evidence[start].Path; end++) { }
                _evidence[evidence[start].Path] = Enumerable.Range(start, end - start).Select(i => evidence[i]).ToEquatableArray();
            }
            bool allNormal = true;
            for (int i = 0; i < models.Count; i++)
            {
                var model = models[i];
                allNormal &= ReferenceEquals(model.Path, model.NormalizedPath);
                AddFirst(Inner(_byPath, model.Pointer, StringComparer.Ordinal, models.Count), model.NormalizedPath, model);
                AddFirst(_byDocName, model.DocName, model);
            }
            if (allNormal) _byLocation = _byPath;
            else
            {
                _byLocation = new Dictionary<string, Dictionary<string, NamedModel>>(StringComparer.Ordinal);
                foreach (var model in models) AddFirst(Inner(_byLocation, model.Pointer, StringComparer.Ordinal, models.Count), model.Path, model);
            }
        }

        private Dictionary<string, Dictionary<string, NamedModel>> ByPathIgnoringCase()
        {
            if (_byPathIgnoringCase is null)
            {
                var map = new Dictionary<string, Dictionary<string, NamedModel>>(StringComparer.Ordinal);
                foreach (var model in _models) AddFirst(Inner(map, model.Pointer, StringComparer.OrdinalIgnoreCase, _models.Count), model.NormalizedPath, model);
                _byPathIgnoringCase = map;
            }
            return _byPathIgnoringCase;
        }

        private (Dictionary<string, int> DocNames, Dictionary<string, int> ClrNames) NamesIgnoringCase()
        {
            if (_docNameIgnoringCase is null || _clrNameIgnoringCase is null)
            {
                var docNames = new Dictionary<string, int>(_models.Count, StringComparer.OrdinalIgnoreCase);
                var clrNames = new Dictionary<string, int>(_models.Count, StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < _models.Count; i++)
                {
                    AddFirst(docNames, _models[i].DocName, i);
                    if (!_models[i].IsAlias) AddFirst(clrNames, _models[i].ClrName, i);
                }
                _docNameIgnoringCase = docNames;
                _clrNameIgnoringCase = clrNames;
            }
            return (_docNameIgnoringCase, _clrNameIgnoringCase);
        }

        public EquatableArray<ExampleKeySet> EvidenceFor(string path)
            => _evidence.Count != 0 && _evidence.TryGetValue(PathUtil.Normalize(path), out var sets) ? sets : EquatableArray<ExampleKeySet>.Empty;

        public NamedModel? Find(string path, string pointer) => _byLocation.TryGetValue(pointer, out var inner) && inner.TryGetValue(path, out var model) ? model : null;

        /// <summary>The first model with this pointer at this normalized path, else the first at it ignoring case.</summary>
        public NamedModel? ByPath(string pointer, string normalizedPath)
        {
            if (_byPath.TryGetValue(pointer, out var exact) && exact.TryGetValue(normalizedPath, out var model)) return model;
            if (ByPathIgnoringCase().TryGetValue(pointer, out var loose) && loose.TryGetValue(normalizedPath, out model)) return model;
            return null;
        }

        /// <summary>The first model whose doc name is <paramref name="name"/>, else the first whose doc or C# name is, ignoring case.</summary>
        public NamedModel? ByName(string name)
        {
            if (_byDocName.TryGetValue(name, out var model)) return model;
            int first = int.MaxValue;
            var (docNames, clrNames) = NamesIgnoringCase();
            if (docNames.TryGetValue(name, out int i)) first = i;
            if (clrNames.TryGetValue(name, out int j) && j < first) first = j;
            return first == int.MaxValue ? null : _models[first];
        }

        private static Dictionary<string, NamedModel> Inner(Dictionary<string, Dictionary<string, NamedModel>> outer, string pointer, StringComparer comparer, int capacity)
        {
            // Docs (pointer "") are most units: their map is sized for all of them; a spec's schemas are one map per pointer.
            if (!outer.TryGetValue(pointer, out var inner)) outer[pointer] = inner = new Dictionary<string, NamedModel>(pointer.Length == 0 ? capacity : 0, comparer);
            return inner;
        }

        private static void AddFirst<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value)
        {
            if (!map.ContainsKey(key)) map[key] = value;
        }
    }

    private static string FileStem(string path)
    {
        string normalized = PathUtil.Normalize(path);
        string file = normalized.Substring(normalized.LastIndexOf('/') + 1);
        int dot = file.IndexOf('.');
        return dot > 0 ? file.Substring(0, dot) : file;
    }

    private static string ParentFolderName(string path)
    {
        string dir = PathUtil.Directory(PathUtil.Normalize(path));
        int slash = dir.LastIndexOf('/');
        return slash >= 0 ? dir.Substring(slash + 1) : dir;
    }
}

/// <summary>A link target made absolute: the normalized path of the file it names, and the pointer inside it ("" for a doc).</summary>
internal sealed record LinkTarget(string Path, string Pointer)
{
    /// <summary>The target of a link from the doc at <paramref name="fromPath"/>; null when the link gives none.</summary>
    public static LinkTarget? Of(string fromPath, string? target)
    {
        if (target is not { Length: > 0 }) return null;
        // An OpenAPI $ref: 'file.yaml#/components/schemas/Pet', or '#/…' within the same file.
        string pointer = "";
        int hash = target.IndexOf("#/", StringComparison.Ordinal);
        if (hash >= 0)
        {
            pointer = target.Substring(hash);
            target = target.Substring(0, hash);
        }
        return new LinkTarget(target.Length == 0 ? PathUtil.Normalize(fromPath) : PathUtil.Combine(PathUtil.Directory(fromPath), target), pointer);
    }
}

internal static class PathUtil
{
    /// <summary>Forward slashes, no "." or ".." segments.</summary>
    public static string Normalize(string path)
    {
        // Resolving a link normalizes every model's path, and those are already normal: no allocation then.
        if (IsNormalized(path)) return path;
        var parts = new List<string>();
        string unified = path.Replace('\\', '/');
        bool rooted = unified.StartsWith("/", StringComparison.Ordinal);
        foreach (string part in unified.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return (rooted ? "/" : "") + string.Join("/", parts);
    }

    /// <summary>Whether <see cref="Normalize"/> would return <paramref name="path"/> as it is.</summary>
    private static bool IsNormalized(string path)
    {
        int segmentStart = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                if (path[i] == '\\') return false;
                continue;
            }
            int length = i - segmentStart;
            bool leadingRoot = i == 0 && path.Length > 1;
            if ((length == 0 && !leadingRoot) || (length == 1 && path[segmentStart] == '.') || (length == 2 && path[segmentStart] == '.' && path[segmentStart + 1] == '.')) return false;
            segmentStart = i + 1;
        }
        return true;
    }

    public static string Directory(string path)
    {
        string unified = path.Replace('\\', '/');
        int slash = unified.LastIndexOf('/');
        return slash >= 0 ? unified.Substring(0, slash) : "";
    }

    /// <summary><paramref name="path"/> relative to <paramref name="baseDirectory"/> when inside it, else its file name.</summary>
    public static string RelativeTo(string path, string baseDirectory)
    {
        string normalized = Normalize(path);
        string root = Normalize(baseDirectory);
        if (root.Length != 0 && normalized.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase)) return normalized.Substring(root.Length + 1);
        int slash = normalized.LastIndexOf('/');
        return slash >= 0 ? normalized.Substring(slash + 1) : normalized;
    }

    public static string Combine(string directory, string relative)
    {
        string rel = relative.Replace('\\', '/');
        if (rel.StartsWith("/", StringComparison.Ordinal) || rel.IndexOf(':') >= 0) return Normalize(rel);
        return Normalize(directory.Length == 0 ? rel : directory + "/" + rel);
    }
}
