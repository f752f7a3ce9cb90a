using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>
/// A property written <c>allOf: [{$ref: Attachment}, {description: …}]</c> (the OpenAPI 3.0 way to describe a $ref) is
/// the referred union itself, not an empty object that keeps every member as unknown (Schemas/attachments.json).
/// </summary>
public sealed class DescribedRefTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    [Theory]
    [InlineData("""{"text":"t","attachment":{"ref":"a1"}}""", nameof(Attachment.AttachmentRef))]
    [InlineData("""{"text":"t","attachment":{"id":"a1","file_name":"a.txt","size":3}}""", nameof(Attachment.FileAttachment))]
    // FileAttachment reads it too (its members are all optional but file_name); the doc's order decides.
    [InlineData("""{"text":"t","attachment":{"file_name":"a.png","thumbnail":{"url":"u","width":8}}}""", nameof(Attachment.FileAttachment))]
    [InlineData("""{"text":"t","attachment":{"thumbnail":{"url":"u","width":8}}}""", nameof(Attachment.ImageAttachment))]
    public void The_described_ref_is_the_union_and_the_text_round_trips(string json, string expectedCase)
    {
        var message = JsonSerializer.Deserialize(json, Context.Message)!;
        var attachment = message.Attachment!;

        string? set = attachment.AttachmentRef is not null ? nameof(Attachment.AttachmentRef)
            : attachment.FileAttachment is not null ? nameof(Attachment.FileAttachment)
            : attachment.ImageAttachment is not null ? nameof(Attachment.ImageAttachment)
            : null;
        Assert.Equal(expectedCase, set);
        Assert.Null(attachment.Unmatched);
        Assert.Equal(json, JsonSerializer.Serialize(message, Context.Message));
    }

    [Fact]
    public void Members_of_the_case_land_in_its_properties()
    {
        var message = JsonSerializer.Deserialize("""{"text":"t","attachment":{"id":"a1","file_name":"a.txt","size":3}}""", Context.Message)!;

        Assert.Null(message.Attachment!.FileAttachment!.AdditionalProperties);
        Assert.Equal("a.txt", message.Attachment.FileAttachment.FileName);
        Assert.Equal(3, message.Attachment.FileAttachment.Size);
    }
}
