using GenerationModels.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenerationModels.Generator;

/// <summary>
/// GM0023: generated models use C# 11 (required members), so a project compiling as C# 10 or older gets one clear error
/// naming its language version, instead of only the compiler's errors inside generated files.
/// </summary>
internal static class LanguageVersionCheck
{
    public const LanguageVersion Minimum = LanguageVersion.CSharp11;

    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        var tooLow = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions csharp && csharp.LanguageVersion < Minimum ? csharp.LanguageVersion.ToDisplayString() : null);
        context.RegisterSourceOutput(tooLow, static (spc, version) =>
        {
            if (version is not null) spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None, version));
        });
    }
}
