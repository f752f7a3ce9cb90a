using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// E (reads only): the twins again, but with settable properties and [JsonRequired] instead of `init` and `required`.
// System.Text.Json source generation builds a record whose members are `init`/`required` through its
// parameterized-constructor path (all values buffered in an object[], value types boxed) and one with setters by
// setting members as they are read; E shows how much of B's read time that costs. Not the baseline: the brief's
// twins (and the generated records) are immutable.
namespace Bench.SettableTwins;

public sealed record Generation
{
    [JsonPropertyName("completionTokens")] public double? CompletionTokens { get; set; }
    [JsonPropertyName("cost")] public double? Cost { get; set; }
    [JsonPropertyName("feedback")] public IReadOnlyDictionary<string, JsonElement>? Feedback { get; set; }
    [JsonPropertyName("generation")] public string? Generation2 { get; set; }
    [JsonPropertyName("generationId")] public string? GenerationId { get; set; }
    [JsonPropertyName("hyperparameters")] public IReadOnlyDictionary<string, JsonElement>? Hyperparameters { get; set; }
    [JsonPropertyName("latency")] public double? Latency { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("task")] public string? Task { get; set; }
    [JsonPropertyName("totalTokens")] public double? TotalTokens { get; set; }
    [JsonPropertyName("version")] public string? Version { get; set; }
    [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record ChatCompletionResponse
{
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("generationId")] public string? GenerationId { get; set; }
    [JsonPropertyName("sessionId")] public string? SessionId { get; set; }
    [JsonPropertyName("choices")] public IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>? Choices { get; set; }
    [JsonPropertyName("stream")] public bool? Stream { get; set; }
    [JsonPropertyName("cost")] public double? Cost { get; set; }
    [JsonPropertyName("latency")] public double? Latency { get; set; }
    [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record CompletionResponse
{
    [JsonPropertyName("data"), JsonRequired] public IReadOnlyList<DataResponse> Data { get; set; } = default!;
    [JsonPropertyName("provider_responses"), JsonRequired] public CompletionResponseProviderResponses ProviderResponses { get; set; } = default!;
    [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
    [JsonPropertyName("num_samples")] public long? NumSamples { get; set; }
    [JsonPropertyName("logprobs")] public long? Logprobs { get; set; }
    [JsonPropertyName("suffix")] public string? Suffix { get; set; }
    [JsonPropertyName("user")] public string? User { get; set; }
    [JsonPropertyName("usage")] public Usage? Usage { get; set; }
    [JsonPropertyName("metadata")] public IReadOnlyDictionary<string, JsonElement>? Metadata { get; set; }
    [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record CompletionResponseProviderResponses
{
    [JsonPropertyName("provider")] public string? Provider { get; set; }
    [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record DataResponse
{
    [JsonPropertyName("id"), JsonRequired] public string Id { get; set; } = default!;
    [JsonPropertyName("index"), JsonRequired] public long Index { get; set; } = default!;
    [JsonPropertyName("output"), JsonRequired] public string Output { get; set; } = default!;
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("score")] public double? Score { get; set; }
    [JsonPropertyName("tokens")] public TokensModel? Tokens { get; set; }
    [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    public sealed record TokensModel
    {
        [JsonPropertyName("prompt"), JsonRequired] public long Prompt { get; set; } = default!;
        [JsonPropertyName("completion")] public long? Completion { get; set; }
        [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }
}

public sealed record Usage
{
    [JsonPropertyName("prompt_tokens")] public long? PromptTokens { get; set; }
    [JsonPropertyName("generation_tokens")] public long? GenerationTokens { get; set; }
    [JsonPropertyName("total_tokens")] public long? TotalTokens { get; set; }
    [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record Invoice
{
    [JsonPropertyName("id"), JsonRequired] public string Id { get; set; } = default!;
    [JsonPropertyName("customer"), JsonRequired] public Customer Customer { get; set; } = default!;
    [JsonPropertyName("lines"), JsonRequired] public IReadOnlyList<InvoiceLine> Lines { get; set; } = default!;
    [JsonPropertyName("total"), JsonRequired] public double Total { get; set; } = default!;
    [JsonPropertyName("paid")] public bool? Paid { get; set; }
    [JsonPropertyName("issuedAt")] public DateTimeOffset? IssuedAt { get; set; }
    [JsonPropertyName("dueOn")] public DateOnly? DueOn { get; set; }
    [JsonPropertyName("tags")] public IReadOnlyList<string>? Tags { get; set; }
    [JsonPropertyName("metadata")] public IReadOnlyDictionary<string, string>? Metadata { get; set; }
    [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record Customer
{
    [JsonPropertyName("id"), JsonRequired] public string Id { get; set; } = default!;
    [JsonPropertyName("name"), JsonRequired] public string Name { get; set; } = default!;
    [JsonPropertyName("email")] public string? Email { get; set; }
    [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record InvoiceLine
{
    [JsonPropertyName("description"), JsonRequired] public string Description { get; set; } = default!;
    [JsonPropertyName("quantity"), JsonRequired] public double Quantity { get; set; } = default!;
    [JsonPropertyName("unitAmount"), JsonRequired] public double UnitAmount { get; set; } = default!;
    [System.Text.Json.Serialization.JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Generation))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(CompletionResponse))]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(IReadOnlyList<CompletionResponse>))]
public partial class SettableTwinJsonContext : JsonSerializerContext
{
}
