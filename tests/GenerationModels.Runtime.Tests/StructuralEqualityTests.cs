using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

public sealed class StructuralEqualityTests
{
    private static void Equal<T>(T left, T right)
    {
        Assert.True(StructuralEquality.AreEqual(left, right));
        Assert.True(StructuralEquality.AreEqual(right, left), "not symmetric");
        Assert.Equal(StructuralEquality.GetHashCode(left), StructuralEquality.GetHashCode(right));
        Assert.Equal(new Structural<T>(left), new Structural<T>(right));
        Assert.Equal(new Structural<T>(left).GetHashCode(), new Structural<T>(right).GetHashCode());
    }

    private static void NotEqual<T>(T left, T right)
    {
        Assert.False(StructuralEquality.AreEqual(left, right));
        Assert.False(StructuralEquality.AreEqual(right, left), "not symmetric");
        Assert.NotEqual(new Structural<T>(left), new Structural<T>(right));
    }

    [Fact]
    public void Lists_compare_by_elements_whatever_the_collection()
    {
        IReadOnlyList<long> frozen = new FrozenList<long>(new long[] { 1, 2, 3 });
        Equal(frozen, new long[] { 1, 2, 3 });
        Equal(frozen, new List<long> { 1, 2, 3 });
        Equal<IReadOnlyList<long>>(frozen, [1, 2, 3]);
        Equal<IReadOnlyList<long>>(frozen, ImmutableArray.Create(1L, 2L, 3L));
        NotEqual<IReadOnlyList<long>>(frozen, new long[] { 3, 2, 1 });
        NotEqual<IReadOnlyList<long>>(frozen, new long[] { 1, 2 });
        NotEqual<IReadOnlyList<long>?>(frozen, null);
        Equal<IReadOnlyList<long>?>(null, null);
    }

    [Fact]
    public void Nested_lists_and_maps_compare_structurally()
    {
        IReadOnlyList<IReadOnlyList<string>> read = new FrozenList<IReadOnlyList<string>>(new IReadOnlyList<string>[] { new FrozenList<string>(new[] { "a" }), FrozenList<string>.Empty });
        Equal(read, new[] { new[] { "a" }, new string[0] });
        NotEqual(read, new[] { new[] { "b" }, new string[0] });

        IReadOnlyDictionary<string, IReadOnlyList<long>> map = new FrozenMap<IReadOnlyList<long>>(new[] { new KeyValuePair<string, IReadOnlyList<long>>("x", new FrozenList<long>(new long[] { 1 })) });
        Equal(map, new Dictionary<string, IReadOnlyList<long>> { ["x"] = new long[] { 1 } });
        NotEqual(map, new Dictionary<string, IReadOnlyList<long>> { ["x"] = new long[] { 2 } });
    }

    [Fact]
    public void Maps_compare_by_keys_and_values_in_any_order()
    {
        IReadOnlyDictionary<string, long> frozen = new FrozenMap<long>(new Dictionary<string, long> { ["a"] = 1, ["b"] = 2 });
        Equal(frozen, new Dictionary<string, long> { ["b"] = 2, ["a"] = 1 });
        Equal(frozen, ImmutableDictionary.CreateRange(new Dictionary<string, long> { ["a"] = 1, ["b"] = 2 }));
        Equal(frozen, new FrozenMap<long>(new Dictionary<string, long> { ["b"] = 2, ["a"] = 1 }));
        NotEqual(frozen, new Dictionary<string, long> { ["a"] = 1, ["b"] = 3 });
        NotEqual(frozen, new Dictionary<string, long> { ["a"] = 1, ["c"] = 2 });
        NotEqual(frozen, new Dictionary<string, long> { ["a"] = 1 });
        NotEqual<IReadOnlyDictionary<string, long>>(frozen, new Dictionary<string, long>());
    }

    [Fact]
    public void Json_elements_compare_as_json_not_by_reference()
    {
        Equal(Element("{\"a\":[1,2]}"), Element("{\"a\":[1,2]}"));
        NotEqual(Element("{\"a\":[1,2]}"), Element("{\"a\":[1,3]}"));
        Equal<JsonElement?>(Element("\"x\""), Element("\"x\""));
        NotEqual<JsonElement?>(Element("\"x\""), null);
        var open = new OpenDictionary(new[] { new KeyValuePair<string, JsonElement>("k", Element("[true]")) });
        Equal<IReadOnlyDictionary<string, JsonElement>>(open, new Dictionary<string, JsonElement> { ["k"] = Element("[true]") });
        NotEqual<IReadOnlyDictionary<string, JsonElement>>(open, new Dictionary<string, JsonElement> { ["k"] = Element("[false]") });
    }

    [Fact]
    public void Strings_are_values_not_sequences_and_value_types_use_their_own_equality()
    {
        Equal("ab", new string(new[] { 'a', 'b' }));
        NotEqual<IEnumerable<char>>("ab", new[] { 'a', 'b' });
        Equal(1.5d, 1.5d);
        NotEqual(1L, 2L);
    }

    [Fact]
    public void Collections_print_their_contents()
    {
        Assert.Equal("[1, 2, 3]", new FrozenList<long>(new long[] { 1, 2, 3 }).ToString());
        Assert.Equal("[\"a\", \"b\\\"c\", null]", new FrozenList<string?>(new[] { "a", "b\"c", null }).ToString());
        Assert.Equal("[[1.5], []]", new FrozenList<IReadOnlyList<double>>(new IReadOnlyList<double>[] { new[] { 1.5 }, new double[0] }).ToString());
        Assert.Equal("{\"a\": 1, \"b\": [true]}", new FrozenMap<object>(new Dictionary<string, object> { ["a"] = 1L, ["b"] = new FrozenList<bool>(new[] { true }) }).ToString());
        Assert.Equal("{\"x\": {\"n\":1}}", new OpenDictionary(new[] { new KeyValuePair<string, JsonElement>("x", Element("{\"n\":1}")) }).ToString());
        Assert.Equal("[]", FrozenList<int>.Empty.ToString());
        string longList = new FrozenList<int>(Enumerable.Range(0, 100).ToArray()).ToString();
        Assert.EndsWith(", 31, …]", longList);
    }

    [Fact]
    public void Collections_show_their_count_in_the_debugger()
    {
        foreach (var type in new[] { typeof(FrozenList<>), typeof(FrozenMap<>), typeof(OpenDictionary) })
        {
            var display = (System.Diagnostics.DebuggerDisplayAttribute?)System.Attribute.GetCustomAttribute(type, typeof(System.Diagnostics.DebuggerDisplayAttribute));
            Assert.Equal("Count = {Count}", display?.Value);
            Assert.NotNull(System.Attribute.GetCustomAttribute(type, typeof(System.Diagnostics.DebuggerTypeProxyAttribute)));
        }
    }
}
