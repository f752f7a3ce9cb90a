using System.IO;
using System.Text;
using System.Text.Json;
using Xunit;

namespace RoundTrip;

/// <summary>
/// Issue #13: a union built from a case writes the case's discriminator value. Schemas/zoo.json maps its discriminator
/// explicitly (<c>lion</c>, <c>parrot</c>; both cases require the member); Schemas/shapes.json maps it implicitly by
/// schema name (Circle declares it optional, Square requires it, Triangle does not declare it).
/// </summary>
public sealed class DiscriminatorWriteTests
{
    private static readonly GenerationModelsJsonContext Context = GenerationModelsJsonContext.Default;

    [Fact]
    public void A_case_built_without_its_discriminator_writes_the_explicit_mapping_value()
    {
        Animal lion = new Lion { Mane = true };
        Assert.Equal("lion", lion.Lion!.Species); // a required discriminator member defaults to the case's value
        Assert.Equal("""{"species":"lion","mane":true}""", JsonSerializer.Serialize(lion, Context.Animal));
        Animal parrot = Animal.FromParrot(new Parrot { Words = 3 });
        Assert.Equal("""{"species":"parrot","words":3}""", JsonSerializer.Serialize(parrot, Context.Animal));
        // Inside an object: the union's value is one member among others.
        var enclosure = new Enclosure { Name = "x", Keeper = null, Resident = new Lion() };
        Assert.Equal("""{"name":"x","keeper":null,"resident":{"species":"lion"}}""", JsonSerializer.Serialize(enclosure, Context.Enclosure));
    }

    [Fact]
    public void A_case_built_without_its_discriminator_writes_the_implicit_mapping_value()
    {
        Shape circle = new Circle { Radius = 1.5 };      // optional member left unset: the union adds it, first
        Shape square = new Square { Side = 2 };          // required member: defaults to the schema name
        Shape triangle = new Triangle { Sides = 3 };     // not declared by the case at all: the union adds it
        Assert.False(circle.Circle!.IsSet(nameof(Circle.Kind)));
        Assert.Equal("Square", square.Square!.Kind);
        Assert.Equal("""{"kind":"Circle","radius":1.5}""", JsonSerializer.Serialize(circle, Context.Shape));
        Assert.Equal("""{"kind":"Square","side":2}""", JsonSerializer.Serialize(square, Context.Shape));
        Assert.Equal("""{"kind":"Triangle","sides":3}""", JsonSerializer.Serialize(triangle, Context.Shape));
        Assert.Equal("""{"kind":"Triangle"}""", JsonSerializer.Serialize(Shape.FromTriangle(new Triangle()), Context.Shape));

        // What was written reads back as the same case.
        Assert.NotNull(JsonSerializer.Deserialize(JsonSerializer.Serialize(triangle, Context.Shape), Context.Shape)!.Triangle);
        Assert.NotNull(JsonSerializer.Deserialize(JsonSerializer.Serialize(circle, Context.Shape), Context.Shape)!.Circle);
    }

    [Fact]
    public void A_case_written_alone_is_not_changed()
    {
        // The discriminator belongs to the union: a Circle serialized as a Circle writes only what it holds.
        Assert.Equal("""{"radius":1.5}""", JsonSerializer.Serialize(new Circle { Radius = 1.5 }, Context.Circle));
    }

