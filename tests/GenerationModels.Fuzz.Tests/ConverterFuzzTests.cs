using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using CsCheck;
using GenerationModels.Fuzz.Tests.Infrastructure;
using GenerationModels.Fuzz.Tests.Json;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GenerationModels.Fuzz.Tests;

/// <summary>
/// Property-based fuzzing of the generated converters (docs/robustness.md). Every model this project's build generated
/// (the generator runs as an analyzer over the sample and round-trip docs) gets valid JSON written from its shape, and
/// mutated copies of it. Oracles: valid JSON reads and writes back byte for byte; mutated JSON either fails with a
/// <see cref="JsonException"/> (never InvalidOperationException, FormatException, OverflowException, IndexOutOfRange,
/// NullReference…) or reads into a model that writes back, and reads back to the same JSON again.
/// <c>GENERATIONMODELS_FUZZ_JSON</c> sets the number of mutated inputs (20,000 in CI).
/// </summary>
public sealed class ConverterFuzzTests
{
    private static int MutatedInputs
        => int.TryParse(Environment.GetEnvironmentVariable("GENERATIONMODELS_FUZZ_JSON"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 20_000;

    private static readonly Gen<ModelUnderTest> Model = Gen.OneOf(ModelShapes.All.ToArray());

    [Fact]
    public void The_build_generated_models_of_every_shape_to_fuzz()
    {
        // Guards the other tests against fuzzing nothing: the glob in the csproj must keep finding the docs.
        var kinds = ModelShapes.All.Select(m => ModelShapes.KindOf(m.Type)).ToList();
        Assert.True(ModelShapes.All.Count >= 15, $"only {ModelShapes.All.Count} models");
        Assert.Contains(ModelShapes.Kind.Model, kinds);
        Assert.Contains(ModelShapes.Kind.Enum, kinds);
        Assert.Contains(ModelShapes.Kind.Union, kinds);
    }

    [Fact]
    public void Valid_json_for_every_model_reads_and_writes_back_byte_for_byte()
    {
        long checkedCount = 0;
        Gen.Select(Model, Gen.Int).Sample("converter-valid", (model, seed) =>
        {
            var (json, valid) = TypedJson.Write(model.Type, seed);
            if (!valid) return;
            object? value = Read(model, json, out var error);
            if (error is not null) throw new Xunit.Sdk.XunitException($"{model}: valid JSON was rejected: {error.GetType().Name}: {error.Message}\n{Show(json)}");
            string written = JsonSerializer.Serialize(value, model.TypeInfo);
            Assert.True(Encoding.UTF8.GetString(json) == written, $"{model}: the round trip changed the JSON\n in: {Show(json)}\nout: {Show(Encoding.UTF8.GetBytes(written))}");
            Interlocked.Increment(ref checkedCount);
        }, iter: Math.Max(2_000, MutatedInputs / 10), threads: Infrastructure.FuzzSettings.Threads, print: t => $"{t.Item1} seed {t.Item2}");
        Report($"valid JSON: {checkedCount:N0} documents over {ModelShapes.All.Count} models read and written back unchanged");
    }

    [Fact]
    public void Non_canonical_json_reads_and_writes_back_exactly_or_as_documented()
    {
        // Valid JSON in spellings the writer would not produce (TypedJson.WriteNonCanonical): each result is pinned, the
        // exact input text where README "lossless scalars" / "tolerant reading" keep it, the writer's form where README
        // "round trips" documents a normalisation (string escapes, raw non-ASCII, escaped member names), a
        // JsonException naming the depth past the reader's limit.
        long documents = 0, spellings = 0, normalised = 0, exact = 0, tooDeep = 0;
        Gen.Select(Model, Gen.Int).Sample("converter-non-canonical", (model, seed) =>
        {
            var (input, expected, valid, nonCanonical, deep) = TypedJson.WriteNonCanonical(model.Type, seed);
            if (!valid) return;
            object? value = Read(model, input, out var error);
            if (deep)
            {
                if (error is not JsonException || !error.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
                {
                    throw new Xunit.Sdk.XunitException($"{model}: nesting past the depth limit should be a JsonException naming the depth, was {(error is null ? "read" : error.GetType().Name + ": " + error.Message)}\n{Show(input)}");
                }
                Interlocked.Increment(ref tooDeep);
                return;
            }
            if (error is not null) throw new Xunit.Sdk.XunitException($"{model}: valid non-canonical JSON was rejected: {error.GetType().Name}: {error.Message}\n{Show(input)}");
            string written = JsonSerializer.Serialize(value, model.TypeInfo);
            string want = Encoding.UTF8.GetString(expected);
            Assert.True(want == written, $"{model}: non-canonical JSON did not come back as pinned\n  in: {Show(input)}\nwant: {Show(expected)}\n got: {Show(Encoding.UTF8.GetBytes(written))}");
            Interlocked.Increment(ref documents);
            Interlocked.Add(ref spellings, nonCanonical);
            if (nonCanonical > 0) Interlocked.Increment(ref input.AsSpan().SequenceEqual(expected) ? ref exact : ref normalised);
        }, iter: Math.Max(2_000, MutatedInputs / 10), threads: Infrastructure.FuzzSettings.Threads, print: t => $"{t.Item1} seed {t.Item2}");
        Report($"non-canonical JSON: {documents:N0} documents over {ModelShapes.All.Count} models read and written back as pinned ({spellings:N0} non-canonical spellings; {exact:N0} came back byte for byte, {normalised:N0} normalised as documented), {tooDeep:N0} nested past the limit rejected");
        Assert.True(spellings > documents, $"only {spellings} non-canonical spellings in {documents} documents");
        Assert.True(exact > 0 && normalised > 0 && tooDeep > 0, $"exact {exact}, normalised {normalised}, too deep {tooDeep}");
    }

    [Fact]
    public void Mutated_json_fails_only_with_JsonException_and_what_reads_writes_back()
    {
        long rejected = 0, accepted = 0;
        Gen.Select(Model, Gen.Int, JsonMutations.Some).Sample("converter-mutated", (model, seed, mutations) =>
        {
            var (valid, _) = TypedJson.Write(model.Type, seed);
            byte[] json = JsonMutations.Apply(valid, mutations);
            object? value = Read(model, json, out var error);
            if (error is JsonException)
            {
                Interlocked.Increment(ref rejected);
                return;
            }
            if (error is not null)
            {
                throw new Xunit.Sdk.XunitException($"{model}: {error.GetType().FullName} (only JsonException may escape): {error.Message}\n{Show(json)}\n{error}");
            }
            string first;
            try
            {
                first = JsonSerializer.Serialize(value, model.TypeInfo);
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"{model}: read, but writing it back threw {exception.GetType().Name}: {exception.Message}\n{Show(json)}");
            }
            object? again = Read(model, Encoding.UTF8.GetBytes(first), out var againError);
            if (againError is not null) throw new Xunit.Sdk.XunitException($"{model}: the JSON it wrote does not read back: {againError.Message}\nwritten: {first}\nfrom: {Show(json)}");
            string second = JsonSerializer.Serialize(again, model.TypeInfo);
            Assert.True(first == second, $"{model}: writing is not stable\nfirst:  {first}\nsecond: {second}\nfrom: {Show(json)}");
            Interlocked.Increment(ref accepted);
        }, iter: MutatedInputs, threads: Infrastructure.FuzzSettings.Threads, print: t => $"{t.Item1} seed {t.Item2} {string.Join(", ", t.Item3.Select(m => m.Kind))}");
        Report($"mutated JSON: {rejected + accepted:N0} documents over {ModelShapes.All.Count} models, {rejected:N0} rejected with JsonException, {accepted:N0} read and written back");
        Assert.True(rejected + accepted >= MutatedInputs, "fewer inputs than asked for");
    }

    private static object? Read(ModelUnderTest model, byte[] json, out Exception? error)
    {
        error = null;
        try
        {
            return JsonSerializer.Deserialize(json, model.TypeInfo);
        }
        catch (Exception exception)
        {
            error = exception;
            return null;
        }
    }

    private static string Show(byte[] json)
    {
        if (Environment.GetEnvironmentVariable("GENERATIONMODELS_FUZZ_DUMP") is { Length: > 0 } dump) System.IO.File.WriteAllBytes(dump, json);
        string text = Encoding.UTF8.GetString(json);
        return SymbolDisplay.FormatLiteral(text.Length > 3000 ? text.Substring(0, 3000) + "…" : text, quote: true);
    }

    private static void Report(string line)
    {
        line += $" [{Seeded.Describe}]";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
        if (Infrastructure.FuzzSettings.ReportFile is { } file) System.IO.File.AppendAllText(file, DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) + " " + line + Environment.NewLine);
    }
}
