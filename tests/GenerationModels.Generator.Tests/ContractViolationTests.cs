using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GenerationModels.Generator.Tests;

/// <summary>
/// GenerationModelsContractViolations (issue 12 item 3): strict by default (the error names the knob); Lenient reads a
/// missing required member or null for a non-nullable one, and writes the payload back exactly as read.
/// </summary>
public sealed class ContractViolationTests
{
    private const string Doc = """
        # Order

        ## Fields

        | Field      | Type                  | Required           | Description |
        | ---------- | --------------------- | ------------------ | ----------- |
        | `id`       | *string*              | :heavy_check_mark: | Id          |
        | `total`    | *number*              | :heavy_check_mark: | Total       |
        | `placedAt` | [Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date) | :heavy_check_mark: | When |
        | `count`    | *long*                | :heavy_minus_sign: | Count       |
        | `note`     | *string*              | :heavy_minus_sign: | Note        |
        | `meta`     | *any*                 | :heavy_check_mark: | Free-form   |
        """;

    /// <summary>Generates, compiles and loads the Order model; returns read and write-back of <paramref name="json"/>.</summary>
    private static Func<string, (object Model, string Written)> Load(string? mode)
    {
        var properties = mode is null ? null : new System.Collections.Generic.Dictionary<string, string> { ["GenerationModelsContractViolations"] = mode };
        var run = new GeneratorHarness(properties).Run(("speakeasy/Order.md", Doc));
        run.AssertCompilesCleanly();
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new AssemblyLoadContext("contract-" + (mode ?? "default"), isCollectible: true);
        stream.Position = 0;
        var assembly = context.LoadFromStream(stream);
        var type = assembly.GetType("TestModels.Order")!;
        var options = new JsonSerializerOptions();
        return json =>
        {
            object model = JsonSerializer.Deserialize(json, type, options)!;
            return (model, JsonSerializer.Serialize(model, type, options));
        };
    }

    [Fact]
    public void Strict_by_default_and_the_error_names_the_knob()
    {
        var roundTrip = Load(null);
        var missing = Assert.Throws<JsonException>(() => roundTrip("""{"id":"a","placedAt":"2024-01-01T00:00:00Z"}"""));
        Assert.Contains("'total'", missing.Message);
        Assert.Contains("GenerationModelsContractViolations", missing.Message);
        var nulled = Assert.Throws<JsonException>(() => roundTrip("""{"id":"a","total":null,"placedAt":"2024-01-01T00:00:00Z"}"""));
        Assert.Contains("GenerationModelsContractViolations", nulled.Message);
        Assert.Equal("$.total", nulled.Path);
    }

    [Theory]
    [InlineData("""{"id":"a","placedAt":"2024-01-01T00:00:00Z"}""")]
    [InlineData("""{"total":1.50}""")]
    [InlineData("""{"id":null,"total":null,"placedAt":null,"count":2}""")]
    [InlineData("""{}""")]
    [InlineData("""{"id":7,"count":1.0,"note":"x"}""")]
    [InlineData("""{"id":"a","meta":null}""")]
    [InlineData("""{"id":"a","meta":{"k":[1.0,"v"]}}""")]
    public void Lenient_reads_violations_and_writes_back_what_was_read(string json)
    {
        var roundTrip = Load("Lenient");
        var (model, written) = roundTrip(json);
        // Members come back in declaration order; these payloads are in it already.
        Assert.Equal(json, written);
        if (!json.Contains("\"total\":1")) Assert.Equal(0.0, (double)model.GetType().GetProperty("Total")!.GetValue(model)!);
    }

    [Fact]
    public void Lenient_values_set_in_code_are_written()
    {
        var roundTrip = Load("Lenient");
        var (model, _) = roundTrip("""{"id":"a"}""");
        var type = model.GetType();
        // a `with` copy through the record's clone, then the init accessor
        var clone = (object)type.GetMethod("<Clone>$")!.Invoke(model, null)!;
        type.GetProperty("Total")!.SetValue(clone, 3.0);
        string written = JsonSerializer.Serialize(clone, type);
        Assert.StartsWith("""{"id":"a","total":3""", written);
    }

    [Fact]
    public void Unknown_mode_values_stay_strict()
    {
        var roundTrip = Load("Loose");
        Assert.Throws<JsonException>(() => roundTrip("""{}"""));
    }
}
