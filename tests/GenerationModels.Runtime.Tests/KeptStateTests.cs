using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Xunit;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// What a read keeps beyond its values costs nothing for a canonical payload (issues 12 and 13: reads allocate no more
/// than before kept texts existed): <see cref="RawValues"/> is one reference that is null, the unknown members'
/// <see cref="OpenDictionary"/>, or a store; <see cref="FrozenList{T}"/> and <see cref="FrozenMap{TValue}"/> read
/// canonically hold their items only, and only a collection with a non-canonical element is of the subclass that keeps
/// texts.
/// </summary>
public sealed class KeptStateTests
{
    private static object? Store(RawValues raw)
        => typeof(RawValues).GetField("_store", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(raw);

    private static OpenDictionary Members(string name, string json)
        => new(new[] { KeyValuePair.Create(name, JsonDocument.Parse(json).RootElement) });

    private static RawValues Read(string json, RawValues start, out OpenDictionary? unknown)
    {
        // A model's read, by hand: "a" is a double member (slot 0), every other member is unknown.
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var raw = start;
        var members = new OrderedMapBuilder<JsonElement>();
        while (ModelJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("a")) ModelJson.NextDouble(ref reader, ref raw, 0);
            else ModelJson.ReadUnknownMember(ref reader, ref members);
        }
        var kept = ModelJson.Keep(ref raw, ref members);
        unknown = kept.Unknown;
        return kept;
    }

    [Fact]
    public void A_canonical_read_keeps_null_and_unknown_members_alone_keep_the_dictionary_itself()
    {
        Assert.Null(Store(Read("""{"a":1}""", default, out var none)));
        Assert.Null(none);
        Assert.Null(Store(Read("""{"a":1}""", RawValues.Lenient, out _))); // the lenient marker only matters while reading
        var kept = Read("""{"a":1,"b":[true]}""", default, out var unknown);
        Assert.NotNull(unknown);
        Assert.Same(unknown, Store(kept));
        var lenient = Read("""{"a":1,"b":[true]}""", RawValues.Lenient, out var lenientUnknown);
        Assert.Same(lenientUnknown, Store(lenient));
    }

    [Fact]
    public void Kept_texts_and_unknown_members_share_one_store_that_copies_never_change()
    {
        var kept = Read("""{"a":1.0,"b":2}""", default, out var unknown);
        Assert.Equal(1, kept.Count);
        Assert.Equal(Members("b", "2"), unknown);
        var store = Store(kept);
        Assert.IsNotType<OpenDictionary>(store);

        var other = Members("c", "3");
        var replaced = kept.WithUnknown(other);
        Assert.Same(other, replaced.Unknown);
        Assert.Equal(1, replaced.Count); // the kept texts come along
        Assert.NotSame(store, Store(replaced));
        Assert.Same(store, Store(kept)); // the original is untouched
        Assert.Equal(Members("b", "2"), kept.Unknown);
        Assert.Null(kept.WithUnknown(null).Unknown);
        Assert.Same(store, Store(kept.WithUnknown(unknown))); // same members: nothing new
    }

    [Fact]
    public void Equality_is_the_unknown_members_and_never_the_kept_texts()
    {
        var canonical = Read("""{"a":1,"b":2}""", default, out _);
        var texts = Read("""{"a":1.0,"b":2}""", default, out _);
        var built = default(RawValues).WithUnknown(Members("b", "2"));
        Assert.True(canonical.Equals(texts));
        Assert.True(built.Equals(texts));
        Assert.True(built.Equals((object)texts));
        Assert.Equal(built.GetHashCode(), texts.GetHashCode());
        Assert.Equal(canonical.GetHashCode(), texts.GetHashCode());
        Assert.False(built.Equals(default));
        Assert.False(built.Equals(built.WithUnknown(Members("b", "3"))));
        Assert.False(default(RawValues).Equals(default(RawValues).WithUnknown(OpenDictionary.Empty))); // empty is not absent
        Assert.True(Read("""{"a":2.50}""", default, out _).Equals(default));
        Assert.Equal(0, Read("""{"a":2.50}""", default, out _).GetHashCode());
    }

    [Fact]
    public void Canonical_collections_hold_their_items_only()
    {
        // A list is its array, as before kept texts; a map its keys, values, lookup index and views.
        Assert.Equal(new[] { typeof(double[]) }, typeof(FrozenList<double>).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType));
        Assert.DoesNotContain(typeof(FrozenMap<double>).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), f => f.FieldType == typeof(RawValues));

        var reader = new Utf8JsonReader("[1,2.5]"u8);
        reader.Read();
        Assert.Equal(typeof(FrozenList<double>), ModelJson.ReadList(ref reader, PrimitiveConverters.Double, JsonSerializerOptions.Default).GetType());
        reader = new Utf8JsonReader("""{"a":1,"b":1.0,"b":2}"""u8); // the repeated key's last value is canonical: nothing kept
        reader.Read();
        Assert.Equal(typeof(FrozenMap<double>), ModelJson.ReadMap(ref reader, PrimitiveConverters.Double, JsonSerializerOptions.Default).GetType());

        reader = new Utf8JsonReader("[1,2.50]"u8);
        reader.Read();
        var kept = ModelJson.ReadList(ref reader, PrimitiveConverters.Double, JsonSerializerOptions.Default);
        Assert.NotEqual(typeof(FrozenList<double>), kept.GetType());
        Assert.Equal(new FrozenList<double>(new[] { 1, 2.5 }), kept);
        Assert.True(kept.Equals((object)new FrozenList<double>(new[] { 1, 2.5 })));
        Assert.Equal("[1, 2.5]", kept.ToString());
        reader = new Utf8JsonReader("""{"a":1.0}"""u8);
        reader.Read();
        var keptMap = ModelJson.ReadMap(ref reader, PrimitiveConverters.Double, JsonSerializerOptions.Default);
        Assert.NotEqual(typeof(FrozenMap<double>), keptMap.GetType());
        Assert.Equal(new FrozenMap<double>(new[] { KeyValuePair.Create("a", 1.0) }), keptMap);
        Assert.Equal(new FrozenMap<double>(new[] { KeyValuePair.Create("a", 1.0) }).GetHashCode(), keptMap.GetHashCode());
    }
}
