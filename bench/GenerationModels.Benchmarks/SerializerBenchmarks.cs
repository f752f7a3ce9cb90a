using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Bench.Generated;
using Bench.Twins;
using GenerationModels.Runtime;
using G = Bench.Generated;
using T = Bench.Twins;
using S = Bench.SettableTwins;
using Bench.SettableTwins;
using F = Bench.FastTwins;

namespace Bench;

/// <summary>
/// One payload family, the same JSON and the same record shapes for every serializer:
/// A = this project's generated context; System.Text.Json source generation over hand-written twins in its
/// configurations: B = init/required records with extension data (its constructor path; Twins.cs),
/// E = settable records with extension data (reads only; SettableTwins.cs), F = settable classes without extension data,
/// GenerationMode Default (fast-path writes), G = the same, GenerationMode Serialization (writes only; FastTwins.cs);
/// C = System.Text.Json reflection over B's twins, D = Newtonsoft.Json over B's twins.
/// The headline compares A with the fastest of B, E, F and G in each row (docs/benchmarks.md).
/// Categories are the operations; B is BenchmarkDotNet's baseline column only.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public abstract class SerializerBenchmarks<TGen, TTwin, TSettable, TFast>
    where TGen : class
    where TTwin : class
    where TSettable : class
    where TFast : class
{
    public const string ReadBytes = "ReadBytes";
    public const string ReadStream = "ReadStream";
    public const string WriteBytes = "WriteBytes";

    /// <summary>C: reflection over the twins, with the same null handling as the source-generated context.</summary>
    public static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private JsonTypeInfo<TGen> _generated = null!;
    private JsonTypeInfo<TTwin> _sourceGen = null!;
    private JsonTypeInfo<TSettable> _settable = null!;
    private JsonTypeInfo<TFast> _fast = null!;
    private JsonTypeInfo<TFast> _fastWrite = null!;
    private byte[] _json = null!;
    private TFast _fastModel = null!;
    private MemoryStream _stream = null!;
    private TGen _generatedModel = null!;
    private TTwin _twinModel = null!;

    /// <summary>Whether the payload carries members the schema does not declare (kept as extension data by all four).</summary>
    [Params(false, true)]
    public bool UnknownMembers { get; set; }

    /// <summary>Member order and the harder features of the read payload (writes always use the Declared payload's models).</summary>
    [Params(PayloadShape.Declared, PayloadShape.Shuffled, PayloadShape.Hard)]
    public PayloadShape Shape { get; set; }

    public abstract Family Family { get; }

    protected abstract JsonTypeInfo<TGen> GeneratedInfo { get; }

    protected abstract JsonTypeInfo<TTwin> SourceGenInfo { get; }

    protected abstract JsonTypeInfo<TSettable> SettableInfo { get; }

    protected abstract JsonTypeInfo<TFast> FastInfo { get; }

    protected abstract JsonTypeInfo<TFast> FastWriteInfo { get; }

    public byte[] Json => _json;

    public JsonTypeInfo<TGen> GeneratedTypeInfo => GeneratedInfo;

    public JsonTypeInfo<TTwin> SourceGenTypeInfo => SourceGenInfo;

    [GlobalSetup]
    public void Setup()
    {
        _generated = GeneratedInfo;
        _sourceGen = SourceGenInfo;
        _settable = SettableInfo;
        _fast = FastInfo;
        _fastWrite = FastWriteInfo;
        _json = Payloads.Get(Family, UnknownMembers, Shape);
        _stream = new MemoryStream(_json, writable: false);
        byte[] declared = Payloads.Get(Family, UnknownMembers);
        _generatedModel = JsonSerializer.Deserialize(declared, _generated)!;
        _twinModel = JsonSerializer.Deserialize(declared, _sourceGen)!;
        _fastModel = JsonSerializer.Deserialize(declared, _fast)!;
    }

    // ---- deserialize from UTF-8 bytes ---------------------------------------------------------------------------

    [Benchmark, BenchmarkCategory(ReadBytes)]
    public TGen ReadBytes_A_Generated() => JsonSerializer.Deserialize(_json, _generated)!;

    [Benchmark(Baseline = true), BenchmarkCategory(ReadBytes)]
    public TTwin ReadBytes_B_StjSourceGen() => JsonSerializer.Deserialize(_json, _sourceGen)!;

    [Benchmark, BenchmarkCategory(ReadBytes)]
    public TTwin ReadBytes_C_StjReflection() => JsonSerializer.Deserialize<TTwin>(_json, ReflectionOptions)!;

    /// <summary>Newtonsoft has no UTF-8 reader: decode, then read the string.</summary>
    [Benchmark, BenchmarkCategory(ReadBytes)]
    public TTwin ReadBytes_D_Newtonsoft() => NewtonsoftTwinSupport.Deserialize<TTwin>(new StringReader(Encoding.UTF8.GetString(_json)));

    [Benchmark, BenchmarkCategory(ReadBytes)]
    public TSettable ReadBytes_E_StjSourceGenSettable() => JsonSerializer.Deserialize(_json, _settable)!;

    [Benchmark, BenchmarkCategory(ReadBytes)]
    public TFast ReadBytes_F_StjFastTwins() => JsonSerializer.Deserialize(_json, _fast)!;

    // ---- deserialize from a MemoryStream (synchronous stream overloads) -----------------------------------------

    [Benchmark, BenchmarkCategory(ReadStream)]
    public TGen ReadStream_A_Generated()
    {
        _stream.Position = 0;
        return JsonSerializer.Deserialize(_stream, _generated)!;
    }

    [Benchmark(Baseline = true), BenchmarkCategory(ReadStream)]
    public TTwin ReadStream_B_StjSourceGen()
    {
        _stream.Position = 0;
        return JsonSerializer.Deserialize(_stream, _sourceGen)!;
    }

    [Benchmark, BenchmarkCategory(ReadStream)]
    public TTwin ReadStream_C_StjReflection()
    {
        _stream.Position = 0;
        return JsonSerializer.Deserialize<TTwin>(_stream, ReflectionOptions)!;
    }

    [Benchmark, BenchmarkCategory(ReadStream)]
    public TTwin ReadStream_D_Newtonsoft()
    {
        _stream.Position = 0;
        using var text = new StreamReader(_stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        return NewtonsoftTwinSupport.Deserialize<TTwin>(text);
    }

    [Benchmark, BenchmarkCategory(ReadStream)]
    public TSettable ReadStream_E_StjSourceGenSettable()
    {
        _stream.Position = 0;
        return JsonSerializer.Deserialize(_stream, _settable)!;
    }

    [Benchmark, BenchmarkCategory(ReadStream)]
    public TFast ReadStream_F_StjFastTwins()
    {
        _stream.Position = 0;
        return JsonSerializer.Deserialize(_stream, _fast)!;
    }

    // ---- serialize to UTF-8 bytes (each serializer writes the model it read from the same JSON) ----------------

    [Benchmark, BenchmarkCategory(WriteBytes)]
    public byte[] WriteBytes_A_Generated() => JsonSerializer.SerializeToUtf8Bytes(_generatedModel, _generated);

    [Benchmark(Baseline = true), BenchmarkCategory(WriteBytes)]
    public byte[] WriteBytes_B_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_twinModel, _sourceGen);

    [Benchmark, BenchmarkCategory(WriteBytes)]
    public byte[] WriteBytes_C_StjReflection() => JsonSerializer.SerializeToUtf8Bytes(_twinModel, ReflectionOptions);

    /// <summary>Newtonsoft writes text: serialize to a string, then encode.</summary>
    [Benchmark, BenchmarkCategory(WriteBytes)]
    public byte[] WriteBytes_D_Newtonsoft() => Encoding.UTF8.GetBytes(NewtonsoftTwinSupport.Serialize(_twinModel));

    /// <summary>F's model written through its Default-mode context (fast path: SerializeHandler is set).</summary>
    [Benchmark, BenchmarkCategory(WriteBytes)]
    public byte[] WriteBytes_F_StjFastTwins() => JsonSerializer.SerializeToUtf8Bytes(_fastModel, _fast);

    /// <summary>F's model written through the Serialization-only context.</summary>
    [Benchmark, BenchmarkCategory(WriteBytes)]
    public byte[] WriteBytes_G_StjSerializationOnly() => JsonSerializer.SerializeToUtf8Bytes(_fastModel, _fastWrite);
}

