using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// Lossless scalar elements of lists and maps (issue 12 item 1): <c>ModelJson.ReadList</c>/<c>ReadMap</c> with a
/// primitive converter keep the text of non-canonical elements in the collection, and <c>WriteList</c>/<c>WriteMap</c>
/// write it back; canonical collections keep nothing, and collections built in code are written canonically.
/// </summary>
public sealed class LosslessElementTests
{
    private static string RoundTripList<T>(string json, JsonConverter<T> item, out FrozenList<T> list)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        list = ModelJson.ReadList(ref reader, item, JsonSerializerOptions.Default);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) ModelJson.WriteList(writer, list, item, JsonSerializerOptions.Default);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string RoundTripMap<T>(string json, JsonConverter<T> value, out FrozenMap<T> map)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        map = ModelJson.ReadMap(ref reader, value, JsonSerializerOptions.Default);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) ModelJson.WriteMap(writer, map, value, JsonSerializerOptions.Default);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("[1.0,1e5,1E+5,-0,0.10,2,12345678901234567890]")]
    public void Double_elements_keep_their_text(string json)
    {
        Assert.Equal(json, RoundTripList(json, PrimitiveConverters.Double, out _));
    }

    [Fact]
    public void Other_primitive_elements_keep_their_text()
    {
        Assert.Equal("[-0,8]", RoundTripList("[-0,8]", PrimitiveConverters.Int64, out var longs));
        Assert.Equal(new long[] { 0, 8 }, longs.AsSpan().ToArray());
        Assert.Equal("[1.50,2E1]", RoundTripList("[1.50,2E1]", PrimitiveConverters.Decimal, out _));
        Assert.Equal("[\"2024-07-23T22:50:22.761Z\",\"2024-07-23T04:56:07.000+00:00\"]", RoundTripList("[\"2024-07-23T22:50:22.761Z\",\"2024-07-23T04:56:07.000+00:00\"]", PrimitiveConverters.DateTimeOffset, out var times));
        Assert.Equal(TimeSpan.Zero, times[0].Offset);
    }

    [Fact]
    public void Map_values_keep_their_text_and_a_repeated_key_takes_its_last_text()
    {
        Assert.Equal("""{"a":1.0,"b":2,"c":3e0}""", RoundTripMap("""{"a":1.0,"b":2,"c":3e0}""", PrimitiveConverters.Double, out var map));
        Assert.Equal(3, map["c"]);
        Assert.Equal("""{"a":2,"b":1e0}""", RoundTripMap("""{"a":1.0,"b":1e0,"a":2}""", PrimitiveConverters.Double, out _));
        Assert.Equal("""{"a":2.0,"b":1}""", RoundTripMap("""{"a":1,"b":1,"a":2.0}""", PrimitiveConverters.Double, out _));
        var many = "{" + string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"k{i}\":{i}.0")) + ",\"k3\":30}";
        Assert.Equal(many.Replace("\"k3\":3.0", "\"k3\":30").Replace(",\"k3\":30}", "}"), RoundTripMap(many, PrimitiveConverters.Double, out _));
    }

    [Fact]
    public void Canonical_collections_and_collections_built_in_code_are_written_canonically()
    {
        Assert.Equal("[1,2.5,-3]", RoundTripList("[1,2.5,-3]", PrimitiveConverters.Double, out _));
        Assert.Equal("""{"a":1}""", RoundTripMap("""{"a":1}""", PrimitiveConverters.Double, out _));

        RoundTripList("[1.0]", PrimitiveConverters.Double, out var read);
        var built = new FrozenList<double>(new[] { 1.0 });
        Assert.Equal(built, read); // the kept text never takes part in equality
        Assert.Equal(built.GetHashCode(), read.GetHashCode());
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) ModelJson.WriteList(writer, built, PrimitiveConverters.Double, JsonSerializerOptions.Default);
        Assert.Equal("[1]", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("[1,null]", "$[1]")]
    [InlineData("[1,\"abc\"]", "$[1]")]
    [InlineData("[1,{}]", "$[1]")]
    [InlineData("[1,\"2\"]", "$[1]")] // elements accept what they did before: no numeric strings
    public void Elements_other_than_numbers_are_errors_at_their_index(string json, string path)
    {
        var exception = Assert.Throws<JsonException>(() => RoundTripList(json, PrimitiveConverters.Double, out _));
        Assert.Equal(path, exception.Path);
    }

    /// <summary>A double converter that is not lossless: the allocation baseline.</summary>
    private sealed class PlainDouble : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ModelJson.ReadDouble(ref reader);

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    [Fact]
    public void Canonical_lists_and_maps_allocate_what_a_plain_converter_does()
    {
        byte[] array = Encoding.UTF8.GetBytes("[1,2.5,-3,1000000,0.125]");
        byte[] obj = Encoding.UTF8.GetBytes("""{"a":1,"b":2.5}""");
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        long Allocated(JsonConverter<double> converter)
        {
            void Once()
            {
                var reader = new Utf8JsonReader(array);
                reader.Read();
                var list = ModelJson.ReadList(ref reader, converter, JsonSerializerOptions.Default);
                reader = new Utf8JsonReader(obj);
                reader.Read();
                var map = ModelJson.ReadMap(ref reader, converter, JsonSerializerOptions.Default);
                buffer.Clear();
                writer.Reset();
                writer.WriteStartArray();
                ModelJson.WriteList(writer, list, converter, JsonSerializerOptions.Default);
                ModelJson.WriteMap(writer, map, converter, JsonSerializerOptions.Default);
                writer.WriteEndArray();
                writer.Flush();
            }
            Once();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) Once();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        long plain = Allocated(new PlainDouble());
        Assert.True(plain > 0);
        Assert.Equal(plain, Allocated(PrimitiveConverters.Double));
    }
}
