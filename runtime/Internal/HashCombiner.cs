namespace GenerationModels.Runtime;

/// <summary>Hash combining without <c>System.HashCode</c> (absent on netstandard2.0).</summary>
internal static class HashCombiner
{
    public static int Combine(int hash, int value)
    {
        unchecked
        {
            return (hash * -1521134295) + value;
        }
    }
}
