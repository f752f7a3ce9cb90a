using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>
/// Models from snake_case-listed docs (issue 12 item 4): <c>Schemas/snake/</c> is written as an OpenAPI Generator python
/// SDK documents a camelCase API (<c>first_name</c> for <c>firstName</c>, <c>links</c> for <c>_links</c>; one model with
/// one-word names only). Whatever the API's casing, payloads land in the declared members and are written back
/// text-identical; members set in code use the configured casing (here SnakeCase, as listed).
/// </summary>
public sealed class SnakeListedRoundTripTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    public static TheoryData<string> Casings => new()
    {
        // As listed: the exact path.
        """{"links":{"self":"/m/1"},"id":"m1","first_name":"Ada","last_seen":1700000000000,"pending_invite":false,"custom_roles":["admin"],"team":{"key":"t1","name":"Core"}}""",
        // The API's own camelCase, with its leading-underscore _links.
        """{"_links":{"self":"/m/1"},"id":"m1","firstName":"Ada","lastSeen":1700000000000,"pendingInvite":false,"customRoles":["admin"],"team":{"key":"t1","name":"Core"}}""",
        """{"Links":{"self":"/m/1"},"Id":"m1","FirstName":"Ada","LastSeen":1700000000000,"PendingInvite":false,"CustomRoles":["admin"],"Team":{"Key":"t1","Name":"Core"}}""",
        """{"links":{"self":"/m/1"},"id":"m1","first-name":"Ada","last-seen":1700000000000,"pending-invite":false,"custom-roles":["admin"],"team":{"key":"t1","name":"Core"}}""",
    };

    [Theory]
    [MemberData(nameof(Casings))]
    public void Any_casing_lands_in_the_declared_members_and_is_written_back_as_read(string json)
    {
        var member = JsonSerializer.Deserialize(json, Context.SnakeMember)!;

        Assert.Equal("/m/1", member.Links!["self"]);
        Assert.Equal("m1", member.Id);
        Assert.Equal("Ada", member.FirstName);
        Assert.Equal(1700000000000, member.LastSeen);
        Assert.False(member.PendingInvite);
        Assert.Equal(["admin"], member.CustomRoles!);
        Assert.Equal("t1", member.Team!.Key);
        Assert.Equal("Core", member.Team.Name);
        Assert.Null(member.AdditionalProperties);
        Assert.Null(member.Team.AdditionalProperties);
        Assert.Equal(json, JsonSerializer.Serialize(member, Context.SnakeMember));
    }

    [Theory]
    // One member under two spellings: whichever comes first is read, the other is an unknown member, in either order
    // (written back after the declared members, as unknown members always are).
    [InlineData("""{"id":"a","_id":"b"}""", "a", "_id", "b")]
    [InlineData("""{"_id":"b","id":"a"}""", "b", "id", "a")]
    [InlineData("""{"links":{"self":"/a"},"id":"m1","_links":{"self":"/b"}}""", null, "_links", null)]
    [InlineData("""{"_links":{"self":"/b"},"id":"m1","links":{"self":"/a"}}""", null, "links", null)]
    public void A_member_under_two_spellings_loses_neither_value(string json, string? id, string unknownName, string? unknownValue)
    {
        var member = JsonSerializer.Deserialize(json, Context.SnakeMember)!;

        if (id is not null) Assert.Equal(id, member.Id);
        var unknown = Assert.Single(member.AdditionalProperties!);
        Assert.Equal(unknownName, unknown.Key);
        if (unknownValue is not null) Assert.Equal(unknownValue, unknown.Value.GetString());
        Assert.Equal(json, JsonSerializer.Serialize(member, Context.SnakeMember));
    }

    [Fact]
    public void A_required_member_in_another_casing_counts_as_present()
    {
        // id is required: its PascalCase spelling satisfies it, and its absence still throws.
        Assert.Equal("m1", JsonSerializer.Deserialize("""{"ID":"m1"}""", Context.SnakeMember)!.Id);
        var missing = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"memberId":"m1"}""", Context.SnakeMember));
        Assert.Contains("Id", missing.Message);
    }

    [Fact]
    public void Members_set_in_code_use_the_configured_casing()
    {
        var read = JsonSerializer.Deserialize("""{"id":"m1","firstName":"Ada"}""", Context.SnakeMember)!;
        var changed = read with { FirstName = "Grace", PendingInvite = true };
        Assert.Equal("""{"id":"m1","firstName":"Grace","pending_invite":true}""", JsonSerializer.Serialize(changed, Context.SnakeMember));

        var built = new SnakeMember { Id = "m1", FirstName = "Ada", Team = new SnakeTeam { Key = "t1" } };
        Assert.Equal("""{"id":"m1","first_name":"Ada","team":{"key":"t1"}}""", JsonSerializer.Serialize(built, Context.SnakeMember));
        Assert.Equal(new SnakeMember { Id = "m1", FirstName = "Ada" }, read); // the spelling read never takes part in equality
    }

    /// <summary>
    /// An exact-cased payload costs nothing extra: read and written through the fallback model and through its twin
    /// with exact matching only (Schemas/snake-exact, the same doc confirmed as written), it allocates the same bytes.
    /// </summary>
    [Fact]
    public void An_exact_cased_payload_allocates_no_more_than_with_exact_matching_only()
    {
        const string json = """{"links":{"self":"/m/1"},"id":"m1","first_name":"Ada","last_seen":1700000000000,"pending_invite":false,"custom_roles":["admin"],"team":{"key":"t1","name":"Core"}}""";
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        // The twin really matches exactly only: the API's camelCase lands in its AdditionalProperties.
        var camel = JsonSerializer.Deserialize("""{"id":"m1","firstName":"Ada"}""", Context.SnakeMemberExact)!;
        Assert.Null(camel.FirstName);
        Assert.Equal(["firstName"], camel.AdditionalProperties!.Keys);

        long fallbackRead = Allocated(() => JsonSerializer.Deserialize(utf8, Context.SnakeMember));
        long exactRead = Allocated(() => JsonSerializer.Deserialize(utf8, Context.SnakeMemberExact));
        Assert.True(fallbackRead > 0);
        Assert.Equal(exactRead, fallbackRead);

        var member = JsonSerializer.Deserialize(utf8, Context.SnakeMember)!;
        var twin = JsonSerializer.Deserialize(utf8, Context.SnakeMemberExact)!;
        Assert.Equal(json, JsonSerializer.Serialize(twin, Context.SnakeMemberExact));
        Assert.Equal(Allocated(() => JsonSerializer.SerializeToUtf8Bytes(twin, Context.SnakeMemberExact)), Allocated(() => JsonSerializer.SerializeToUtf8Bytes(member, Context.SnakeMember)));
    }

    private static long Allocated(System.Func<object?> action)
    {
        for (int i = 0; i < 3; i++) action(); // warm-up: first-call caches and tiered JIT allocations
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        action();
        return System.GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
