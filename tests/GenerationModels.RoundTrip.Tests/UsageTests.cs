using System;
using System.Collections.Generic;
using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>The models used the way the README's "Using the models" section shows: presence, enums, unions, equality.</summary>
public sealed class UsageTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    private static string Write(Pet pet) => JsonSerializer.Serialize(pet, Context.Pet);

    [Fact]
    public void Presence_tells_unset_from_explicit_null_from_a_value()
    {
        var pet = JsonSerializer.Deserialize("""{"id":1,"name":"Rex","nickname":null,"tag":"dog"}""", Context.Pet)!;

        Assert.True(pet.IsSet(nameof(Pet.Tag)));
        Assert.True(pet.IsSet(nameof(Pet.Nickname)));
        Assert.Null(pet.Nickname);
        Assert.False(pet.IsSet(nameof(Pet.Status)));
        Assert.Throws<ArgumentException>(() => pet.IsSet(nameof(Pet.Name)));
        Assert.Throws<ArgumentException>(() => pet.IsSet("tag"));
    }

    [Fact]
    public void Unset_removes_members_from_a_copy_and_the_output()
    {
        var pet = JsonSerializer.Deserialize("""{"id":1,"name":"Rex","nickname":null,"tag":"dog"}""", Context.Pet)!;

        Pet patch = pet.Unset(nameof(Pet.Tag), nameof(Pet.Nickname));

        Assert.Equal("""{"id":1,"name":"Rex"}""", Write(patch));
        Assert.False(patch.IsSet(nameof(Pet.Tag)));
        Assert.Null(patch.Tag);
        Assert.True(pet.IsSet(nameof(Pet.Tag)), "the original is unchanged");
        Assert.Equal(new Pet { Id = 1, Name = "Rex" }, patch);
    }

    [Fact]
    public void Null_unsets_a_member_the_doc_does_not_allow_to_be_null_and_is_written_where_it_does()
    {
        var pet = new Pet { Id = 1, Name = "Rex", Tag = "dog", Nickname = "R" };

        Assert.Equal("""{"id":1,"name":"Rex","nickname":null}""", Write(pet with { Tag = null, Nickname = null }));
        Assert.False((pet with { Tag = null }).IsSet(nameof(Pet.Tag)));
        Assert.True((pet with { Nickname = null }).IsSet(nameof(Pet.Nickname)));
        Assert.Equal(new Pet { Id = 1, Name = "Rex" }, (pet with { Tag = null, Nickname = null }).Unset(nameof(Pet.Nickname)));
    }

    [Fact]
    public void An_explicit_null_read_from_json_is_kept_even_where_the_doc_does_not_allow_it()
    {
        const string json = """{"id":1,"name":"Rex","tag":null}""";
        var pet = JsonSerializer.Deserialize(json, Context.Pet)!;
        Assert.True(pet.IsSet(nameof(Pet.Tag)));
        Assert.Equal(json, Write(pet));
    }

    [Fact]
    public void Equality_respects_presence()
    {
        var absent = new Pet { Id = 1, Name = "Rex" };
        var explicitNull = new Pet { Id = 1, Name = "Rex", Nickname = null };
        Assert.NotEqual(absent, explicitNull);
        Assert.Equal(absent, explicitNull.Unset(nameof(Pet.Nickname)));
        Assert.Equal(absent.GetHashCode(), explicitNull.Unset(nameof(Pet.Nickname)).GetHashCode());
    }

    [Fact]
    public void A_model_built_with_any_collection_equals_the_same_data_read_from_json()
    {
        const string json = """{"id":1,"name":"Rex","photoUrls":["a","b"],"labels":{"x":"1","y":"2"},"extra":{"k":[1,2]}}""";
        var read = JsonSerializer.Deserialize(json, Context.Pet)!;
        var built = new Pet
        {
            Id = 1,
            Name = "Rex",
            PhotoUrls = ["a", "b"],
            Labels = new Dictionary<string, string> { ["y"] = "2", ["x"] = "1" },
            Extra = JsonDocument.Parse("""{"k":[1,2]}""").RootElement.Clone(),
        };
        Assert.Equal(read, built);
        Assert.Equal(built, read);
        Assert.Equal(read.GetHashCode(), built.GetHashCode());
        Assert.NotEqual(read, built with { PhotoUrls = new[] { "b", "a" } });
        Assert.NotEqual(read, built with { Extra = JsonDocument.Parse("""{"k":[1,3]}""").RootElement.Clone() });
    }

    [Fact]
    public void Enum_values_are_constants_for_switches_and_known_values_switch_exhaustively()
    {
        var pet = JsonSerializer.Deserialize("""{"id":1,"name":"Rex","status":"pending"}""", Context.Pet)!;

        string text = pet.Status?.Value switch
        {
            PetStatus.Values.Available => "for sale",
            PetStatus.Values.Pending => "reserved",
            PetStatus.Values.Sold => "gone",
            _ => "unknown",
        };
        Assert.Equal("reserved", text);

        Assert.True(pet.Status!.Value.TryGetKnown(out PetStatus.Known known));
        Assert.Equal(PetStatus.Known.Pending, known);
        Assert.Equal(PetStatus.Pending, (PetStatus)PetStatus.Known.Pending);
        Assert.False(new PetStatus("lost").TryGetKnown(out _));
        Assert.False(new PetStatus("lost").IsKnown);
        Assert.True(PetStatus.Sold.IsKnown);
        Assert.Throws<ArgumentOutOfRangeException>(() => (PetStatus)(PetStatus.Known)7);
    }

    [Fact]
    public void Numeric_enum_values_the_doc_does_not_name_get_readable_names()
    {
        Assert.Equal(2L, Size.Value2.Value);
        Assert.Equal(3L, Size.Values.Value3);
        Assert.True(Size.Value1.TryGetKnown(out Size.Known known) && known == Size.Known.Value1);
    }

    [Fact]
    public void A_union_is_built_from_a_case_and_matched_exhaustively()
    {
        Payment byCard = new Card { Kind = "card", Last4 = "4242" };
        Payment byBank = Payment.FromBankTransfer(new BankTransfer { Kind = "bank", Iban = "DE00" });

        Assert.Equal("4242", byCard.Card!.Last4);
        Assert.Null(byCard.BankTransfer);
        string Describe(Payment payment) => payment.Match(
            onCard: card => "card " + card.Last4,
            onBankTransfer: bank => "bank " + bank.Iban,
            onUnmatched: json => "other " + json.GetRawText());
        Assert.Equal("card 4242", Describe(byCard));
        Assert.Equal("bank DE00", Describe(byBank));
        Assert.Equal("""{"kind":"card","last4":"4242"}""", JsonSerializer.Serialize(byCard, Context.Payment));
        Assert.Throws<ArgumentNullException>(() => Payment.FromCard(null!));

        var unknown = JsonSerializer.Deserialize("""{"kind":"cash"}""", Context.Payment)!;
        Assert.Equal("""other {"kind":"cash"}""", Describe(unknown));
        string? seen = null;
        unknown.Switch(onCard: _ => seen = "card", onBankTransfer: _ => seen = "bank", onUnmatched: _ => seen = "unmatched");
        Assert.Equal("unmatched", seen);
    }

    [Fact]
    public void Unions_compare_by_value_including_list_cases_and_unmatched_json()
    {
        Assignee built = Assignee.FromStringList(new[] { "u_1", "u_2" });
        var read = JsonSerializer.Deserialize("""["u_1","u_2"]""", Context.Assignee)!;
        Assert.Equal(read, built);
        Assert.Equal(read.GetHashCode(), built.GetHashCode());
        Assert.Equal((Assignee)"u_1", Assignee.FromString("u_1"));
        Assert.NotEqual((Assignee)"u_1", built);
        Assert.Equal(JsonSerializer.Deserialize("""{"a":1}""", Context.Assignee), JsonSerializer.Deserialize("""{"a":1}""", Context.Assignee));
    }
}

/// <summary>The GenerationModelsTypeName knob, set on an AdditionalFiles item in this project's file.</summary>
public sealed class PinnedTypeNameTests
{
    [Fact]
    public void A_pinned_name_is_used_and_leaves_the_same_titled_model_its_own_name()
    {
        var legacy = new LegacyPet { PetName = "Rex" };
        Assert.Equal("""{"pet_name":"Rex"}""", System.Text.Json.JsonSerializer.Serialize(legacy, GenerationModelsJsonContext.Default.LegacyPet));
        Assert.NotNull(typeof(Pet).GetProperty(nameof(Pet.Tag)));
    }
}