public class GenerationBenchmarks : SerializerBenchmarks<G.Generation, T.Generation, S.Generation, F.Generation>
{
    public override Family Family => Family.Generation;
    protected override JsonTypeInfo<G.Generation> GeneratedInfo => GenerationModelsJsonContext.Default.Generation;
    protected override JsonTypeInfo<T.Generation> SourceGenInfo => TwinJsonContext.Default.Generation;
    protected override JsonTypeInfo<S.Generation> SettableInfo => SettableTwinJsonContext.Default.Generation;
    protected override JsonTypeInfo<F.Generation> FastInfo => F.FastTwinJsonContext.Default.Generation;
    protected override JsonTypeInfo<F.Generation> FastWriteInfo => F.FastTwinSerializationContext.Default.Generation;
}

public class ChatCompletionResponseBenchmarks : SerializerBenchmarks<G.ChatCompletionResponse, T.ChatCompletionResponse, S.ChatCompletionResponse, F.ChatCompletionResponse>
{
    public override Family Family => Family.ChatCompletionResponse;
    protected override JsonTypeInfo<G.ChatCompletionResponse> GeneratedInfo => GenerationModelsJsonContext.Default.ChatCompletionResponse;
    protected override JsonTypeInfo<T.ChatCompletionResponse> SourceGenInfo => TwinJsonContext.Default.ChatCompletionResponse;
    protected override JsonTypeInfo<S.ChatCompletionResponse> SettableInfo => SettableTwinJsonContext.Default.ChatCompletionResponse;
    protected override JsonTypeInfo<F.ChatCompletionResponse> FastInfo => F.FastTwinJsonContext.Default.ChatCompletionResponse;
    protected override JsonTypeInfo<F.ChatCompletionResponse> FastWriteInfo => F.FastTwinSerializationContext.Default.ChatCompletionResponse;
}

