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
        byte[] utf8 = Encoding.UTF8.GetBytes(element.GetRawText());
        var reader = new Utf8JsonReader(utf8);
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
}
