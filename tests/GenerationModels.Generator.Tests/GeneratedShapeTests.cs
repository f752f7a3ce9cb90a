using System;
using System.Linq;
using System.Reflection;
using GenerationModels.Generator.Emission;
using GenerationModels.Generator.Resolution;
using GenerationModels.Runtime;
using Xunit;
using Api = GenerationModels.Generator.Emission.GeneratedShape.Api;

namespace GenerationModels.Generator.Tests;

/// <summary>The names generated code uses for the runtime are the runtime's own (renaming either side fails here, not in users' builds).</summary>
public sealed class GeneratedShapeTests
{
    [Fact]
    public void Runtime_api_names_are_the_runtimes()
    {
        Assert.Equal(nameof(ModelJson), Api.ModelJson);
        Assert.Equal(nameof(ModelJson.Next), Api.Next);
        Assert.Equal(nameof(ModelJson.NextOrNull), Api.NextOrNull);
        Assert.Equal(nameof(ModelJson.NextStructOrNull), Api.NextStructOrNull);
        Assert.Equal(nameof(ModelJson.NextList), Api.NextList);
        Assert.Equal(nameof(ModelJson.NextListOrNull), Api.NextListOrNull);
        Assert.Equal(nameof(ModelJson.NextMap), Api.NextMap);
        Assert.Equal(nameof(ModelJson.NextMapOrNull), Api.NextMapOrNull);
        Assert.Equal(nameof(ModelJson.WriteMember), Api.WriteMember);
        Assert.Equal(nameof(ModelJson.WriteObject), Api.WriteObject);
        Assert.Equal(nameof(ModelJson.WriteStruct), Api.WriteStruct);
        Assert.Equal(nameof(ModelJson.WriteList), Api.WriteList);
        Assert.Equal(nameof(ModelJson.WriteMap), Api.WriteMap);
        Assert.Equal(nameof(ModelJson.WriteDateOnly), Api.WriteDateOnly);
        Assert.Equal(nameof(ModelJson.WriteJsonElement), Api.WriteJsonElement);
        Assert.Equal(nameof(ModelJson.ReadJsonElement), Api.ReadJsonElement);
        Assert.Equal(nameof(ModelJson.ReadString), Api.ReadString);
        Assert.Equal(nameof(ModelJson.ReadInt64), Api.ReadInt64);
        Assert.Equal(nameof(ModelJson.ReadDouble), Api.ReadDouble);
        Assert.Equal(nameof(ModelJson.EncodeNames), Api.EncodeNames);
        Assert.Equal(nameof(ModelJson.Utf8Names), Api.Utf8Names);
        Assert.Equal(nameof(ModelJson.ExpectStartObject), Api.ExpectStartObject);
        Assert.Equal(nameof(ModelJson.NextProperty), Api.NextProperty);
        Assert.Equal(nameof(ModelJson.MatchMember), Api.MatchMember);
        Assert.Equal(nameof(ModelJson.CasingKeys), Api.CasingKeys);
        Assert.Equal(nameof(RawValues.WireNames), Api.WireNames);
        Assert.Equal(nameof(RawValues.JsonName), Api.RawJsonName);
        Assert.Equal(nameof(ModelJson.ReadUnknownMember), Api.ReadUnknownMember);
        Assert.Equal(nameof(ModelJson.AtMember), Api.AtMember);
        Assert.Equal(nameof(ModelJson.MissingRequired), Api.MissingRequired);
        Assert.Equal(nameof(ModelJson.ToOpenDictionary), Api.ToOpenDictionary);
        Assert.Equal(nameof(ModelJson.Keep), Api.Keep);
        Assert.Equal(nameof(RawValues.Unknown), Api.Unknown);
        Assert.Equal(nameof(RawValues.WithUnknown), Api.WithUnknown);
        Assert.Equal(nameof(ModelJson.Discriminator), Api.Discriminator);
        Assert.Equal(nameof(ModelJson.TryReadAs), Api.TryReadAs);
        Assert.Equal(nameof(ModelJson.WriteCase), Api.WriteCase);
        Assert.Equal(nameof(ModelJson.KeepCase), Api.KeepCase);
        Assert.Equal(nameof(ModelJson.WriteKeptCase), Api.WriteKeptCase);
        Assert.Equal($"{nameof(GenerationModels.Runtime.RawValues)}.{nameof(GenerationModels.Runtime.RawValues.ReadUnion)}", GeneratedShape.RawValuesReadUnion);
        Assert.Equal(nameof(PrimitiveConverters), Api.PrimitiveConverters);
        Assert.Equal(nameof(ListConverter<int>), Api.ListConverter);
        Assert.Equal(nameof(MapConverter<int>), Api.MapConverter);
        Assert.Equal(nameof(OrderedMapBuilder<int>), Api.OrderedMapBuilder);
        Assert.Equal(nameof(OpenDictionary), Api.OpenDictionary);
        Assert.Equal(GeneratedShape.RuntimeNamespace, typeof(ModelJson).Namespace);
    }

