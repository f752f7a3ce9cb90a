using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Xunit;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// The casing fallback of <c>ModelJson.MatchMember</c> (models from language-cased docs): a name that matches no
/// declared member exactly matches a member listed in <c>CasingKeys</c> in any casing, and the spelling read is kept.
/// </summary>
public sealed class CasingMatchTests
{
    private static readonly string[] JsonNames = { "model", "frequencyPenalty", "logitBias", "userId", "userID", "id" };
    private static readonly byte[][] Utf8 = ModelJson.Utf8Names(JsonNames);
    private static readonly JsonEncodedText[] Encoded = ModelJson.EncodeNames(JsonNames);

    private static readonly CasingKeys Keys = ModelJson.CasingKeys(Encoded, JsonNames);

    /// <summary>Matches each property name of <paramref name="json"/>; returns the members and the read's kept state.</summary>
    private static (List<int> Members, RawValues Raw) MatchAll(string json, CasingKeys keys)
    {
        var members = new List<int>();
        var raw = default(RawValues);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        int next = 0;
        ulong seen = 0;
        while (ModelJson.NextProperty(ref reader))
        {
            int member = ModelJson.MatchMember(ref reader, Utf8, ref next, keys, ref raw, seen);
            if (member >= 0) seen |= 1UL << member;
            members.Add(member);
            reader.Read();
            reader.Skip();
        }
        return (members, raw);
    }

    [Theory]
    [InlineData("frequency_penalty")]
    [InlineData("FrequencyPenalty")]
    [InlineData("frequency-penalty")]
    [InlineData("FREQUENCY_PENALTY")]
    [InlineData("frequencypenalty")]
    [InlineData("Frequency-_Penalty")]
    [InlineData("Frequency_Penalty")]
    [InlineData("frequency\\u005fpenalty")]
    public void Any_casing_matches_and_its_spelling_is_kept(string spelled)
    {
        var (members, raw) = MatchAll("{\"" + spelled + "\":1}", Keys);
        Assert.Equal(new[] { 1 }, members);
        string unescaped = spelled.Replace("\\u005f", "_");
        JsonEncodedText[] names = raw.WireNames(Encoded);
        Assert.NotSame(Encoded, names);
        Assert.Equal(unescaped, names[1].Value);
        Assert.Equal("model", names[0].Value); // members not read keep the declared name
        Assert.Equal(unescaped, raw.JsonName(1, JsonNames));
        Assert.Equal("model", raw.JsonName(0, JsonNames));
        Assert.Equal(0, raw.Count); // no scalar text was kept
    }

    [Fact]
    public void Exact_names_keep_nothing_and_the_declared_names_are_written()
    {
        var (members, raw) = MatchAll("""{"model":1,"frequencyPenalty":2,"logitBias":3,"userId":4,"userID":5,"id":6}""", Keys);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, members);
        Assert.Same(Encoded, raw.WireNames(Encoded));
        Assert.Equal("userID", raw.JsonName(4, JsonNames));
    }

    [Theory]
    [InlineData("user_id")] // userId and userID fold to the same key: neither takes part
    [InlineData("USERID")]
    [InlineData("frequency")]
    [InlineData("frequency_penalty_x")]
    [InlineData("_-_")]
    [InlineData("")]
    [InlineData("modél")]
    public void Ambiguous_unlisted_and_other_names_match_nothing(string spelled)
    {
        var (members, raw) = MatchAll("{\"" + spelled + "\":1}", Keys);
        Assert.Equal(new[] { -1 }, members);
        Assert.Same(Encoded, raw.WireNames(Encoded));
    }

    [Fact]
    public void The_fallback_moves_next_after_the_member_it_matched()
    {
        var (members, _) = MatchAll("""{"Model":1,"frequencyPenalty":2,"LOGIT_BIAS":3,"userId":4}""", Keys);
        Assert.Equal(new[] { 0, 1, 2, 3 }, members);
    }

    [Fact]
    public void Long_escaped_names_are_unescaped_off_the_stack()
    {
        string declared = new string('a', 300) + "Tail";
        var names = new[] { declared };
        var keys = ModelJson.CasingKeys(ModelJson.EncodeNames(names), names);
        var raw = default(RawValues);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"" + new string('A', 300) + "\\u005ftail\":1}"));
        reader.Read();
        reader.Read();
        int next = 0;
        Assert.Equal(0, ModelJson.MatchMember(ref reader, ModelJson.Utf8Names(names), ref next, keys, ref raw, 0));
        Assert.Equal(new string('A', 300) + "_tail", raw.JsonName(0, names));
    }

    [Fact]
    public void Keys_shared_by_two_declared_members_are_dropped_for_both()
    {
        var names = new[] { "fooBar", "foo_bar", "baz" };
        var keys = ModelJson.CasingKeys(ModelJson.EncodeNames(names), names);
        var raw = default(RawValues);
        var reader = new Utf8JsonReader("""{"FooBar":1,"BAZ":2}"""u8.ToArray());
        reader.Read();
        int next = 0;
        var utf8 = ModelJson.Utf8Names(names);
        ModelJson.NextProperty(ref reader);
        Assert.Equal(-1, ModelJson.MatchMember(ref reader, utf8, ref next, keys, ref raw, 0));
        reader.Read();
        ModelJson.NextProperty(ref reader);
        Assert.Equal(2, ModelJson.MatchMember(ref reader, utf8, ref next, keys, ref raw, 0));
        Assert.Throws<ArgumentException>(() => ModelJson.CasingKeys(ModelJson.EncodeNames(names), new[] { "a" }));
    }

    [Fact]
    public void Exact_matches_with_keys_allocate_nothing()
    {
        byte[] json = Encoding.UTF8.GetBytes("""{"model":1,"frequencyPenalty":2,"logitBias":3,"userId":4,"userID":5,"id":6,"unknown":7}""");
        int matched = 0;
        void Once()
        {
            var raw = default(RawValues);
            var reader = new Utf8JsonReader(json);
            reader.Read();
            int next = 0;
            while (ModelJson.NextProperty(ref reader))
            {
                if (ModelJson.MatchMember(ref reader, Utf8, ref next, Keys, ref raw, 0) >= 0) matched++;
                reader.Read();
                reader.Skip();
            }
            if (!ReferenceEquals(raw.WireNames(Encoded), Encoded)) matched = -1000;
        }
        Once();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) Once();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(101 * 6, matched);
        Assert.Equal(0, allocated);
    }
}
