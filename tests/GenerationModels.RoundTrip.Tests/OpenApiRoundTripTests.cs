using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>Models generated from OpenAPI specs (Schemas/zoo.json here, schemas/Schemas/openapi/shipping.yaml of the sample).</summary>
public sealed class OpenApiRoundTripTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    [Theory]
    [InlineData("""{"name":"Savanna","keeper":"Ann","resident":{"species":"lion","mane":true}}""")]
    [InlineData("""{"name":"Aviary","keeper":null,"resident":{"species":"parrot","words":12},"area":12.50,"opened":"2020-02-29","feeding":{"morning":["2026-11-25T07:00:00+00:00"]},"extra":[1]}""")]
    public void Spec_models_round_trip_unchanged(string json)
    {
        var enclosure = JsonSerializer.Deserialize(json, Context.Enclosure)!;
        Assert.Equal(json, JsonSerializer.Serialize(enclosure, Context.Enclosure));
    }

    [Fact]
    public void The_discriminator_picks_the_case_even_when_the_shape_fits_another()
    {
        // Both Lion and Parrot accept this object (unknown members are kept), so only the discriminator can tell.
        var enclosure = JsonSerializer.Deserialize("""{"name":"x","keeper":null,"resident":{"species":"parrot","mane":false}}""", Context.Enclosure)!;
        Assert.Null(enclosure.Resident.Lion);
        Assert.NotNull(enclosure.Resident.Parrot);
        Assert.Equal("""{"species":"parrot","mane":false}""", JsonSerializer.Serialize(enclosure.Resident, Context.Animal));
    }

    [Fact]
    public void Without_a_known_discriminator_value_the_case_comes_from_the_shape()
    {
        var animal = JsonSerializer.Deserialize("""{"species":"okapi","mane":true}""", Context.Animal)!;
        Assert.NotNull(animal.Lion); // first case whose shape fits
    }

    [Fact]
    public void Required_nullable_member_must_be_present_but_may_be_null()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"name":"x","resident":{"species":"lion"}}""", Context.Enclosure));
        Assert.Contains("keeper", error.Message, System.StringComparison.Ordinal);
        var enclosure = JsonSerializer.Deserialize("""{"name":"x","keeper":null,"resident":{"species":"lion"}}""", Context.Enclosure)!;
        Assert.Null(enclosure.Keeper);
        Assert.Equal(12.50m, JsonSerializer.Deserialize("""{"name":"x","keeper":null,"resident":{"species":"lion"},"area":12.50}""", Context.Enclosure)!.Area);
    }

    [Fact]
    public void The_sample_spec_next_to_markdown_docs_generates_into_the_same_context()
    {
        const string json = """{"id":"s1","destination":{"line1":"1 Road","country":"NZ"},"status":"delivered","carrier":{"type":"Post","country":"NZ"},"events":[]}""";
        var shipment = JsonSerializer.Deserialize(json, Context.Shipment)!;
        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
        Assert.NotNull(shipment.Carrier!.Post);
        Assert.Equal(json, JsonSerializer.Serialize(shipment, Context.Shipment));
        // A markdown model of the sample lives in the same context.
        Assert.NotNull(Context.Invoice);
    }
}
