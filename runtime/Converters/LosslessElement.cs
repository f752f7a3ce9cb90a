using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// A primitive element converter that reads losslessly: <see cref="ModelJson.ReadList{T}"/> and
/// <see cref="ModelJson.ReadMap{T}"/> read list elements and map values through it, keeping the JSON text of a value
/// whose text is not what the writer would produce (<c>1.0</c>, <c>1e5</c>, a <c>Z</c> date-time) in the collection's
/// own <see cref="RawValues"/>, slot = the element's index. A canonical collection keeps nothing.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface ILosslessElement<T>
{
    /// <summary>Reads the element the reader is on; keeps its text under <paramref name="slot"/> when it is not canonical.</summary>
    T Read(ref Utf8JsonReader reader, ref RawValues raw, int slot);
}
