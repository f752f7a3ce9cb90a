using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GenerationModels.Generator.Diagnostics;

/// <summary>The one catalog of diagnostics the generator reports. Documented in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "GenerationModels";
    /// <summary>Help links: docs/diagnostics.md in the repository named once, by RepositoryUrl in Directory.Build.props.</summary>
    public const string HelpBase = RepositoryInfo.Url + "/blob/main/docs/diagnostics.md#";

    public const string MalformedRowId = "GM0001";
    public const string UnknownTypeId = "GM0002";
    public const string UnresolvedLinkId = "GM0003";
    public const string NotASchemaId = "GM0004";
    public const string MissingTableId = "GM0005";
    public const string RenamedId = "GM0006";
    public const string DuplicateFieldId = "GM0007";
    public const string UnreadableFileId = "GM0008";
    public const string ExternalTypeId = "GM0009";
    public const string OpaqueTypeId = "GM0010";
    public const string InvalidSpecId = "GM0011";
    public const string UnsupportedSchemaId = "GM0012";
    public const string InlinedSchemaId = "GM0013";
    public const string DocsWithoutTypeId = "GM0014";
    public const string LanguageCasedNamesId = "GM0015";
    public const string UndescribedTypeId = "GM0016";
    public const string NameTakenId = "GM0020";
    public const string LanguageVersionTooLowId = "GM0023";

    public static readonly DiagnosticDescriptor MalformedRow = Create(
        MalformedRowId, "Malformed table row",
        "Table row has {0} cells but its header has {1}; {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownType = Create(
        UnknownTypeId, "Field type not understood",
        "Field '{0}' has type '{1}', which is not understood; it is typed as JsonElement so no data is lost", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnresolvedLink = Create(
        UnresolvedLinkId, "Linked schema doc not found",
        "Field '{0}' refers to '{1}', which is not among the schema docs of this project; it is typed as JsonElement so no data is lost", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NotASchema = Create(
        NotASchemaId, "Doc is not a schema",
        "No model was generated from this doc because {0}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingTable = Create(
        MissingTableId, "Schema section without a usable table",
        "The '{0}' section has no table the generator can read", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor Renamed = Create(
        RenamedId, "Name changed to keep C# names valid and unique",
        "'{0}' is emitted as '{1}' because {2}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DuplicateField = Create(
        DuplicateFieldId, "Duplicate field",
        "Field '{0}' appears more than once in '{1}'; only the first row is used", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreadableFile = Create(
        UnreadableFileId, "Schema doc could not be read",
        "The schema doc could not be read: {0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExternalType = Create(
        ExternalTypeId, "SDK-side type without a JSON schema",
        "Field '{0}' has the SDK type '{1}' (documented at {2}), which has no JSON schema; it is typed as JsonElement so whatever JSON arrives is kept", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor OpaqueType = Create(
        OpaqueTypeId, "Schema without a described shape",
        "'{0}' has an empty Properties table, which OpenAPI Generator writes both for enums and for objects without properties; it is generated as a type that holds any JSON value unchanged", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidSpec = Create(
        InvalidSpecId, "OpenAPI document could not be read",
        "The OpenAPI document could not be read: {0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        UnsupportedSchemaId, "Schema construct not supported",
        "Schema '{0}' uses {1}, which is not supported; {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InlinedSchema = Create(
        InlinedSchemaId, "Named schema used inline",
        "Schema '{0}' is {1}, not an object, enum or union: no type is generated for it, and references to it use what it stands for", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DocsWithoutType = Create(
        DocsWithoutTypeId, "Schema docs produced no type",
        "{0} produced no type: {1}; each has a GM0004 message (Info) saying why", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LanguageCasedNames = Create(
        LanguageCasedNamesId, "Language-cased names with no wire naming set",
        "{0} list member names as an SDK writes them (e.g. '{1}' in '{2}'), which may not be the API's JSON names: payloads are read in any casing, but members set in code are written as listed. Set the GenerationModelsWireNaming property (SnakeCase, CamelCase or AsWritten), or the same AdditionalFiles metadata per folder, to say how the API spells them", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UndescribedType = Create(
        UndescribedTypeId, "Doc with a title and nothing else",
        "'{0}' has a title but no section describing its JSON (Speakeasy Java writes its oneOf unions this way); it is generated as a type that holds any JSON value unchanged", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NameTaken = Create(
        NameTakenId, "Type name held by another doc",
        "'{0}' is emitted as '{1}', qualified by its path, because {2}; set the GenerationModelsTypeName metadata on the AdditionalFiles items to choose the names yourself", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        LanguageVersionTooLowId, "C# 11 or later required",
        "The generated models need C# 11 or later (required members), but this project compiles as C# {0}; set <LangVersion>11</LangVersion> or later (the default from net7.0 on)", DiagnosticSeverity.Error);

    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        MalformedRow, UnknownType, UnresolvedLink, NotASchema, MissingTable, Renamed, DuplicateField, UnreadableFile, ExternalType, OpaqueType,
        InvalidSpec, UnsupportedSchema, InlinedSchema, DocsWithoutType, LanguageCasedNames, UndescribedType, NameTaken, LanguageVersionTooLow,
    }.ToImmutableDictionary(d => d.Id);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
