using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using Xunit;

namespace RoundTrip;

/// <summary>The round-trip tests of this project run against the runtime build the project names, and (when CI says so) on that .NET.</summary>
public sealed class RuntimeBuildTests
{
    [Fact]
    public void The_runtime_build_under_test_is_the_one_this_project_names()
    {
        string expected = typeof(RuntimeBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ExpectedRuntimeBuild").Value!;
        var runtime = typeof(GenerationModels.Runtime.OpenDictionary).Assembly;
        Assert.Equal(expected, runtime.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
        // And the generated code was compiled against it (it is what the models' assembly references).
        Assert.Contains(typeof(GenerationModelsJsonContext).Assembly.GetReferencedAssemblies(), r => r.Name == runtime.GetName().Name && r.Version == runtime.GetName().Version);
    }

    [Fact]
    public void The_dotnet_running_the_tests_is_the_one_CI_asked_for()
    {
        // .ci/runtime-builds.sh publishes the net8.0 project self-contained and sets this, so the tests prove they ran on .NET 8.
        if (Environment.GetEnvironmentVariable("GENERATIONMODELS_EXPECT_DOTNET") is not { Length: > 0 } major) return;
        Assert.Equal(major, Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
