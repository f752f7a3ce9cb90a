using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenerationModels.Runtime;

[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static partial class ModelJson
{
    /// <summary>
    /// Tries to read <paramref name="element"/> as one case of a union with that case's converter. A case that does not
    /// fit throws <see cref="JsonException"/> inside, which is the "no" answer here; other exceptions propagate.
    /// </summary>
    /// <typeparam name="T">The case type.</typeparam>
    /// <param name="element">The JSON value of the union.</param>
    /// <param name="converter">The case's converter.</param>
    /// <param name="options">The serializer options in use.</param>
    /// <param name="value">The case value when it fits.</param>
    /// <returns>Whether the value fits the case.</returns>
    public static bool TryReadAs<T>(JsonElement element, JsonConverter<T> converter, JsonSerializerOptions options, out T value)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(element.GetRawText());
        var reader = new Utf8JsonReader(utf8);
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
    }

    /// <summary>
    /// Tries <paramref name="element"/> as case <paramref name="caseIndex"/> of a union whose JSON names no case (no
    /// discriminator): true only when the case reads it with every member declared somewhere in the case's model graph
    /// (an exact fit, which wins at once in the doc's order). A case that reads it but keeps some members as unknown is
    /// remembered in <paramref name="fit"/> when it keeps fewer than any case before it; the converter falls back to
    /// <see cref="UnionFit.Best"/> after the last case. So a case whose members are all optional, which reads any object,
    /// no longer takes JSON that another case declares exactly (OpenAPI <c>oneOf</c>: the schema that validates).
    /// </summary>
    /// <typeparam name="T">The case type.</typeparam>
    /// <param name="element">The JSON value of the union.</param>
    /// <param name="converter">The case's converter.</param>
    /// <param name="options">The serializer options in use.</param>
    /// <param name="value">The case value when it reads at all (exact or not).</param>
    /// <param name="fit">The best inexact fit so far.</param>
    /// <param name="caseIndex">This case's position among the union's cases.</param>
    /// <returns>Whether the value fits the case exactly.</returns>
    public static bool TryReadAs<T>(JsonElement element, JsonConverter<T> converter, JsonSerializerOptions options, out T value, ref UnionFit fit, int caseIndex)
    {
        int before = t_unknownMembersRead;
        if (!TryReadAs(element, converter, options, out value)) return false;
        int unknown = t_unknownMembersRead - before;
        if (unknown == 0) return true;
        if (fit.Best < 0 || unknown < fit.Unknown)
        {
            fit.Best = caseIndex;
            fit.Unknown = unknown;
        }
        return false;
    }

    /// <summary>Unknown members read on this thread so far (every model, any depth); read by the union fit above.</summary>
    [System.ThreadStatic]
    private static int t_unknownMembersRead;

    /// <summary>
    /// The best inexact case of a union read so far: the case that kept the fewest members as unknown (the first such
    /// case in the doc's order on a tie), or -1.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public struct UnionFit
    {
        private int _best;

        /// <summary>The index of the best case, or -1 when no case read the JSON at all.</summary>
        public int Best { readonly get => _best - 1; set => _best = value + 1; }

        /// <summary>How many members the best case kept as unknown.</summary>
        public int Unknown { get; set; }
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
