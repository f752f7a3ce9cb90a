using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace RoundTrip;

/// <summary>Lists and maps of every model resolve through the context: directly, through JsonSerializer, HttpClient and ASP.NET Core.</summary>
public sealed class ContextCollectionTests
{
    private const string PetsJson = """[{"id":1,"name":"Rex","tag":"dog"},{"id":2,"name":"Tom","status":"sold"}]""";

    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    [Fact]
    public void The_context_resolves_lists_and_maps_of_every_model()
    {
        foreach (var modelType in typeof(GenerationModelsJsonContext).GetProperties().Select(p => p.PropertyType).Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(System.Text.Json.Serialization.Metadata.JsonTypeInfo<>)).Select(t => t.GetGenericArguments()[0]).Where(t => t.Namespace == "RoundTrip").ToList())
        {
            var list = Context.GetTypeInfo(typeof(IReadOnlyList<>).MakeGenericType(modelType));
            var map = Context.GetTypeInfo(typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), modelType));
            Assert.True(list is not null, "no list type info for " + modelType);
            Assert.True(map is not null, "no map type info for " + modelType);
        }
        Assert.Same(Context.IReadOnlyListPet, Context.GetTypeInfo(typeof(IReadOnlyList<Pet>)));
        Assert.Same(Context.IReadOnlyDictionaryStringPet, Context.GetTypeInfo(typeof(IReadOnlyDictionary<string, Pet>)));
    }

    [Fact]
    public void JsonSerializer_reads_and_writes_a_list_and_a_map_with_the_context_options()
    {
        var pets = JsonSerializer.Deserialize<IReadOnlyList<Pet>>(PetsJson, Context.Options)!;
        Assert.Equal(new[] { "Rex", "Tom" }, pets.Select(p => p.Name));
        Assert.Equal(PetStatus.Sold, pets[1].Status);
        Assert.Equal(PetsJson, JsonSerializer.Serialize(pets, Context.IReadOnlyListPet));

        const string byName = """{"rex":{"id":1,"name":"Rex"}}""";
        var map = JsonSerializer.Deserialize(byName, Context.IReadOnlyDictionaryStringPet)!;
        Assert.Equal(1, map["rex"].Id);
        Assert.Equal(byName, JsonSerializer.Serialize(map, Context.Options));
    }

    [Fact]
    public void A_bad_element_in_a_list_is_a_JsonException_with_its_path()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""[{"id":1,"name":"Rex"},{"id":"two","name":"Tom"}]""", Context.IReadOnlyListPet));
        Assert.Equal("$[1].id", error.Path);
    }

    [Fact]
    public async Task HttpClient_GetFromJsonAsync_reads_a_list_through_the_context()
    {
        using var client = new HttpClient(new FixedResponse(PetsJson)) { BaseAddress = new System.Uri("http://pets.test/") };
        IReadOnlyList<Pet>? pets = await client.GetFromJsonAsync("pets", Context.IReadOnlyListPet, TestContext.Current.CancellationToken);
        Assert.Equal(2, pets!.Count);
        Assert.Equal("dog", pets[0].Tag);
    }

    [Fact]
    public async Task AspNetCore_minimal_api_reads_and_writes_models_and_lists_through_the_context()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, GenerationModelsJsonContext.Default));
        await using var app = builder.Build();
        IReadOnlyList<Pet> stored = JsonSerializer.Deserialize(PetsJson, Context.IReadOnlyListPet)!;
        app.MapGet("/pets", () => stored);
        app.MapPost("/pets", (Pet pet) => Results.Ok(pet with { Id = pet.Id + 100 }));
        await app.StartAsync(TestContext.Current.CancellationToken);
        using HttpClient client = app.GetTestClient();

        string listed = await client.GetStringAsync("/pets", TestContext.Current.CancellationToken);
        Assert.Equal(PetsJson, listed);
        IReadOnlyList<Pet>? pets = await client.GetFromJsonAsync("/pets", Context.IReadOnlyListPet, TestContext.Current.CancellationToken);
        Assert.Equal(pets, stored);

        using HttpResponseMessage posted = await client.PostAsJsonAsync("/pets", new Pet { Id = 1, Name = "Rex", Tag = "dog" }, Context.Pet, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("""{"id":101,"name":"Rex","tag":"dog"}""", await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>An HttpMessageHandler stand-in: every request gets the same JSON body.</summary>
    private sealed class FixedResponse(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
