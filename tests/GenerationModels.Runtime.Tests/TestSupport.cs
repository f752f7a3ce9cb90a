using System;
using System.IO;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using Xunit;

namespace GenerationModels.Runtime.Tests;

internal delegate T ReaderFunc<T>(ref Utf8JsonReader reader);

internal delegate void WriterAction(Utf8JsonWriter writer);

internal static class TestSupport
{
    /// <summary>True when the runtime build under test was compiled for .NET 9+, i.e. compares JsonElements with DeepEquals.</summary>
    public static bool RuntimeUsesDeepEquals
    {
        get
        {
            string name = typeof(OpenDictionary).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
            var framework = new FrameworkName(name);
            return framework.Identifier == ".NETCoreApp" && framework.Version.Major >= 9;
        }
    }

    /// <summary>Whether the runtime build under test is the netstandard2.0 one.</summary>
    public static bool RuntimeIsNetStandard
        => typeof(OpenDictionary).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName.StartsWith(".NETStandard", StringComparison.Ordinal);

    /// <summary>A reader positioned on the first token of <paramref name="json"/>.</summary>
    public static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read())
        {
            throw new InvalidOperationException("empty JSON");
        }
        return reader;
    }

    /// <summary>Runs <paramref name="read"/> on <paramref name="json"/>'s first token and checks the whole document was consumed.</summary>
    public static T Read<T>(string json, ReaderFunc<T> read)
    {
        var reader = ReaderOn(json);
        T value = read(ref reader);
        if (reader.Read())
        {
            throw new InvalidOperationException("the reader was not left on the value's last token");
        }
        return value;
    }

    public static string Write(WriterAction write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Asserts value equality through the type's own Equals (both ways, typed and as object) and equal hash codes.
    /// (xunit's Assert.Equal would compare collections item by item with its own rules.)
    /// </summary>
    public static void SameValue<T>(T left, T right)
        where T : class, IEquatable<T>
    {
        Assert.True(left.Equals(right), "expected Equals to be true");
        Assert.True(right.Equals(left), "expected Equals to be symmetric");
        Assert.True(left.Equals((object)right), "expected Equals(object) to be true");
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    /// <summary>Asserts that the type's own Equals says the values differ, both ways.</summary>
    public static void DifferentValue<T>(T left, T right)
        where T : class, IEquatable<T>
    {
        Assert.False(left.Equals(right), "expected Equals to be false");
        Assert.False(right.Equals(left), "expected Equals to be false both ways");
        Assert.False(left.Equals((object)right), "expected Equals(object) to be false");
    }

    /// <summary>A self-contained element (its document is disposed before it is returned).</summary>
    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
