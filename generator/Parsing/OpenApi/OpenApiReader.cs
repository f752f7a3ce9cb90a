using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using GenerationModels.Generator.Diagnostics;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Resolution;

namespace GenerationModels.Generator.Parsing.OpenApi;

/// <summary>
/// Reads an OpenAPI 3.0/3.1 (<c>components.schemas</c>) or Swagger 2.0 (<c>definitions</c>) document into the same
/// schema model the markdown readers produce: one <see cref="ParsedDocument"/> per named schema, told apart by its
/// JSON pointer, so Resolution and Emission are shared and editing one schema re-emits only that schema's file.
/// Named schemas that are not objects, enums or unions (aliases of strings, arrays, maps) generate no type; local
/// references to them use the aliased type directly.
/// </summary>
internal sealed class OpenApiReader
{
    public const string Dialect = "openapi";

    /// <summary>Inline schemas nested deeper than this are kept as JsonElement (hostile or generated-to-death specs).</summary>
    private const int MaxDepth = 32;

    private readonly string _path;
    private readonly LineMap _lines;
    private readonly string _prefix;
    private readonly Dictionary<string, SpecNode> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;
    private List<DiagnosticInfo> _diagnostics = new();

    private OpenApiReader(string path, LineMap lines, string prefix, CancellationToken cancellationToken)
    {
        _path = path;
        _lines = lines;
        _prefix = prefix;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether a schema file is a spec (by extension) rather than a markdown doc.</summary>
    public static bool IsSpecPath(string path)
        => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static ImmutableArray<ParsedDocument> Read(string path, string text, CancellationToken cancellationToken)
    {
        text = Utf16.Valid(text);
        var lines = new LineMap(text);
        SpecNode root;
        try
        {
            root = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? JsonSpecReader.Read(text, cancellationToken)
                : YamlSpecReader.Read(text, cancellationToken);
        }
        catch (SpecSyntaxException e)
        {
            return Single(path, DiagnosticDescriptors.InvalidSpecId, Span(path, lines, Math.Min(e.Offset, text.Length), 1), e.Message);
        }

        string? version = root["openapi"]?.Text ?? root["swagger"]?.Text;
        if (!root.IsMap || version is null)
        {
            return Single(path, DiagnosticDescriptors.NotASchemaId, SourceSpan.FileStart(path), "it is a JSON/YAML file without an 'openapi' or 'swagger' member, so not an OpenAPI document");
        }
        bool swagger2 = root["openapi"] is null;
        if (swagger2 ? !version.StartsWith("2.", StringComparison.Ordinal) : !version.StartsWith("3.", StringComparison.Ordinal))
        {
            return Single(path, DiagnosticDescriptors.InvalidSpecId, Span(path, lines, root.Start, 1), $"OpenAPI version '{version}' is not supported (3.0, 3.1 and Swagger 2.0 are)");
        }
        var schemas = swagger2 ? root["definitions"] : root["components"]?["schemas"];
        if (schemas is null || !schemas.IsMap || schemas.Entries.Count == 0)
        {
            return Single(path, DiagnosticDescriptors.NotASchemaId, SourceSpan.FileStart(path), swagger2 ? "its 'definitions' section is missing or empty" : "its 'components.schemas' section is missing or empty");
        }

        var reader = new OpenApiReader(path, lines, swagger2 ? "#/definitions/" : "#/components/schemas/", cancellationToken);
        foreach (var entry in schemas.Entries) reader._byName[entry.Key.Text] = entry.Value;

        var units = ImmutableArray.CreateBuilder<ParsedDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in schemas.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!seen.Add(entry.Key.Text)) continue; // a repeated key: the last one was read (as JSON parsers do)
            units.Add(reader.ReadNamed(entry.Key, reader._byName[entry.Key.Text]));
        }
        return units.ToImmutable();
    }

    private static ImmutableArray<ParsedDocument> Single(string path, string id, SourceSpan location, string message)
        => ImmutableArray.Create(new ParsedDocument(path, Dialect, null, new[] { DiagnosticInfo.Create(id, location, message) }.ToEquatableArray()));

    private static SourceSpan Span(string path, LineMap lines, int start, int length)
    {
        var (line, column) = lines.Position(start);
        return new SourceSpan(path, line, column, start, length);
    }

    private SourceSpan At(SpecNode node) => Span(_path, _lines, node.Start, node.Length);

    private void Report(string id, SpecNode at, params string[] arguments) => _diagnostics.Add(DiagnosticInfo.Create(id, At(at), arguments));

    /// <summary>One named schema becomes one unit: a model, an enum, a union, or (for aliases) diagnostics only.</summary>
    private ParsedDocument ReadNamed(SpecNode key, SpecNode schema)
    {
        _diagnostics = new List<DiagnosticInfo>();
        string name = key.Text;
        SchemaType? model = null;
        if (IsAlias(schema, name))
        {
            Report(DiagnosticDescriptors.InlinedSchemaId, key, name, Describe(schema));
        }
        else
        {
            model = ReadSchema(schema, name, key, 0);
            if (model.Shape == SchemaShape.Object) model = WithDiscriminatorValues(model, name);
        }
        return new ParsedDocument(_path, Dialect, model, _diagnostics.ToEquatableArray()) { Pointer = _prefix + EscapePointer(name) };
    }

    /// <summary>
    /// Per named schema that is a case of the spec's discriminated unions: per discriminator member, the value the
    /// unions write for it (the first mapping value that names it, else its schema name); null when unions disagree.
    /// </summary>
    private Dictionary<string, Dictionary<string, string?>>? _discriminatorValues;

    private Dictionary<string, Dictionary<string, string?>> DiscriminatorValues()
    {
        if (_discriminatorValues is { } known) return known;
        var result = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var entry in _byName)
        {
            if (entry.Value["discriminator"] is not { IsMap: true } discriminator || discriminator["propertyName"]?.AsString() is not { Length: > 0 } property) continue;
            if (UnionParts(entry.Value) is not { Count: > 1 } parts) continue;
            var targets = new List<string>();
            foreach (var part in parts)
            {
                if (part["$ref"]?.AsString() is { } reference && LocalName(reference) is { } target) targets.Add(target);
            }
            var first = new Dictionary<string, string>(StringComparer.Ordinal);
            if (discriminator["mapping"] is { IsMap: true } mapping)
            {
                foreach (var mapped in mapping.Entries)
                {
                    if (mapped.Value.AsString() is { } reference && LocalName(reference) is { } target && targets.Contains(target) && !first.ContainsKey(target)) first[target] = mapped.Key.Text;
                }
            }
            foreach (string target in targets)
            {
                if (!first.ContainsKey(target)) first[target] = target; // implicit mapping: the schema's name
            }
            foreach (var pair in first)
            {
                if (!result.TryGetValue(pair.Key, out var byProperty)) result[pair.Key] = byProperty = new Dictionary<string, string?>(StringComparer.Ordinal);
                byProperty[property] = byProperty.TryGetValue(property, out string? earlier) && earlier != pair.Value ? null : pair.Value;
            }
        }
        return _discriminatorValues = result;
    }

    /// <summary>
    /// A case of a discriminated union whose discriminator member is a required string gets the value the union writes
    /// as that member's default, so code builds the case without typing it (<c>new Cat { Lives = 9 }</c>).
    /// </summary>
    private SchemaType WithDiscriminatorValues(SchemaType model, string name)
    {
        if (!DiscriminatorValues().TryGetValue(name, out var byProperty)) return model;
        var fields = new List<SchemaField>(model.Fields.Count);
        bool changed = false;
        foreach (var field in model.Fields)
        {
            if (field.IsRequired && !field.IsNullable && field.Type.Kind == TypeKind.String && byProperty.TryGetValue(field.JsonName, out string? value) && value is not null)
            {
                fields.Add(field with { DiscriminatorValue = value });
                changed = true;
            }
            else
            {
                fields.Add(field);
            }
        }
        return changed ? model with { Fields = fields.ToEquatableArray() } : model;
    }

    /// <summary>A schema that is an object, enum or union (named, or inline and given a nested type).</summary>
    private SchemaType ReadSchema(SpecNode schema, string name, SpecNode location, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        string? description = Description(schema);
        bool deprecated = schema["deprecated"]?.IsTrue == true;
        SchemaType type;
        if (schema["enum"] is { Kind: SpecNodeKind.Sequence } values)
        {
            type = ReadEnum(schema, values, name, description, location);
        }
        else if (UnionParts(schema) is { Count: > 1 } parts)
        {
            type = ReadUnion(schema, parts, name, description, location, depth);
        }
        else
        {
            var builder = new ObjectBuilder(name);
            AddMembers(builder, schema, name, depth, new HashSet<SpecNode>());
            type = new SchemaType(name, description, builder.Fields.ToEquatableArray(), builder.IsOpen, builder.Nested.ToEquatableArray(), At(location));
        }
        return deprecated ? type with { IsDeprecated = true } : type;
    }

    private SchemaType ReadEnum(SpecNode schema, SpecNode values, string name, string? description, SpecNode location)
    {
        var names = schema["x-enum-varnames"] ?? schema["x-enumNames"];
        var list = new List<EnumValue>();
        bool numeric = true;
        for (int i = 0; i < values.Items.Count; i++)
        {
            var value = values.Items[i];
            if (value.Kind == SpecNodeKind.Null) continue; // null among the values means nullable, not a member
            if (value.Kind is SpecNodeKind.Map or SpecNodeKind.Sequence)
            {
                Report(DiagnosticDescriptors.UnsupportedSchemaId, value, name, "an enum value that is an object or array", "the value is left out of the known values and still read and written unchanged");
                continue;
            }
            numeric &= value.Kind == SpecNodeKind.Number; // and finite: SchemaType.Enum checks
            string? memberName = names?.Items.Count > i ? names.Items[i].AsString() : null;
            list.Add(new EnumValue(memberName ?? value.Text, value.Text, null));
        }
        if (list.Count == 0) numeric = false;
        return SchemaType.Enum(name, description, list.ToEquatableArray(), numeric, At(location));
    }

    private SchemaType ReadUnion(SpecNode schema, List<SpecNode> parts, string name, string? description, SpecNode location, int depth)
    {
        var owner = new ObjectBuilder(name);
        var variants = new List<TypeRef>();
        for (int i = 0; i < parts.Count; i++)
        {
            string hint = parts[i]["title"]?.AsString() ?? "Option" + (i + 1).ToString(CultureInfo.InvariantCulture);
            variants.Add(TypeOf(parts[i], owner, hint, depth + 1, out _));
        }
        var union = SchemaType.Union(name, description, variants.ToEquatableArray(), At(location)) with { Nested = owner.Nested.ToEquatableArray() };

        if (schema["discriminator"] is { IsMap: true } discriminator && discriminator["propertyName"]?.AsString() is { Length: > 0 } property)
        {
            var cases = new List<DiscriminatorCase>();
            if (discriminator["mapping"] is { IsMap: true } mapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value.AsString() is { } reference) cases.Add(new DiscriminatorCase(entry.Key.Text, RefType(reference, entry.Value, 0, new ObjectBuilder(name), name, out _)));
                }
            }
            // Implicit mapping: a case referenced by $ref is chosen by its schema name.
            foreach (var part in parts)
            {
                if (part["$ref"]?.AsString() is { } reference && LocalName(reference) is { } caseName && !cases.Exists(c => c.Value == caseName))
                {
                    cases.Add(new DiscriminatorCase(caseName, RefType(reference, part, 0, new ObjectBuilder(name), name, out _)));
                }
            }
            union = union with { DiscriminatorProperty = property, DiscriminatorCases = cases.ToEquatableArray() };
        }
        return union;
    }

    /// <summary>Adds the properties of an object schema (and of its allOf parts) to <paramref name="builder"/>.</summary>
    private void AddMembers(ObjectBuilder builder, SpecNode schema, string ownerName, int depth, HashSet<SpecNode> composing)
    {
        if (!composing.Add(schema)) return; // allOf cycle: its members are already here
        if (schema["allOf"] is { Kind: SpecNodeKind.Sequence } allOf)
        {
            foreach (var part in allOf.Items)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var composed = part;
                if (part["$ref"]?.AsString() is { } reference)
                {
                    if (LocalName(reference) is { } baseName && _byName.TryGetValue(baseName, out var baseSchema))
                    {
                        composed = baseSchema;
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.UnsupportedSchemaId, part["$ref"]!, ownerName, $"the allOf part '{reference}' is not a schema of this file", "members it adds are kept in AdditionalProperties");
                        builder.IsOpen = true;
                        continue;
                    }
                }
                if (UnionParts(composed) is { Count: > 1 })
                {
                    Report(DiagnosticDescriptors.UnsupportedSchemaId, part, ownerName, "an allOf part that is itself a oneOf/anyOf", "members it adds are kept in AdditionalProperties");
                    builder.IsOpen = true;
                    continue;
                }
                AddMembers(builder, composed, ownerName, depth, composing);
            }
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema["required"] is { Kind: SpecNodeKind.Sequence } requiredList)
        {
            foreach (var item in requiredList.Items) required.Add(item.Text);
        }
        var properties = schema["properties"];
        if (properties is { IsMap: true })
        {
            foreach (var entry in properties.Entries)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var property = entry.Value;
                string jsonName = entry.Key.Text;
                int existing = builder.Fields.FindIndex(f => f.JsonName == jsonName);
                var type = TypeOf(property, builder, Identifier.ToPascalCase(jsonName, "Field").TrimStart('@'), depth + 1, out bool nullable);
                // readOnly/writeOnly members travel in one direction only, so a model used both ways cannot require them.
                bool oneWay = property["readOnly"]?.IsTrue == true || property["writeOnly"]?.IsTrue == true;
                var field = new SchemaField(jsonName, type, required.Contains(jsonName) && !oneWay, nullable, FieldDescription(property), At(entry.Key))
                {
                    IsDeprecated = property["deprecated"]?.IsTrue == true,
                };
                if (existing >= 0) builder.Fields[existing] = field; // allOf redefinition: the later, more specific one wins
                else builder.Fields.Add(field);
            }
        }
        // A member listed as required by a later allOf part is required in the composition.
        for (int i = 0; i < builder.Fields.Count; i++)
        {
            if (!builder.Fields[i].IsRequired && required.Contains(builder.Fields[i].JsonName) && properties?[builder.Fields[i].JsonName] is null)
            {
                builder.Fields[i] = builder.Fields[i] with { IsRequired = true };
            }
        }
        var additional = schema["additionalProperties"];
        if (additional is not null && !(additional.Kind == SpecNodeKind.Boolean && !additional.IsTrue)) builder.IsOpen = true;
        if (schema["properties"] is null && schema["allOf"] is null && additional is null && TypeNames(schema).Contains("object")) builder.IsOpen = true;
    }

    /// <summary>The type of a property, array item, map value or union case; inline objects, enums and unions become nested types.</summary>
    private TypeRef TypeOf(SpecNode schema, ObjectBuilder owner, string hint, int depth, out bool nullable)
    {
        nullable = false;
        if (!schema.IsMap) return TypeRef.Any; // 'true' (3.1) or malformed: any JSON
        nullable = schema["nullable"]?.IsTrue == true || schema["x-nullable"]?.IsTrue == true;
        if (depth > MaxDepth)
        {
            Report(DiagnosticDescriptors.UnsupportedSchemaId, schema, owner.Name, $"inline schemas nested deeper than {MaxDepth} levels", "the value is typed as JsonElement so no data is lost");
            return TypeRef.Any;
        }
        if (schema["$ref"]?.AsString() is { } reference)
        {
            var type = RefType(reference, schema["$ref"]!, depth, owner, hint, out bool targetNullable);
            nullable |= targetNullable;
            return type;
        }

        if (schema["properties"] is null && SinglePart(schema, out bool annotatedNullable) is { } only)
        {
            var type = TypeOf(only, owner, hint, depth + 1, out bool partNullable);
            nullable |= partNullable || annotatedNullable;
            return type;
        }
        var typeNames = TypeNames(schema);
        if (typeNames.Contains("null") || (schema["enum"] is { } values && values.Items.Exists(v => v.Kind == SpecNodeKind.Null))) nullable = true;
        if (schema["enum"] is { Kind: SpecNodeKind.Sequence })
        {
            if (typeNames.Count == 1 && typeNames[0] == "null") return TypeRef.Any;
            return Nest(owner, ReadSchema(schema, owner.NestedName(hint), schema, depth));
        }
        if (schema["oneOf"] is not null || schema["anyOf"] is not null)
        {
            var parts = UnionParts(schema);
            if (parts.Count != (schema["oneOf"] ?? schema["anyOf"])!.Items.Count) nullable = true; // a null case was dropped
            if (parts.Count == 1)
            {
                var type = TypeOf(parts[0], owner, hint, depth + 1, out bool partNullable);
                nullable |= partNullable;
                return type;
            }
            if (parts.Count > 1) return Nest(owner, ReadSchema(schema, owner.NestedName(hint), schema, depth));
        }
        if (schema["properties"] is not null || schema["allOf"] is not null) return Nest(owner, ReadSchema(schema, owner.NestedName(hint), schema, depth));

        var nonNull = typeNames.FindAll(t => t != "null");
        if (nonNull.Count > 1) return TypeRef.Any; // e.g. type: [string, integer]
        string? typeName = nonNull.Count == 1 ? nonNull[0] : schema["items"] is not null ? "array" : null;
        string format = schema["format"]?.Text ?? "";
        switch (typeName)
        {
            case "string":
                return format switch
                {
                    "date-time" => TypeRef.DateTime,
                    "date" => TypeRef.Date,
                    _ => TypeRef.String, // uuid, uri, byte (base64), binary…: text on the wire
                };
            case "integer":
                return TypeRef.Integer;
            case "number":
                return format == "decimal" ? TypeRef.Decimal : TypeRef.Number;
            case "boolean":
                return TypeRef.Boolean;
            case "array":
                var items = schema["items"];
                return TypeRef.ArrayOf(items is null ? TypeRef.Any : TypeOf(items, owner, hint + "Item", depth + 1, out _));
            case "object":
                var additional = schema["additionalProperties"];
                return additional is { IsMap: true } && additional.Entries.Count > 0
                    ? TypeRef.MapOf(TypeOf(additional, owner, hint + "Value", depth + 1, out _))
                    : TypeRef.MapOf(TypeRef.Any);
            case null:
                return TypeRef.Any;
            default:
                Report(DiagnosticDescriptors.UnknownTypeId, schema["type"] ?? schema, hint, typeName);
                return TypeRef.Any;
        }
    }

    /// <summary>
    /// A <c>$ref</c>: a local named object/enum/union is a reference to its generated type; a local alias is replaced
    /// by what it aliases (inline schemas inside it become nested types of <paramref name="owner"/>, named from
    /// <paramref name="hint"/>, as if written in place); a ref into another file is resolved across files by the index.
    /// <paramref name="nullable"/> says whether the local schema referred to admits null (<c>nullable: true</c>,
    /// <c>"null"</c> among its types or cases), which a property referring to it then does too.
    /// </summary>
    private TypeRef RefType(string reference, SpecNode at, int depth, ObjectBuilder owner, string hint, out bool nullable)
    {
        nullable = false;
        if (reference.StartsWith("#", StringComparison.Ordinal))
        {
            if (LocalName(reference) is not { } name) return TypeRef.Unknown(reference);
            if (!_byName.TryGetValue(name, out var target)) return TypeRef.Reference(name, reference);
            if (!IsAlias(target, name))
            {
                nullable = AdmitsNull(target);
                // The pointer as the index knows it: a percent-encoded ref ('Page%C2%ABUser%C2%BB') names the same schema.
                return TypeRef.Reference(name, _prefix + EscapePointer(name));
            }
            if (!_resolvingAliases.Add(name))
            {
                Report(DiagnosticDescriptors.UnsupportedSchemaId, at, name, "an alias that refers back to itself", "the value is typed as JsonElement so no data is lost");
                return TypeRef.Any;
            }
            try
            {
                return TypeOf(target, owner, hint, depth + 1, out nullable);
            }
            finally
            {
                _resolvingAliases.Remove(name);
            }
        }
        if (reference.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || reference.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return TypeRef.External(LastSegment(reference), reference);
        }
        return TypeRef.Reference(LastSegment(reference), PercentDecoded(reference));
    }

    /// <summary>A named schema that admits JSON null besides its own shape.</summary>
    private static bool AdmitsNull(SpecNode schema)
    {
        if (!schema.IsMap) return false;
        if (schema["nullable"]?.IsTrue == true || schema["x-nullable"]?.IsTrue == true || TypeNames(schema).Contains("null")) return true;
        if (schema["enum"] is { Kind: SpecNodeKind.Sequence } values && values.Items.Exists(v => v.Kind == SpecNodeKind.Null)) return true;
        var union = schema["oneOf"] ?? schema["anyOf"];
        return union is { Kind: SpecNodeKind.Sequence } && UnionParts(schema).Count != union.Items.Count;
    }

    /// <summary>A ref into another file with percent-encoding undone (RFC 6901 §6), so the index matches it by file and pointer.</summary>
    private static string PercentDecoded(string reference)
    {
        if (reference.IndexOf('%') < 0) return reference;
        try
        {
            return Uri.UnescapeDataString(reference);
        }
        catch (UriFormatException)
        {
            return reference;
        }
    }

    /// <summary>
    /// The one part of an <c>allOf</c> that says what the value is, when every other part only annotates it: the common
    /// way to attach a description to a <c>$ref</c> in OpenAPI 3.0 (<c>allOf: [{$ref: …}, {description: …}]</c>), where
    /// <c>$ref</c> siblings are ignored. Null when several parts carry schema keywords.
    /// </summary>
    /// <param name="schema">The schema with the allOf.</param>
    /// <param name="annotatedNullable">An annotating part says <c>nullable: true</c> (or <c>x-nullable</c>).</param>
    private static SpecNode? SinglePart(SpecNode schema, out bool annotatedNullable)
    {
        annotatedNullable = false;
        if (schema["allOf"] is not { Kind: SpecNodeKind.Sequence } allOf) return null;
        SpecNode? only = null;
        foreach (var part in allOf.Items)
        {
            if (IsAnnotationOnly(part))
            {
                annotatedNullable |= part["nullable"]?.IsTrue == true || part["x-nullable"]?.IsTrue == true;
                continue;
            }
            if (only is not null) return null;
            only = part;
        }
        return only;
    }

    /// <summary>A schema with no keyword that constrains or shapes the value: descriptions, examples, flags, extensions.</summary>
    private static bool IsAnnotationOnly(SpecNode part)
    {
        if (!part.IsMap) return false;
        foreach (var entry in part.Entries)
        {
            switch (entry.Key.Text)
            {
                case "description": case "title": case "example": case "examples": case "nullable": case "deprecated":
                case "readOnly": case "writeOnly": case "default": case "externalDocs": case "$comment":
                    continue;
                default:
                    if (entry.Key.Text.StartsWith("x-", System.StringComparison.Ordinal)) continue;
                    return false;
            }
        }
        return true;
    }

    /// <summary>An alias has nothing to generate: not an object (no properties, no allOf, not a free-form object), enum or union.</summary>
    private bool IsAlias(SpecNode schema, string name)
    {
        if (!schema.IsMap) return true;
        if (schema["enum"] is { Kind: SpecNodeKind.Sequence }) return false;
        if (schema["$ref"] is not null) return true;
        var union = UnionParts(schema);
        if (union.Count > 1) return false;
        if (schema["oneOf"] is not null || schema["anyOf"] is not null) return true;
        if (schema["allOf"] is { Kind: SpecNodeKind.Sequence }) return schema["properties"] is null && SinglePart(schema, out _)?["$ref"] is not null;
        if (schema["properties"] is not null) return false;
        var types = TypeNames(schema);
        if (!types.Contains("object")) return true;
        // A map of a typed value is an alias of that map; a bare or open object is a model of its own.
        return schema["additionalProperties"] is { IsMap: true } additional && additional.Entries.Count > 0;
    }

    private string Describe(SpecNode schema)
    {
        if (!schema.IsMap) return "any JSON value";
        if (schema["$ref"]?.AsString() is { } reference) return $"a reference to '{reference}'";
        var types = TypeNames(schema).FindAll(t => t != "null");
        if (schema["oneOf"] is not null || schema["anyOf"] is not null || schema["allOf"] is not null) return "a single-case composition";
        return types.Count == 0 ? "any JSON value" : (types[0] == "object" ? "a map" : "a " + types[0]);
    }

    /// <summary>The non-null cases of a oneOf/anyOf.</summary>
    private static List<SpecNode> UnionParts(SpecNode schema)
    {
        var parts = new List<SpecNode>();
        if ((schema["oneOf"] ?? schema["anyOf"]) is { Kind: SpecNodeKind.Sequence } list)
        {
            foreach (var part in list.Items)
            {
                var types = TypeNames(part);
                if (types.Count == 1 && types[0] == "null" && part["enum"] is null) continue;
                parts.Add(part);
            }
        }
        return parts;
    }

    /// <summary>The schema's <c>type</c>: a string (3.0) or a list (3.1).</summary>
    private static List<string> TypeNames(SpecNode schema)
    {
        var names = new List<string>();
        var type = schema["type"];
        if (type is null) return names;
        if (type.Kind == SpecNodeKind.Sequence)
        {
            foreach (var item in type.Items) names.Add(item.Text);
        }
        else
        {
            names.Add(type.Text);
        }
        return names;
    }

    private static TypeRef Nest(ObjectBuilder owner, SchemaType nested)
    {
        owner.Nested.Add(nested);
        return TypeRef.NestedType(nested.Name);
    }

    private static string? Description(SpecNode schema)
        => schema["description"]?.AsString() is { Length: > 0 } d ? d.Trim() : schema["title"]?.AsString() is { Length: > 0 } t ? t.Trim() : null;

    /// <summary>The property's description, plus its default (documented only: absent members stay absent on a round trip).</summary>
    private static string? FieldDescription(SpecNode property)
    {
        string? description = Description(property);
        string? notes = null;
        if (property["default"] is { } value && value.Kind is not (SpecNodeKind.Map or SpecNodeKind.Sequence)) notes = $"Default: {value.Text}.";
        if (property["readOnly"]?.IsTrue == true) notes = (notes is null ? "" : notes + " ") + "Read-only: sent by the server only.";
        if (property["writeOnly"]?.IsTrue == true) notes = (notes is null ? "" : notes + " ") + "Write-only: sent by the client only.";
        return notes is null ? description : description is null ? notes : description + "\n" + notes;
    }

    /// <summary>The schema name of a local ref to a named schema (<c>#/components/schemas/Pet</c> → <c>Pet</c>), else null.</summary>
    private string? LocalName(string reference)
    {
        int hash = reference.IndexOf('#');
        string pointer = hash >= 0 ? reference.Substring(hash + 1) : reference;
        if (hash > 0) return null; // another file
        string prefix = _prefix.Substring(1);
        if (!pointer.StartsWith(prefix, StringComparison.Ordinal)) return null;
        string rest = pointer.Substring(prefix.Length);
        return rest.Length == 0 || rest.IndexOf('/') >= 0 ? null : UnescapePointer(rest);
    }

    /// <summary>The name a ref into another file goes by: the pointer's last segment, else the file name without extension.</summary>
    private static string LastSegment(string reference)
    {
        int hash = reference.IndexOf('#');
        string pointer = hash >= 0 ? reference.Substring(hash + 1).Trim('/') : "";
        string source = pointer.Length > 0 ? pointer : (hash >= 0 ? reference.Substring(0, hash) : reference).TrimEnd('/');
        string last = source.Substring(source.LastIndexOf('/') + 1);
        int dot = last.LastIndexOf('.');
        if (pointer.Length == 0 && dot > 0) last = last.Substring(0, dot);
        return UnescapePointer(last);
    }

    public static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");

    private static string UnescapePointer(string segment) => Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");

    /// <summary>An object schema being assembled (fields from properties and allOf parts, inline nested types).</summary>
    private sealed class ObjectBuilder
    {
        private readonly HashSet<string> _nestedNames = new(StringComparer.Ordinal);

        public ObjectBuilder(string name) => Name = name;

        public string Name { get; }

        public List<SchemaField> Fields { get; } = new();

        public List<SchemaType> Nested { get; } = new();

        public bool IsOpen { get; set; }

        /// <summary>A nested type name unique within this owner.</summary>
        public string NestedName(string hint)
        {
            string name = hint.Length == 0 ? "Nested" : hint;
            if (_nestedNames.Add(name)) return name;
            for (int n = 2; ; n++)
            {
                string candidate = name + n.ToString(CultureInfo.InvariantCulture);
                if (_nestedNames.Add(candidate)) return candidate;
            }
        }
    }
}
