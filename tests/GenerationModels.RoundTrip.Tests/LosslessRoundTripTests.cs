using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>
/// Generated models write back the exact text they read: scalars in any representable form (issue 12 items 1 and 2),
/// while values set in code are written canonically and equality ignores the kept text.
/// </summary>
public sealed class LosslessRoundTripTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    private const string Customer = """{"id":"c1","name":"Ada"}""";

    [Theory]
    [InlineData("""{"id":"inv_1","customer":{"id":"c1","name":"Ada"},"lines":[{"description":"w","quantity":1.0,"unitAmount":1e5}],"total":1E+5,"issuedAt":"2024-07-23T22:50:22.761Z","dueOn":"2022-01-24T00:00:00.000+00:00"}""")]
    [InlineData("""{"id":"inv_1","customer":{"id":"c1","name":"Ada"},"lines":[],"total":"12.34","paid":false,"issuedAt":"2024-07-23T04:56:07.000+00:00","dueOn":"2024-05-31"}""")]
    [InlineData("""{"id":12345,"customer":{"id":true,"name":"Ada"},"lines":[{"description":"w","quantity":-0,"unitAmount":0.10}],"total":123456789012345678901234567890}""")]
    [InlineData("""{"id":"inv_1","customer":{"id":"c1","name":"Ada"},"lines":[],"total":4200,"issuedAt":"2024-05-01T10:00:00+02:00"}""")]
    public void Invoices_round_trip_exactly(string json)
    {
        var invoice = JsonSerializer.Deserialize(json, Context.Invoice)!;
        Assert.Null(invoice.AdditionalProperties);
        Assert.Equal(json, JsonSerializer.Serialize(invoice, Context.Invoice));
    }

    [Fact]
    public void The_typed_properties_expose_the_best_value()
    {
        var invoice = JsonSerializer.Deserialize("""{"id":7,"customer":{"id":"c1","name":"Ada"},"lines":[],"total":"12.34","dueOn":"2022-01-24T23:00:00.000-05:00","issuedAt":"2024-07-23T22:50:22.761Z"}""", Context.Invoice)!;
        Assert.Equal("7", invoice.Id);
        Assert.Equal(12.34, invoice.Total);
        Assert.Equal(new System.DateOnly(2022, 1, 24), invoice.DueOn);
        Assert.Equal(new System.DateTimeOffset(2024, 7, 23, 22, 50, 22, 761, System.TimeSpan.Zero), invoice.IssuedAt);
    }

    [Fact]
    public void Changed_members_are_written_canonically_and_equality_ignores_kept_text()
    {
        var read = JsonSerializer.Deserialize("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[],"total":1.0,"issuedAt":"2024-07-23T22:50:22.761Z"}""", Context.Invoice)!;
        var changed = read with { Total = 2.5, IssuedAt = read.IssuedAt!.Value.AddSeconds(1) };
        Assert.Equal("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[],"total":2.5,"issuedAt":"2024-07-23T22:50:23.761+00:00"}""", JsonSerializer.Serialize(changed, Context.Invoice));

        var built = new Invoice
        {
            Id = "a",
            Customer = JsonSerializer.Deserialize(Customer, Context.Customer)!,
            Lines = new GenerationModels.Runtime.FrozenList<InvoiceLine>(System.Array.Empty<InvoiceLine>()),
            Total = 1,
            IssuedAt = read.IssuedAt,
        };
        Assert.Equal(built, read);
        Assert.Equal(built.GetHashCode(), read.GetHashCode());
    }

    [Theory]
    [InlineData("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[],"total":"abc"}""", "$.total")]
    [InlineData("""{"id":{},"customer":{"id":"c1","name":"Ada"},"lines":[],"total":1}""", "$.id")]
    [InlineData("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[{"description":"w","quantity":"x","unitAmount":1}],"total":1}""", "$.lines[0].quantity")]
    public void What_cannot_be_represented_fails_at_the_member(string json, string path)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.Invoice));
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("""{"id":"a","customer":{"id":null,"name":"Ada"},"lines":[],"total":1}""", "$.customer.id")]
    [InlineData("""{"id":"a","customer":null,"lines":[],"total":1}""", "$.customer")]
    [InlineData("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[{"description":"w","quantity":null,"unitAmount":1}],"total":1}""", "$.lines[0].quantity")]
    public void A_null_for_a_member_that_is_not_nullable_is_reported_once_at_that_member(string json, string path)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.Invoice));
        Assert.Equal(path, error.Path);
        int hints = error.Message.Split("GenerationModelsContractViolations").Length - 1;
        Assert.Equal(1, hints);
    }

    [Fact]
    public void Contract_violations_are_strict_by_default_and_name_the_knob()
    {
        var missing = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[]}""", Context.Invoice));
        Assert.Contains("GenerationModelsContractViolations", missing.Message);
        var nulled = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":"a","customer":{"id":"c1","name":"Ada"},"lines":[],"total":null}""", Context.Invoice));
        Assert.Contains("GenerationModelsContractViolations", nulled.Message);
        Assert.Equal("$.total", nulled.Path);
    }
}
