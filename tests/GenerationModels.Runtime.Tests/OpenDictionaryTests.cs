using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

public sealed class OpenDictionaryTests
{
    private static KeyValuePair<string, JsonElement> Member(string name, string json) => new(name, Element(json));

    private static OpenDictionary ReadMembers(string objectJson)
    {
        var reader = ReaderOn(objectJson);
        var members = new OrderedMapBuilder<JsonElement>();
        while (ModelJson.NextProperty(ref reader))
        {
            ModelJson.ReadUnknownMember(ref reader, ref members);
        }
        return ModelJson.ToOpenDictionary(ref members)!;
    }

    [Fact]
    public void Keeps_document_order_and_a_duplicate_replaces_the_value_in_the_first_position()
    {
        var dictionary = new OpenDictionary(new[] { Member("zeta", "1"), Member("alpha", "[true]"), Member("zeta", "\"last\""), Member("mid", "null") });

        Assert.Equal(new[] { "zeta", "alpha", "mid" }, dictionary.Keys);
        Assert.Equal(3, dictionary.Count);
        Assert.Equal("last", dictionary["zeta"].GetString());
        Assert.Equal(new[] { "zeta", "alpha", "mid" }, dictionary.Select(pair => pair.Key));
        Assert.Equal(new[] { JsonValueKind.String, JsonValueKind.Array, JsonValueKind.Null }, dictionary.Values.Select(value => value.ValueKind));
    }

    [Fact]
    public void Is_read_only_through_every_mutating_interface_member()
    {
        var dictionary = new OpenDictionary(new[] { Member("a", "1") });
        IDictionary<string, JsonElement> mutable = dictionary;
        ICollection<KeyValuePair<string, JsonElement>> collection = dictionary;

        Assert.True(dictionary.IsReadOnly);
        Assert.True(collection.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => mutable.Add("b", Element("2")));
        Assert.Throws<NotSupportedException>(() => mutable["a"] = Element("2"));
        Assert.Throws<NotSupportedException>(() => mutable.Remove("a"));
        Assert.Throws<NotSupportedException>(() => collection.Add(Member("b", "2")));
        Assert.Throws<NotSupportedException>(() => collection.Remove(Member("a", "1")));
        Assert.Throws<NotSupportedException>(() => collection.Clear());
        Assert.Throws<NotSupportedException>(() => mutable.Keys.Add("c"));
        Assert.Throws<NotSupportedException>(() => mutable.Values.Clear());
        Assert.Equal(1, dictionary["a"].GetInt32());
        Assert.Single(dictionary);
    }

