using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenerationModels.Sample;

// The sample: every schema doc under Schemas/ became a record in this namespace at build time.
// Each sample payload is read with the generated context and written back; the output must equal the input.
int failures = 0;
failures += RoundTrip("generation.json", GenerationModelsJsonContext.Default.Generation, g => $"model={g.Model}, latency={g.Latency}, unknown members kept: {g.AdditionalProperties?.Count ?? 0}");
failures += RoundTrip("chat-completion-response.json", GenerationModelsJsonContext.Default.ChatCompletionResponse, c => $"timestamp={c.Timestamp:O}, choices={c.Choices?.Count}");
failures += RoundTrip("completion-response.json", GenerationModelsJsonContext.Default.CompletionResponse, c => $"first output={c.Data[0].Output}, total tokens={c.Usage?.TotalTokens}, open members={c.AdditionalProperties?.Count ?? 0}");
failures += RoundTrip("invoice.json", GenerationModelsJsonContext.Default.Invoice, i => $"customer={i.Customer.Name}, lines={i.Lines.Count}, due={i.DueOn:O}");
// From the OpenAPI spec in Schemas/openapi: a status the spec does not list, a discriminated union case, an explicit null.
failures += RoundTrip("shipment.json", GenerationModelsJsonContext.Default.Shipment, s => $"status={s.Status} (listed: {s.Status.IsKnown}), carrier={s.Carrier?.Courier?.Name}, weight={(s.WeightKg is null ? "null" : s.WeightKg)}");

Console.WriteLine(failures == 0 ? "All sample payloads round-tripped unchanged." : $"{failures} payload(s) changed on the round trip.");
return failures == 0 ? 0 : 1;

static int RoundTrip<T>(string file, JsonTypeInfo<T> typeInfo, Func<T, string> describe)
{
    string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Json", file)).Trim();
    T model = JsonSerializer.Deserialize(json, typeInfo)!;
    string written = JsonSerializer.Serialize(model, typeInfo);
    bool same = written == json;
    Console.WriteLine($"{typeof(T).Name}: {describe(model)}");
    Console.WriteLine($"  in : {json}");
    Console.WriteLine($"  out: {written}");
    Console.WriteLine(same ? "  round trip: identical" : "  round trip: DIFFERENT");
    return same ? 0 : 1;
}
