using System.Linq;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Resolution;

namespace GenerationModels.Generator.Emission;

/// <summary>
/// The one contract for the shape of generated code: the namespace aliases every generated file declares, the member
/// names generated types declare (which doc-derived names must avoid), and the runtime API generated code calls.
/// The resolver names things against it and the emitters write it; a test checks the runtime names with <c>nameof</c>.
/// </summary>
internal static class GeneratedShape
{
    /// <summary>
    /// Short aliases for the namespaces generated code names most, declared after each file's file-scoped namespace (so
    /// inside it). They keep the output small (compiling generated code dominates build time at scale) without
    /// <c>using</c> imports that could clash with a user's types: a doc-derived type name never starts with two underscores.
    /// </summary>
    public static class Aliases
    {
        /// <summary><c>System.Text.Json</c>, as a prefix.</summary>
        public const string Json = "__Json.";

        /// <summary><c>GenerationModels.Runtime</c>, as a prefix.</summary>
        public const string Runtime = "__Runtime.";

        /// <summary>The runtime's <c>ModelJson</c> class.</summary>
        public const string ModelJson = "__ModelJson";

        /// <summary><c>System.Collections.Generic</c>, as a prefix.</summary>
        public const string Collections = "__Collections.";

        /// <summary><c>System.Text.Json.Serialization.Metadata</c>, as a prefix (the serializer context only).</summary>
        public const string Metadata = "__Metadata.";

        /// <summary>The declarations of the aliases above (but <see cref="Metadata"/>), in order.</summary>
        public static readonly string[] Declarations =
        {
            "using __Json = global::System.Text.Json;",
            "using __Runtime = global::" + RuntimeNamespace + ";",
            "using __ModelJson = global::" + RuntimeNamespace + "." + Api.ModelJson + ";",
            "using __Collections = global::System.Collections.Generic;",
        };

        public const string MetadataDeclaration = "using __Metadata = global::System.Text.Json.Serialization.Metadata;";
    }

    /// <summary>The namespace of the runtime package.</summary>
    public const string RuntimeNamespace = "GenerationModels.Runtime";

    /// <summary>
    /// Generated code reads and writes deprecated members and types without warning (users still get CS0612), and
    /// members the doc does not describe carry no summary rather than a made-up one, without CS1591 in projects that
    /// build XML docs with warnings as errors.
    /// </summary>
    public const string Pragmas = "#pragma warning disable CS0414, CS0612, CS0618, CS1591";

    /// <summary>Before each converter class: nullable annotations stay, flow analysis (and its warnings) is skipped in its bodies.</summary>
    public const string NullableWarningsOff = "#nullable disable warnings";

    /// <summary>After each converter class: back to the file's <c>#nullable enable</c>.</summary>
    public const string NullableWarningsRestored = "#nullable enable warnings";

    /// <summary>The converter class nested in every generated type.</summary>
    public const string ConverterClass = "JsonModelConverter";

    /// <summary>The property that keeps an object's undeclared members (renamed when a field takes the name).</summary>
    public const string ExtensionProperty = "AdditionalProperties";

    /// <summary>A union's property for JSON that matches no case.</summary>
    public const string UnmatchedProperty = "Unmatched";

    /// <summary>An enum's or opaque type's positional property.</summary>
    public const string ValueProperty = "Value";

    /// <summary>An enum's known-value check.</summary>
    public const string IsKnownProperty = "IsKnown";

    /// <summary>An enum's nested class of its listed wire values as constants (for constant patterns).</summary>
    public const string ValuesClass = "Values";

    /// <summary>An enum's nested C# enum of its listed values (for exhaustive switches).</summary>
    public const string KnownEnum = "Known";

    /// <summary>An enum's conversion to <see cref="KnownEnum"/>.</summary>
    public const string TryGetKnownMethod = "TryGetKnown";

    /// <summary>An object's presence check of an optional member, by C# property name.</summary>
    public const string IsSetMethod = "IsSet";

    /// <summary>An object's copy with optional members unset, by C# property name.</summary>
    public const string UnsetMethod = "Unset";

    /// <summary>A union's exhaustive match returning a value.</summary>
    public const string MatchMethod = "Match";

