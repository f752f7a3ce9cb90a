using System;
using System.IO;
using System.Linq;
using System.Text;
using GenerationModels.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Steps = GenerationModels.Generator.GenerationModelsGenerator.TrackingNames;

namespace GenerationModels.Generator.Tests;

/// <summary>OpenAPI 3.0/3.1 and Swagger 2.0 specs as a second input: same schema model, same emission.</summary>
public sealed class OpenApiTests
{
    private static string FixturesDirectory([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
        => Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures", "openapi");

    private static GeneratorRun RunFixtures() => new GeneratorHarness().Run(GeneratorHarness.ReadFolder(FixturesDirectory(), "api/"));

    private static IPropertySymbol Property(GeneratorRun run, string type, string name)
    {
        var symbol = run.Output.GetTypeByMetadataName("TestModels." + type) ?? throw new InvalidOperationException($"type {type} was not generated");
        return symbol.GetMembers(name).OfType<IPropertySymbol>().SingleOrDefault() ?? throw new InvalidOperationException($"{type} has no property {name}");
    }

    private static string TypeOf(GeneratorRun run, string type, string name)
        => Property(run, type, name).Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));

    [Fact]
    public void Fixture_specs_compile_cleanly_and_match_the_snapshot()
    {
        var run = RunFixtures();

        run.AssertCompilesCleanly();
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        // Tags is an array alias: no type, and an info saying so, located at its name in bookstore.yaml.
        var inlined = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0013");
        Assert.EndsWith("api/bookstore.yaml", inlined.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal("    Tags:", File.ReadAllLines(Path.Combine(FixturesDirectory(), "bookstore.yaml"))[inlined.Location.GetLineSpan().StartLinePosition.Line]);

        Snapshot.Verify(run.AllSources(), "OpenApi.Fixtures");
    }

    [Theory]
    [InlineData("Book", "Id", "string?")] // readOnly: not required, so a request model can leave it out
    [InlineData("Book", "Title", "string")]
    [InlineData("Book", "Subtitle", "string?")]
    [InlineData("Book", "Price", "decimal")]
    [InlineData("Book", "Pages", "long?")]
    [InlineData("Book", "Published", "DateOnly?")]
    [InlineData("Book", "UpdatedAt", "DateTimeOffset?")]
    [InlineData("Book", "Author", "Author")]
    [InlineData("Book", "CoAuthors", "IReadOnlyList<Author>?")]
    [InlineData("Book", "Genre", "Genre?")]
    [InlineData("Book", "Tags", "IReadOnlyList<string>?")] // the Tags alias, inlined
    [InlineData("Book", "Ratings", "IReadOnlyDictionary<string, long>?")]
    [InlineData("Book", "Cover", "CoverModel?")] // nested in Book; "Model" because the property takes "Cover"
    [InlineData("Book", "Thumbnail", "string?")]
    [InlineData("Loan", "Book", "Book")] // a $ref into the sibling file
    [InlineData("Loan", "Note", "string?")]
    [InlineData("Loan", "Fine", "double?")]
    [InlineData("Loan", "Borrower", "BorrowerModel?")] // an inline anyOf: a union nested in Loan
    [InlineData("Loan", "History", "IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<Event>>>?")]
    [InlineData("Event", "What", "EventKind?")]
    [InlineData("Ticket", "Owner", "string?")]
    [InlineData("Ticket", "State", "TicketState?")]
    [InlineData("Employee", "Name", "string")]
    [InlineData("Employee", "EmployeeId", "long")]
    public void Spec_properties_get_precise_types(string type, string property, string expected)
    {
        var run = RunFixtures();
        run.AssertCompilesCleanly();
        Assert.Equal(expected, TypeOf(run, type, property).Replace("global::System.", "").Replace("System.Collections.Generic.", "").Replace("System.", ""));
    }

    [Fact]
    public void Required_nullable_deprecated_and_json_names_follow_the_spec()
    {
        var run = RunFixtures();
        Assert.True(Property(run, "Loan", "Note").IsRequired); // required and nullable are independent
        Assert.False(Property(run, "Book", "Id").IsRequired);
        Assert.True(Property(run, "Book", "Title").IsRequired);
        Assert.True(Property(run, "Employee", "Name").IsRequired); // from the allOf base
        Assert.False(Property(run, "Employee", "Email").IsRequired);
        Assert.Contains(Property(run, "Book", "Isbn10").GetAttributes(), a => a.AttributeClass?.Name == "ObsoleteAttribute");
        Assert.DoesNotContain(Property(run, "Book", "Title").GetAttributes(), a => a.AttributeClass?.Name == "ObsoleteAttribute");
        Assert.Contains(run.Output.GetTypeByMetadataName("TestModels.OldThing")!.GetAttributes(), a => a.AttributeClass?.Name == "ObsoleteAttribute");
        var jsonName = Property(run, "Book", "UpdatedAt").GetAttributes().Single(a => a.AttributeClass?.Name == "JsonPropertyNameAttribute");
        Assert.Equal("updated_at", jsonName.ConstructorArguments[0].Value);
        // Swagger 2.0 x-enum-varnames name the enum's members.
        Assert.NotNull(run.Output.GetTypeByMetadataName("TestModels.TicketState")!.GetMembers("Opened").SingleOrDefault());
        // No type for the alias.
        Assert.Null(run.Output.GetTypeByMetadataName("TestModels.Tags"));
        // The discriminated union has one case per mapped schema.
        var pet = run.Output.GetTypeByMetadataName("TestModels.Pet")!;
        Assert.Equal(new[] { "Cat", "Dog", "Unmatched" }, pet.GetMembers().OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public && p.Name != "EqualityContract").Select(p => p.Name).OrderBy(n => n));
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_its_line_and_generates_nothing()
    {
        const string spec = "openapi: 3.0.0\ncomponents:\n  schemas:\n    Pet:\n      type: object\n     properties: [\n";
        var run = new GeneratorHarness().Run(("pets.yaml", spec));

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0011");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(GeneratorHarness.DocPath("pets.yaml"), diagnostic.Location.GetLineSpan().Path);
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line, 4, 5);
        run.AssertCompilesCleanly();
        Assert.Null(run.Output.GetTypeByMetadataName("TestModels.Pet"));
    }

