using System;
using System.Collections.Generic;

namespace GenerationModels.Generator.Emission;

/// <summary>
/// How one resolved type appears in the output: its C# spelling, and the code that reads, writes, or converts it.
/// <see cref="Write"/> takes a non-null value; <see cref="Next"/>/<see cref="NextOrNull"/> read a member's value from
/// its name (the reader on the name), and <see cref="WriteMember"/>
/// writes a member's name and value (or JSON null). The member forms are single runtime calls, so each member of a
/// generated converter is one short line.
/// </summary>
internal sealed class ClrType
{
    public const string Runtime = "__Runtime.";

    /// <summary>The alias of <c>GenerationModels.Runtime.ModelJson</c> in generated files (<see cref="NamespaceAliases"/>).</summary>
    public const string ModelJson = "__ModelJson";

    private readonly Func<string> _converterFactory;
    private string? _converter;

    private ClrType(string name, bool isValueType, Func<string, string> write, Func<string> converter, string next, string nextOrNull, Func<string, string, string> writeMember, bool structural = false)
    {
        Name = name;
        Structural = structural;
        IsValueType = isValueType;
        Write = write;
        _converterFactory = converter;
        Next = next;
        NextOrNull = nextOrNull;
        WriteMember = writeMember;
    }

    public string Name { get; }

    /// <summary>
    /// Lists, maps and <c>JsonElement</c>s: a model stores them in a <c>Structural&lt;T&gt;</c> field, so the record's own
    /// equality compares them by value whatever collection a user passed.
    /// </summary>
    public bool Structural { get; }

    public bool IsValueType { get; }

    public Func<string, string> Write { get; }

    /// <summary>Reads a member's value, the reader on the member's name.</summary>
    public string Next { get; }

    /// <summary>As <see cref="Next"/>, JSON null giving null.</summary>
    public string NextOrNull { get; }

    /// <summary>A statement writing a member: (encoded name expression, value expression, which may be null).</summary>
    public Func<string, string, string> WriteMember { get; }

    /// <summary>An expression of type <c>JsonConverter&lt;Name&gt;</c>, for collections of this type.</summary>
    public string Converter => _converter ??= _converterFactory();

    /// <summary>A primitive read and written by the runtime's <c>Next{kind}</c> and <c>WriteMember</c>.</summary>
    public static ClrType Primitive(string name, bool isValueType, string kind, Func<string, string> write, string converter, bool structural = false)
        => new(
            name,
            isValueType,
            write,
            () => $"{Runtime}PrimitiveConverters.{converter}",
            $"{ModelJson}.Next{kind}(ref reader)",
            $"{ModelJson}.Next{kind}OrNull(ref reader)",
            (n, v) => $"{ModelJson}.WriteMember(writer, {n}, {v});",
            structural);

    /// <summary>A generated type (record, enum struct or union); its converter is nested in it.</summary>
    public static ClrType Model(string fullName, bool isValueType = false)
    {
        string converter = $"{fullName}.JsonModelConverter.Instance";
        return new(
            fullName,
            isValueType,
            v => $"{converter}.Write(writer, {v}, options);",
            () => converter,
            $"{ModelJson}.Next(ref reader, {converter}, options)",
            $"{ModelJson}.{(isValueType ? "NextStructOrNull" : "NextOrNull")}(ref reader, {converter}, options)",
            (n, v) => $"{ModelJson}.{(isValueType ? "WriteStruct" : "WriteObject")}(writer, {n}, {v}, {converter}, options);");
    }

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
            v => $"{ModelJson}.Write{kind}(writer, {v}, {element.Converter}, options);",
            CreateField,
            $"{ModelJson}.Next{kind}(ref reader, {element.Converter}, options)",
            $"{ModelJson}.Next{kind}OrNull(ref reader, {element.Converter}, options)",
            (n, v) => $"{ModelJson}.Write{kind}(writer, {n}, {v}, {element.Converter}, options);",
            structural: true);
    }
}