    /// <summary>A union's exhaustive match running an action.</summary>
    public const string SwitchMethod = "Switch";

    /// <summary>Members every record declares (synthesized, or our converter): no generated type may be named like one (CS0542).</summary>
    private static readonly string[] RecordMembers =
    {
        ConverterClass, "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct",
    };

    /// <summary>Member names an object record already has (synthesized or ours); a field with such a name is renamed.</summary>
    public static readonly string[] ObjectMembers = RecordMembers.Concat(new[] { "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", IsSetMethod, UnsetMethod }).ToArray();

    /// <summary>Member names a union record already has; a case with such a name is renamed.</summary>
    /// <summary>The <c>RawValues</c> marker a discriminated union read from JSON keeps (written back as read).</summary>
    public const string RawValuesReadUnion = "RawValues.ReadUnion";

    public static readonly string[] UnionMembers = RecordMembers.Concat(new[] { "GetType", UnmatchedProperty, MatchMethod, SwitchMethod }).ToArray();

    /// <summary>Member names an enum record struct already has (a record struct has no EqualityContract); a value with such a name is renamed.</summary>
    public static readonly string[] EnumMembers =
    {
        ValueProperty, IsKnownProperty, "ToString", "Equals", "GetHashCode", "Deconstruct", "PrintMembers", ConverterClass, "GetType",
        ValuesClass, KnownEnum, TryGetKnownMethod,
    };

    /// <summary>Member names the serializer context already has; a model's type-info property is renamed.</summary>
    public static readonly string[] ContextMembers =
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Whether a generated type of <paramref name="shape"/> named <paramref name="name"/> would declare a member of its own name.</summary>
    public static bool TypeNameClashes(string name, SchemaShape shape)
        => System.Array.IndexOf(RecordMembers, name) >= 0
        || (shape is SchemaShape.Enum or SchemaShape.Opaque && name is ValueProperty or IsKnownProperty)
        || (shape is SchemaShape.Enum && name is ValuesClass or KnownEnum or TryGetKnownMethod)
        || (shape is SchemaShape.Union && name is UnmatchedProperty or MatchMethod or SwitchMethod)
        || (shape is SchemaShape.Object && name is IsSetMethod or UnsetMethod);

    /// <summary>
    /// The runtime API generated code calls (members of <c>GenerationModels.Runtime.ModelJson</c> unless said otherwise).
    /// <c>GeneratedShapeTests</c> checks each against the runtime with <c>nameof</c>.
    /// </summary>
    public static class Api
    {
        public const string ModelJson = nameof(ModelJson);
        public const string Next = nameof(Next);
        public const string NextOrNull = nameof(NextOrNull);
        public const string NextStructOrNull = nameof(NextStructOrNull);
        public const string NextList = nameof(NextList);
        public const string NextListOrNull = nameof(NextListOrNull);
        public const string NextMap = nameof(NextMap);
        public const string NextMapOrNull = nameof(NextMapOrNull);
        public const string WriteMember = nameof(WriteMember);
        public const string WriteObject = nameof(WriteObject);
        public const string WriteStruct = nameof(WriteStruct);
        public const string WriteList = nameof(WriteList);
        public const string WriteMap = nameof(WriteMap);
        public const string WriteDateOnly = nameof(WriteDateOnly);
        public const string WriteJsonElement = nameof(WriteJsonElement);
        public const string ReadJsonElement = nameof(ReadJsonElement);
        public const string ReadString = nameof(ReadString);
        public const string ReadInt64 = nameof(ReadInt64);
        public const string ReadDouble = nameof(ReadDouble);
        public const string EncodeNames = nameof(EncodeNames);
        public const string Utf8Names = nameof(Utf8Names);
        public const string ExpectStartObject = nameof(ExpectStartObject);
        public const string NextProperty = nameof(NextProperty);
        public const string MatchMember = nameof(MatchMember);
        public const string CasingKeys = nameof(CasingKeys);
        /// <summary><c>RawValues.WireNames</c>: the names a read instance writes its members with.</summary>
        public const string WireNames = nameof(WireNames);
        /// <summary><c>RawValues.JsonName</c>: the spelling a member was read under, for error paths.</summary>
        public const string RawJsonName = "JsonName";
        public const string ReadUnknownMember = nameof(ReadUnknownMember);
        public const string AtMember = nameof(AtMember);
        public const string MissingRequired = nameof(MissingRequired);
        public const string ToOpenDictionary = nameof(ToOpenDictionary);
        /// <summary><c>ModelJson.Keep</c>: what a read model keeps in its <c>__raw</c> (kept texts and unknown members).</summary>
        public const string Keep = nameof(Keep);
        /// <summary><c>RawValues.Unknown</c>: the unknown members a record's <c>AdditionalProperties</c> reads.</summary>
        public const string Unknown = nameof(Unknown);
        /// <summary><c>RawValues.WithUnknown</c>: a record's <c>AdditionalProperties</c> init accessor (copy on write).</summary>
        public const string WithUnknown = nameof(WithUnknown);
        public const string Discriminator = nameof(Discriminator);
        public const string TryReadAs = nameof(TryReadAs);
        public const string WriteCase = nameof(WriteCase);
        /// <summary><c>ModelJson.KeepCase</c>: the text a union's scalar case was read from, when it is not canonical.</summary>
        public const string KeepCase = nameof(KeepCase);
        /// <summary><c>ModelJson.WriteKeptCase</c>: writes a union case's kept text back while its value is unchanged.</summary>
        public const string WriteKeptCase = nameof(WriteKeptCase);
        public const string NotAnOptionalMember = nameof(NotAnOptionalMember);
        public const string NotNull = nameof(NotNull);
        public const string KnownIndex = nameof(KnownIndex);

