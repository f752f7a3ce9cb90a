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
