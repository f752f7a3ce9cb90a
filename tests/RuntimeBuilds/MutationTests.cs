using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace RoundTrip;

/// <summary>
/// A seeded mutation check of the generated converters on this project's runtime build (GenerationModels.Fuzz.Tests does
/// the full property-based fuzz on .NET 10; CsCheck has no net8.0 build, so this one stands alone). Inputs: the sample
/// payloads in schemas/Json, read through the model their file names. Oracles as there: valid JSON writes back byte for
/// byte; every truncation fails with a JsonException; a mutated document either fails with a JsonException and nothing
/// else, or reads into a model that writes JSON which reads and writes back unchanged.
/// </summary>
public sealed class MutationTests
{
    private const int MutationsPerPayload = 3_000;
    private static readonly byte[] Replacements = Encoding.ASCII.GetBytes("{}[]\",:-.0123456789eEtrufalsn \\x");

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(RepoRoot(), "schemas", "Json"), "*.json").OrderBy(p => p, StringComparer.Ordinal)) data.Add(Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void There_are_payloads_to_mutate() => Assert.True(Payloads().Count >= 5, "schemas/Json holds the sample payloads");

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Truncated_and_mutated_payloads_fail_only_with_JsonException_and_what_reads_writes_back(string file)
    {
        var (typeInfo, json) = Load(file);
        Assert.Equal(Encoding.UTF8.GetString(json), JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo), typeInfo));

        for (int length = 0; length < json.Length; length++)
        {
            var outcome = Read(json.AsSpan(0, length).ToArray(), typeInfo, out _);
            Assert.True(outcome is JsonException, $"{file} cut at {length}: {outcome?.GetType().FullName ?? "read without error"}");
        }

        var random = new Random(20261204);
        int rejected = 0, accepted = 0;
        for (int i = 0; i < MutationsPerPayload; i++)
        {
            byte[] mutated = Mutate(json, random);
            var error = Read(mutated, typeInfo, out object? value);
            if (error is JsonException)
            {
                rejected++;
                continue;
            }
            Assert.True(error is null, $"{file} mutation {i}: {error?.GetType().FullName} (only JsonException may escape): {error?.Message}\n{Encoding.UTF8.GetString(mutated)}");
            string first = JsonSerializer.Serialize(value, typeInfo);
            string second = JsonSerializer.Serialize(JsonSerializer.Deserialize(first, typeInfo), typeInfo);
            Assert.True(first == second, $"{file} mutation {i}: the written JSON does not read back the same\n{first}\n{second}");
            accepted++;
        }
        Assert.True(rejected > 0 && accepted > 0, $"{file}: {rejected} rejected, {accepted} accepted: the mutations should produce both");
    }

    private static byte[] Mutate(byte[] json, Random random)
    {
        var bytes = new List<byte>(json);
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0: bytes[at] = Replacements[random.Next(Replacements.Length)]; break;
                case 1: bytes.RemoveAt(at); break;
                default: bytes.Insert(at, bytes[random.Next(bytes.Count)]); break;
            }
        }
        return bytes.ToArray();
    }

    private static Exception? Read(byte[] json, JsonTypeInfo typeInfo, out object? value)
    {
        value = null;
        try
        {
            value = JsonSerializer.Deserialize(json, typeInfo);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static (JsonTypeInfo TypeInfo, byte[] Json) Load(string file)
    {
        string model = string.Concat(Path.GetFileNameWithoutExtension(file).Split('-').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
        var property = typeof(GenerationModelsJsonContext).GetProperty(model) ?? throw new InvalidOperationException($"{file}: no model {model} in the context");
        var typeInfo = (JsonTypeInfo)property.GetValue(GenerationModelsJsonContext.Default)!;
        // The files end with a newline, which a round trip does not keep (whitespace between tokens carries no meaning).
        return (typeInfo, Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(RepoRoot(), "schemas", "Json", file)).TrimEnd()));
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenerationModels.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"GenerationModels.sln not found above {thisFile}");
    }
}
