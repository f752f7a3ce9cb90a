using GenerationModels.Generator.Helpers;

namespace GenerationModels.Generator.Emission;

/// <summary>
/// Short aliases for the namespaces generated code names most, declared after each file's file-scoped namespace (so
/// inside it). They keep the output small (compiling generated code dominates build time at scale) without
/// <c>using</c> imports that could clash with a user's types: a doc-derived type name never starts with two underscores.
/// </summary>
internal static class NamespaceAliases
{
    public static void Write(SourceWriter writer)
    {
        writer.Line("using __Json = global::System.Text.Json;");
        writer.Line("using __Runtime = global::GenerationModels.Runtime;");
        writer.Line("using __ModelJson = global::GenerationModels.Runtime.ModelJson;");
        writer.Line("using __Collections = global::System.Collections.Generic;");
        writer.Line();
    }
}
