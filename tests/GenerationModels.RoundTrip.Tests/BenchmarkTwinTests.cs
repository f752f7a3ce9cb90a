using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bench.FastTwins;
using Xunit;
using Fast = Bench.FastTwins;

namespace RoundTrip;

/// <summary>
/// The benchmarks compare against System.Text.Json at its best (docs/benchmarks.md, "Baselines"): these tests keep
/// the fast twins (bench/GenerationModels.Benchmarks/FastTwins.cs, compiled in here) honest: STJ's generator must have
/// emitted its fast-path serializer for every twin, and each twin must have the generated model's JSON members.
/// </summary>
public sealed class BenchmarkTwinTests
{
    public static TheoryData<Type> TwinTypes() => new()
    {
        typeof(Fast.Generation), typeof(Fast.ChatCompletionResponse), typeof(Fast.CompletionResponse),
        typeof(Fast.CompletionResponseProviderResponses), typeof(Fast.DataResponse), typeof(Fast.DataResponse.TokensModel),
        typeof(Fast.Usage), typeof(Fast.Invoice), typeof(Fast.Customer), typeof(Fast.InvoiceLine), typeof(List<Fast.CompletionResponse>),
    };

    [Theory]
    [MemberData(nameof(TwinTypes))]
    public void Default_mode_context_has_the_fast_path_serializer(Type type)
        => Assert.NotNull(SerializeHandler(FastTwinJsonContext.Default.GetTypeInfo(type)));

    [Theory]
    [MemberData(nameof(TwinTypes))]
    public void Serialization_mode_context_has_the_fast_path_serializer(Type type)
        => Assert.NotNull(SerializeHandler(FastTwinSerializationContext.Default.GetTypeInfo(type)));

    [Fact]
    public void Extension_data_turns_the_fast_path_off_which_is_why_the_fast_twins_have_none()
    {
        // The generated models keep unknown members; a twin that does the same ([JsonExtensionData]) loses STJ's fast path.
        var withExtensionData = new ExtensionDataContext().GetTypeInfo(typeof(WithExtensionData));
        Assert.Null(SerializeHandler(withExtensionData));
    }

    public static TheoryData<Type, Type> Pairs() => new()
    {
        { typeof(Fast.Generation), typeof(Generation) },
        { typeof(Fast.ChatCompletionResponse), typeof(ChatCompletionResponse) },
        { typeof(Fast.CompletionResponse), typeof(CompletionResponse) },
        { typeof(Fast.CompletionResponseProviderResponses), typeof(CompletionResponseProviderResponses) },
        { typeof(Fast.DataResponse), typeof(DataResponse) },
        { typeof(Fast.DataResponse.TokensModel), typeof(DataResponse.TokensModel) },
        { typeof(Fast.Usage), typeof(Usage) },
        { typeof(Fast.Invoice), typeof(Invoice) },
        { typeof(Fast.Customer), typeof(Customer) },
        { typeof(Fast.InvoiceLine), typeof(InvoiceLine) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Twin_has_the_generated_models_members_and_required_set(Type twin, Type generated)
    {
        Assert.Equal(Members(generated), Members(twin));
    }

    /// <summary>JsonTypeInfo&lt;T&gt;.SerializeHandler (public; generic, hence reflection over the closed type).</summary>
    private static object? SerializeHandler(JsonTypeInfo? info)
    {
        Assert.NotNull(info);
        return info.GetType().GetProperty("SerializeHandler", BindingFlags.Public | BindingFlags.Instance)!.GetValue(info);
    }

    /// <summary>"name" or "name!" (required), sorted; extension data left out.</summary>
    private static string[] Members(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
        .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, Required: p.GetCustomAttribute<JsonRequiredAttribute>() is not null))
        .Where(m => m.Name is not null)
        .Select(m => m.Required ? m.Name + "!" : m.Name!)
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();
}

public sealed class WithExtensionData
{
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

[JsonSerializable(typeof(WithExtensionData))]
public partial class ExtensionDataContext : JsonSerializerContext
{
}
