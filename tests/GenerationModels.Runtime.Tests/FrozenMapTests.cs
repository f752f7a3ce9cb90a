using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

public sealed class FrozenMapTests
{
    private static FrozenMap<int> Numbered(int count, string prefix = "key")
        => new(Enumerable.Range(0, count).Select(i => new KeyValuePair<string, int>(prefix + i.ToString(CultureInfo.InvariantCulture), i * 10)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(200)]
    public void Finds_every_key_and_nothing_else_below_and_above_the_index_threshold(int count)
    {
        var map = Numbered(count);

        Assert.Equal(count, map.Count);
        for (int i = 0; i < count; i++)
        {
            string key = "key" + i.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(i * 10, map[key]);
            Assert.True(map.TryGetValue(key, out int value));
            Assert.Equal(i * 10, value);
            Assert.Equal(i, map.IndexOf(key));
            Assert.False(map.ContainsKey(key.ToUpperInvariant()), "lookups are ordinal");
        }
        Assert.False(map.TryGetValue("key" + count.ToString(CultureInfo.InvariantCulture), out int missing));
        Assert.Equal(0, missing);
        Assert.Equal(-1, map.IndexOf(""));
        Assert.Throws<KeyNotFoundException>(() => map["nope"]);
        Assert.Throws<ArgumentNullException>(() => map.ContainsKey(null!));
    }

    [Fact]
    public void Concurrent_first_lookups_on_a_large_map_all_succeed()
    {
        for (int round = 0; round < 20; round++)
        {
            var map = Numbered(100);
            Parallel.For(0, 400, i =>
            {
                int k = i % 100;
                Assert.Equal(k * 10, map["key" + k.ToString(CultureInfo.InvariantCulture)]);
            });
        }
    }

    [Fact]
    public void Enumerates_in_insertion_order_with_duplicates_keeping_the_first_position_and_last_value()
    {
        var pairs = new[] { ("b", 1), ("a", 2), ("c", 3), ("a", 4) }.Select(p => new KeyValuePair<string, int>(p.Item1, p.Item2));
        var map = new FrozenMap<int>(pairs);

        Assert.Equal(new[] { "b", "a", "c" }, map.Keys);
        Assert.Equal(new[] { 1, 4, 3 }, map.Values);
        var seen = new List<string>();
        foreach (var pair in map)
        {
            seen.Add(pair.Key + "=" + pair.Value.ToString(CultureInfo.InvariantCulture));
        }
        Assert.Equal(new[] { "b=1", "a=4", "c=3" }, seen);
        Assert.Equal(seen, ((IEnumerable<KeyValuePair<string, int>>)map).Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Duplicates_beyond_the_threshold_are_found_too()
    {
        var pairs = Enumerable.Range(0, 30).Select(i => new KeyValuePair<string, int>("k" + (i % 12).ToString(CultureInfo.InvariantCulture), i));
        var map = new FrozenMap<int>(pairs);

        Assert.Equal(12, map.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)), map.Keys);
        Assert.Equal(24, map["k0"]);
        Assert.Equal(29, map["k5"]);
    }

    [Fact]
    public void Equality_is_structural_and_order_sensitive()
    {
        var a = Numbered(20);
        var b = Numbered(20);
        var reversed = new FrozenMap<int>(a.Reverse());
        var changed = new FrozenMap<int>(a.Select(p => p.Key == "key7" ? new KeyValuePair<string, int>(p.Key, -1) : p));

        SameValue(a, b);
        Assert.True(a == b);
        DifferentValue(a, reversed);
        DifferentValue(a, changed);
        Assert.True(a != changed);
        DifferentValue(a, Numbered(20, "other"));
        DifferentValue(a, Numbered(19));
        SameValue(FrozenMap<int>.Empty, Numbered(0));
        Assert.Same(FrozenMap<int>.Empty, FrozenMap<int>.Empty);
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Json_element_values_compare_as_json_and_nested_collections_by_value()
    {
        var a = new FrozenMap<System.Text.Json.JsonElement>(new[] { new KeyValuePair<string, System.Text.Json.JsonElement>("x", Element("""{"a":[1]}""")) });
        var b = new FrozenMap<System.Text.Json.JsonElement>(new[] { new KeyValuePair<string, System.Text.Json.JsonElement>("x", Element("""{"a":[1]}""")) });
        SameValue(a, b);
        DifferentValue(a, new FrozenMap<System.Text.Json.JsonElement>(new[] { new KeyValuePair<string, System.Text.Json.JsonElement>("x", Element("""{"a":[2]}""")) }));

        var lists1 = new FrozenMap<IReadOnlyList<long>>(new[] { new KeyValuePair<string, IReadOnlyList<long>>("l", new FrozenList<long>(new long[] { 1, 2 })) });
        var lists2 = new FrozenMap<IReadOnlyList<long>>(new[] { new KeyValuePair<string, IReadOnlyList<long>>("l", new FrozenList<long>(new long[] { 1, 2 })) });
        var lists3 = new FrozenMap<IReadOnlyList<long>>(new[] { new KeyValuePair<string, IReadOnlyList<long>>("l", new FrozenList<long>(new long[] { 2, 1 })) });
        SameValue(lists1, lists2);
        DifferentValue(lists1, lists3);
    }

    [Fact]
    public void Null_values_are_allowed_and_compared()
    {
        var a = new FrozenMap<string?>(new[] { new KeyValuePair<string, string?>("a", null) });
        var b = new FrozenMap<string?>(new[] { new KeyValuePair<string, string?>("a", null) });
        SameValue(a, b);
        Assert.True(a.TryGetValue("a", out string? value));
        Assert.Null(value);
        Assert.Throws<ArgumentException>(() => new FrozenMap<int>(new[] { new KeyValuePair<string, int>(null!, 1) }));
    }
}
