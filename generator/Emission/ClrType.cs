using System;
using System.Collections.Generic;

namespace GenerationModels.Generator.Emission;

/// <summary>
/// How one resolved type appears in the output: its C# spelling, and the code that reads, writes, or converts it.
/// Read expressions expect <c>reader</c> on the value token (not JSON null); write statements take a non-null value.
/// </summary>
internal sealed class ClrType
{
    public const string Runtime = "__Runtime.";

    private readonly Func<string> _converterFactory;
    private string? _converter;

    public ClrType(string name, bool isValueType, string read, Func<string, string> write, Func<string> converter)
    {
        Name = name;
        IsValueType = isValueType;
        Read = read;
        Write = write;
        _converterFactory = converter;
    }

    public string Name { get; }

    public bool IsValueType { get; }

    public string Read { get; }

    public Func<string, string> Write { get; }

    /// <summary>An expression of type <c>JsonConverter&lt;Name&gt;</c>, for collections of this type.</summary>
    public string Converter => _converter ??= _converterFactory();

    public static ClrType Primitive(string name, bool isValueType, string readMethod, Func<string, string> write, string converter)
        => new(name, isValueType, $"{Runtime}ModelJson.{readMethod}(ref reader)", write, () => $"{Runtime}PrimitiveConverters.{converter}");

    /// <summary>A generated type (record, enum struct or union); its converter is nested in it.</summary>
    public static ClrType Model(string fullName, bool isValueType = false)
        => new(
            fullName,
            isValueType,
            $"{fullName}.JsonModelConverter.Instance.Read(ref reader, typeof({fullName}), options)",
            v => $"{fullName}.JsonModelConverter.Instance.Write(writer, {v}, options);",
            () => $"{fullName}.JsonModelConverter.Instance");

    /// <summary>
    /// A list or map of <paramref name="element"/>. The container's own converter (needed only when it is itself an
    /// element) is a static field of the enclosing converter, created once.
    /// </summary>
    public static ClrType Container(bool isMap, ClrType element, List<string> converterFields)
    {
        string name = isMap
            ? $"__Collections.IReadOnlyDictionary<string, {element.Name}>"
            : $"__Collections.IReadOnlyList<{element.Name}>";
        string kind = isMap ? "Map" : "List";
        string CreateField()
        {
            string field = $"s_converter{converterFields.Count}";
            converterFields.Add($"private static readonly __Json.Serialization.JsonConverter<{name}> {field} = new {Runtime}{kind}Converter<{element.Name}>({element.Converter});");
            return field;
        }
        return new ClrType(
            name,
            isValueType: false,
            $"{Runtime}ModelJson.Read{kind}(ref reader, {element.Converter}, options)",
            v => $"{Runtime}ModelJson.Write{kind}(writer, {v}, {element.Converter}, options);",
            CreateField);
    }
}
