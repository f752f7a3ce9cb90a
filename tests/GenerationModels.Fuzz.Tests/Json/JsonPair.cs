using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace GenerationModels.Fuzz.Tests.Json;

/// <summary>
/// Writes two texts of one JSON document at once: the <b>expected</b> text, written by <see cref="Utf8JsonWriter"/>
/// with default options (the form the generated converters write), and the <b>input</b> text, which may spell the same
/// values differently: raw non-ASCII UTF-8 and unescaped <c>/</c>, <c>&lt;</c>, <c>'</c> in strings, escaped member names
/// (both normalised on the way back: README "round trips"), or scalars whose non-canonical text the model keeps and
/// writes back as it was (<see cref="WriteRawValue(string, string)"/>, README "lossless scalars").
/// </summary>
public sealed class JsonPair : IDisposable
{
    private readonly MemoryStream _expectedStream = new();
    private readonly Utf8JsonWriter _expected;
    private readonly StringBuilder _input = new();
    private readonly Stack<bool> _needsComma = new();
    private bool _afterName;

    public JsonPair() => _expected = new Utf8JsonWriter(_expectedStream);

    /// <summary>Values whose input text differs from the expected one (a count of what was tried).</summary>
    public int NonCanonical { get; private set; }

    public byte[] Expected()
    {
        _expected.Flush();
        return _expectedStream.ToArray();
    }

    public byte[] Input() => Encoding.UTF8.GetBytes(_input.ToString());

    public void Dispose() => _expected.Dispose();

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }
        if (_needsComma.Count > 0)
        {
            if (_needsComma.Peek()) _input.Append(',');
            _needsComma.Pop();
            _needsComma.Push(true);
        }
    }

    public void WriteStartObject()
    {
        BeforeValue();
        _input.Append('{');
        _needsComma.Push(false);
        _expected.WriteStartObject();
    }

    public void WriteEndObject()
    {
        _input.Append('}');
        _needsComma.Pop();
        _expected.WriteEndObject();
    }

    public void WriteStartArray()
    {
        BeforeValue();
        _input.Append('[');
        _needsComma.Push(false);
        _expected.WriteStartArray();
    }

    public void WriteEndArray()
    {
        _input.Append(']');
        _needsComma.Pop();
        _expected.WriteEndArray();
    }

    /// <summary>A member name; with <paramref name="escapeLetters"/> the input spells every ASCII letter as a <c>\u00XX</c> escape.</summary>
    public void WritePropertyName(string name, bool escapeLetters = false, bool raw = false)
    {
        BeforeValue();
        string canonical = Canonical(w => w.WriteStringValue(name));
        string input = escapeLetters ? Escaped(name, letters: true) : raw ? Escaped(name, letters: false) : canonical;
        if (input != canonical) NonCanonical++;
        _input.Append(input).Append(':');
        _afterName = true;
        _expected.WritePropertyName(name);
    }

    /// <summary>A string; with <paramref name="raw"/> the input keeps non-ASCII text and HTML-sensitive characters unescaped.</summary>
    public void WriteStringValue(string value, bool raw = false)
    {
        BeforeValue();
        string canonical = Canonical(w => w.WriteStringValue(value));
        string input = raw ? Escaped(value, letters: false) : canonical;
        if (input != canonical) NonCanonical++;
        _input.Append(input);
        _expected.WriteStringValue(value);
    }

    public void WriteStringValue(DateTimeOffset value) => Scalar(w => w.WriteStringValue(value));

    public void WriteNumberValue(long value) => Scalar(w => w.WriteNumberValue(value));

    public void WriteNumberValue(double value) => Scalar(w => w.WriteNumberValue(value));

    public void WriteNumberValue(decimal value) => Scalar(w => w.WriteNumberValue(value));

    public void WriteBooleanValue(bool value) => Scalar(w => w.WriteBooleanValue(value));

    public void WriteNullValue() => Scalar(w => w.WriteNullValue());

    /// <summary>The same raw JSON text on both sides.</summary>
    public void WriteRawValue(string json)
    {
        BeforeValue();
        _input.Append(json);
        _expected.WriteRawValue(json);
    }

    /// <summary>
    /// A value the writer would spell otherwise: <paramref name="input"/> in the input, <paramref name="expected"/> (the
    /// same text where it is kept, else its normalised form) in the expected text. Counted in <see cref="NonCanonical"/>.
    /// </summary>
    public void WriteRawValue(string input, string expected)
    {
        BeforeValue();
        _input.Append(input);
        _expected.WriteRawValue(expected);
        NonCanonical++;
    }

    private void Scalar(Action<Utf8JsonWriter> write)
    {
        BeforeValue();
        _input.Append(Canonical(write));
        write(_expected);
    }

    /// <summary>What <see cref="Utf8JsonWriter"/> with default options writes for one value.</summary>
    private static string Canonical(Action<Utf8JsonWriter> write)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// A JSON string with only what RFC 8259 requires escaped (quote, backslash, control characters); with
    /// <paramref name="letters"/>, ASCII letters as <c>\u00XX</c> escapes too (hex digits in either case).
    /// </summary>
    private static string Escaped(string text, bool letters)
    {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"') sb.Append("\\\"");
            else if (c == '\\') sb.Append("\\\\");
            else if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else if (letters && c < 0x80 && char.IsLetter(c)) sb.Append("\\u").Append(((int)c).ToString(i % 2 == 0 ? "X4" : "x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
}
