using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json;
using NJ = Newtonsoft.Json;

// Hand-written twins of the generated records: same property names, CLR types, required/optional split, JSON names,
// and an extension-data dictionary on every model (the generated records all have AdditionalProperties). Plain
// records, no custom converters, so System.Text.Json (source-gen and reflection) and Newtonsoft.Json see idiomatic
// models. Each property carries both libraries' attributes; the STJ [JsonExtensionData] dictionary is hidden from
// Newtonsoft and bridged by NewtonsoftTwinSupport (Newtonsoft cannot put JsonElement values in extension data itself).
namespace Bench.Twins;

/// <summary>A twin with an STJ extension-data dictionary (lets the Newtonsoft bridge reach it without reflection).</summary>
public interface IHasExtensionData
{
    Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record Generation : IHasExtensionData
{
    [JsonPropertyName("completionTokens"), JsonProperty("completionTokens")] public double? CompletionTokens { get; init; }
    [JsonPropertyName("cost"), JsonProperty("cost")] public double? Cost { get; init; }
    [JsonPropertyName("feedback"), JsonProperty("feedback")] public IReadOnlyDictionary<string, JsonElement>? Feedback { get; init; }
    [JsonPropertyName("generation"), JsonProperty("generation")] public string? Generation2 { get; init; }
    [JsonPropertyName("generationId"), JsonProperty("generationId")] public string? GenerationId { get; init; }
    [JsonPropertyName("hyperparameters"), JsonProperty("hyperparameters")] public IReadOnlyDictionary<string, JsonElement>? Hyperparameters { get; init; }
    [JsonPropertyName("latency"), JsonProperty("latency")] public double? Latency { get; init; }
    [JsonPropertyName("model"), JsonProperty("model")] public string? Model { get; init; }
    [JsonPropertyName("source"), JsonProperty("source")] public string? Source { get; init; }
    [JsonPropertyName("task"), JsonProperty("task")] public string? Task { get; init; }
    [JsonPropertyName("totalTokens"), JsonProperty("totalTokens")] public double? TotalTokens { get; init; }
    [JsonPropertyName("version"), JsonProperty("version")] public string? Version { get; init; }
    [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record ChatCompletionResponse : IHasExtensionData
{
    [JsonPropertyName("timestamp"), JsonProperty("timestamp")] public DateTimeOffset? Timestamp { get; init; }
    [JsonPropertyName("generationId"), JsonProperty("generationId")] public string? GenerationId { get; init; }
    [JsonPropertyName("sessionId"), JsonProperty("sessionId")] public string? SessionId { get; init; }
    [JsonPropertyName("choices"), JsonProperty("choices")] public IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>? Choices { get; init; }
    [JsonPropertyName("stream"), JsonProperty("stream")] public bool? Stream { get; init; }
    [JsonPropertyName("cost"), JsonProperty("cost")] public double? Cost { get; init; }
    [JsonPropertyName("latency"), JsonProperty("latency")] public double? Latency { get; init; }
    [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record CompletionResponse : IHasExtensionData
{
    [JsonPropertyName("data"), JsonProperty("data", Required = Required.Always)] public required IReadOnlyList<DataResponse> Data { get; init; }
    [JsonPropertyName("provider_responses"), JsonProperty("provider_responses", Required = Required.Always)] public required CompletionResponseProviderResponses ProviderResponses { get; init; }
    [JsonPropertyName("project_id"), JsonProperty("project_id")] public string? ProjectId { get; init; }
    [JsonPropertyName("num_samples"), JsonProperty("num_samples")] public long? NumSamples { get; init; }
    [JsonPropertyName("logprobs"), JsonProperty("logprobs")] public long? Logprobs { get; init; }
    [JsonPropertyName("suffix"), JsonProperty("suffix")] public string? Suffix { get; init; }
    [JsonPropertyName("user"), JsonProperty("user")] public string? User { get; init; }
    [JsonPropertyName("usage"), JsonProperty("usage")] public Usage? Usage { get; init; }
    [JsonPropertyName("metadata"), JsonProperty("metadata")] public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
    [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record CompletionResponseProviderResponses : IHasExtensionData
{
    [JsonPropertyName("provider"), JsonProperty("provider")] public string? Provider { get; init; }
    [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record DataResponse : IHasExtensionData
{
    [JsonPropertyName("id"), JsonProperty("id", Required = Required.Always)] public required string Id { get; init; }
    [JsonPropertyName("index"), JsonProperty("index", Required = Required.Always)] public required long Index { get; init; }
    [JsonPropertyName("output"), JsonProperty("output", Required = Required.Always)] public required string Output { get; init; }
    [JsonPropertyName("finish_reason"), JsonProperty("finish_reason")] public string? FinishReason { get; init; }
    [JsonPropertyName("created_at"), JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("score"), JsonProperty("score")] public double? Score { get; init; }
    [JsonPropertyName("tokens"), JsonProperty("tokens")] public TokensModel? Tokens { get; init; }
    [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    public sealed record TokensModel : IHasExtensionData
    {
        [JsonPropertyName("prompt"), JsonProperty("prompt", Required = Required.Always)] public required long Prompt { get; init; }
        [JsonPropertyName("completion"), JsonProperty("completion")] public long? Completion { get; init; }
        [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }
}

public sealed record Usage : IHasExtensionData
{
    [JsonPropertyName("prompt_tokens"), JsonProperty("prompt_tokens")] public long? PromptTokens { get; init; }
    [JsonPropertyName("generation_tokens"), JsonProperty("generation_tokens")] public long? GenerationTokens { get; init; }
    [JsonPropertyName("total_tokens"), JsonProperty("total_tokens")] public long? TotalTokens { get; init; }
    [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record Invoice : IHasExtensionData
{
    [JsonPropertyName("id"), JsonProperty("id", Required = Required.Always)] public required string Id { get; init; }
    [JsonPropertyName("customer"), JsonProperty("customer", Required = Required.Always)] public required Customer Customer { get; init; }
    [JsonPropertyName("lines"), JsonProperty("lines", Required = Required.Always)] public required IReadOnlyList<InvoiceLine> Lines { get; init; }
    [JsonPropertyName("total"), JsonProperty("total", Required = Required.Always)] public required double Total { get; init; }
    [JsonPropertyName("paid"), JsonProperty("paid")] public bool? Paid { get; init; }
    [JsonPropertyName("issuedAt"), JsonProperty("issuedAt")] public DateTimeOffset? IssuedAt { get; init; }
    [JsonPropertyName("dueOn"), JsonProperty("dueOn")] public DateOnly? DueOn { get; init; }
    [JsonPropertyName("tags"), JsonProperty("tags")] public IReadOnlyList<string>? Tags { get; init; }
    [JsonPropertyName("metadata"), JsonProperty("metadata")] public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record Customer : IHasExtensionData
{
    [JsonPropertyName("id"), JsonProperty("id", Required = Required.Always)] public required string Id { get; init; }
    [JsonPropertyName("name"), JsonProperty("name", Required = Required.Always)] public required string Name { get; init; }
    [JsonPropertyName("email"), JsonProperty("email")] public string? Email { get; init; }
    [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed record InvoiceLine : IHasExtensionData
{
    [JsonPropertyName("description"), JsonProperty("description", Required = Required.Always)] public required string Description { get; init; }
    [JsonPropertyName("quantity"), JsonProperty("quantity", Required = Required.Always)] public required double Quantity { get; init; }
    [JsonPropertyName("unitAmount"), JsonProperty("unitAmount", Required = Required.Always)] public required double UnitAmount { get; init; }
    [System.Text.Json.Serialization.JsonExtensionData, NJ.JsonIgnore] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// Baseline B: System.Text.Json source generation over the twins. Absent and null optionals are both null in a twin,
/// so nulls are not written (the generated models omit absent members too; the payloads carry no explicit nulls on
/// declared members, so A and B write the same members).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Generation))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(CompletionResponse))]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(IReadOnlyList<CompletionResponse>))]
public partial class TwinJsonContext : JsonSerializerContext
{
}