    [Fact]
    public void Lookups_work_below_and_above_the_index_threshold()
    {
        foreach (int count in new[] { 3, 8, 9, 40 })
        {
            var dictionary = new OpenDictionary(Enumerable.Range(0, count).Select(i => Member("k" + i, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            for (int i = 0; i < count; i++)
            {
                Assert.True(dictionary.TryGetValue("k" + i, out JsonElement value));
                Assert.Equal(i, value.GetInt32());
                Assert.True(dictionary.ContainsKey("k" + i));
            }
            Assert.False(dictionary.TryGetValue("K0", out _));
            Assert.False(dictionary.ContainsKey("missing"));
            Assert.Throws<KeyNotFoundException>(() => dictionary["missing"]);
        }
    }

    [Fact]
    public void Values_survive_disposal_of_the_document_they_came_from()
    {
        OpenDictionary dictionary;
        using (var document = JsonDocument.Parse("""{"a":{"b":[1,2]}}"""))
        {
            dictionary = new OpenDictionary(document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value)));
        }
        Assert.Equal(2, dictionary["a"].GetProperty("b")[1].GetInt32());
    }

    [Fact]
    public void Rejects_undefined_values_and_null_names()
    {
        Assert.Throws<ArgumentException>(() => new OpenDictionary(new[] { new KeyValuePair<string, JsonElement>("a", default) }));
        Assert.Throws<ArgumentException>(() => new OpenDictionary(new[] { new KeyValuePair<string, JsonElement>(null!, Element("1")) }));
        Assert.Throws<ArgumentNullException>(() => new OpenDictionary(null!));
    }

    [Fact]
    public void Equality_needs_the_same_names_in_the_same_order_and_equal_values()
    {
        var a = ReadMembers("""{"x":1,"y":{"z":[true,null]}}""");
        var b = ReadMembers("""{"x":1,"y":{"z":[true,null]}}""");
        var reordered = ReadMembers("""{"y":{"z":[true,null]},"x":1}""");
        var otherValue = ReadMembers("""{"x":2,"y":{"z":[true,null]}}""");
        var fewer = ReadMembers("""{"x":1}""");

        SameValue(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        DifferentValue(a, reordered);
        DifferentValue(a, otherValue);
        DifferentValue(a, fewer);
        Assert.True(a != otherValue);
        Assert.False(a == fewer);
        Assert.False(a.Equals((object?)null));
        Assert.False(a == null);
        Assert.True((OpenDictionary?)null == null);
        SameValue(OpenDictionary.Empty, new OpenDictionary(Array.Empty<KeyValuePair<string, JsonElement>>()));
        Assert.Empty(OpenDictionary.Empty);
    }

    [Fact]
    public void Collection_members_compare_values_as_json()
    {
        ICollection<KeyValuePair<string, JsonElement>> dictionary = ReadMembers("""{"a":[1,2],"b":"s"}""");

        Assert.True(dictionary.Contains(Member("a", "[1,2]")));
        Assert.False(dictionary.Contains(Member("a", "[2,1]")));
        Assert.False(dictionary.Contains(Member("c", "1")));

        var copy = new KeyValuePair<string, JsonElement>[3];
        dictionary.CopyTo(copy, 1);
        Assert.Equal(new[] { "a", "b" }, copy.Skip(1).Select(pair => pair.Key));
        Assert.Throws<ArgumentOutOfRangeException>(() => dictionary.CopyTo(copy, 2));
    }

    [Theory]
    [InlineData("""{"zeta":1,"alpha":[true,{"x":null}],"s":"a b","n":-1.5e3,"o":{}}""")]
    [InlineData("""{"only":null}""")]
    [InlineData("""{"dup":1,"other":2,"dup":3}""")]
    public void WriteTo_writes_the_members_back_into_an_open_object(string json)
    {
        var dictionary = ReadMembers(json);

        string written = Write(writer =>
        {
            writer.WriteStartObject();
            dictionary.WriteTo(writer);
            writer.WriteEndObject();
        });

        // What is written reads back to an equal dictionary, and (without duplicates) to the same text.
        SameValue(dictionary, ReadMembers(written));
        if (dictionary.Count == JsonDocument.Parse(json).RootElement.EnumerateObject().Count())
        {
            Assert.Equal(json, written);
        }
        else
        {
            Assert.Equal("""{"dup":3,"other":2}""", written);
        }
    }

    [Fact]
    public void WriteTo_escapes_strings_with_the_writers_encoder()
    {
        var dictionary = ReadMembers("""{"s":"a\"b\u00e9"}""");
        string written = Write(writer =>
        {
            writer.WriteStartObject();
            dictionary.WriteTo(writer);
            writer.WriteEndObject();
        });

        // Same string, spelled the way Utf8JsonWriter's default encoder spells it.
        Assert.Equal("""{"s":"a\u0022b\u00E9"}""", written);
        Assert.Equal(dictionary["s"].GetString(), ReadMembers(written)["s"].GetString());
        Assert.Equal(RuntimeUsesDeepEquals, dictionary.Equals(ReadMembers(written)));
    }

    [Fact]
    public void ToOpenDictionary_is_null_when_nothing_was_collected()
    {
        var members = new OrderedMapBuilder<JsonElement>();
        Assert.Null(ModelJson.ToOpenDictionary(ref members));
    }
}