    [Fact]
    public void Invalid_json_is_reported_at_its_line_and_column()
    {
        const string spec = "{\n  \"openapi\": \"3.0.0\",\n  \"components\": { \"schemas\": { \"Pet\": { \"type\": \"object\" } } },\n  \"x\": tru\n}";
        var run = new GeneratorHarness().Run(("pets.json", spec));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0011");
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal(3, position.Line);
        Assert.Equal(7, position.Character);
        Assert.Contains("expected 'true'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data.json", "{\"items\": [1, 2, 3]}")]
    [InlineData("config.yaml", "name: demo\nitems: [1, 2]\n")]
    [InlineData("list.json", "[1, 2]")]
    public void Json_and_yaml_files_that_are_not_specs_are_skipped_with_an_info(string file, string text)
    {
        var run = new GeneratorHarness().Run((file, text));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("GM0004", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void A_ref_to_a_missing_file_warns_at_the_ref_and_keeps_the_data()
    {
        const string spec = "openapi: 3.1.0\ncomponents:\n  schemas:\n    Order:\n      type: object\n      properties:\n        buyer:\n          $ref: 'people.yaml#/components/schemas/Buyer'\n        items:\n          allOf:\n            - $ref: 'missing.yaml#/components/schemas/Base'\n            - properties:\n                count: { type: integer }\n";
        var run = new GeneratorHarness().Run(("orders.yaml", spec));

        run.AssertCompilesCleanly();
        var unresolved = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0003");
        Assert.Equal(6, unresolved.Location.GetLineSpan().StartLinePosition.Line); // the 'buyer' key (zero-based)
        var allOf = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "GM0012");
        Assert.Equal(10, allOf.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("JsonElement?", TypeOf(run, "Order", "Buyer").Replace("System.Text.Json.", ""));
    }

    [Fact]
    public void Hostile_specs_never_crash_the_generator()
    {
        static string Deep(int levels) => "{\"openapi\":\"3.0.0\",\"components\":{\"schemas\":{\"A\":" + string.Concat(Enumerable.Repeat("{\"properties\":{\"x\":", levels)) + "{}" + new string('}', 2 * levels) + "}}}";
        string billion = "openapi: 3.0.0\nx: &a [1,1,1,1,1,1,1,1,1,1]\n" + string.Join("\n", Enumerable.Range(0, 12).Select(i => $"x{i}: &a{i} [*{(i == 0 ? "a" : "a" + (i - 1))},*{(i == 0 ? "a" : "a" + (i - 1))},*{(i == 0 ? "a" : "a" + (i - 1))}]")) + "\ncomponents: { schemas: { P: { type: object } } }\n";
        string cycle = "openapi: 3.0.0\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n    C:\n      properties:\n        a: { $ref: '#/components/schemas/A' }\n    D:\n      allOf: [ { $ref: '#/components/schemas/D' }, { properties: { d: { type: string } } } ]\n";
        string weird = "openapi: 3.0.0\ncomponents:\n  schemas:\n    \"class\":\n      properties:\n        \"\": { type: string }\n        \"*/ #error\": { type: wat }\n        \"a\\u202Eb\": { enum: [[1], {x: 1}, null] }\n    \"1-2\": { oneOf: [ { type: string }, { type: integer } ] }\n    E: { enum: [] }\n";

        var cases = new[]
        {
            ("deep.json", Deep(60), "GM0012"), // inline schemas nested beyond the cap: JsonElement, explained
            ("deeper.json", Deep(400), "GM0011"), // JSON nested beyond the reader's cap: refused, explained
            ("billion.yaml", billion, null), // aliases share nodes: no blow-up, the one schema is generated
            ("cycle.yaml", cycle, "GM0012"), // alias cycle A→B→A
            ("weird.yaml", weird, "GM0002"), // unknown type 'wat'
            ("bin.yaml", "\0\u0001\uFFFE: [", "GM0011"),
            // Found by the spec fuzz tests: YamlDotNet's scanner threw InvalidOperationException on this cut-short flow mapping.
            ("cut.yaml", "openapi: 3.1.0\ncomponents:\n  schemas:\n    \"A\": {\"type\": \"object\", \"additionalProperties\":\n\": \"object\", \"x\": {\"enum\": [1]}}}\n    \"B\": true\n", "GM0011"),
            ("empty.yaml", "", "GM0011"),
            ("bom.json", "\uFEFF{}", "GM0004"),
        };
        foreach (var (file, text, expected) in cases)
        {
            var run = new GeneratorHarness().Run((file, text));
            run.AssertCompilesCleanly();
            if (expected is null) Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            else Assert.Contains(run.GeneratorDiagnostics, d => d.Id == expected);
            if (file == "cut.yaml") Assert.Contains("InvalidOperationException", Assert.Single(run.GeneratorDiagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Editing_one_schema_of_a_spec_re_emits_only_that_schema()
    {
        const string spec = "openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      properties:\n        a: { type: string }\n    B:\n      properties:\n        b: { type: string }\n    C:\n      properties:\n        c: { type: string }\n";
        var harness = new GeneratorHarness();
        var original = new InMemoryAdditionalText(GeneratorHarness.DocPath("abc.yaml"), spec);
        var compilation = GeneratorHarness.CreateCompilation("namespace User { public class Code { } }");
        var driver = harness.CreateDriver(new[] { original }).RunGenerators(compilation, TestContext.Current.CancellationToken);

        // Same length: the other schemas keep their positions. (An edit that shifts later schemas re-runs their emission
        // too, because their diagnostics carry file offsets; their generated text is unchanged.)
        var edited = new InMemoryAdditionalText(original.Path, spec.Replace("b: { type: string }", "b: { type: number }"));
        driver = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation, TestContext.Current.CancellationToken);

        var emit = driver.GetRunResult().Results.Single().TrackedSteps[Steps.Emit].SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(3, emit.Count);
        Assert.Equal(1, emit.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, emit.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    // Found by tools/SpecScaleReport: an alias whose items are inline schemas lost them (GM0003 'ScopesItem', JsonElement).
    [Fact]
    public void A_ref_to_an_alias_of_inline_schemas_nests_them_in_the_referring_type()
    {
        const string spec = """
            openapi: 3.0.3
            components:
              schemas:
                Scopes:
                  type: array
                  items:
                    type: string
                    enum: [read, write]
                Lines:
                  type: array
                  items:
                    type: object
                    required: [sku]
                    properties:
                      sku: { type: string }
                Key:
                  type: object
                  properties:
                    scopes: { $ref: '#/components/schemas/Scopes' }
                    granted: { $ref: '#/components/schemas/Scopes' }
                    lines: { $ref: '#/components/schemas/Lines' }
                Choice:
                  oneOf:
                    - type: string
                    - $ref: '#/components/schemas/Lines'
            """;
        var run = new GeneratorHarness().Run(("keys.yaml", spec));

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        // Nested in Key (as if written in place), one per use, named after the property.
        Assert.Equal("IReadOnlyList<ScopesItem>?", TypeOf(run, "Key", "Scopes"));
        Assert.Equal("IReadOnlyList<GrantedItem>?", TypeOf(run, "Key", "Granted"));
        Assert.Equal("IReadOnlyList<LinesItem>?", TypeOf(run, "Key", "Lines"));
        var key = run.Output.GetTypeByMetadataName("TestModels.Key")!;
        Assert.Equal(new[] { "GrantedItem", "LinesItem", "ScopesItem" }, key.GetTypeMembers().Select(t => t.Name).Where(n => n != "JsonModelConverter").OrderBy(n => n, StringComparer.Ordinal));
        Assert.Single(key.GetTypeMembers("LinesItem").Single().GetMembers("Sku"));
        Assert.Equal(2, run.Output.GetTypeByMetadataName("TestModels.Choice")!.GetMembers().OfType<IPropertySymbol>().Count(p => p.DeclaredAccessibility == Accessibility.Public && p.Name is not ("Unmatched" or "EqualityContract")));
    }

    // Found by tools/SpecScaleReport: a percent-encoded pointer (RFC 6901 §6) named no schema (GM0003, JsonElement).
    [Fact]
    public void Percent_encoded_refs_find_their_schema_in_the_file_and_across_files()
    {
        const string main = """
            openapi: 3.0.3
            components:
              schemas:
                "Page«User»":
                  type: object
                  properties:
                    total: { type: integer }
                "Customer Portal Session":
                  type: object
                  properties:
                    url: { type: string }
                Holder:
                  type: object
                  properties:
                    page: { $ref: '#/components/schemas/Page%C2%ABUser%C2%BB' }
                    portal: { $ref: '#/components/schemas/Customer%20Portal%20Session' }
                    shared: { $ref: 'other.yaml#/components/schemas/Shared%20Thing' }
            """;
        const string other = "openapi: 3.0.3\ncomponents:\n  schemas:\n    \"Shared Thing\":\n      type: object\n      properties:\n        x: { type: string }\n";
        var run = new GeneratorHarness().Run(("main.yaml", main), ("other.yaml", other));

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal("PageUser?", TypeOf(run, "Holder", "Page"));
        Assert.Equal("CustomerPortalSession?", TypeOf(run, "Holder", "Portal"));
        Assert.Equal("SharedThing?", TypeOf(run, "Holder", "Shared"));
    }

    // Found by tools/SpecScaleReport: a required property referring to a named schema that admits null was not nullable,
    // so reading the null the spec allows threw.
    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public void A_ref_to_a_named_schema_that_admits_null_is_nullable(string form)
    {
        const string yaml = """
            openapi: 3.0.3
            components:
              schemas:
                Note: { type: string, nullable: true }
                Status: { type: string, enum: [open, closed], nullable: true }
                Child: { type: object, nullable: true, properties: { x: { type: string } } }
                Shape: { oneOf: [ { $ref: '#/components/schemas/Child' }, { type: integer } ], nullable: true }
                Solid: { type: object, properties: { x: { type: string } } }
                Parent:
                  type: object
                  required: [note, status, child, shape, solid, plain]
                  properties:
                    note: { $ref: '#/components/schemas/Note' }
                    status: { $ref: '#/components/schemas/Status' }
                    child: { description: Described, allOf: [ { $ref: '#/components/schemas/Child' } ] }
                    shape: { $ref: '#/components/schemas/Shape' }
                    solid: { $ref: '#/components/schemas/Solid' }
                    plain: { type: string }
            """;
        const string json = """
            {
              "openapi": "3.1.0",
              "components": {
                "schemas": {
                  "Note": { "type": ["string", "null"] },
                  "Status": { "type": ["string", "null"], "enum": ["open", "closed", null] },
                  "Child": { "type": ["object", "null"], "properties": { "x": { "type": "string" } } },
                  "Shape": { "oneOf": [ { "$ref": "#/components/schemas/Child" }, { "type": "integer" }, { "type": "null" } ] },
                  "Solid": { "type": "object", "properties": { "x": { "type": "string" } } },
                  "Parent": {
                    "type": "object",
                    "required": ["note", "status", "child", "shape", "solid", "plain"],
                    "properties": {
                      "note": { "$ref": "#/components/schemas/Note" },
                      "status": { "$ref": "#/components/schemas/Status" },
                      "child": { "description": "Described", "allOf": [ { "$ref": "#/components/schemas/Child" } ] },
                      "shape": { "$ref": "#/components/schemas/Shape" },
                      "solid": { "$ref": "#/components/schemas/Solid" },
                      "plain": { "type": "string" }
                    }
                  }
                }
              }
            }
            """;
        var run = new GeneratorHarness().Run(("parent." + form, form == "yaml" ? yaml : json));

        run.AssertCompilesCleanly();
        Assert.Equal("string?", TypeOf(run, "Parent", "Note"));
        Assert.Equal("Status?", TypeOf(run, "Parent", "Status"));
        Assert.Equal("Child?", TypeOf(run, "Parent", "Child"));
        Assert.Equal("Shape?", TypeOf(run, "Parent", "Shape"));
        Assert.Equal("Solid", TypeOf(run, "Parent", "Solid"));
        Assert.Equal("string", TypeOf(run, "Parent", "Plain"));
        Assert.All(new[] { "Note", "Status", "Child", "Shape", "Solid", "Plain" }, name => Assert.True(Property(run, "Parent", name).IsRequired));
    }

    // Found by the payload oracle on a public spec: allOf with a $ref and a description-only part (the OpenAPI 3.0 way to
    // describe a $ref) became an empty nested object, so the referred union's members all landed in AdditionalProperties.
    [Fact]
    public void An_allOf_of_one_ref_and_annotation_only_parts_is_the_ref()
    {
        const string yaml = """
            openapi: 3.0.3
            components:
              schemas:
                Agent: { oneOf: [ { $ref: '#/components/schemas/Ref' }, { $ref: '#/components/schemas/Full' } ] }
                Ref: { type: object, properties: { id: { type: string } } }
                Full: { type: object, properties: { id: { type: string }, name: { type: string } } }
                Described: { allOf: [ { $ref: '#/components/schemas/Full' }, { description: About it, x-internal: true } ] }
                Holder:
                  type: object
                  required: [maybe, named]
                  properties:
                    agent: { allOf: [ { $ref: '#/components/schemas/Agent' }, { description: The agent. } ] }
                    maybe: { allOf: [ { $ref: '#/components/schemas/Full' }, { description: Optional, nullable: true } ] }
                    named: { $ref: '#/components/schemas/Described' }
                    merged: { allOf: [ { $ref: '#/components/schemas/Ref' }, { properties: { extra: { type: integer } } } ] }
            """;
        var run = new GeneratorHarness().Run(("holder.yaml", yaml));

        run.AssertCompilesCleanly();
        Assert.Equal("Agent?", TypeOf(run, "Holder", "Agent"));
        Assert.Equal("Full?", TypeOf(run, "Holder", "Maybe"));
        // Required: nullable only where an annotating part says so.
        Assert.Equal("Full", TypeOf(run, "Holder", "Named"));
        // A part with properties still composes a new object.
        Assert.Equal("MergedModel?", TypeOf(run, "Holder", "Merged"));
    }

    // Found by tools/SpecScaleReport: [Obsolete] on a required member of a type that is not obsolete is warning CS9042.
    [Fact]
    public void A_required_deprecated_property_says_so_in_its_summary_instead_of_Obsolete()
    {
        const string spec = """
            openapi: 3.0.3
            components:
              schemas:
                Thing:
                  type: object
                  required: [old, name]
                  properties:
                    old: { type: string, deprecated: true }
                    older: { type: string, deprecated: true }
                    name: { type: string }
                OldThing:
                  type: object
                  deprecated: true
                  required: [old]
                  properties:
                    old: { type: string, deprecated: true }
            """;
        var run = new GeneratorHarness().Run(("things.yaml", spec));

        run.AssertCompilesCleanly(); // no CS9042
        static bool Obsolete(IPropertySymbol p) => p.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute");
        Assert.False(Obsolete(Property(run, "Thing", "Old")));
        Assert.Contains("Deprecated.", Property(run, "Thing", "Old").GetDocumentationCommentXml(cancellationToken: TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(Obsolete(Property(run, "Thing", "Older")));
        Assert.True(Obsolete(Property(run, "OldThing", "Old")));
    }
}