    [Fact]
    public void Per_primitive_runtime_names_are_the_runtimes()
    {
        Assert.Equal(nameof(ModelJson.NextString), Api.NextPrimitive(PrimitiveType.String));
        Assert.Equal(nameof(ModelJson.NextInt64), Api.NextPrimitive(PrimitiveType.Int64));
        Assert.Equal(nameof(ModelJson.NextDouble), Api.NextPrimitive(PrimitiveType.Double));
        Assert.Equal(nameof(ModelJson.NextDecimal), Api.NextPrimitive(PrimitiveType.Decimal));
        Assert.Equal(nameof(ModelJson.NextBoolean), Api.NextPrimitive(PrimitiveType.Boolean));
        Assert.Equal(nameof(ModelJson.NextDateTimeOffset), Api.NextPrimitive(PrimitiveType.DateTimeOffset));
        Assert.Equal(nameof(ModelJson.NextDateOnly), Api.NextPrimitive(PrimitiveType.DateOnly));
        Assert.Equal(nameof(ModelJson.NextJsonElement), Api.NextPrimitive(PrimitiveType.JsonElement));
        Assert.Equal(nameof(ModelJson.NextStringOrNull), Api.NextPrimitiveOrNull(PrimitiveType.String));
        Assert.Equal(nameof(ModelJson.NextInt64OrNull), Api.NextPrimitiveOrNull(PrimitiveType.Int64));
        Assert.Equal(nameof(ModelJson.NextDoubleOrNull), Api.NextPrimitiveOrNull(PrimitiveType.Double));
        Assert.Equal(nameof(ModelJson.NextDecimalOrNull), Api.NextPrimitiveOrNull(PrimitiveType.Decimal));
        Assert.Equal(nameof(ModelJson.NextBooleanOrNull), Api.NextPrimitiveOrNull(PrimitiveType.Boolean));
        Assert.Equal(nameof(ModelJson.NextDateTimeOffsetOrNull), Api.NextPrimitiveOrNull(PrimitiveType.DateTimeOffset));
        Assert.Equal(nameof(ModelJson.NextDateOnlyOrNull), Api.NextPrimitiveOrNull(PrimitiveType.DateOnly));
        Assert.Equal(nameof(ModelJson.NextJsonElementOrNull), Api.NextPrimitiveOrNull(PrimitiveType.JsonElement));
        Assert.Equal(nameof(PrimitiveConverters.String), Api.PrimitiveConverter(PrimitiveType.String));
        Assert.Equal(nameof(PrimitiveConverters.Int64), Api.PrimitiveConverter(PrimitiveType.Int64));
        Assert.Equal(nameof(PrimitiveConverters.Double), Api.PrimitiveConverter(PrimitiveType.Double));
        Assert.Equal(nameof(PrimitiveConverters.Decimal), Api.PrimitiveConverter(PrimitiveType.Decimal));
        Assert.Equal(nameof(PrimitiveConverters.Boolean), Api.PrimitiveConverter(PrimitiveType.Boolean));
        Assert.Equal(nameof(PrimitiveConverters.DateTimeOffset), Api.PrimitiveConverter(PrimitiveType.DateTimeOffset));
        Assert.Equal(nameof(PrimitiveConverters.DateOnly), Api.PrimitiveConverter(PrimitiveType.DateOnly));
        Assert.Equal(nameof(PrimitiveConverters.JsonElement), Api.PrimitiveConverter(PrimitiveType.JsonElement));
    }

    [Fact]
    public void Every_api_name_and_primitive_is_checked_above()
    {
        // A name added to GeneratedShape.Api without a nameof check above, or a primitive added without its runtime
        // members, fails here: every constant is a public member of ModelJson (or RawValues) or a public runtime type.
        var runtime = typeof(ModelJson).Assembly;
        var modelJsonMembers = typeof(ModelJson).GetMembers(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        // ... or of RawValues, the kept state generated records hold (WireNames, JsonName).
        var rawValuesMembers = typeof(RawValues).GetMembers(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var runtimeTypes = runtime.GetExportedTypes().Select(t => t.Name.Split('`')[0]).ToHashSet(StringComparer.Ordinal);
        var constants = typeof(Api).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.True(constants.Count >= 30, constants.Count.ToString());
        Assert.All(constants, name => Assert.True(modelJsonMembers.Contains(name) || rawValuesMembers.Contains(name) || runtimeTypes.Contains(name), $"'{name}' is not in the runtime"));
        var converters = typeof(PrimitiveConverters).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var primitive in Enum.GetValues<PrimitiveType>())
        {
            Assert.Contains(Api.NextPrimitive(primitive), modelJsonMembers);
            Assert.Contains(Api.NextPrimitiveOrNull(primitive), modelJsonMembers);
            Assert.Contains(Api.PrimitiveConverter(primitive), converters);
        }
    }

    [Fact]
    public void Alias_declarations_name_the_runtime_namespace()
    {
        Assert.Contains($"using __ModelJson = global::{typeof(ModelJson).FullName};", GeneratedShape.Aliases.Declarations);
        Assert.Contains($"using __Runtime = global::{typeof(ModelJson).Namespace};", GeneratedShape.Aliases.Declarations);
    }
}
