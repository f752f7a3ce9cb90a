using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// F and G: System.Text.Json source generation at its best for these shapes. Settable properties on sealed classes
// (STJ reads them by setting members as it meets them, not through its parameterized-constructor path that `init` /
// `required` records take), [JsonRequired] where the schema requires a member (same contract as the generated models),
// concrete List<T> / Dictionary<string, T> (indexed loops, no boxed enumerators), and no [JsonExtensionData]: STJ's
// generator emits its fast-path serializer (JsonTypeInfo.SerializeHandler) only for types without extension data.
// F = FastTwinJsonContext (GenerationMode Default: metadata for reads, fast path for writes);
// G = FastTwinSerializationContext (GenerationMode Serialization: fast path only, writes only).
// Unknown members are skipped by F on read (it has nowhere to keep them), which is less work than A and B do.
// This file is also compiled into tests/GenerationModels.RoundTrip.Tests (linked), which asserts that
// SerializeHandler is non-null for every type here and that the twins' JSON names match the generated models'.
namespace Bench.FastTwins;

public sealed class Generation
{
    [JsonPropertyName("completionTokens")] public double? CompletionTokens { get; set; }
    [JsonPropertyName("cost")] public double? Cost { get; set; }
    [JsonPropertyName("feedback")] public Dictionary<string, JsonElement>? Feedback { get; set; }
    [JsonPropertyName("generation")] public string? Generation2 { get; set; }
    [JsonPropertyName("generationId")] public string? GenerationId { get; set; }
    [JsonPropertyName("hyperparameters")] public Dictionary<string, JsonElement>? Hyperparameters { get; set; }
    [JsonPropertyName("latency")] public double? Latency { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("task")] public string? Task { get; set; }
    [JsonPropertyName("totalTokens")] public double? TotalTokens { get; set; }
    [JsonPropertyName("version")] public string? Version { get; set; }
}

public sealed class ChatCompletionResponse
{
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("generationId")] public string? GenerationId { get; set; }
    [JsonPropertyName("sessionId")] public string? SessionId { get; set; }
    [JsonPropertyName("choices")] public List<Dictionary<string, JsonElement>>? Choices { get; set; }
    [JsonPropertyName("stream")] public bool? Stream { get; set; }
    [JsonPropertyName("cost")] public double? Cost { get; set; }
    [JsonPropertyName("latency")] public double? Latency { get; set; }
}

public sealed class CompletionResponse
{
    [JsonPropertyName("data"), JsonRequired] public List<DataResponse> Data { get; set; } = default!;
    [JsonPropertyName("provider_responses"), JsonRequired] public CompletionResponseProviderResponses ProviderResponses { get; set; } = default!;
    [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
    [JsonPropertyName("num_samples")] public long? NumSamples { get; set; }
    [JsonPropertyName("logprobs")] public long? Logprobs { get; set; }
    [JsonPropertyName("suffix")] public string? Suffix { get; set; }
    [JsonPropertyName("user")] public string? User { get; set; }
    [JsonPropertyName("usage")] public Usage? Usage { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, JsonElement>? Metadata { get; set; }
}

public sealed class CompletionResponseProviderResponses
{
    [JsonPropertyName("provider")] public string? Provider { get; set; }
}

public sealed class DataResponse
{
    [JsonPropertyName("id"), JsonRequired] public string Id { get; set; } = default!;
    [JsonPropertyName("index"), JsonRequired] public long Index { get; set; }
    [JsonPropertyName("output"), JsonRequired] public string Output { get; set; } = default!;
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("score")] public double? Score { get; set; }
    [JsonPropertyName("tokens")] public TokensModel? Tokens { get; set; }

    public sealed class TokensModel
    {
        [JsonPropertyName("prompt"), JsonRequired] public long Prompt { get; set; }
        [JsonPropertyName("completion")] public long? Completion { get; set; }
    }
}

public sealed class Usage
{
    [JsonPropertyName("prompt_tokens")] public long? PromptTokens { get; set; }
    [JsonPropertyName("generation_tokens")] public long? GenerationTokens { get; set; }
    [JsonPropertyName("total_tokens")] public long? TotalTokens { get; set; }
}

public sealed class Invoice
{
    [JsonPropertyName("id"), JsonRequired] public string Id { get; set; } = default!;
    [JsonPropertyName("customer"), JsonRequired] public Customer Customer { get; set; } = default!;
    [JsonPropertyName("lines"), JsonRequired] public List<InvoiceLine> Lines { get; set; } = default!;
    [JsonPropertyName("total"), JsonRequired] public double Total { get; set; }
    [JsonPropertyName("paid")] public bool? Paid { get; set; }
    [JsonPropertyName("issuedAt")] public DateTimeOffset? IssuedAt { get; set; }
    [JsonPropertyName("dueOn")] public DateOnly? DueOn { get; set; }
    [JsonPropertyName("tags")] public List<string>? Tags { get; set; }
    [JsonPropertyName("metadata")] public Dictionary<string, string>? Metadata { get; set; }
}

public sealed class Customer
{
    [JsonPropertyName("id"), JsonRequired] public string Id { get; set; } = default!;
    [JsonPropertyName("name"), JsonRequired] public string Name { get; set; } = default!;
    [JsonPropertyName("email")] public string? Email { get; set; }
}

public sealed class InvoiceLine
{
    [JsonPropertyName("description"), JsonRequired] public string Description { get; set; } = default!;
    [JsonPropertyName("quantity"), JsonRequired] public double Quantity { get; set; }
    [JsonPropertyName("unitAmount"), JsonRequired] public double UnitAmount { get; set; }
}

/// <summary>F: GenerationMode Default (metadata for reads, fast-path serializer for writes), nulls not written.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Generation))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(CompletionResponse))]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(List<CompletionResponse>))]
public partial class FastTwinJsonContext : JsonSerializerContext
{
}

/// <summary>G: GenerationMode Serialization (fast path only; cannot read), nulls not written.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(Generation))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(CompletionResponse))]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(List<CompletionResponse>))]
public partial class FastTwinSerializationContext : JsonSerializerContext
{
}
