using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace Bench;

/// <summary>The payload families; one benchmark class each.</summary>
public enum Family
{
    Generation,
    ChatCompletionResponse,
    CompletionResponse,
    Invoice,
    /// <summary>A JSON array of <c>CompletionResponse</c>, about 100 KB without unknown members.</summary>
    List100KB,
    /// <summary>A JSON array of <c>CompletionResponse</c>, about 10 MB without unknown members.</summary>
    List10MB,
    /// <summary>A JSON array of <c>CompletionResponse</c>, about 100 MB without unknown members (stream reads only: <see cref="LargeStreamBenchmarks"/>).</summary>
    List100MB,
}

/// <summary>
/// Builds every payload in code with a <see cref="Utf8JsonWriter"/> and fixed-seed <see cref="Random"/>s: the same
/// bytes on every run, no files, and no serializer under test involved. Declared members come from one random
/// stream and unknown members from another, so the "with unknown members" variant carries exactly the declared data
/// of the variant without, plus extra members (at the top level and inside nested objects). Declared optional
/// members are either present with a value or absent (never an explicit null), so that the twins, which cannot tell
/// absent from null, write the same members as the generated models.
/// </summary>
public static class Payloads
{
    private const int Seed = 20240501;
    private const int UnknownSeed = 7;
    private static readonly DateTimeOffset Epoch = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly ConcurrentDictionary<(Family, bool), byte[]> Cache = new();
    private static readonly ConcurrentDictionary<(Family, bool, PayloadShape), byte[]> Shaped = new();
    private static readonly ConcurrentDictionary<Family, int> ListCounts = new();

    private static readonly string[] Words =
    {
        "the", "model", "answer", "is", "Paris", "because", "capital", "of", "France", "and", "tokens", "were", "counted",
        "café", "naïve", "résumé", "summary", "request", "latency", "quickly", "with", "context", "window", "retrieval",
        "search", "invoice", "customer", "42", "percent", "—", "ok", "data", "stream", "vector", "embedding", "über",
    };

    private static readonly string[] Models = { "small-1", "medium-2", "large-3", "chat-4o", "instruct-7b" };
    private static readonly string[] Reasons = { "stop", "length", "stop", "stop", "content_filter" };

    public static byte[] Get(Family family, bool unknownMembers) => Cache.GetOrAdd((family, unknownMembers), static key => Build(key.Item1, key.Item2));

    /// <summary>The payload in the given shape (<see cref="PayloadShape"/>); Declared is <see cref="Get(Family, bool)"/>.</summary>
    public static byte[] Get(Family family, bool unknownMembers, PayloadShape shape) => shape == PayloadShape.Declared
        ? Get(family, unknownMembers)
        : Shaped.GetOrAdd((family, unknownMembers, shape), static key => HarderPayloads.Reshape(Get(key.Item1, key.Item2), key.Item3));

    /// <summary>The number of list elements (the same for both variants).</summary>
    public static int ListCount(Family family) => ListCounts.GetOrAdd(family, static f =>
    {
        long target = f switch { Family.List100MB => 100_000_000, Family.List10MB => 10_000_000, _ => 100_000 };
        var r = new Random(Seed);
        var buffer = new ArrayBufferWriter<byte>();
        using var w = new Utf8JsonWriter(buffer);
        int count = 0;
        w.WriteStartArray();
        while (w.BytesCommitted + w.BytesPending < target)
        {
            WriteCompletionResponse(w, r, null, count);
            count++;
            if (w.BytesPending > 1 << 16) w.Flush();
        }
        return count;
    });