public class CompletionResponseBenchmarks : SerializerBenchmarks<G.CompletionResponse, T.CompletionResponse, S.CompletionResponse, F.CompletionResponse>
{
    public override Family Family => Family.CompletionResponse;
    protected override JsonTypeInfo<G.CompletionResponse> GeneratedInfo => GenerationModelsJsonContext.Default.CompletionResponse;
    protected override JsonTypeInfo<T.CompletionResponse> SourceGenInfo => TwinJsonContext.Default.CompletionResponse;
    protected override JsonTypeInfo<S.CompletionResponse> SettableInfo => SettableTwinJsonContext.Default.CompletionResponse;
    protected override JsonTypeInfo<F.CompletionResponse> FastInfo => F.FastTwinJsonContext.Default.CompletionResponse;
    protected override JsonTypeInfo<F.CompletionResponse> FastWriteInfo => F.FastTwinSerializationContext.Default.CompletionResponse;
}

public class InvoiceBenchmarks : SerializerBenchmarks<G.Invoice, T.Invoice, S.Invoice, F.Invoice>
{
    public override Family Family => Family.Invoice;
    protected override JsonTypeInfo<G.Invoice> GeneratedInfo => GenerationModelsJsonContext.Default.Invoice;
    protected override JsonTypeInfo<T.Invoice> SourceGenInfo => TwinJsonContext.Default.Invoice;
    protected override JsonTypeInfo<S.Invoice> SettableInfo => SettableTwinJsonContext.Default.Invoice;
    protected override JsonTypeInfo<F.Invoice> FastInfo => F.FastTwinJsonContext.Default.Invoice;
    protected override JsonTypeInfo<F.Invoice> FastWriteInfo => F.FastTwinSerializationContext.Default.Invoice;
}

/// <summary>
/// Top-level JSON arrays. The generated context has a <c>JsonTypeInfo</c> per model only, none for a list of them, so A
/// wraps the generated element converter (the context's <c>JsonTypeInfo.Converter</c>, i.e. the model's
/// <c>JsonModelConverter</c>) in the runtime's <see cref="ListConverter{T}"/> (what generated code uses for nested
/// lists) with <see cref="JsonMetadataServices.CreateValueInfo{T}"/>. B declares
/// <c>[JsonSerializable(typeof(IReadOnlyList&lt;CompletionResponse&gt;))]</c>.
/// </summary>
public abstract class CompletionListBenchmarks : SerializerBenchmarks<IReadOnlyList<G.CompletionResponse>, IReadOnlyList<T.CompletionResponse>, IReadOnlyList<S.CompletionResponse>, List<F.CompletionResponse>>
{
    public static JsonTypeInfo<IReadOnlyList<G.CompletionResponse>> GeneratedListInfo { get; } =
        JsonMetadataServices.CreateValueInfo<IReadOnlyList<G.CompletionResponse>>(
            GenerationModelsJsonContext.Default.Options,
            new ListConverter<G.CompletionResponse>((JsonConverter<G.CompletionResponse>)GenerationModelsJsonContext.Default.CompletionResponse.Converter));

    protected override JsonTypeInfo<IReadOnlyList<G.CompletionResponse>> GeneratedInfo => GeneratedListInfo;
    protected override JsonTypeInfo<IReadOnlyList<T.CompletionResponse>> SourceGenInfo => TwinJsonContext.Default.IReadOnlyListCompletionResponse;
    protected override JsonTypeInfo<IReadOnlyList<S.CompletionResponse>> SettableInfo => SettableTwinJsonContext.Default.IReadOnlyListCompletionResponse;
    protected override JsonTypeInfo<List<F.CompletionResponse>> FastInfo => F.FastTwinJsonContext.Default.ListCompletionResponse;
    protected override JsonTypeInfo<List<F.CompletionResponse>> FastWriteInfo => F.FastTwinSerializationContext.Default.ListCompletionResponse;
}

public class List100KBBenchmarks : CompletionListBenchmarks
{
    public override Family Family => Family.List100KB;
}

public class List10MBBenchmarks : CompletionListBenchmarks
{
    public override Family Family => Family.List10MB;
}
