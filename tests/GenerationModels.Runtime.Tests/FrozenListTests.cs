using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

public sealed class FrozenListTests
{
    [Fact]
    public void Equal_elements_give_equal_lists_and_hashes()
    {
        var a = new FrozenList<string>(new[] { "x", "y" });
        var b = new FrozenList<string>(new List<string> { "x", "y" });

        SameValue(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
    }

    [Fact]
    public void Order_length_and_element_values_matter()
    {
        var a = new FrozenList<long>(new long[] { 1, 2, 3 });

        DifferentValue(a, new FrozenList<long>(new long[] { 3, 2, 1 }));
        DifferentValue(a, new FrozenList<long>(new long[] { 1, 2 }));
        DifferentValue(a, new FrozenList<long>(new long[] { 1, 2, 4 }));
        Assert.True(a != new FrozenList<long>(new long[] { 1, 2 }));
        Assert.False(a.Equals(null));
        Assert.False(a == null);
        Assert.True((FrozenList<long>?)null == null);
        Assert.False(a.Equals(new long[] { 1, 2, 3 }), "an array is not a FrozenList");
    }

    [Fact]
    public void Json_elements_and_nested_lists_compare_by_value()
    {
        var elements1 = new FrozenList<JsonElement>(new[] { Element("""{"a":[1,null]}"""), Element("\"s\"") });
        var elements2 = new FrozenList<JsonElement>(new[] { Element("""{"a":[1,null]}"""), Element("\"s\"") });
        SameValue(elements1, elements2);
        DifferentValue(elements1, new FrozenList<JsonElement>(new[] { Element("""{"a":[1,0]}"""), Element("\"s\"") }));

        var nested1 = new FrozenList<IReadOnlyList<int>>(new IReadOnlyList<int>[] { new FrozenList<int>(new[] { 1 }), new FrozenList<int>(new[] { 2, 3 }) });
        var nested2 = new FrozenList<IReadOnlyList<int>>(new IReadOnlyList<int>[] { new FrozenList<int>(new[] { 1 }), new FrozenList<int>(new[] { 2, 3 }) });
        SameValue(nested1, nested2);
        DifferentValue(nested1, new FrozenList<IReadOnlyList<int>>(new IReadOnlyList<int>[] { new FrozenList<int>(new[] { 1 }), new FrozenList<int>(new[] { 3, 2 }) }));
    }

    [Fact]
    public void Null_elements_are_compared_and_hashed()
    {
        var a = new FrozenList<string?>(new[] { "a", null });
        var b = new FrozenList<string?>(new[] { "a", null });
        SameValue(a, b);
        DifferentValue(a, new FrozenList<string?>(new[] { null, "a" }));
    }

    [Fact]
    public void Enumerators_and_indexer_agree_with_the_source()
    {
        int[] source = { 5, 6, 7 };
        var list = new FrozenList<int>(source);

        var viaStruct = new List<int>();
        foreach (int item in list)
        {
            viaStruct.Add(item);
        }
        Assert.Equal(source, viaStruct);
        Assert.Equal(source, list.AsEnumerable());
        Assert.Equal(source, ((System.Collections.IEnumerable)list).Cast<int>());
        Assert.Equal(source, list.AsSpan().ToArray());
        Assert.Equal(7, list[2]);
        Assert.Equal(3, list.Count);
        Assert.Throws<IndexOutOfRangeException>(() => list[3]);

        var enumerator = list.GetEnumerator();
        while (enumerator.MoveNext())
        {
        }
        Assert.False(enumerator.MoveNext());
        enumerator.Reset();
        Assert.True(enumerator.MoveNext());
        Assert.Equal(5, enumerator.Current);
    }

    [Fact]
    public void The_enumerable_constructor_copies()
    {
        var source = new List<int> { 1, 2 };
        var list = new FrozenList<int>(source);
        source.Add(3);
        source[0] = 9;
        Assert.Equal(new[] { 1, 2 }, list);
    }

    [Fact]
    public void Empty_is_shared_and_equal_to_any_empty_list()
    {
        Assert.Same(FrozenList<int>.Empty, FrozenList<int>.Empty);
        Assert.Empty(FrozenList<int>.Empty);
        SameValue(FrozenList<int>.Empty, new FrozenList<int>(Array.Empty<int>()));
        Assert.Throws<ArgumentNullException>(() => new FrozenList<int>((int[])null!));
    }
}