    private static byte[] Build(Family family, bool unknownMembers)
    {
        var r = new Random(Seed);
        Random? u = unknownMembers ? new Random(UnknownSeed) : null;
        var buffer = new ArrayBufferWriter<byte>(family switch { Family.List100MB => 128 << 20, Family.List10MB => 16 << 20, _ => 4096 });
        using (var w = new Utf8JsonWriter(buffer))
        {
            switch (family)
            {
                case Family.Generation: WriteGeneration(w, r, u); break;
                case Family.ChatCompletionResponse: WriteChatCompletionResponse(w, r, u); break;
                case Family.CompletionResponse: WriteCompletionResponse(w, r, u, 0); break;
                case Family.Invoice: WriteInvoice(w, r, u); break;
                case Family.List100KB:
                case Family.List10MB:
                case Family.List100MB:
                    int count = ListCount(family);
                    w.WriteStartArray();
                    for (int i = 0; i < count; i++) WriteCompletionResponse(w, r, u, i);
                    w.WriteEndArray();
                    break;
                default: throw new ArgumentOutOfRangeException(nameof(family));
            }
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string Text(Random r, int minWords, int maxWords)
    {
        int n = r.Next(minWords, maxWords + 1);
        var parts = new string[n];
        for (int i = 0; i < n; i++) parts[i] = Words[r.Next(Words.Length)];
        string text = string.Join(' ', parts);
        return r.Next(4) == 0 ? text + ".\n\n" + Words[r.Next(Words.Length)] + "?" : text + ".";
    }

    private static string Id(Random r, string prefix) => prefix + r.NextInt64(1L << 40, 1L << 44).ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    private static double Money(Random r, double max) => Math.Round(r.NextDouble() * max, 2);

    private static DateTimeOffset Time(Random r) => Epoch.AddSeconds(r.Next(0, 30 * 24 * 3600));

    // ---- seed-shaped models --------------------------------------------------------------------------------------

    private static void WriteGeneration(Utf8JsonWriter w, Random r, Random? u)
    {
        int completion = r.Next(5, 400);
        int prompt = r.Next(10, 2000);
        w.WriteStartObject();
        w.WriteNumber("completionTokens", completion);
        w.WriteNumber("cost", Math.Round(r.NextDouble() / 100, 6));
        w.WriteStartObject("feedback");
        w.WriteNumber("rating", r.Next(1, 6));
        w.WriteStartArray("tags");
        w.WriteStringValue("concise");
        w.WriteStringValue("accurate");
        w.WriteEndArray();
        w.WriteString("comment", Text(r, 4, 10));
        w.WriteEndObject();
        w.WriteString("generation", Text(r, 20, 40));
        w.WriteString("generationId", Id(r, "gen_"));
        w.WriteStartObject("hyperparameters");
        w.WriteNumber("temperature", 0.7);
        w.WriteNumber("top_p", 0.95);
        w.WriteNumber("max_tokens", 512);
        w.WriteStartArray("stop");
        w.WriteStringValue("\n\n");
        w.WriteStringValue("###");
        w.WriteEndArray();
        w.WriteBoolean("stream", false);
        w.WriteEndObject();
        w.WriteNumber("latency", Math.Round(r.NextDouble() * 2000, 1));
        w.WriteString("model", Models[r.Next(Models.Length)]);
        w.WriteString("source", "api");
        w.WriteString("task", "question-answering");
        w.WriteNumber("totalTokens", completion + prompt);
        w.WriteString("version", "v" + r.Next(1, 20));
        if (u is not null)
        {
            w.WriteStartObject("experimentalField");
            w.WriteBoolean("kept", true);
            w.WriteStartArray("scores");
            for (int i = 0; i < 4; i++) w.WriteNumberValue(Math.Round(u.NextDouble(), 3));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("region", "eu-west-1");
            w.WriteString("traceId", Id(u, "tr_"));
            w.WriteNumber("retries", u.Next(0, 3));
        }
        w.WriteEndObject();
    }

    private static void WriteChatCompletionResponse(Utf8JsonWriter w, Random r, Random? u)
    {
        w.WriteStartObject();
        w.WriteString("timestamp", Time(r));
        w.WriteString("generationId", Id(r, "gen_"));
        w.WriteString("sessionId", Id(r, "s_"));
        w.WriteStartArray("choices");
        for (int i = 0; i < 2; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("index", i);
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            w.WriteString("content", Text(r, 15, 30));
            w.WriteEndObject();
            w.WriteString("finish_reason", Reasons[r.Next(Reasons.Length)]);
            w.WriteNull("logprobs");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("stream", false);
        w.WriteNumber("cost", Math.Round(r.NextDouble() / 100, 6));
        w.WriteNumber("latency", r.Next(20, 3000));
        if (u is not null)
        {
            w.WriteString("object", "chat.completion");
            w.WriteString("system_fingerprint", Id(u, "fp_"));
            w.WriteStartObject("usage");
            w.WriteNumber("prompt_tokens", u.Next(10, 500));
            w.WriteNumber("completion_tokens", u.Next(10, 500));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteCompletionResponse(Utf8JsonWriter w, Random r, Random? u, int index)
    {
        int items = 1 + r.Next(3);
        long promptTotal = 0, generatedTotal = 0;
        w.WriteStartObject();
        w.WriteStartArray("data");
        for (int i = 0; i < items; i++)
        {
            long prompt = r.Next(3, 400);
            long completion = r.Next(1, 300);
            promptTotal += prompt;
            generatedTotal += completion;
            w.WriteStartObject();
            w.WriteString("id", Id(r, "c_"));
            w.WriteNumber("index", i);
            w.WriteString("output", Text(r, 8, 24));
            if (r.Next(5) != 0) w.WriteString("finish_reason", Reasons[r.Next(Reasons.Length)]);
            w.WriteString("created_at", Time(r));
            if (r.Next(3) != 0) w.WriteNumber("score", Math.Round(r.NextDouble(), 4));
            w.WriteStartObject("tokens");
            w.WriteNumber("prompt", prompt);
            w.WriteNumber("completion", completion);
            if (u is not null) w.WriteNumber("cached", u.Next(0, 64));
            w.WriteEndObject();
            if (u is not null)
            {
                w.WriteStartObject("safety");
                w.WriteBoolean("flagged", u.Next(20) == 0);
                w.WriteStartArray("categories");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("provider_responses");
        w.WriteString("provider", index % 3 == 0 ? "acme" : "globex");
        if (u is not null)
        {
            w.WriteStartObject("raw");
            w.WriteString("id", Id(u, "x-"));
            w.WriteNumber("latency_ms", u.Next(5, 900));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteString("project_id", "p_" + r.Next(1, 50));
        w.WriteNumber("num_samples", items);
        if (r.Next(4) == 0) w.WriteNumber("logprobs", r.Next(0, 5));
        if (r.Next(2) == 0) w.WriteString("user", "user-" + r.Next(1, 10_000));
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", promptTotal);
        w.WriteNumber("generation_tokens", generatedTotal);
        w.WriteNumber("total_tokens", promptTotal + generatedTotal);
        if (u is not null) w.WriteNumber("cached_tokens", u.Next(0, 64));
        w.WriteEndObject();
        w.WriteStartObject("metadata");
        w.WriteString("team", index % 2 == 0 ? "search" : "ads");
        w.WriteNumber("priority", r.Next(0, 3));
        w.WriteEndObject();
        if (u is not null)
        {
            w.WriteString("trace", Id(u, "t-"));
            w.WriteStartObject("request");
            w.WriteString("region", "eu-central-1");
            w.WriteBoolean("cached", u.Next(2) == 0);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    // ---- invoice (~1 KB) ----------------------------------------------------------------------------------------

    private static readonly string[] Products =
    {
        "Widget, large", "Gadget (blue)", "Support plan — monthly", "Shipping & handling", "Sprocket 12 mm",
        "Consulting hours", "Licence seat", "Cable 2 m",
    };

    private static void WriteInvoice(Utf8JsonWriter w, Random r, Random? u)
    {
        int lines = 8;
        var quantities = new double[lines];
        var amounts = new double[lines];
        double total = 0;
        for (int i = 0; i < lines; i++)
        {
            quantities[i] = r.Next(1, 20);
            amounts[i] = r.Next(100, 99_999);
            total += quantities[i] * amounts[i];
        }
        w.WriteStartObject();
        w.WriteString("id", Id(r, "inv_"));
        w.WriteStartObject("customer");
        w.WriteString("id", Id(r, "cus_"));
        w.WriteString("name", "Ada Lovelace Analytical Engines Ltd.");
        w.WriteString("email", "billing@analytical-engines.example");
        if (u is not null) w.WriteString("vatId", "GB" + u.Next(100_000_000, 999_999_999));
        w.WriteEndObject();
        w.WriteStartArray("lines");
        for (int i = 0; i < lines; i++)
        {
            w.WriteStartObject();
            w.WriteString("description", Products[i % Products.Length]);
            w.WriteNumber("quantity", quantities[i]);
            w.WriteNumber("unitAmount", amounts[i]);
            if (u is not null) w.WriteString("sku", Id(u, "sku_"));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("total", total);
        w.WriteBoolean("paid", r.Next(2) == 0);
        w.WriteString("issuedAt", Time(r));
        w.WriteString("dueOn", DateOnly.FromDateTime(Epoch.AddDays(30 + r.Next(30)).UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartArray("tags");
        w.WriteStringValue("q2");
        w.WriteStringValue("enterprise");
        w.WriteStringValue("eu");
        w.WriteEndArray();
        w.WriteStartObject("metadata");
        w.WriteString("po", "PO-" + r.Next(1000, 9999));
        w.WriteString("costCenter", "CC-" + r.Next(10, 99));
        w.WriteString("approvedBy", "grace.hopper");
        w.WriteEndObject();
        if (u is not null)
        {
            w.WriteString("currency", "EUR");
            w.WriteStartObject("notes");
            w.WriteString("internal", "net 30; reminder after 14 days");
            w.WriteNumber("version", u.Next(1, 5));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