        /// <summary><c>ModelJson.Next{Primitive}</c>: reads a member's value of a primitive type.</summary>
        public static string NextPrimitive(PrimitiveType primitive) => primitive switch
        {
            PrimitiveType.String => "NextString",
            PrimitiveType.Int64 => "NextInt64",
            PrimitiveType.Double => "NextDouble",
            PrimitiveType.Decimal => "NextDecimal",
            PrimitiveType.Boolean => "NextBoolean",
            PrimitiveType.DateTimeOffset => "NextDateTimeOffset",
            PrimitiveType.DateOnly => "NextDateOnly",
            _ => "NextJsonElement",
        };

        /// <summary><c>ModelJson.Next{Primitive}OrNull</c>: as <see cref="NextPrimitive"/>, JSON null giving null.</summary>
        public static string NextPrimitiveOrNull(PrimitiveType primitive) => primitive switch
        {
            PrimitiveType.String => "NextStringOrNull",
            PrimitiveType.Int64 => "NextInt64OrNull",
            PrimitiveType.Double => "NextDoubleOrNull",
            PrimitiveType.Decimal => "NextDecimalOrNull",
            PrimitiveType.Boolean => "NextBooleanOrNull",
            PrimitiveType.DateTimeOffset => "NextDateTimeOffsetOrNull",
            PrimitiveType.DateOnly => "NextDateOnlyOrNull",
            _ => "NextJsonElementOrNull",
        };

        /// <summary><c>PrimitiveConverters.{Primitive}</c>: the converter of a primitive type, for collections of it.</summary>
        public static string PrimitiveConverter(PrimitiveType primitive) => primitive switch
        {
            PrimitiveType.String => "String",
            PrimitiveType.Int64 => "Int64",
            PrimitiveType.Double => "Double",
            PrimitiveType.Decimal => "Decimal",
            PrimitiveType.Boolean => "Boolean",
            PrimitiveType.DateTimeOffset => "DateTimeOffset",
            PrimitiveType.DateOnly => "DateOnly",
            _ => "JsonElement",
        };

        /// <summary>Runtime types generated code names (in <c>GenerationModels.Runtime</c>).</summary>
        public const string PrimitiveConverters = nameof(PrimitiveConverters);
        public const string ListConverter = nameof(ListConverter);
        public const string MapConverter = nameof(MapConverter);
        public const string OrderedMapBuilder = nameof(OrderedMapBuilder);
        public const string OpenDictionary = nameof(OpenDictionary);
        public const string Structural = nameof(Structural);
        public const string JsonValueEquality = nameof(JsonValueEquality);
    }
}
