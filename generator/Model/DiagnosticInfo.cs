using GenerationModels.Generator.Helpers;

namespace GenerationModels.Generator.Model;

/// <summary>
/// An equatable stand-in for a Roslyn Diagnostic (which holds a Location that must not cross pipeline steps).
/// <see cref="DescriptorId"/> names an entry of <c>DiagnosticDescriptors</c>.
/// </summary>
internal sealed record DiagnosticInfo(string DescriptorId, SourceSpan Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(string descriptorId, SourceSpan location, params string[] arguments)
        => new(descriptorId, location, arguments.ToEquatableArray());
}
