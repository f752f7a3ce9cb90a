using System.Collections.Generic;
using System.Text.Json;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// What "equal as JSON" means depends on the runtime build: the .NET 9+ build uses JsonElement.DeepEquals, the
/// netstandard2.0 and net8.0 builds (the net8.0 one is what a net10.0 app gets) compare kind and raw text.
/// </summary>
public sealed class JsonValueEqualityTests
{
    [Theory]
    [InlineData("""{"a":1}""")]
    [InlineData("""[1,"two",{"three":[null,true,false]}]""")]
    [InlineData("\"text\"")]
    [InlineData("-12.5e3")]
    [InlineData("null")]
    [InlineData("true")]
    public void The_same_json_from_different_documents_is_equal_with_equal_hashes(string json)
    {
        JsonElement a = Element(json);
        JsonElement b = Element(json);

        Assert.True(JsonValueEquality.AreEqual(a, b));
        Assert.True(JsonValueEquality.AreEqual<JsonElement>(a, b));
        Assert.Equal(JsonValueEquality.GetHashCode(a), JsonValueEquality.GetHashCode(b));
        Assert.Equal(JsonValueEquality.GetHashCode<JsonElement>(a), JsonValueEquality.GetHashCode<JsonElement>(b));
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""")]
    [InlineData("""{"a":1}""", """{"b":1}""")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("1", "\"1\"")]
    [InlineData("null", "false")]
    [InlineData("true", "false")]
    [InlineData("\"a\"", "\"b\"")]
    public void Different_json_values_are_not_equal(string left, string right)
    {
        Assert.False(JsonValueEquality.AreEqual(Element(left), Element(right)));
        Assert.False(JsonValueEquality.AreEqual<object>(Element(left), Element(right)));
    }

    /// <summary>
    /// <c>{"a":1}</c> vs <c>{ "a" : 1 }</c>: equal with DeepEquals (.NET 9+ build), different with the raw-text
    /// comparison of the netstandard2.0/net8.0 builds. Same for member order, escapes and number spelling.
    /// </summary>
    [Theory]
    [InlineData("""{"a":1}""", """{ "a" : 1 }""")]
    [InlineData("""{"a":1,"b":[2]}""", """{"b":[2],"a":1}""")]
    [InlineData("\"A\"", "\"\\u0041\"")]
    [InlineData("1", "1.0")]
    [InlineData("100", "1e2")]
    public void Insignificant_differences_count_only_on_builds_with_DeepEquals(string left, string right)
    {
        JsonElement a = Element(left);
        JsonElement b = Element(right);
        bool expected = RuntimeUsesDeepEquals;

        Assert.Equal(expected, JsonValueEquality.AreEqual(a, b));
        Assert.Equal(expected, JsonValueEquality.AreEqual(b, a));
        if (expected)
        {
            Assert.Equal(JsonValueEquality.GetHashCode(a), JsonValueEquality.GetHashCode(b));
        }
    }

    [Fact]
    public void Boxed_and_nullable_elements_are_compared_as_json()
    {
        object a = Element("[1]");
        object b = Element("[1]");
        JsonElement? c = Element("[1]");
        JsonElement? d = Element("[1]");

        Assert.True(JsonValueEquality.AreEqual(a, b));
        Assert.Equal(JsonValueEquality.GetHashCode(a), JsonValueEquality.GetHashCode(b));
        Assert.True(JsonValueEquality.AreEqual(c, d));
        Assert.Equal(JsonValueEquality.GetHashCode(c), JsonValueEquality.GetHashCode(d));
        Assert.False(JsonValueEquality.AreEqual(c, null));
        Assert.True(JsonValueEquality.AreEqual<JsonElement?>(null, null));
        Assert.False(JsonValueEquality.AreEqual(a, (object)"[1]"));
    }

    [Fact]
    public void Default_element_equals_only_itself()
    {
        Assert.True(JsonValueEquality.AreEqual(default(JsonElement), default(JsonElement)));
        Assert.False(JsonValueEquality.AreEqual(default(JsonElement), Element("null")));
        Assert.Equal(0, JsonValueEquality.GetHashCode(default(JsonElement)));
    }

    [Fact]
    public void Other_types_use_their_own_equality()
    {
        Assert.True(JsonValueEquality.AreEqual("a", "a"));
        Assert.False(JsonValueEquality.AreEqual("a", null));
        Assert.True(JsonValueEquality.AreEqual<string>(null, null));
        Assert.Equal(0, JsonValueEquality.GetHashCode<string>(null));
        Assert.True(JsonValueEquality.AreEqual(1.5, 1.5));
        Assert.Equal(42.GetHashCode(), JsonValueEquality.GetHashCode(42));

        IReadOnlyList<int> x = new FrozenList<int>(new[] { 1 });
        IReadOnlyList<int> y = new FrozenList<int>(new[] { 1 });
        Assert.True(JsonValueEquality.AreEqual(x, y));
        Assert.Equal(JsonValueEquality.GetHashCode(x), JsonValueEquality.GetHashCode(y));
        Assert.False(JsonValueEquality.AreEqual<IReadOnlyList<int>>(new[] { 1 }, new[] { 1 }), "arrays keep reference equality");
    }
}
