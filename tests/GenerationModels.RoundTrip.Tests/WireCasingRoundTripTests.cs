using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>
/// Models from language-cased docs (issue 12 item 4, runtime half): <c>Schemas/cased/</c> lists camelCase SDK names
/// (GenerationModelsWireNaming=CamelCase), and the models read the API's JSON whatever its casing when no exact match
/// exists, write back the spelling they read, and use the configured casing for members set in code.
/// </summary>
public sealed class WireCasingRoundTripTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    public static TheoryData<string> Casings => new()
    {
        // camelCase, as configured: the exact path.
        """{"model":"m","userId":"u1","frequencyPenalty":0.5,"logitBias":{"50256":-100},"parallelToolCalls":true,"tools":[{"toolName":"search","maxRetries":2}]}""",
        """{"model":"m","user_id":"u1","frequency_penalty":0.5,"logit_bias":{"50256":-100},"parallel_tool_calls":true,"tools":[{"tool_name":"search","max_retries":2}]}""",
        """{"Model":"m","UserId":"u1","FrequencyPenalty":0.5,"LogitBias":{"50256":-100},"ParallelToolCalls":true,"Tools":[{"ToolName":"search","MaxRetries":2}]}""",
        """{"model":"m","user-id":"u1","frequency-penalty":0.5,"logit-bias":{"50256":-100},"parallel-tool-calls":true,"tools":[{"tool-name":"search","max-retries":2}]}""",
        """{"MODEL":"m","USER_ID":"u1","FREQUENCY_PENALTY":0.5,"LOGIT_BIAS":{"50256":-100},"PARALLEL_TOOL_CALLS":true,"TOOLS":[{"TOOL_NAME":"search","MAX_RETRIES":2}]}""",
        // Escaped names are compared unescaped; mixed casings in one payload each keep their own spelling.
        """{"model":"m","user\u005fid":"u1","FrequencyPenalty":0.5,"logit-bias":{"50256":-100},"parallelToolCalls":true}""",
    };

    [Theory]
    [MemberData(nameof(Casings))]
    public void Any_casing_lands_in_the_typed_properties_and_is_written_back_as_read(string json)
    {
        var settings = JsonSerializer.Deserialize(json, Context.ChatSettings)!;

        Assert.Equal("m", settings.Model);
        Assert.Equal("u1", settings.UserId);
        Assert.Equal(0.5, settings.FrequencyPenalty);
        Assert.Equal(-100, settings.LogitBias!["50256"]);
        Assert.True(settings.ParallelToolCalls);
        Assert.Null(settings.AdditionalProperties);
        if (settings.Tools is { } tools)
        {
            Assert.Equal("search", tools[0].ToolName);
            Assert.Equal(2, tools[0].MaxRetries);
            Assert.Null(tools[0].AdditionalProperties);
        }
        // Escaped member names are written unescaped (the README's rule for every member name); nothing else changes.
        Assert.Equal(json.Replace("\\u005f", "_"), JsonSerializer.Serialize(settings, Context.ChatSettings));
    }

    [Fact]
    public void Members_set_in_code_use_the_configured_casing()
    {
        var read = JsonSerializer.Deserialize("""{"model":"m","user_id":"u1","frequency_penalty":0.5}""", Context.ChatSettings)!;

        // A member read in snake_case keeps its spelling even when its value changes; one set in code is camelCase.
        var changed = read with { FrequencyPenalty = 1.5, ParallelToolCalls = false };
        Assert.Equal("""{"model":"m","user_id":"u1","frequency_penalty":1.5,"parallelToolCalls":false}""", JsonSerializer.Serialize(changed, Context.ChatSettings));

        var built = new ChatSettings { Model = "m", UserId = "u1", FrequencyPenalty = 0.5 };
        Assert.Equal("""{"model":"m","userId":"u1","frequencyPenalty":0.5}""", JsonSerializer.Serialize(built, Context.ChatSettings));
        Assert.Equal(built, read); // the spelling read never takes part in equality
        Assert.Equal(built.GetHashCode(), read.GetHashCode());
    }

    [Fact]
    public void An_exact_match_wins_over_another_casing_and_unmatched_names_stay_unknown()
    {
        const string json = """{"model":"m","userId":"u1","user_name":"Ada","frequencyPenalty":1,"freq_penalty":2}""";
        var settings = JsonSerializer.Deserialize(json, Context.ChatSettings)!;
        Assert.Equal(1, settings.FrequencyPenalty);
        Assert.Equal(["user_name", "freq_penalty"], settings.AdditionalProperties!.Keys);
        Assert.Equal("""{"model":"m","userId":"u1","frequencyPenalty":1,"user_name":"Ada","freq_penalty":2}""", JsonSerializer.Serialize(settings, Context.ChatSettings));
    }

    [Fact]
    public void A_required_member_in_another_casing_counts_as_present_and_errors_name_the_spelling_read()
    {
        var missing = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"model":"m","user":"u1"}""", Context.ChatSettings));
        Assert.Contains("UserId", missing.Message);

        var wrong = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"model":"m","user_id":"u1","frequency_penalty":"abc"}""", Context.ChatSettings));
        Assert.Equal("$.frequency_penalty", wrong.Path);
        var nested = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"model":"m","user_id":"u1","tools":[{"tool_name":"t","max_retries":{}}]}""", Context.ChatSettings));
        Assert.Equal("$.tools[0].max_retries", nested.Path);
    }

    [Theory]
    [InlineData("""{"user_id":"a"}""")]
    [InlineData("""{"UserId":"a"}""")]
    [InlineData("""{"USER_ID":"a"}""")]
    public void Members_whose_names_fold_to_the_same_key_are_matched_exactly_only(string json)
    {
        var owner = JsonSerializer.Deserialize(json, Context.AccountOwner)!;
        Assert.Null(owner.UserId);
        Assert.Null(owner.UserID);
        Assert.Single(owner.AdditionalProperties!);
        Assert.Equal(json, JsonSerializer.Serialize(owner, Context.AccountOwner));

        // The other members of the same model still match in any casing.
        var named = JsonSerializer.Deserialize("""{"userID":"b","display_name":"Ada"}""", Context.AccountOwner)!;
        Assert.Equal("b", named.UserID);
        Assert.Equal("Ada", named.DisplayName);
        Assert.Null(named.AdditionalProperties);
    }
}
