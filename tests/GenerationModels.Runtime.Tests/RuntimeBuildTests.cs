using Xunit;

namespace GenerationModels.Runtime.Tests;

public sealed class RuntimeBuildTests
{
    /// <summary>-p:RuntimeTargetFramework=netstandard2.0 really swaps the runtime build under test.</summary>
    [Fact]
    public void The_runtime_build_under_test_is_the_one_requested()
    {
#if RUNTIME_NETSTANDARD
        Assert.True(TestSupport.RuntimeIsNetStandard);
#else
        Assert.False(TestSupport.RuntimeIsNetStandard);
#endif
    }
}
