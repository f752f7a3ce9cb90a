using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static partial class ModelJson
{
    /// <summary>
    /// How many case reads may be under way at once on a thread. A union that is a case of itself, directly or through
    /// other unions, tries its cases on the same JSON value without consuming any of it; at this depth every case read
    /// answers "no", so such a cycle ends (the innermost union keeps the value in <c>Unmatched</c>, each union around it
    /// holds the one inside as its case) instead of overflowing the stack.
    /// Nesting through JSON values needs one level per union on the path, far fewer than this.
    /// </summary>
    private const int MaxUnionCaseDepth = 128;

    [System.ThreadStatic]
    private static int t_unionCaseDepth;

    /// <summary>
    /// Tries to read <paramref name="element"/> as one case of a union with that case's converter. A case that does not
    /// fit throws <see cref="JsonException"/> inside, which is the "no" answer here; other exceptions propagate. Past
    /// 128 case reads under way at once (a union that is a case of itself) the answer is "no".
    /// </summary>
    /// <typeparam name="T">The case type.</typeparam>
    /// <param name="element">The JSON value of the union.</param>
    /// <param name="converter">The case's converter.</param>
    /// <param name="options">The serializer options in use.</param>
    /// <param name="value">The case value when it fits.</param>
    /// <returns>Whether the value fits the case.</returns>
    public static bool TryReadAs<T>(JsonElement element, JsonConverter<T> converter, JsonSerializerOptions options, out T value)
    {
        if (t_unionCaseDepth >= MaxUnionCaseDepth)
        {
            value = default!;
            return false;
        }
        var reader = new Utf8JsonReader(RawUtf8(element));
        t_unionCaseDepth++;
        try
        {
            reader.Read();
            value = converter.Read(ref reader, typeof(T), options)!;
            return true;
        }
        catch (JsonException)
        {
            value = default!;
            return false;
        }
        finally
        {
            t_unionCaseDepth--;
        }
    }

    /// <summary>
    /// What a union read from JSON keeps for the case that took <paramref name="element"/>: when the element is a JSON
    /// number or string whose text the case's converter would not write back (<c>1.0</c>, an integer beyond
    /// <c>double</c>'s precision, a <c>Z</c> date-time), its text, kept with the value read, so that
    /// <see cref="WriteKeptCase"/> writes it back while the case still holds that value. Objects, arrays and canonical
    /// scalars keep nothing.
    /// </summary>
    /// <typeparam name="T">The case type.</typeparam>
    /// <param name="element">The JSON value the union was read from.</param>
    /// <param name="converter">The case's converter.</param>
    /// <param name="value">The case value read.</param>
    /// <param name="options">The serializer options in use.</param>
    /// <param name="caseIndex">The case's index.</param>
    /// <param name="raw">What the union keeps already (<see cref="RawValues.ReadUnion"/> or nothing).</param>
    /// <returns>What the union keeps.</returns>
    public static RawValues KeepCase<T>(JsonElement element, JsonConverter<T> converter, T value, JsonSerializerOptions options, int caseIndex, RawValues raw)
    {
        if (converter is null) throw new ArgumentNullException(nameof(converter));
        JsonValueKind kind = element.ValueKind;
        if (kind is not (JsonValueKind.Number or JsonValueKind.String)) return raw;
        ReadOnlySpan<byte> written = WrittenAlone(converter, value, options, encoder: null).AsSpan();
        ReadOnlySpan<byte> text = RawUtf8(element);
        bool same;
        if (kind == JsonValueKind.Number)
        {
            same = written.SequenceEqual(text);
        }
        else
        {
            // A string is the same string whatever its escapes (RFC 8259, section 7).
            var reader = new Utf8JsonReader(written);
            same = reader.Read() && reader.TokenType == JsonTokenType.String && reader.GetString() == element.GetString();
        }
        // The canonical text of the value read goes with it: the write compares canonical texts, which tells apart
        // values that Equals does not (an instant in another offset, 100.00m and 1e2m, -0.0 and 0.0).
        if (!same) raw.Add(caseIndex, text.ToArray(), 0, 0, written.ToArray());
        return raw;
    }

    /// <summary>
    /// The element's JSON text as UTF-8: on .NET 9+ a view of the bytes the element was parsed from (no copy), so that
    /// a union read, which looks at its element once per case tried and again in <see cref="KeepCase"/>, transcodes
    /// nothing; elsewhere a copy.
    /// </summary>
    private static ReadOnlySpan<byte> RawUtf8(JsonElement element)
    {
#if NET9_0_OR_GREATER
        return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
#else
        return Encoding.UTF8.GetBytes(element.GetRawText());
#endif
    }

    /// <summary>
    /// Writes case <paramref name="caseIndex"/> of a union that kept its text (<see cref="KeepCase"/>): the kept text
    /// when the case's value still writes as the value read did (compared by canonical text, so an instant moved to
    /// another offset or a decimal with another scale is written as set), else the value. Returns false, writing
    /// nothing, when nothing was kept for the case (the caller writes the value).
    /// </summary>
    /// <typeparam name="T">The case type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="raw">What the union keeps.</param>
    /// <param name="caseIndex">The case's index.</param>
    /// <param name="value">The case's current value.</param>
    /// <param name="converter">The case's converter.</param>
    /// <param name="options">The serializer options in use.</param>
    /// <returns>Whether the case was written.</returns>
    public static bool WriteKeptCase<T>(Utf8JsonWriter writer, RawValues raw, int caseIndex, T value, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        if (converter is null) throw new ArgumentNullException(nameof(converter));
        if (raw.Count == 0 || !raw.TryGet(caseIndex, out RawEntry entry) || entry.O is not byte[] canonical) return false;
        if (WrittenAlone(converter, value, options, encoder: null).AsSpan().SequenceEqual(canonical))
        {
            writer.WriteRawValue(entry.Text, skipInputValidation: true);
        }
        else
        {
            converter.Write(writer, value, options);
        }
        return true;
    }

    /// <summary>
    /// The string value of a union's discriminator member (OpenAPI <c>discriminator.propertyName</c>), or null when the
    /// JSON is not an object or the member is absent or not a string; the generated converter then tries each case.
    /// </summary>
    /// <param name="element">The JSON value of the union.</param>
    /// <param name="propertyName">The discriminator member's name.</param>
    /// <returns>The discriminator value, or null.</returns>
    public static string? Discriminator(JsonElement element, string propertyName)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(propertyName, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// Writes the case of a union that has a discriminator, so that the JSON names its case. The case is written by its
    /// converter. A union read from JSON (<paramref name="raw"/> is <see cref="RawValues.ReadUnion"/>) is written as
    /// it was read, so a value read from JSON round-trips exactly. Otherwise the case's discriminator member
    /// (<paramref name="propertyName"/>, top level) decides:
    /// absent, it is written first with the case's first mapping value (<paramref name="values"/>: the mapping values,
    /// <paramref name="cases"/>: the case each selects); a value the mapping gives to this case, one it does not know,
    /// null or a non-string is written as it is (a value read from JSON goes back unchanged); a value the mapping gives
    /// to another case throws <see cref="JsonException"/> with the member's path, since the JSON would be read back as
    /// that case.
    /// </summary>
    /// <typeparam name="T">The case type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="converter">The case's converter.</param>
    /// <param name="value">The case value.</param>
    /// <param name="options">The serializer options in use.</param>
    /// <param name="propertyName">The discriminator member's JSON name.</param>
    /// <param name="values">The discriminator values of the union, in mapping order.</param>
    /// <param name="cases">For each value, the index of the case it selects.</param>
    /// <param name="caseIndex">The index of the case being written.</param>
    /// <param name="unionName">The union's C# name, for the error message.</param>
    /// <param name="caseName">The case property's C# name, for the error message.</param>
    /// <param name="raw">The union's private marker: <see cref="RawValues.ReadUnion"/> when it was read from JSON.</param>
    /// <exception cref="JsonException">The case carries a discriminator value that selects another case.</exception>
    public static void WriteCase<T>(Utf8JsonWriter writer, JsonConverter<T> converter, T value, JsonSerializerOptions options, string propertyName, string[] values, int[] cases, int caseIndex, string unionName, string caseName, RawValues raw)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        if (converter is null) throw new ArgumentNullException(nameof(converter));
        if (raw.IsReadUnion)
        {
            converter.Write(writer, value, options);
            return;
        }
        if (values is null) throw new ArgumentNullException(nameof(values));
        if (cases is null) throw new ArgumentNullException(nameof(cases));
        string? own = null;
        for (int i = 0; i < values.Length && own is null; i++)
        {
            if (cases[i] == caseIndex) own = values[i];
        }
        var encoder = writer.Options.Encoder;
        ArraySegment<byte> written = WrittenAlone(converter, value, options, encoder);
        byte[] json = written.Array!;
        int length = written.Count;
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(json, 0, length));
        if (own is not null && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            bool found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool discriminator = !found && reader.ValueTextEquals(propertyName);
                reader.Read();
                if (discriminator)
                {
                    found = true;
                    if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text)
                    {
                        int selected = Array.IndexOf(values, text);
                        if (selected >= 0 && cases[selected] != caseIndex) throw WrongDiscriminator(propertyName, text, own, unionName, caseName);
                    }
                }
                reader.Skip();
            }
            if (!found)
            {
                // The inner writer is compact: '{' then '}' or the first member.
                byte[] name = JsonEncodedText.Encode(propertyName, encoder).EncodedUtf8Bytes.ToArray();
                byte[] text = JsonEncodedText.Encode(own, encoder).EncodedUtf8Bytes.ToArray();
                bool empty = length > 1 && json[1] == (byte)'}';
                var spliced = new byte[length + name.Length + text.Length + 5 + (empty ? 0 : 1)];
                int at = 0;
                spliced[at++] = (byte)'{';
                spliced[at++] = (byte)'"';
                Buffer.BlockCopy(name, 0, spliced, at, name.Length);
                at += name.Length;
                spliced[at++] = (byte)'"';
                spliced[at++] = (byte)':';
                spliced[at++] = (byte)'"';
                Buffer.BlockCopy(text, 0, spliced, at, text.Length);
                at += text.Length;
                spliced[at++] = (byte)'"';
                if (!empty) spliced[at++] = (byte)',';
                Buffer.BlockCopy(json, 1, spliced, at, length - 1);
                json = spliced;
                length = spliced.Length;
            }
        }
        WriteRaw(writer, new ReadOnlySpan<byte>(json, 0, length));
    }

    /// <summary>The JSON <paramref name="converter"/> writes for <paramref name="value"/> on a writer of its own (the array may be longer than the text).</summary>
    private static ArraySegment<byte> WrittenAlone<T>(JsonConverter<T> converter, T value, JsonSerializerOptions options, System.Text.Encodings.Web.JavaScriptEncoder? encoder)
    {
        using var buffer = new MemoryStream();
        using (var inner = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true }))
        {
            converter.Write(inner, value, options);
        }
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Copies compact JSON text to <paramref name="writer"/>; an indenting writer re-indents it.</summary>
    private static void WriteRaw(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        if (!writer.Options.Indented)
        {
            writer.WriteRawValue(json, skipInputValidation: true);
            return;
        }
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        document.RootElement.WriteTo(writer);
    }

    private static JsonException WrongDiscriminator(string propertyName, string text, string own, string unionName, string caseName)
    {
        string path = JsonPathText.Prepend(JsonPathText.Member(propertyName), null);
        return new JsonException(
            unionName + "." + caseName + " is written with the discriminator '" + propertyName + "' set to '" + text + "', which selects another case of " + unionName
                + ", so the JSON would be read back as that case. Leave the member unset (the union writes '" + own + "') or set it to a value the mapping gives to " + caseName + ". Path: " + path,
            path,
            lineNumber: null,
            bytePositionInLine: null,
            innerException: null);
    }
}

