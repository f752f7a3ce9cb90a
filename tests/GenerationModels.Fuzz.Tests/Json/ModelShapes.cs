using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GenerationModels.Fuzz.Tests.Json;

/// <summary>One generated model, as the converter fuzz sees it: its metadata from the generated context.</summary>
public sealed record ModelUnderTest(Type Type, JsonTypeInfo TypeInfo)
{
    public override string ToString() => Type.Name;
}

/// <summary>
/// The models this project's build generated (the generator runs as an analyzer over the sample and round-trip docs),
/// found through the generated context's <c>JsonTypeInfo&lt;T&gt;</c> properties, and what their CLR shape says about
/// their JSON (for writing valid samples).
/// </summary>
public static class ModelShapes
{
    public static readonly IReadOnlyList<ModelUnderTest> All = typeof(Models.GenerationModelsJsonContext)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
        .Select(p => new ModelUnderTest(p.PropertyType.GetGenericArguments()[0], (JsonTypeInfo)p.GetValue(Models.GenerationModelsJsonContext.Default)!))
        .OrderBy(m => m.Type.FullName, StringComparer.Ordinal)
        .ToList();

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>A declared member of a model record: its JSON name, CLR type, and what the doc said.</summary>
    public sealed record Member(string JsonName, Type Type, bool Required, bool Nullable);

    public enum Kind
    {
        Model,
        Enum,
        Opaque,
        Union,
        Other,
    }

    public static Kind KindOf(Type type)
    {
        if (type.GetCustomAttribute<JsonConverterAttribute>() is null) return Kind.Other;
        if (type.IsValueType)
        {
            return type.GetProperties(BindingFlags.Public | BindingFlags.Static).Any(p => p.PropertyType == type) || type.GetProperty("Value")?.PropertyType != typeof(JsonElement)
                ? Kind.Enum
                : Kind.Opaque;
        }
        return type.GetProperty("Unmatched") is not null && !type.GetProperties().Any(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null) ? Kind.Union : Kind.Model;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyList<Member>> MemberCache = new();

    /// <summary>Declared members in declaration order (the order the converter writes them in).</summary>
    public static IReadOnlyList<Member> Members(Type model) => MemberCache.GetOrAdd(model, ReadMembers);

    // NullabilityInfoContext is not thread-safe; the cache is filled under a lock.
    private static IReadOnlyList<Member> ReadMembers(Type model)
    {
        lock (Nullability) return ReadMembersUnsafe(model);
    }

    private static IReadOnlyList<Member> ReadMembersUnsafe(Type model)
        => model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Member(
                p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name,
                p.PropertyType,
                // Required in the JSON: [JsonRequired] (a discriminator member with a default is not C# `required`).
                p.GetCustomAttribute<JsonRequiredAttribute>() is not null,
                Nullable.GetUnderlyingType(p.PropertyType) is not null || Nullability.Create(p).ReadState == NullabilityState.Nullable))
            .ToList();

    /// <summary>The case types of a union (its nullable case properties).</summary>
    public static IReadOnlyList<Type> Cases(Type union)
        => union.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not ("Unmatched" or "EqualityContract"))
            .OrderBy(p => p.MetadataToken)
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .ToList();

    /// <summary>An enum's listed wire values.</summary>
    public static IReadOnlyList<object> EnumValues(Type enumType)
        => enumType.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == enumType)
            .Select(p => enumType.GetProperty("Value")!.GetValue(p.GetValue(null))!)
            .ToList();
}
