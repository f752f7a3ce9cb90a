using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Resolution;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>The index's dictionary lookups answer exactly what a scan of the models in index order answers.</summary>
public sealed class SchemaIndexLookupTests
{
    private static readonly SchemaIndex Index = SchemaIndex.Build(ImmutableArray.Create(
        new IndexEntry("/p/Schemas/a/pet.md", "", "Pet", SchemaShape.Object),
        new IndexEntry("/p/Schemas/b/Pet.md", "", "Pet", SchemaShape.Object),
        new IndexEntry("/p/Schemas/b/PET.md", "", "PET", SchemaShape.Object),
        new IndexEntry("/p/Schemas/b/owner.md", "", "Owner", SchemaShape.Object),
        new IndexEntry("/p/Schemas/c/status.md", "", "status", SchemaShape.Enum),
        new IndexEntry("/p/Schemas/c/Json Data.md", "", "Json Data", SchemaShape.Object),
        new IndexEntry("/p/api.yaml", "#/components/schemas/Pet", "Pet", SchemaShape.Object),
        new IndexEntry("/p/api.yaml", "#/components/schemas/Tag", "Tag", SchemaShape.Object),
        new IndexEntry("/p/other.json", "#/definitions/Pet", "Pet", SchemaShape.Object)), "GenerationModelsJsonContext");

    public static TheoryData<string, string?, string> Links => new()
    {
        { "/p/Schemas/a/x.md", "pet.md", "Pet" },
        { "/p/Schemas/a/x.md", "PET.md", "Pet" },
        { "/p/Schemas/a/x.md", "../b/Pet.md", "Pet" },
        { "/p/Schemas/a/x.md", "../b/pet.md", "Pet" },
        { "/p/Schemas/a/x.md", "../B/PET.MD", "Pet" },
        { "/p/Schemas/a/x.md", "./../b/./owner.md", "Owner" },
        { "/p/Schemas/a/x.md", "missing.md", "Owner" },
        { "/p/Schemas/a/x.md", "missing.md", "OWNER" },
        { "/p/Schemas/a/x.md", null, "pet" },
        { "/p/Schemas/a/x.md", null, "JsonData" },
        { "/p/Schemas/a/x.md", null, "Status" },
        { "/p/Schemas/a/x.md", null, "nothing" },
        { "/p/api.yaml", "#/components/schemas/Tag", "Tag" },
        { "/p/api.yaml", "#/components/schemas/Nope", "Tag" },
        { "/p/api.yaml", "other.json#/definitions/Pet", "Pet" },
        { "/p/api.yaml", "OTHER.json#/definitions/Pet", "Pet" },
        { "/p/api.yaml", "other.json#/definitions/pet", "Pet" },
        { "/p/Schemas/a/x.md", "", "Pet" },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void Resolve_matches_a_scan_in_index_order(string fromPath, string? target, string name)
        => Assert.Same(Scan(fromPath, target, name), Index.Resolve(fromPath, target, name));

    [Fact]
    public void Find_matches_a_scan_in_index_order()
    {
        foreach (var model in Index.Models)
        {
            Assert.Same(Index.Models.First(m => m.Path == model.Path && m.Pointer == model.Pointer), Index.Find(model.Path, model.Pointer));
        }
        Assert.Null(Index.Find("/p/Schemas/a/PET.md", ""));
        Assert.Null(Index.Find("/p/api.yaml", ""));
    }

    [Fact]
    public void Equal_indexes_stay_equal_after_lookups()
    {
        var other = SchemaIndex.Build(ImmutableArray.Create(new IndexEntry("/p/Schemas/a/pet.md", "", "Pet", SchemaShape.Object)), "GenerationModelsJsonContext");
        var same = SchemaIndex.Build(ImmutableArray.Create(new IndexEntry("/p/Schemas/a/pet.md", "", "Pet", SchemaShape.Object)), "GenerationModelsJsonContext");
        Assert.NotNull(other.Resolve("/p/Schemas/a/x.md", "pet.md", "Pet"));
        Assert.Equal(same, other);
        Assert.Equal(same.GetHashCode(), other.GetHashCode());
    }

    [Fact]
    public void The_first_lookups_by_search_and_scan_and_the_later_ones_by_dictionary_answer_alike()
    {
        // An index answers its first 32 lookups without dictionaries (after an add, only the new doc asks), then builds them.
        var fresh = SchemaIndex.Build(Index.Models.Select(m => new IndexEntry(m.Path, m.Pointer, m.DocName, m.Shape)).ToImmutableArray(), "GenerationModelsJsonContext");
        var cases = Links.Select(row => row.Data).ToList();
        var early = cases.Take(10).Select(c => fresh.Resolve(c.Item1, c.Item2, c.Item3)?.Path).ToList();
        var foundEarly = Index.Models.Select(m => fresh.Find(m.Path, m.Pointer)?.DocName).ToList();
        Assert.InRange(fresh.LookupsAsked, 1, 32);
        for (int i = 0; i < 40; i++) fresh.Find("/p/none.md", "");
        Assert.True(fresh.LookupsAsked > 32);
        Assert.Equal(early, cases.Take(10).Select(c => fresh.Resolve(c.Item1, c.Item2, c.Item3)?.Path));
        Assert.Equal(foundEarly, Index.Models.Select(m => fresh.Find(m.Path, m.Pointer)?.DocName));
        Assert.Equal(cases.Select(c => Scan(c.Item1, c.Item2, c.Item3)?.Path), cases.Select(c => fresh.Resolve(c.Item1, c.Item2, c.Item3)?.Path));
    }

    /// <summary>The rule as a scan (what Resolve did before it had dictionaries).</summary>
    private static NamedModel? Scan(string fromPath, string? target, string name)
    {
        if (target is { Length: > 0 })
        {
            string pointer = "";
            int hash = target.IndexOf("#/", StringComparison.Ordinal);
            if (hash >= 0)
            {
                pointer = target.Substring(hash);
                target = target.Substring(0, hash);
            }
            string resolved = target.Length == 0 ? PathUtil.Normalize(fromPath) : PathUtil.Combine(PathUtil.Directory(fromPath), target);
            NamedModel? caseInsensitive = null;
            foreach (var model in Index.Models)
            {
                if (!string.Equals(model.Pointer, pointer, StringComparison.Ordinal)) continue;
                string normalized = PathUtil.Normalize(model.Path);
                if (string.Equals(normalized, resolved, StringComparison.Ordinal)) return model;
                if (caseInsensitive is null && string.Equals(normalized, resolved, StringComparison.OrdinalIgnoreCase)) caseInsensitive = model;
            }
            if (caseInsensitive is not null) return caseInsensitive;
            if (pointer.Length != 0) return null;
        }
        NamedModel? byName = null;
        foreach (var model in Index.Models)
        {
            if (string.Equals(model.DocName, name, StringComparison.Ordinal)) return model;
            if (byName is null && (string.Equals(model.DocName, name, StringComparison.OrdinalIgnoreCase) || string.Equals(model.ClrName, name, StringComparison.OrdinalIgnoreCase))) byName = model;
        }
        return byName;
    }
}
