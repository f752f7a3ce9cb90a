// Language features the generator uses that netstandard2.0 lacks.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }

    /// <summary>Marks a type as an interpolated string handler (C# 10); the compiler finds it by name.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    internal sealed class InterpolatedStringHandlerAttribute : Attribute { }

    /// <summary>Names the arguments passed to an interpolated string handler's constructor.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    internal sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
    {
        public InterpolatedStringHandlerArgumentAttribute(string argument) => Arguments = new[] { argument };

        public InterpolatedStringHandlerArgumentAttribute(params string[] arguments) => Arguments = arguments;

        public string[] Arguments { get; }
    }
}
