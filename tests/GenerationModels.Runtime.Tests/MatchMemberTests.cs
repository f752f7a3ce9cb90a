using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// ModelJson.MatchMember: which declared member a property name is, in order, out of order, escaped, split across
/// buffer segments, empty, or undeclared; and that <c>next</c> follows the match.
/// </summary>
public sealed class MatchMemberTests
{
    private static readonly byte[][] Names = ModelJson.Utf8Names("id", "index", "output", "finish_reason", "idx", "", "café");

    /// <summary>Matches every property name of the object in <paramref name="json"/>, carrying <c>next</c> along.</summary>
    private static List<(int Member, int Next)> MatchAll(byte[] json, bool segmented)
    {
        var result = new List<(int, int)>();
        var reader = segmented ? new Utf8JsonReader(Segments(json), default) : new Utf8JsonReader(json);
        reader.Read();
        int next = 0;
        while (ModelJson.NextProperty(ref reader))
        {
            int member = ModelJson.MatchMember(ref reader, Names, ref next);
            result.Add((member, next));
            reader.Read();
            reader.Skip();
        }
        return result;
    }

    /// <summary>One byte per segment, so that every name is a multi-segment value.</summary>
    private static ReadOnlySequence<byte> Segments(byte[] json)
    {
        var first = new Segment(json.AsMemory(0, 1), 0);
        Segment last = first;
        for (int i = 1; i < json.Length; i++) last = last.Append(json.AsMemory(i, 1));
        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long index)
        {
            Memory = memory;
            RunningIndex = index;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void In_order_names_match_and_next_follows(bool segmented)
    {
        var matches = MatchAll(Encoding.UTF8.GetBytes("""{"id":1,"index":2,"output":3,"finish_reason":4}"""), segmented);
        Assert.Equal(new[] { (0, 1), (1, 2), (2, 3), (3, 4) }, matches);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shuffled_names_match_and_next_follows_the_last_match(bool segmented)
    {
        var matches = MatchAll(Encoding.UTF8.GetBytes("""{"output":1,"idx":2,"id":3,"finish_reason":4,"index":5}"""), segmented);
        Assert.Equal(new[] { (2, 3), (4, 5), (0, 1), (3, 4), (1, 2) }, matches);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Escaped_names_are_compared_unescaped(bool segmented)
    {
        // "\u0069d" is "id", "caf\u00e9" is "café", "\u006f\u0075tput" is "output".
        var matches = MatchAll(Encoding.UTF8.GetBytes("""{"\u0069d":1,"caf\u00e9":2,"\u006f\u0075tput":3,"i\u0064x":4}"""), segmented);
        Assert.Equal(new[] { 0, 6, 2, 4 }, matches.Select(m => m.Member));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Raw_utf8_and_empty_names_match(bool segmented)
    {
        var matches = MatchAll(Encoding.UTF8.GetBytes("""{"café":1,"":2}"""), segmented);
        Assert.Equal(new[] { (6, 7), (5, 6) }, matches);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Undeclared_names_and_prefixes_do_not_match_and_leave_next_alone(bool segmented)
    {
        // "i" and "ids" share a first byte with declared names, "Id" differs only in case, "outpu" is a prefix.
        var matches = MatchAll(Encoding.UTF8.GetBytes("""{"index":0,"i":1,"ids":2,"Id":3,"outpu":4,"cafe":5}"""), segmented);
        Assert.Equal(new[] { (1, 2), (-1, 2), (-1, 2), (-1, 2), (-1, 2), (-1, 2) }, matches);
    }

    [Fact]
    public void Repeated_member_matches_again()
    {
        var matches = MatchAll(Encoding.UTF8.GetBytes("""{"id":1,"id":2}"""), segmented: false);
        Assert.Equal(new[] { (0, 1), (0, 1) }, matches);
    }
}