    [Theory]
    [InlineData("""{"species":"lion","mane":true}""")]
    [InlineData("""{"species":"okapi","mane":true}""")] // a value the mapping does not know: read by shape, kept
    [InlineData("""{"species":"parrot","words":12,"extra":{"a":[1,2.50]}}""")]
    public void Values_read_from_json_round_trip_exactly_explicit_mapping(string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Context.Animal)!, Context.Animal));
    }

    [Theory]
    [InlineData("""{"kind":"Circle","radius":1.5}""")]
    [InlineData("""{"kind":"Square","side":2,"unknown":[1,2.50,"x"]}""")]
    [InlineData("""{"sides":3,"kind":"Triangle"}""")]
    [InlineData("""{"kind":"Square"}""")] // names Square but does not fit it (no side): kept in Unmatched, not read as another case
    [InlineData("""{"kind":"circle","radius":1}""")] // not a mapping value (case matters): read by shape, kept as is
    [InlineData("""{"sides":3}""")] // no discriminator: read by shape, and written back without one (as read)
    [InlineData("""{"radius":2}""")]
    public void Values_read_from_json_round_trip_exactly_implicit_mapping(string json)
    {
        var shape = JsonSerializer.Deserialize(json, Context.Shape)!;
        Assert.Equal(json, JsonSerializer.Serialize(shape, Context.Shape));
        // The union writes the case exactly as the case's own converter does (members a case declares come in
        // declaration order, as for any model; the discriminator Triangle does not declare keeps its place).
        shape.Switch(
            circle => Assert.Equal(JsonSerializer.Serialize(circle, Context.Circle), JsonSerializer.Serialize(shape, Context.Shape)),
            square => Assert.Equal(JsonSerializer.Serialize(square, Context.Square), JsonSerializer.Serialize(shape, Context.Shape)),
            triangle => Assert.Equal(JsonSerializer.Serialize(triangle, Context.Triangle), JsonSerializer.Serialize(shape, Context.Shape)),
            unmatched => Assert.Equal(json, unmatched.GetRawText()));
    }

    [Fact]
    public void A_union_read_from_json_is_written_as_read_but_the_same_case_in_a_new_union_is_filled_in()
    {
        var read = JsonSerializer.Deserialize("""{"sides":3}""", Context.Shape)!;
        Assert.Equal("""{"sides":3}""", JsonSerializer.Serialize(read, Context.Shape));
        Assert.Equal("""{"kind":"Triangle","sides":3}""", JsonSerializer.Serialize(Shape.FromTriangle(read.Triangle!), Context.Shape));
        // Read or built, equal data is equal: the read marker is not part of equality.
        Assert.Equal(Shape.FromTriangle(read.Triangle!), read);
    }

    [Fact]
    public void Json_that_names_a_case_it_does_not_fit_is_unmatched()
    {
        var shape = JsonSerializer.Deserialize("""{"kind":"Square"}""", Context.Shape)!;
        Assert.Null(shape.Triangle); // Triangle would accept any object: the discriminator decides
        Assert.NotNull(shape.Unmatched);
    }

    [Fact]
    public void A_case_carrying_another_cases_value_throws_with_the_path()
    {
        Animal lion = new Lion { Species = "parrot", Mane = true };
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(lion, Context.Animal));
        Assert.Equal("$.species", error.Path);
        Assert.Contains("Animal.Lion", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("'parrot'", error.Message, System.StringComparison.Ordinal);

        Shape circle = new Circle { Kind = "Square", Radius = 1 };
        Assert.Equal("$.kind", Assert.Throws<JsonException>(() => JsonSerializer.Serialize(circle, Context.Shape)).Path);
    }

    [Fact]
    public void A_value_the_mapping_does_not_know_is_written_as_set()
    {
        Animal okapi = new Lion { Species = "okapi" };
        Assert.Equal("""{"species":"okapi"}""", JsonSerializer.Serialize(okapi, Context.Animal));
    }

    [Fact]
    public void An_indenting_writer_gets_indented_output_with_the_discriminator()
    {
        Shape circle = new Circle { Radius = 1.5 };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            JsonSerializer.Serialize(writer, circle, Context.Shape);
        }
        string text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\n", text, System.StringComparison.Ordinal);
        Assert.Equal("""{"kind":"Circle","radius":1.5}""", JsonSerializer.Serialize(JsonSerializer.Deserialize(text, Context.Shape)!, Context.Shape));
    }
}
