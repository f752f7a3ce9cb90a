using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>Enums accept values the doc does not list; unions pick their case from the JSON.</summary>
public sealed class EnumAndUnionTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    [Fact]
    public void Known_enum_values_read_as_the_named_members()
    {
        var ticket = JsonSerializer.Deserialize("""{"id":"t","priority":"high","severity":2}""", Context.Ticket)!;
        Assert.Equal(TicketPriority.High, ticket.Priority);
        Assert.True(ticket.Priority.IsKnown);
        Assert.Equal(Severity.Major, ticket.Severity);
    }

    [Fact]
    public void An_enum_value_added_server_side_later_is_kept_and_written_back()
    {
        const string json = """{"id":"t","priority":"critical","severity":7}""";
        var ticket = JsonSerializer.Deserialize(json, Context.Ticket)!;

        Assert.False(ticket.Priority.IsKnown);
        Assert.Equal("critical", ticket.Priority.Value);
        Assert.Equal(7, ticket.Severity!.Value.Value);
        Assert.Equal(json, JsonSerializer.Serialize(ticket, Context.Ticket));
    }

    [Fact]
    public void An_enum_of_the_wrong_JSON_kind_is_a_JsonException_with_path()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":"t","priority":3}""", Context.Ticket));
        Assert.Equal("$.priority", error.Path);
    }

    [Theory]
    [InlineData("""{"id":"t","priority":"low","assignee":"u_1"}""", "u_1", null)]
    [InlineData("""{"id":"t","priority":"low","assignee":["u_1","u_2"]}""", null, 2)]
    public void Union_picks_its_case_from_the_json_and_round_trips(string json, string? single, int? count)
    {
        var ticket = JsonSerializer.Deserialize(json, Context.Ticket)!;

        Assert.Equal(single, ticket.Assignee!.String);
        Assert.Equal(count, ticket.Assignee.StringList?.Count);
        Assert.Null(ticket.Assignee.Unmatched);
        Assert.Equal(json, JsonSerializer.Serialize(ticket, Context.Ticket));
    }

    [Fact]
    public void Union_json_that_matches_no_case_is_kept_unchanged()
    {
        const string json = """{"id":"t","priority":"low","assignee":{"team":"ops"}}""";
        var ticket = JsonSerializer.Deserialize(json, Context.Ticket)!;

        Assert.Null(ticket.Assignee!.String);
        Assert.Equal(JsonValueKind.Object, ticket.Assignee.Unmatched!.Value.ValueKind);
        Assert.Equal(json, JsonSerializer.Serialize(ticket, Context.Ticket));
    }
}
