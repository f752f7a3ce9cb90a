using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace RoundTrip;

/// <summary>
/// The README's "Using the models" section is code that works: every <c>csharp</c> block of it is compiled (warnings as
/// errors) against this project's generated models, and the blocks that need no server are run.
/// </summary>
public sealed class ReadmeSnippetTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using RoundTrip;

        #pragma warning disable CS0168, CS0219 // README variables shown for their values
        """;

    [Fact]
    public async Task The_using_the_models_section_compiles_and_runs()
    {
        List<string> blocks = Snippets();
        Assert.True(blocks.Count >= 3, $"expected the section's model, ASP.NET Core and HttpClient blocks, found {blocks.Count}");

        var source = new StringBuilder(Prelude).AppendLine().AppendLine("public static class ReadmeSnippets").AppendLine("{");
        // Each block is the body of a method; the values later blocks use without declaring them (pets, pet, args, http)
        // are static fields, which a block's own locals may shadow.
        source.AppendLine("    public static string[] args = Array.Empty<string>();");
        source.AppendLine("    public static HttpClient http = null!;");
        source.AppendLine("    public static IReadOnlyList<Pet> pets = null!;");
        source.AppendLine("    public static Pet pet = null!;");
        for (int i = 0; i < blocks.Count; i++)
        {
            source.AppendLine($"    public static async Task Snippet{i}()").AppendLine("    {");
            source.AppendLine("        await Task.CompletedTask;");
            source.AppendLine(blocks[i]).AppendLine("    }");
        }
        source.AppendLine("}");

        Assembly compiled = Compile(source.ToString());
        var pet = new Pet { Id = 1, Name = "Rex" };
        using var http = new HttpClient(new FixedResponse("""[{"id":1,"name":"Rex"}]""")) { BaseAddress = new Uri("http://pets.test/") };
        var type = compiled.GetType("ReadmeSnippets")!;
        type.GetField("http")!.SetValue(null, http);
        type.GetField("pets")!.SetValue(null, new[] { pet });
        type.GetField("pet")!.SetValue(null, pet);
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Contains("WebApplication", StringComparison.Ordinal)) continue; // compiled only: it would start a server
            var run = (Task)type.GetMethod("Snippet" + i)!.Invoke(null, null)!;
            await run;
        }
    }

    private static List<string> Snippets()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = readme.IndexOf("\n## Using the models\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Using the models' section");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string section = end < 0 ? readme.Substring(start) : readme.Substring(start, end - start);
        return Regex.Matches(section, "^```csharp\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
    }

    private static Assembly Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.Length > 0)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippets",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(result.Success, "README snippets do not compile:\n" + string.Join("\n", errors) + "\n\n" + source);
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));

    private sealed class FixedResponse(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
