using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using PublicApiGenerator;
using Xunit;

namespace GenerationModels.Runtime.Tests;

/// <summary>
/// The runtime's public API is tracked: any change to it changes <c>PublicApi/GenerationModels.Runtime.{tfm}.approved.txt</c>,
/// which is visible in review. On a mismatch the test writes <c>*.received.txt</c> beside it; accept with
/// <c>GENERATIONMODELS_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        Assembly runtime = typeof(OpenDictionary).Assembly;
        string api = runtime.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = new[] { "System.Runtime.Versioning.TargetFrameworkAttribute" } })
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        string framework = new FrameworkName(runtime.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName) switch
        {
            { Identifier: ".NETStandard" } => "netstandard2.0",
            var name => "net" + name.Version.ToString(2),
        };
        string approved = Path.Combine(TestDirectory(), "PublicApi", $"GenerationModels.Runtime.{framework}.approved.txt");
        string received = Path.ChangeExtension(approved, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt";
        if (Environment.GetEnvironmentVariable("GENERATIONMODELS_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approved, api);
        }
        string expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (expected != api)
        {
            File.WriteAllText(received, api);
            Assert.Fail($"The public API of GenerationModels.Runtime ({framework}) changed. Review {received} against {approved}, then accept with GENERATIONMODELS_ACCEPT_SNAPSHOTS=1.");
        }
        if (File.Exists(received))
        {
            File.Delete(received);
        }
    }

    [Fact]
    public void Helpers_only_generated_code_calls_are_hidden_from_intellisense()
    {
        foreach (Type type in new[] { typeof(ModelJson), typeof(PrimitiveConverters), typeof(ListConverter<>), typeof(MapConverter<>), typeof(OrderedMapBuilder<>), typeof(Structural<>) })
        {
            var attribute = type.GetCustomAttribute<System.ComponentModel.EditorBrowsableAttribute>();
            Assert.True(attribute?.State == System.ComponentModel.EditorBrowsableState.Never, type.Name + " is not hidden");
        }
        foreach (Type type in new[] { typeof(FrozenList<>), typeof(FrozenMap<>), typeof(OpenDictionary), typeof(StructuralEquality), typeof(JsonValueEquality) })
        {
            Assert.Null(type.GetCustomAttribute<System.ComponentModel.EditorBrowsableAttribute>());
        }
    }

    private static string TestDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}
