using System;
using System.Collections.Generic;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Parsing;

namespace GenerationModels.Generator.Resolution;

/// <summary>
/// The lookups one index may answer differently from an earlier one, as hashes of their keys (<see cref="IndexKeys"/>):
/// the location, doc name and C# name of every model one of them has and the other has not (compared by instance: an
/// unchanged model keeps its instance), and the path of every doc whose wire-name evidence changed. A lookup whose key is
/// none of these answers the same in both: the models that match it are the same instances, in the same order (the
/// index keeps path order). A doc's links step returns its last result when none of its keys is here, so adding a doc
/// costs every other doc a few integer comparisons (a hash collision only sends a doc to the full check).
/// </summary>
internal sealed class IndexDelta
{
    /// <summary>Every lookup may differ (the copies changed): every doc checks its answers.</summary>
    public static readonly IndexDelta Everything = new(null);

    private readonly int[]? _keys;
    private readonly HashSet<int>? _set;

    private IndexDelta(int[]? keys)
    {
        _keys = keys;
        if (keys is { Length: > 8 }) _set = new HashSet<int>(keys);
    }

    /// <summary>How many key hashes changed (-1: everything).</summary>
    public int Count => _keys?.Length ?? -1;

    /// <summary>Whether a lookup with any of <paramref name="keys"/> (sorted, <see cref="IndexKeys.Of"/>) may answer differently.</summary>
    public bool Touches(int[] keys)
    {
        if (_keys is null) return true;
        if (_set is not null)
        {
            foreach (int key in keys) if (_set.Contains(key)) return true;
            return false;
        }
        foreach (int key in _keys) if (Array.BinarySearch(keys, key) >= 0) return true;
        return false;
    }

    public static IndexDelta Between(SchemaIndex previous, SchemaIndex current)
    {
        if (!previous.Copies.Equals(current.Copies)) return Everything;
        var keys = new List<int>();
        // Models out of step are marked on both sides, which may mark an unchanged model too, never miss a changed one.
        foreach (var (before, after) in Align(previous.Models, current.Models))
        {
            if (before is null || after is null) Mark(before ?? after!, keys);
        }
        Evidence(previous.Evidence, current.Evidence, keys);
        keys.Sort();
        return new IndexDelta(keys.ToArray());
    }

    /// <summary>
    /// Two indexes' models side by side. Both are in path order (ordinal), the units of one path in their order, and an
    /// unchanged model keeps its instance, so one merge walk pairs them: the same instance on both sides (kept), or a
    /// model on one side only (<c>After</c> null: gone; <c>Before</c> null: new). A model that changed at the same path
    /// comes as gone, then new. Used by <see cref="Between"/> and by the context walked beside the last one.
    /// </summary>
    public static IEnumerable<(NamedModel? Before, NamedModel? After)> Align(EquatableArray<NamedModel> before, EquatableArray<NamedModel> after)
    {
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            if (i < before.Count && j < after.Count && ReferenceEquals(before[i], after[j]))
            {
                yield return (before[i++], after[j++]);
                continue;
            }
            int order = i >= before.Count ? 1 : j >= after.Count ? -1 : string.CompareOrdinal(before[i].Path, after[j].Path);
            if (order <= 0) yield return (before[i++], null);
            if (order >= 0) yield return (null, after[j++]);
        }
    }

    private static void Mark(NamedModel model, List<int> keys)
    {
        keys.Add(IndexKeys.Location(model.Pointer, model.NormalizedPath));
        keys.Add(IndexKeys.Name(model.DocName));
        if (!model.IsAlias) keys.Add(IndexKeys.Name(model.ClrName));
    }

    /// <summary>Marks the path of every doc whose evidence differs (both lists are ordered by path).</summary>
    private static void Evidence(EquatableArray<ExampleKeySet> before, EquatableArray<ExampleKeySet> after, List<int> keys)
    {
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            string path = i >= before.Count ? after[j].Path
                : j >= after.Count ? before[i].Path
                : string.CompareOrdinal(before[i].Path, after[j].Path) <= 0 ? before[i].Path : after[j].Path;
            int startBefore = i, startAfter = j;
            while (i < before.Count && before[i].Path == path) i++;
            while (j < after.Count && after[j].Path == path) j++;
            bool same = i - startBefore == j - startAfter;
            for (int k = 0; same && k < i - startBefore; k++) same = before[startBefore + k].Equals(after[startAfter + k]);
            if (!same) keys.Add(IndexKeys.Location("", path));
        }
    }
}

/// <summary>
/// Hashes of the keys index lookups use, ignoring case (so one hash covers the exact lookup and the one that ignores
/// case): a location (pointer and normalized path; a doc's wire-name evidence is keyed on its path with pointer "") and a
/// name (matched against doc names and C# names).
/// </summary>
internal static class IndexKeys
{
    public static int Location(string pointer, string normalizedPath)
        => unchecked(StringComparer.OrdinalIgnoreCase.GetHashCode(normalizedPath) * 31 + StringComparer.OrdinalIgnoreCase.GetHashCode(pointer));

    public static int Name(string name) => unchecked(StringComparer.OrdinalIgnoreCase.GetHashCode(name) * 17 + 0x2545F491);

    /// <summary>
    /// The keys of every lookup the links step makes for <paramref name="linked"/> (sorted): its own location, its
    /// evidence, each link's target and, where the index may fall back to it, the linked name.
    /// </summary>
    public static int[] Of(LinkedDocument linked)
    {
        var keys = new List<int>(2 + linked.Links.Count * 2)
        {
            Location(linked.Document.Pointer, linked.NormalizedPath),
            Location("", linked.NormalizedPath),
        };
        foreach (var link in linked.Links) Add(link.Target, link.Query, keys);
        keys.Sort();
        return keys.ToArray();
    }

    /// <summary>Adds the keys of the lookups that answer <paramref name="query"/> (<see cref="SchemaIndex.Resolve(LinkTarget?, string, bool)"/>).</summary>
    public static void Add(LinkTarget? target, LinkQuery query, List<int> keys)
    {
        if (target is not null) keys.Add(Location(target.Pointer, target.Path));
        if (query.ByName && (target is null || target.Pointer.Length == 0)) keys.Add(Name(query.Name));
    }
}
