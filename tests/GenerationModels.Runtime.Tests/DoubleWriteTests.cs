using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;
using static GenerationModels.Runtime.Tests.TestSupport;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// Integral doubles below 10^15 in magnitude are written through the integer formatter (a shortcut past the
/// floating-point one): the bytes must be exactly the writer's own for the double, on every boundary of the shortcut.
/// </summary>
public sealed class DoubleWriteTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static IEnumerable<double> Values()
    {
        for (int i = -1000; i <= 100_000; i++) yield return i;
        double[] edges =
        {
            0.0, -0.0, 0.5, -0.5, 1.5, 1e-7, 12.34, 99999.99, 2.5e14, 1e14, 1e15, -1e15, 1e16, 1e21, 1e22, 1e300,
            999_999_999_999_999, -999_999_999_999_999, 999_999_999_999_998, 1_000_000_000_000_001,
            9_007_199_254_740_992, 9_007_199_254_740_993, -9_007_199_254_740_992, 4_503_599_627_370_496.5,
            9.2233720368547758e18, -9.2233720368547758e18, 1.8446744073709552e19, double.MaxValue, double.MinValue,
            double.Epsilon, -double.Epsilon, 123456789012345.0, 12345678901234.5, 0.1 + 0.2,
        };
        foreach (double edge in edges)
        {
            yield return edge;
            yield return Math.BitDecrement(edge);
            yield return Math.BitIncrement(edge);
        }
        var random = new Random(20261205);
        for (int i = 0; i < 20_000; i++)
        {
            double magnitude = Math.Pow(10, random.Next(0, 18));
            yield return Math.Round((random.NextDouble() - 0.5) * magnitude);
            yield return BitConverter.Int64BitsToDouble(random.NextInt64()) is { } bits && double.IsFinite(bits) ? bits : 1;
        }
    }

    [Fact]
    public void Doubles_are_written_as_the_writer_writes_them()
    {
        JsonEncodedText name = JsonEncodedText.Encode("n");
        foreach (double value in Values())
        {
            if (!double.IsFinite(value)) continue; // the next test

            string expected = Write(writer => { writer.WriteStartObject(); writer.WriteNumber(name, value); writer.WriteEndObject(); });
            Assert.Equal(expected, Write(writer => { writer.WriteStartObject(); ModelJson.WriteMember(writer, name, value); writer.WriteEndObject(); }));
            Assert.Equal(expected, Write(writer => { writer.WriteStartObject(); ModelJson.WriteMember(writer, name, (double?)value); writer.WriteEndObject(); }));
            Assert.Equal(expected, Write(writer => { writer.WriteStartObject(); ModelJson.WriteMember(writer, name, value, default, 0); writer.WriteEndObject(); }));
            string element = Write(writer => writer.WriteNumberValue(value));
            Assert.Equal(element, Write(writer => PrimitiveConverters.Double.Write(writer, value, Options)));
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_doubles_fail_as_the_writer_fails(double value)
    {
        JsonEncodedText name = JsonEncodedText.Encode("n");
        var expected = Assert.ThrowsAny<Exception>(() => Write(writer => { writer.WriteStartObject(); writer.WriteNumber(name, value); }));
        var actual = Assert.ThrowsAny<Exception>(() => Write(writer => { writer.WriteStartObject(); ModelJson.WriteMember(writer, name, value); }));
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Message, actual.Message);
    }
}
