using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using GenerationModels.Runtime;
using Xunit;

namespace RoundTrip;

/// <summary>
/// What a generated model read from JSON holds beyond its members (issues 12 and 13: reads allocate no more than before
/// kept texts existed). Unknown members and kept texts share one reference: null for a canonical payload, the unknown
/// members' dictionary itself when there are only those, and a store of kept texts otherwise. Lists and maps read
/// canonically are plain <see cref="FrozenList{T}"/> / <see cref="FrozenMap{TValue}"/> holding their items only.
/// </summary>
public sealed class ModelStorageTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    private const string Canonical = """{"id":"inv_1","customer":{"id":"c1","name":"Ada"},"lines":[{"description":"w","quantity":2,"unitAmount":150}],"total":300,"paid":true,"issuedAt":"2024-07-23T22:50:22.761+00:00","tags":["a","b"],"metadata":{"k":"v"}}""";

    /// <summary>The one reference a model keeps beyond its members (its <c>__raw</c> field's content).</summary>
    private static object? Kept(object model)
    {
        var field = model.GetType().GetField("__raw", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var raw = (RawValues)field.GetValue(model)!;
        return typeof(RawValues).GetField("_store", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(raw);
    }

    [Fact]
    public void A_record_has_one_field_for_unknown_members_and_kept_texts()
    {
        foreach (var type in new[] { typeof(Invoice), typeof(InvoiceLine), typeof(Customer), typeof(Generation), typeof(ChatCompletionResponse) })
        {
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            Assert.DoesNotContain(fields, f => f.FieldType == typeof(OpenDictionary));
            Assert.Single(fields, f => f.FieldType == typeof(RawValues));
        }
        // The runtime's reference slot itself: one object reference, nothing else.
        Assert.Equal(new[] { typeof(object) }, typeof(RawValues).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType));
    }

    [Fact]
    public void A_canonical_read_keeps_nothing_beyond_its_members()
    {
        var invoice = JsonSerializer.Deserialize(Canonical, Context.Invoice)!;
        Assert.Null(Kept(invoice));
        Assert.Null(Kept(invoice.Customer));
        Assert.Null(Kept(invoice.Lines[0]));
        Assert.Equal(typeof(FrozenList<InvoiceLine>), invoice.Lines.GetType());
        Assert.Equal(typeof(FrozenList<string>), invoice.Tags!.GetType());
        Assert.Equal(typeof(FrozenMap<string>), invoice.Metadata!.GetType());
        Assert.Equal(Canonical, JsonSerializer.Serialize(invoice, Context.Invoice));
    }

    [Fact]
    public void Unknown_members_alone_are_kept_as_the_dictionary_itself()
    {
        string json = Canonical.Replace("\"total\":300", "\"total\":300,\"extra\":{\"a\":[1,2]}", StringComparison.Ordinal);
        var invoice = JsonSerializer.Deserialize(json, Context.Invoice)!;
        Assert.NotNull(invoice.AdditionalProperties);
        Assert.Same(invoice.AdditionalProperties, Kept(invoice));
        Assert.Equal(Canonical[..^1] + ",\"extra\":{\"a\":[1,2]}}", JsonSerializer.Serialize(invoice, Context.Invoice)); // unknown members last
    }

    [Fact]
    public void Kept_texts_and_unknown_members_share_one_store_and_with_copies_never_change_it()
    {
        string json = """{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[],"total":1.0,"extra":true}""";
        var read = JsonSerializer.Deserialize(json, Context.Invoice)!;
        object store = Kept(read)!;
        Assert.IsNotType<OpenDictionary>(store);
        Assert.Equal("""{"extra":true}""", read.AdditionalProperties!.ToString().Replace(" ", "", StringComparison.Ordinal));

        var replaced = read with { AdditionalProperties = new OpenDictionary(new[] { KeyValuePair.Create("other", JsonDocument.Parse("2").RootElement) }) };
        var dropped = read with { AdditionalProperties = null };
        Assert.Equal("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[],"total":1.0,"other":2}""", JsonSerializer.Serialize(replaced, Context.Invoice));
        Assert.Equal("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[],"total":1.0}""", JsonSerializer.Serialize(dropped, Context.Invoice));
        Assert.Equal(json, JsonSerializer.Serialize(read, Context.Invoice)); // the original's store is untouched
        Assert.Same(store, Kept(read));
        Assert.Same(store, Kept(read with { Id = "a" }));
        Assert.NotEqual(read, dropped);
        Assert.NotEqual(read, replaced);
    }

    [Fact]
    public void Unknown_members_take_part_in_equality_hash_code_and_text_and_kept_texts_do_not()
    {
        var customer = JsonSerializer.Deserialize("""{"id":"c1","name":"Ada"}""", Context.Customer)!;
        var extra = new OpenDictionary(new[] { KeyValuePair.Create("extra", JsonDocument.Parse("[1,2]").RootElement) });
        var built = new Invoice { Id = "a", Customer = customer, Lines = FrozenList<InvoiceLine>.Empty, Total = 1, AdditionalProperties = extra };
        var read = JsonSerializer.Deserialize("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[],"total":1.0,"extra":[1,2]}""", Context.Invoice)!;
        var canonical = JsonSerializer.Deserialize("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[],"total":1,"extra":[1,2]}""", Context.Invoice)!;
        Assert.Equal(built, read);
        Assert.Equal(built.GetHashCode(), read.GetHashCode());
        Assert.Equal(canonical, read);
        Assert.Equal(canonical.GetHashCode(), read.GetHashCode());
        Assert.NotEqual(built with { AdditionalProperties = null }, read);
        Assert.NotEqual(built with { AdditionalProperties = OpenDictionary.Empty }, built with { AdditionalProperties = null });
        Assert.Equal(built with { AdditionalProperties = null }, read with { AdditionalProperties = null });
        Assert.Contains("AdditionalProperties = ", read.ToString(), StringComparison.Ordinal);
        Assert.Same(read.AdditionalProperties, read.Unset(nameof(Invoice.Paid)).AdditionalProperties);
    }
}
