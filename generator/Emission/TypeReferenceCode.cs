using GenerationModels.Generator.Resolution;
using static GenerationModels.Generator.Emission.GeneratedShape;

namespace GenerationModels.Generator.Emission;

/// <summary>
/// The code that reads, writes or converts a resolved <see cref="TypeReference"/>. <see cref="Write"/> takes a non-null
/// value; <see cref="Next"/>/<see cref="NextOrNull"/> read a member's value from its name (the reader on the name), and
/// <see cref="WriteMember"/> writes a member's name and value (or JSON null). The member forms are single runtime calls,
/// so each member of a generated converter is one short line.
/// </summary>
internal static class TypeReferenceCode
{
    private const string ModelJson = Aliases.ModelJson + ".";

    /// <summary>An expression of type <c>JsonConverter&lt;Name&gt;</c>, for collections of this type and union cases.</summary>
    public static string Converter(TypeReference type) => type.Kind switch
    {
        TypeReferenceKind.Primitive => $"{Aliases.Runtime}{Api.PrimitiveConverters}.{Api.PrimitiveConverter(type.Primitive)}",
        TypeReferenceKind.Model => $"{type.Name}.{ConverterClass}.Instance",
        _ => ConverterFieldName(type.ConverterField),
    };

    /// <summary>
    /// Lists, maps and <c>JsonElement</c>s: a model stores them in a <c>Structural&lt;T&gt;</c> field, so the record's own
    /// equality compares them by value whatever collection a user passed.
    /// </summary>
    public static bool IsStructural(TypeReference type)
        => type.Kind is TypeReferenceKind.List or TypeReferenceKind.Map || (type.Kind == TypeReferenceKind.Primitive && type.Primitive == PrimitiveType.JsonElement);

    public static string ConverterFieldName(int index) => "s_converter" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The declaration of a list's or map's converter field.</summary>
    public static string ConverterField(TypeReference container)
        => $"private static readonly {Aliases.Json}Serialization.JsonConverter<{container.Name}> {ConverterFieldName(container.ConverterField)} = new {Aliases.Runtime}{(container.Kind == TypeReferenceKind.Map ? Api.MapConverter : Api.ListConverter)}<{container.Element!.Name}>({Converter(container.Element)});";

    /// <summary>
    /// Reads a member's value, the reader on the member's name. <paramref name="slot"/> (the member's index) and the
    /// converter's <c>raw</c> local let the runtime keep the JSON text of non-canonical scalars and lenient nulls.
    /// </summary>
    public static string Next(TypeReference type, string slot) => type.Kind switch
    {
        TypeReferenceKind.Primitive when type.Primitive == PrimitiveType.JsonElement => $"{ModelJson}{Api.NextPrimitive(type.Primitive)}(ref reader)",
        TypeReferenceKind.Primitive => $"{ModelJson}{Api.NextPrimitive(type.Primitive)}(ref reader, ref raw, {slot})",
        TypeReferenceKind.Model => $"{ModelJson}{Api.Next}(ref reader, {Converter(type)}, options, ref raw, {slot})",
        TypeReferenceKind.Map => $"{ModelJson}{Api.NextMap}(ref reader, {Converter(type.Element!)}, options, ref raw, {slot})",
        _ => $"{ModelJson}{Api.NextList}(ref reader, {Converter(type.Element!)}, options, ref raw, {slot})",
    };

    /// <summary>As <see cref="Next"/>, JSON null giving null.</summary>
    public static string NextOrNull(TypeReference type, string slot) => type.Kind switch
    {
        TypeReferenceKind.Primitive when type.Primitive == PrimitiveType.JsonElement => $"{ModelJson}{Api.NextPrimitiveOrNull(type.Primitive)}(ref reader)",
        TypeReferenceKind.Primitive => $"{ModelJson}{Api.NextPrimitiveOrNull(type.Primitive)}(ref reader, ref raw, {slot})",
        TypeReferenceKind.Model => $"{ModelJson}{(type.IsValueType ? Api.NextStructOrNull : Api.NextOrNull)}(ref reader, {Converter(type)}, options)",
        TypeReferenceKind.Map => $"{ModelJson}{Api.NextMapOrNull}(ref reader, {Converter(type.Element!)}, options)",
        _ => $"{ModelJson}{Api.NextListOrNull}(ref reader, {Converter(type.Element!)}, options)",
    };

    /// <summary>
    /// A statement writing a member: (encoded name expression, value expression, which may be null, member slot). The
    /// slot and the model's <c>__raw</c> field let the runtime write back the text a value was read from.
    /// </summary>
    /// <param name="mayBeAbsent">A required member of a lenient model, which a read may leave unset: the runtime skips it
    /// then. (Every other form already takes the model's kept texts; JSON-value members of strict models need not.)</param>
    public static string WriteMember(TypeReference type, string name, string value, string slot, bool mayBeAbsent = false) => type.Kind switch
    {
        TypeReferenceKind.Primitive when type.Primitive == PrimitiveType.JsonElement => mayBeAbsent
            ? $"{ModelJson}{Api.WriteMember}(writer, {name}, {value}, value.__raw, {slot});"
            : $"{ModelJson}{Api.WriteMember}(writer, {name}, {value});",
        TypeReferenceKind.Primitive => $"{ModelJson}{Api.WriteMember}(writer, {name}, {value}, value.__raw, {slot});",
        TypeReferenceKind.Model => $"{ModelJson}{(type.IsValueType ? Api.WriteStruct : Api.WriteObject)}(writer, {name}, {value}, {Converter(type)}, options, value.__raw, {slot});",
        TypeReferenceKind.Map => $"{ModelJson}{Api.WriteMap}(writer, {name}, {value}, {Converter(type.Element!)}, options, value.__raw, {slot});",
        _ => $"{ModelJson}{Api.WriteList}(writer, {name}, {value}, {Converter(type.Element!)}, options, value.__raw, {slot});",
    };

    /// <summary>A statement writing a non-null value.</summary>
    public static string Write(TypeReference type, string value) => type.Kind switch
    {
        TypeReferenceKind.Primitive => type.Primitive switch
        {
            PrimitiveType.String or PrimitiveType.DateTimeOffset => $"writer.WriteStringValue({value});",
            PrimitiveType.Boolean => $"writer.WriteBooleanValue({value});",
            PrimitiveType.DateOnly => $"{ModelJson}{Api.WriteDateOnly}(writer, {value});",
            PrimitiveType.JsonElement => $"{ModelJson}{Api.WriteJsonElement}(writer, {value});",
            _ => $"writer.WriteNumberValue({value});",
        },
        TypeReferenceKind.Model => $"{Converter(type)}.Write(writer, {value}, options);",
        TypeReferenceKind.Map => $"{ModelJson}{Api.WriteMap}(writer, {value}, {Converter(type.Element!)}, options);",
        _ => $"{ModelJson}{Api.WriteList}(writer, {value}, {Converter(type.Element!)}, options);",
    };
}
