using Microsoft.CodeAnalysis.Diagnostics;

namespace GenerationModels.Generator;

/// <summary>The MSBuild knobs, read once per compilation (equatable, so an unrelated option change re-runs nothing).</summary>
internal sealed record GeneratorOptions(string Namespace, string ContextName, bool DecimalNumbers, string ProjectDirectory, bool LenientContracts = false, bool Internal = false)
{
    public const string DefaultContextName = "GenerationModelsJsonContext";

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        string? Get(string name) => options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        string ns = Get("GenerationModelsNamespace") ?? Get("RootNamespace") ?? "GenerationModels.Generated";
        string context = Get("GenerationModelsContextName") ?? DefaultContextName;
        bool decimalNumbers = string.Equals(Get("GenerationModelsNumberType"), "decimal", System.StringComparison.OrdinalIgnoreCase);
        // GenerationModelsContractViolations: Strict (default) rejects a missing required member or null for a
        // non-nullable one; Lenient reads them (the member unset or null) and writes the payload back as it was.
        bool lenient = string.Equals(Get("GenerationModelsContractViolations"), "Lenient", System.StringComparison.OrdinalIgnoreCase);
        // GenerationModelsVisibility=internal: library authors keep the models and the context out of their public API.
        bool isInternal = string.Equals(Get("GenerationModelsVisibility"), "internal", System.StringComparison.OrdinalIgnoreCase);
        return new GeneratorOptions(SanitizeNamespace(ns), Resolution.Identifier.ToPascalCase(context, DefaultContextName).TrimStart('@'), decimalNumbers, Get("MSBuildProjectDirectory") ?? "", lenient, isInternal);
    }

    private static string SanitizeNamespace(string ns)
    {
        var parts = ns.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i].Trim();
            string pascal = Resolution.Identifier.ToPascalCase(part, "Generated");
            // Keep the user's own casing where it is already a plain identifier.
            parts[i] = IsPlainIdentifier(part) ? part : pascal;
        }
        return string.Join(".", parts);
    }

    private static bool IsPlainIdentifier(string s)
    {
        if (s.Length == 0 || char.IsDigit(s[0])) return false;
        foreach (char c in s)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        }
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(s) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;
    }
}
