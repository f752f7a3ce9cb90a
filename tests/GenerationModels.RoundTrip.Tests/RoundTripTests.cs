using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>Realistic JSON for each seed model read and written back: members, nulls and unknowns survive exactly.</summary>
public sealed class RoundTripTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    private static string Write<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) => JsonSerializer.Serialize(value, info);

    [Theory]
    [InlineData("""{"completionTokens":12,"cost":0.0004,"feedback":{"rating":5,"tags":["concise"]},"generation":"Paris.","generationId":"gen_1","hyperparameters":{"temperature":0.2},"latency":231.5,"model":"small-1","source":"api","task":"qa","totalTokens":40,"version":"v3"}""")]
    [InlineData("""{"generationId":"gen_1"}""")]
    [InlineData("""{"cost":null,"model":null}""")]
    [InlineData("""{"generationId":"gen_1","someNewField":{"nested":[1,2,{"x":null}]},"another":"kept"}""")]
    [InlineData("""{}""")]
    public void Generation_round_trips_exactly(string json)
    {
        var model = JsonSerializer.Deserialize(json, Context.Generation)!;
        Assert.Equal(json, Write(model, Context.Generation));
    }

    [Fact]
    public void Absent_and_explicit_null_are_different_models_and_stay_different()
    {
        var absent = JsonSerializer.Deserialize("""{}""", Context.Generation)!;
        var explicitNull = JsonSerializer.Deserialize("""{"model":null}""", Context.Generation)!;

        Assert.Null(absent.Model);
        Assert.Null(explicitNull.Model);
        Assert.NotEqual(absent, explicitNull);
        Assert.Equal("""{"model":null}""", Write(explicitNull, Context.Generation));
        Assert.Equal("""{}""", Write(absent, Context.Generation));
    }

    [Fact]
    public void Unknown_members_are_kept_in_document_order_and_are_visible()
    {
        var model = JsonSerializer.Deserialize("""{"zeta":1,"model":"m","alpha":[true]}""", Context.Generation)!;

        Assert.Equal("m", model.Model);
        Assert.Equal(new[] { "zeta", "alpha" }, model.AdditionalProperties!.Keys);
        Assert.Equal(JsonValueKind.Array, model.AdditionalProperties["alpha"].ValueKind);
        // Known members are written first, then the unknown ones in their original order.
        Assert.Equal("""{"model":"m","zeta":1,"alpha":[true]}""", Write(model, Context.Generation));
    }

    [Fact]
    public void ChatCompletionResponse_reads_dates_lists_of_maps_and_round_trips()
    {
        const string json = """{"timestamp":"2024-05-01T10:00:00+02:00","generationId":"g","sessionId":"s","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"}},{}],"stream":true,"cost":0.5,"latency":12}""";
        var model = JsonSerializer.Deserialize(json, Context.ChatCompletionResponse)!;

        Assert.Equal(new System.DateTimeOffset(2024, 5, 1, 10, 0, 0, System.TimeSpan.FromHours(2)), model.Timestamp);
        Assert.Equal(2, model.Choices!.Count);
        Assert.Equal(JsonValueKind.Object, model.Choices[0]["message"].ValueKind);
        Assert.Equal(json, Write(model, Context.ChatCompletionResponse));
    }

    private const string CompletionJson = """{"data":[{"id":"c1","index":0,"output":"Hello","finish_reason":null,"created_at":"2024-05-01T10:00:00+00:00","score":0.75,"tokens":{"prompt":3,"completion":1}}],"provider_responses":{"provider":"acme","raw":{"id":"x-1"}},"project_id":"p_1","num_samples":1,"usage":{"prompt_tokens":3,"generation_tokens":1,"total_tokens":4},"metadata":{"team":"search"},"trace":"t-77"}""";

    [Fact]
    public void CompletionResponse_reads_nested_lists_links_allOf_and_open_members()
    {
        var model = JsonSerializer.Deserialize(CompletionJson, Context.CompletionResponse)!;

        var first = Assert.Single(model.Data);
        Assert.Equal("c1", first.Id);
        Assert.Null(first.FinishReason);
        Assert.Equal(3, first.Tokens!.Prompt);
        Assert.Equal(4, model.Usage!.TotalTokens);
        Assert.Equal("acme", model.ProviderResponses.Provider);
        Assert.Equal("x-1", model.ProviderResponses.AdditionalProperties!["raw"].GetProperty("id").GetString());
        Assert.Equal("t-77", model.AdditionalProperties!["trace"].GetString());
        Assert.Equal(CompletionJson, Write(model, Context.CompletionResponse));
    }

    [Fact]
    public void Equal_json_gives_equal_records()
    {
        var a = JsonSerializer.Deserialize(CompletionJson, Context.CompletionResponse)!;
        var b = JsonSerializer.Deserialize(CompletionJson, Context.CompletionResponse)!;
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Missing_required_member_throws_naming_the_member_and_path()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"provider_responses":{}}""", Context.CompletionResponse));
        Assert.Contains("'data'", error.Message);
        Assert.Contains("CompletionResponse.Data", error.Message);
        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void Missing_required_member_of_a_list_item_reports_its_path()
    {
        const string json = """{"data":[{"id":"a","index":0,"output":"x"},{"id":"b","output":"y"}],"provider_responses":{}}""";
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.CompletionResponse));
        Assert.Contains("'index'", error.Message);
        Assert.Equal("$.data[1]", error.Path);
    }

    [Fact]
    public void Wrong_token_type_reports_the_member_path()
    {
        const string json = """{"data":[{"id":"a","index":"zero","output":"x"}],"provider_responses":{}}""";
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.CompletionResponse));
        Assert.Equal("$.data[0].index", error.Path);
    }

    [Fact]
    public void Required_nullable_member_accepts_null_but_not_absence()
    {
        var model = JsonSerializer.Deserialize("""{"reason":null}""", Context.RequiredNullable)!;
        Assert.Null(model.Reason);
        Assert.Equal("""{"reason":null}""", Write(model, Context.RequiredNullable));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"note":"n"}""", Context.RequiredNullable));
    }

    [Fact]
    public void Required_non_nullable_member_rejects_null()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":null,"count":1}""", Context.NullableFields));
        Assert.Equal("$.id", error.Path);
    }

    [Fact]
    public void Plain_JsonSerializer_with_user_options_writes_the_same_json_as_the_context()
    {
        var model = JsonSerializer.Deserialize(CompletionJson, Context.CompletionResponse)!;
        var reflectionOptions = new JsonSerializerOptions(JsonSerializerDefaults.General) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

        string viaReflection = JsonSerializer.Serialize(model, reflectionOptions);
        var back = JsonSerializer.Deserialize<CompletionResponse>(viaReflection, reflectionOptions)!;

        Assert.Equal(CompletionJson, viaReflection);
        Assert.Equal(model, back);
    }

    [Fact]
    public void Models_built_in_code_serialize_only_what_was_set()
    {
        var invoice = new Invoice
        {
            Id = "inv_9",
            Customer = new Customer { Id = "c", Name = "Ada" },
            Lines = new[] { new InvoiceLine { Description = "Widget", Quantity = 1, UnitAmount = 5 } },
            Total = 5,
            DueOn = new System.DateOnly(2024, 5, 31),
        };

        string json = Write(invoice, Context.Invoice);

        Assert.Equal("""{"id":"inv_9","customer":{"id":"c","name":"Ada"},"lines":[{"description":"Widget","quantity":1,"unitAmount":5}],"total":5,"dueOn":"2024-05-31"}""", json);
        Assert.Equal(invoice.DueOn, JsonSerializer.Deserialize(json, Context.Invoice)!.DueOn);
    }

    [Fact]
    public void Error_paths_use_the_wire_name_as_written_not_its_escaped_form()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"café":"cheap"}""", Context.Menu));
        Assert.Contains("café", error.Path);
        Assert.DoesNotContain("\\u", error.Path);
        Assert.Equal(2.5, JsonSerializer.Deserialize("""{"café":2.5}""", Context.Menu)!.Cafe);
    }

    [Fact]
    public void Malformed_json_after_a_member_is_not_blamed_on_that_member()
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"name":"a" "café":1}""", Context.Menu));
        Assert.DoesNotContain("name", error.Path ?? "");
    }

    [Fact]
    public void Members_in_any_order_and_with_escaped_names_are_matched()
    {
        var model = JsonSerializer.Deserialize("""{"version":"v","\u006dodel":"m","cost":1,"model2":true,"completionTokens":2}""", Context.Generation)!;

        Assert.Equal("v", model.Version);
        Assert.Equal("m", model.Model);
        Assert.Equal(1, model.Cost);
        Assert.Equal(2, model.CompletionTokens);
        Assert.True(model.AdditionalProperties!["model2"].GetBoolean());
    }
}
