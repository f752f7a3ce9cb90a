namespace GenerationModels.Generator.Model;

/// <summary>Where something sits in a schema doc: zero-based line and column, absolute offset and length.</summary>
internal sealed record SourceSpan(string Path, int Line, int Column, int Start, int Length)
{
    public static SourceSpan FileStart(string path) => new(path, 0, 0, 0, 0);
}
