using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using G = Bench.Generated;
using T = Bench.Twins;

namespace Bench;

/// <summary>
/// Run once before measuring: for every payload, A, B, C and D must read the same data (from bytes and from a
/// stream) and write JSON that parses equal to the input and to each other; otherwise the run stops. Also reports,
/// without failing, how A and B differ on the repository's seed payloads (schemas/Json), which carry explicit nulls.
/// </summary>
public static class Verification
{
    public static void Run(IEnumerable<Family> families, TextWriter log)
    {
        foreach (Family family in families)
        {
            foreach (PayloadShape shape in Enum.GetValues<PayloadShape>())
            {
                foreach (bool unknown in new[] { false, true })
                {
                    switch (family)
                    {
                        case Family.Generation: Check(new GenerationBenchmarks { UnknownMembers = unknown, Shape = shape }, log); break;
                        case Family.ChatCompletionResponse: Check(new ChatCompletionResponseBenchmarks { UnknownMembers = unknown, Shape = shape }, log); break;
                        case Family.CompletionResponse: Check(new CompletionResponseBenchmarks { UnknownMembers = unknown, Shape = shape }, log); break;
                        case Family.Invoice: Check(new InvoiceBenchmarks { UnknownMembers = unknown, Shape = shape }, log); break;
                        case Family.List100KB: Check(new List100KBBenchmarks { UnknownMembers = unknown, Shape = shape }, log); break;
                        case Family.List10MB: Check(new List10MBBenchmarks { UnknownMembers = unknown, Shape = shape }, log); break;
                        default: throw new ArgumentOutOfRangeException(nameof(families));
                    }
                }
            }
        }
        SeedProbe(log);
    }

    private static void Check<TGen, TTwin, TSettable, TFast>(SerializerBenchmarks<TGen, TTwin, TSettable, TFast> bench, TextWriter log)
        where TGen : class
        where TTwin : class
        where TSettable : class
        where TFast : class
    {
        bench.Setup();
        string name = $"{bench.Family}, UnknownMembers={bench.UnknownMembers}, Shape={bench.Shape}";
        byte[] json = bench.Json;
        JsonNode input = JsonNode.Parse(json)!;

        JsonNode a = Canon.Of(bench.ReadBytes_A_Generated());
        JsonNode b = Canon.Of(bench.ReadBytes_B_StjSourceGen());
        Require(a, b, name + ": A and B read different data (bytes)");
        Require(Canon.Of(bench.ReadStream_A_Generated()), a, name + ": A reads a stream differently from bytes");
        Require(Canon.Of(bench.ReadStream_B_StjSourceGen()), b, name + ": B reads a stream differently from bytes");
        Require(Canon.Of(bench.ReadBytes_C_StjReflection()), b, name + ": C and B read different data (bytes)");
        Require(Canon.Of(bench.ReadStream_C_StjReflection()), b, name + ": C and B read different data (stream)");
        Require(Canon.Of(bench.ReadBytes_D_Newtonsoft()), b, name + ": D and B read different data (bytes)");
        Require(Canon.Of(bench.ReadStream_D_Newtonsoft()), b, name + ": D and B read different data (stream)");
        Require(Canon.Of(bench.ReadBytes_E_StjSourceGenSettable()), b, name + ": E and B read different data (bytes)");
        Require(Canon.Of(bench.ReadStream_E_StjSourceGenSettable()), b, name + ": E and B read different data (stream)");
        // F keeps no unknown members: it must read the declared data B reads.
        JsonNode declaredB = WithoutExtra(b)!;
        Require(Canon.Of(bench.ReadBytes_F_StjFastTwins()), declaredB, name + ": F and B read different declared data (bytes)");
        Require(Canon.Of(bench.ReadStream_F_StjFastTwins()), declaredB, name + ": F and B read different declared data (stream)");
        if (bench.Shape != PayloadShape.Declared)
        {
            // Writes are measured on the Declared payload's models only; here A's output must still carry what it read.
            Require(Canon.Of(JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(bench.ReadBytes_A_Generated(), bench.GeneratedTypeInfo), bench.GeneratedTypeInfo)!), a, name + ": A does not read back what it wrote");
            log.WriteLine($"verified {name}: {json.Length:N0} bytes; A==B==C==D==E read, F==B on declared members, A reads back what it writes");
            return;
        }
        if (bench.UnknownMembers && !a.ToJsonString().Contains("\"$extra\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(name + ": the payload has no unknown members where it should");
        }

        byte[] writtenA = bench.WriteBytes_A_Generated();
        byte[] writtenB = bench.WriteBytes_B_StjSourceGen();
        JsonNode outA = JsonNode.Parse(writtenA)!;
        JsonNode outB = JsonNode.Parse(writtenB)!;
        Require(outA, outB, name + ": A and B write JSON that parses differently");
        Require(outA, input, name + ": A's output does not parse equal to the input");
        Require(JsonNode.Parse(bench.WriteBytes_C_StjReflection())!, outB, name + ": C and B write JSON that parses differently");
        Require(JsonNode.Parse(bench.WriteBytes_D_Newtonsoft())!, outB, name + ": D and B write JSON that parses differently");
        byte[] writtenF = bench.WriteBytes_F_StjFastTwins();
        if (!writtenF.AsSpan().SequenceEqual(bench.WriteBytes_G_StjSerializationOnly()))
        {
            throw new InvalidOperationException(name + ": F (Default mode) and G (Serialization mode) write different bytes");
        }
        Require(WithoutExtra(Canon.Of(JsonSerializer.Deserialize(writtenF, bench.SourceGenTypeInfo)!))!, declaredB, name + ": F writes other declared data than B read");

        log.WriteLine(
            $"verified {name}: {json.Length:N0} bytes{(bench.Family is Family.List100KB or Family.List10MB ? $" ({Payloads.ListCount(bench.Family):N0} elements)" : "")}; A==B==C==D==E read, A==B==C==D written (parsed); " +
            $"A output {(writtenA.AsSpan().SequenceEqual(json) ? "byte-identical to input" : "differs in bytes from input")}, " +
            $"A vs B output {(writtenA.AsSpan().SequenceEqual(writtenB) ? "byte-identical" : $"differ in bytes ({writtenA.Length:N0} vs {writtenB.Length:N0})")}");
    }

