using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>
/// A union without a discriminator takes the first case that declares every member of the JSON, anywhere in the case's
/// model graph; when none does, the case that keeps the fewest members as unknown (Schemas/attachments.json).
/// </summary>
public sealed class UnionFitTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    [Theory]
    [InlineData("""{"text":"t","attachment":{"id":"a1"}}""", nameof(Attachment.AttachmentRef))]
    [InlineData("""{"text":"t","attachment":{"id":"a1","file_name":"a.txt","size":3}}""", nameof(Attachment.FileAttachment))]
    [InlineData("""{"text":"t","attachment":{"file_name":"a.png","thumbnail":{"url":"u","width":8}}}""", nameof(Attachment.ImageAttachment))]
    // No case declares "colour": FileAttachment keeps one unknown member, AttachmentRef keeps three.
    [InlineData("""{"text":"t","attachment":{"id":"a1","file_name":"a.txt","size":3,"colour":"red"}}""", nameof(Attachment.FileAttachment))]
    // Unknown members nested in a case count too: ImageAttachment keeps one (thumbnail.height), the others keep one each
    // at the top (thumbnail); on a tie the doc's order decides.
    [InlineData("""{"text":"t","attachment":{"id":"a1","thumbnail":{"url":"u","height":8}}}""", nameof(Attachment.AttachmentRef))]
    // Two unknown members nested in ImageAttachment's thumbnail count as two: FileAttachment keeps one (thumbnail).
    [InlineData("""{"text":"t","attachment":{"file_name":"x","thumbnail":{"height":8,"depth":2}}}""", nameof(Attachment.FileAttachment))]
    public void The_case_that_declares_the_members_wins_and_the_text_round_trips(string json, string expectedCase)
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
    public void An_exact_fit_keeps_nothing_unknown()
    {
        var message = JsonSerializer.Deserialize("""{"text":"t","attachment":{"id":"a1","file_name":"a.txt","size":3}}""", Context.Message)!;

        Assert.Null(message.Attachment!.FileAttachment!.AdditionalProperties);
        Assert.Equal("a.txt", message.Attachment.FileAttachment.FileName);
        Assert.Equal(3, message.Attachment.FileAttachment.Size);
    }
}
