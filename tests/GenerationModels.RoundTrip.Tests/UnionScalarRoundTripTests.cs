using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>
/// A union without a discriminator whose cases are scalars (Schemas/readings.json) writes back the exact text it read,
/// like a model's scalar members (issue 12 item 1): an integer beyond double's precision, <c>1.0</c>, <c>1e5</c>, a
/// <c>Z</c> date-time. A union built in code is written canonically.
/// </summary>
public sealed class UnionScalarRoundTripTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    [Theory]
    [InlineData("""{"value":123456789012345678901234567890}""")]
    [InlineData("""{"value":1.0,"values":[1e5,-0,0.10,"2024-07-23T22:50:22.761Z",true]}""")]
    [InlineData("""{"value":"2024-07-23T22:50:22.761Z"}""")]
    [InlineData("""{"value":"2024-07-23T04:56:07.000+00:00","values":[12,"2024-05-01T10:00:00+02:00",false]}""")]
    public void Scalar_cases_round_trip_exactly(string json)
    {
        var reading = JsonSerializer.Deserialize(json, Context.Reading)!;
        Assert.Null(reading.AdditionalProperties);
        Assert.Null(reading.Value.Unmatched);
        Assert.Equal(json, JsonSerializer.Serialize(reading, Context.Reading));
    }

    [Fact]
    public void The_case_holds_the_best_value_and_equals_the_same_value_built_in_code()
    {
        var read = JsonSerializer.Deserialize("""{"value":1.0}""", Context.Reading)!;
        Assert.Equal(1d, read.Value.Number);
        var built = new Reading { Value = ReadingValue.FromNumber(1d) };
        Assert.Equal(built, read);
        Assert.Equal(built.GetHashCode(), read.GetHashCode());
        Assert.Equal("""{"value":1}""", JsonSerializer.Serialize(built, Context.Reading));
    }

    [Fact]
    public void A_value_set_in_code_is_written_canonically()
    {
        var read = JsonSerializer.Deserialize("""{"value":"2024-07-23T22:50:22.761Z"}""", Context.Reading)!;
        var changed = read with { Value = ReadingValue.FromDateTime(read.Value.DateTime!.Value) };
        Assert.Equal("""{"value":"2024-07-23T22:50:22.761+00:00"}""", JsonSerializer.Serialize(changed, Context.Reading));
    }
}