    // The four seed payloads of schemas/Json, copied here (the benchmark never reads files).
    private const string SeedGeneration = """{"completionTokens":12,"cost":0.0004,"feedback":{"rating":5,"tags":["concise"]},"generation":"Paris.","generationId":"gen_1","latency":231.5,"model":"small-1","version":null,"experimentalField":{"kept":true}}""";
    private const string SeedChat = """{"timestamp":"2024-05-01T10:00:00+00:00","generationId":"gen_2","sessionId":"s_9","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"}}],"stream":false,"cost":0.002,"latency":88}""";
    private const string SeedCompletion = """{"data":[{"id":"c1","index":0,"output":"Hello","finish_reason":null,"created_at":"2024-05-01T10:00:00+00:00","tokens":{"prompt":3,"completion":1}}],"provider_responses":{"provider":"acme","raw":{"id":"x-1"}},"project_id":"p_1","num_samples":1,"usage":{"prompt_tokens":3,"generation_tokens":1,"total_tokens":4},"metadata":{"team":"search"},"trace":"t-77"}""";
    private const string SeedInvoice = """{"id":"inv_1","customer":{"id":"cus_1","name":"Ada"},"lines":[{"description":"Widget","quantity":2,"unitAmount":2100}],"total":4200,"issuedAt":"2024-05-01T10:00:00+00:00","dueOn":"2024-05-31","tags":["q2"],"metadata":{"po":"77"}}""";

    private static void SeedProbe(TextWriter log)
    {
        Probe(SeedGeneration, G.GenerationModelsJsonContext.Default.Generation, T.TwinJsonContext.Default.Generation, log);
        Probe(SeedChat, G.GenerationModelsJsonContext.Default.ChatCompletionResponse, T.TwinJsonContext.Default.ChatCompletionResponse, log);
        Probe(SeedCompletion, G.GenerationModelsJsonContext.Default.CompletionResponse, T.TwinJsonContext.Default.CompletionResponse, log);
        Probe(SeedInvoice, G.GenerationModelsJsonContext.Default.Invoice, T.TwinJsonContext.Default.Invoice, log);
    }

    private static void Probe<TGen, TTwin>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TGen> generated, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TTwin> sourceGen, TextWriter log)
        where TGen : class
        where TTwin : class
    {
        TGen a = JsonSerializer.Deserialize(json, generated)!;
        TTwin b = JsonSerializer.Deserialize(json, sourceGen)!;
        string name = "seed " + typeof(TGen).Name;
        Require(Canon.Of(a), Canon.Of(b), name + ": A and B read different data");
        string outA = JsonSerializer.Serialize(a, generated);
        string outB = JsonSerializer.Serialize(b, sourceGen);
        JsonNode input = JsonNode.Parse(json)!;
        string aNote = outA == json ? "A round-trips byte-identically" : "A output differs from input: " + (FirstDifference(JsonNode.Parse(outA), input) ?? "bytes only");
        string? bDiff = FirstDifference(JsonNode.Parse(outB), input);
        string bNote = bDiff is null ? "B output parses equal to input" : "B output differs from input: " + bDiff;
        log.WriteLine($"{name}: A==B read; {aNote}; {bNote}");
    }

    /// <summary>A canonical tree without its "$extra" members (the unknown members), at every level.</summary>
    private static JsonNode? WithoutExtra(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var result = new JsonObject();
                foreach (var member in o.Where(m => m.Key != "$extra")) result[member.Key] = WithoutExtra(member.Value);
                return result;
            case JsonArray a:
                return new JsonArray(a.Select(WithoutExtra).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static void Require(JsonNode actual, JsonNode expected, string message)
    {
        if (!JsonNode.DeepEquals(actual, expected))
        {
            throw new InvalidOperationException(message + " — first difference: " + (FirstDifference(actual, expected) ?? "?"));
        }
    }

    /// <summary>The JSON path of the first difference between two trees, with both values, or null when equal.</summary>
    public static string? FirstDifference(JsonNode? left, JsonNode? right, string path = "$")
    {
        if (JsonNode.DeepEquals(left, right)) return null;
        if (left is JsonObject lo && right is JsonObject ro)
        {
            foreach (string key in lo.Select(p => p.Key).Union(ro.Select(p => p.Key)))
            {
                bool inLeft = lo.TryGetPropertyValue(key, out JsonNode? lv);
                bool inRight = ro.TryGetPropertyValue(key, out JsonNode? rv);
                if (!inLeft) return $"{path}.{key}: absent vs {Show(rv)}";
                if (!inRight) return $"{path}.{key}: {Show(lv)} vs absent";
                if (FirstDifference(lv, rv, path + "." + key) is { } inner) return inner;
            }
        }
        else if (left is JsonArray la && right is JsonArray ra)
        {
            if (la.Count != ra.Count) return $"{path}: {la.Count} vs {ra.Count} elements";
            for (int i = 0; i < la.Count; i++)
            {
                if (FirstDifference(la[i], ra[i], $"{path}[{i}]") is { } inner) return inner;
            }
        }
        return $"{path}: {Show(left)} vs {Show(right)}";
    }

    private static string Show(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
