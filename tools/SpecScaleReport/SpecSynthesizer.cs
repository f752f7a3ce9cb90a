using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SpecScaleReport;

/// <summary>
/// Builds a large, realistic OpenAPI spec deterministically (seeded <see cref="Random"/>): a fixed set of hand-written
/// schemas that cover every construct the report must exercise (cycles, self-references, nested containers, unions with
/// and without discriminators, allOf over local bases, aliases, awkward names, a sibling file), then generated
/// "SaaS resource" schemas until there are <c>N</c>. Every property carries what its C# type should be.
/// </summary>
internal sealed class SpecSynthesizer
{
    public const string Main = "api";
    public const string Other = "other";

    private readonly Random _rng;
    private readonly SpecModel _m;
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, NamedSchema> _byKey = new(StringComparer.Ordinal);

    private SpecSynthesizer(int seed)
    {
        _rng = new Random(seed);
        _m = new SpecModel { Seed = seed };
    }

    /// <summary>A schema node and what it should become.</summary>
    private readonly record struct T(Node Node, Exp Exp, bool TargetNullable = false);

    /// <summary>A property being declared.</summary>
    private sealed class Prop
    {
        public Prop(string name, T type) { Name = name; Type = type; }

        public string Name { get; }
        public T Type { get; }
        public bool Required { get; set; }
        public bool Nullable { get; set; }
        public string? Description { get; set; }
        public bool Deprecated { get; set; }
        public bool ReadOnly { get; set; }
        public bool WriteOnly { get; set; }
        public object? Default { get; set; }
        public Node? Example { get; set; }
    }

    public static SpecModel Create(int schemaCount, int seed, string contextName)
    {
        var s = new SpecSynthesizer(seed);
        s.Build(schemaCount);
        ExpectedNames.Assign(s._m, contextName);
        return s._m;
    }

    public const int MinimumSchemas = 120;

    private NamedSchema S(string name) => _byKey[Main + "#" + name];

    private NamedSchema O(string name) => _byKey[Other + "#" + name];

    private NamedSchema Declare(string name, string file, SchemaKind kind, bool allowDuplicateName = false)
    {
        if (!_taken.Add(ExpectedNames.Pascal(name)) && !allowDuplicateName) throw new InvalidOperationException("name used twice: " + name);
        var schema = new NamedSchema(name, file, kind);
        _byKey.Add(file + "#" + name, schema);
        _m.Schemas.Add(schema);
        return schema;
    }

    private bool TryReserve(string name) => _taken.Add(ExpectedNames.Pascal(name));

    // ---------------------------------------------------------------------------------------------------------------
    // Typed node factories
    // ---------------------------------------------------------------------------------------------------------------

    private static T Str(string? format = null, Action<MapNode>? extra = null)
    {
        var node = new MapNode().Add("type", "string");
        if (format is not null) node.Add("format", format);
        extra?.Invoke(node);
        Exp exp = format switch
        {
            "date-time" => PrimExp.DateTime,
            "date" => PrimExp.Date,
            _ => PrimExp.String,
        };
        return new T(node, exp);
    }

    private static T Int(string? format = "int64", Action<MapNode>? extra = null)
    {
        var node = new MapNode().Add("type", "integer");
        if (format is not null) node.Add("format", format);
        extra?.Invoke(node);
        return new T(node, PrimExp.Long);
    }

    private static T Num(string? format = "double", Action<MapNode>? extra = null)
    {
        var node = new MapNode().Add("type", "number");
        if (format is not null) node.Add("format", format);
        extra?.Invoke(node);
        return new T(node, format == "decimal" ? PrimExp.Decimal : PrimExp.Double);
    }

    private static T Bool() => new(new MapNode().Add("type", "boolean"), PrimExp.Bool);

    /// <summary>Any JSON value: an empty schema, or one with only a description.</summary>
    private static T AnyValue(string? description = null)
    {
        var node = new MapNode();
        if (description is not null) node.Add("description", description);
        return new T(node, PrimExp.Any);
    }

    private static T Arr(T item, Action<MapNode>? extra = null)
    {
        var node = new MapNode().Add("type", "array").Add("items", item.Node);
        extra?.Invoke(node);
        return new T(node, new ListExp(item.Exp));
    }

    private static T MapOf(T value) => new(new MapNode().Add("type", "object").Add("additionalProperties", value.Node), new MapExp(value.Exp));

    /// <summary>A free-form object property: <c>type: object</c> alone, or with <c>additionalProperties: true</c> / <c>{}</c>.</summary>
    private static T FreeForm(int style)
    {
        var node = new MapNode().Add("type", "object");
        if (style == 1) node.Add("additionalProperties", true);
        if (style == 2) node.Add("additionalProperties", new MapNode());
        return new T(node, new MapExp(PrimExp.Any));
    }

    /// <summary>A reference from a schema of <paramref name="fromFile"/>.</summary>
    private static T Ref(NamedSchema target, string fromFile, bool percentEncode = false)
    {
        var node = new RefNode(target.File == fromFile ? null : target.File, target.Name, percentEncode);
        if (target.Kind != SchemaKind.Alias) return new T(node, new RefExp(target), target.Nullable);
        var aliased = target.AliasOf ?? throw new InvalidOperationException("alias used before it was built: " + target);
        if (target.File != fromFile)
        {
            // Aliases generate no type; the reader inlines them within their own file only.
            return new T(node, new LimitExp(aliased, "GM0003", "a $ref to a named alias (no type of its own) in another file"), target.Nullable);
        }
        return new T(node, aliased, target.Nullable);
    }

    private T InlineObject(string file, IEnumerable<Prop> props, Action<MapNode>? extra = null)
    {
        var node = new MapNode().Add("type", "object");
        var exps = AddProperties(node, props, file);
        extra?.Invoke(node);
        return new T(node, new InlineObjectExp(exps));
    }

    private static T InlineEnum(params string[] values)
        => new(new MapNode().Add("type", "string").Add("enum", new SeqNode(values.Select(v => new Scalar(v)))), new InlineEnumExp(values, "string"));

    private static T InlineUnion(string keyword, params T[] cases)
        => new(new MapNode().Add(keyword, new SeqNode(cases.Select(c => c.Node))), new InlineUnionExp(cases.Select(c => c.Exp).ToList()));

    private static T Titled(string title, T type)
    {
        var node = ((MapNode)type.Node).Copy();
        node.Entries.Insert(0, new Entry("title", new Scalar(title), null));
        return type with { Node = node };
    }

    private static Prop P(string name, T type, bool required = false, bool nullable = false, string? description = null)
        => new(name, type) { Required = required, Nullable = nullable, Description = description };

    /// <summary>Adds <c>required</c> and <c>properties</c> to an object node; returns what each property should become.</summary>
    private List<PropExp> AddProperties(MapNode node, IEnumerable<Prop> props, string file)
    {
        var list = props.ToList();
        var required = list.Where(p => p.Required).Select(p => (Node)new Scalar(p.Name)).ToList();
        if (required.Count != 0) node.Add("required", new SeqNode(required));
        var properties = new MapNode();
        var exps = new List<PropExp>();
        foreach (var prop in list)
        {
            var exp = new PropExp(prop.Name, prop.Type.Exp, prop.Required && !prop.ReadOnly && !prop.WriteOnly, prop.Nullable || prop.Type.TargetNullable, prop.Deprecated);
            properties.Add(prop.Name, PropertyNode(prop), exp);
            exps.Add(exp);
        }
        node.Add("properties", properties);
        return exps;
    }

    private static Node PropertyNode(Prop prop)
    {
        var decorations = new List<Entry>();
        if (prop.Description is not null) decorations.Add(new Entry("description", new Scalar(prop.Description), null));
        if (prop.ReadOnly) decorations.Add(new Entry("readOnly", new Scalar(true), null));
        if (prop.WriteOnly) decorations.Add(new Entry("writeOnly", new Scalar(true), null));
        if (prop.Deprecated) decorations.Add(new Entry("deprecated", new Scalar(true), null));
        if (prop.Default is not null) decorations.Add(new Entry("default", new Scalar(prop.Default), null));
        if (prop.Example is not null)
        {
            decorations.Add(new Entry("example", prop.Example, null));
        }
        Node node = prop.Type.Node;
        if (node is RefNode reference)
        {
            if (decorations.Count != 0)
            {
                // $ref siblings are ignored in 3.0: the usual way to describe a referenced property is a one-part allOf.
                var wrapper = new MapNode();
                wrapper.Entries.AddRange(decorations.Where(d => d.Key == "description"));
                wrapper.Add("allOf", new SeqNode(new Node[] { reference }));
                wrapper.Entries.AddRange(decorations.Where(d => d.Key != "description" && d.Key != "example"));
                node = wrapper;
            }
        }
        else if (node is MapNode map)
        {
            var copy = new MapNode();
            copy.Entries.AddRange(decorations.Where(d => d.Key == "description"));
            copy.Entries.AddRange(map.Entries);
            copy.Entries.AddRange(decorations.Where(d => d.Key != "description"));
            node = copy;
        }
        if (prop.Nullable) node = new NullableNode(node);
        return node;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Named schema builders
    // ---------------------------------------------------------------------------------------------------------------

    private void BuildObject(NamedSchema schema, IEnumerable<Prop> props, string? description, Action<MapNode>? extra = null, bool deprecated = false)
    {
        var node = new MapNode().Add("type", "object");
        if (description is not null) node.Add("description", description);
        if (deprecated) node.Add("deprecated", true);
        schema.Props.AddRange(AddProperties(node, props, schema.File));
        extra?.Invoke(node);
        schema.Node = node;
        schema.Deprecated = deprecated;
    }

    /// <summary>allOf over local bases plus an inline part; fields merge as the generator merges them (bases first, later wins).</summary>
    private void BuildComposed(NamedSchema schema, IEnumerable<NamedSchema> bases, IEnumerable<Prop> own, string? description, string[]? requiredLater = null, Node[]? extraParts = null)
    {
        var parts = new List<Node>();
        var merged = new List<PropExp>();
        foreach (var b in bases)
        {
            parts.Add(new RefNode(b.File == schema.File ? null : b.File, b.Name));
            if (b.File != schema.File) continue; // not supported across files (GM0012, expected by the caller)
            if (b.Props.Count == 0 && b.Kind == SchemaKind.Object && b.Node is MapNode { Entries.Count: 0 }) throw new InvalidOperationException("base built after " + schema);
            foreach (var p in b.Props) Merge(merged, p);
        }
        var inline = new MapNode().Add("type", "object");
        foreach (var p in AddProperties(inline, own, schema.File)) Merge(merged, p);
        parts.Add(inline);
        if (extraParts is not null) parts.AddRange(extraParts);
        var node = new MapNode();
        if (description is not null) node.Add("description", description);
        node.Add("allOf", new SeqNode(parts));
        if (requiredLater is not null)
        {
            node.Add("required", new SeqNode(requiredLater.Select(r => new Scalar(r))));
            for (int i = 0; i < merged.Count; i++)
            {
                var p = merged[i];
                if (requiredLater.Contains(p.JsonName)) merged[i] = new PropExp(p.JsonName, p.Type, true, p.Nullable, p.Deprecated);
            }
        }
        schema.Props.AddRange(merged);
        schema.Node = node;
    }

    private static void Merge(List<PropExp> merged, PropExp p)
    {
        int at = merged.FindIndex(m => m.JsonName == p.JsonName);
        if (at >= 0) merged[at] = p;
        else merged.Add(p);
    }

    private static void BuildEnum(NamedSchema schema, IReadOnlyList<object> values, string? description, bool nullable = false, string[]? varNames = null)
    {
        string type = schema.Kind switch { SchemaKind.IntegerEnum => "integer", SchemaKind.NumberEnum => "number", _ => "string" };
        var node = new MapNode().Add("type", type);
        if (description is not null) node.Add("description", description);
        node.Add("enum", new SeqNode(values.Select(v => new Scalar(v))));
        if (varNames is not null) node.Add("x-enum-varnames", new SeqNode(varNames.Select(v => new Scalar(v))));
        schema.EnumValueList.AddRange(values);
        schema.Nullable = nullable;
        schema.Node = nullable ? new NullableNode(node) : node;
    }

    private static void BuildUnion(NamedSchema schema, string keyword, IReadOnlyList<T> cases, string? description, string? discriminator = null, IReadOnlyList<(string Value, NamedSchema Target)>? mapping = null)
    {
        var node = new MapNode();
        if (description is not null) node.Add("description", description);
        node.Add(keyword, new SeqNode(cases.Select(c => c.Node)));
        if (discriminator is not null)
        {
            var d = new MapNode().Add("propertyName", discriminator);
            if (mapping is not null)
            {
                var map = new MapNode();
                foreach (var (value, target) in mapping) map.Add(value, Lowering.RefText(new RefNode(null, target.Name), SpecForm.Yaml30));
                d.Add("mapping", map);
            }
            node.Add("discriminator", d);
        }
        schema.Cases.AddRange(cases.Select(c => c.Exp));
        schema.Node = node;
    }

    private static void BuildAlias(NamedSchema schema, T type, string? description, bool nullable = false)
    {
        Node node = type.Node;
        if (description is not null && node is MapNode map)
        {
            var copy = new MapNode().Add("description", description);
            copy.Entries.AddRange(map.Entries);
            node = copy;
        }
        schema.AliasOf = type.Exp;
        schema.Nullable = nullable;
        schema.Node = nullable ? new NullableNode(node) : node;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The whole spec
    // ---------------------------------------------------------------------------------------------------------------

    private void Build(int schemaCount)
    {
        if (schemaCount < MinimumSchemas) throw new ArgumentOutOfRangeException(nameof(schemaCount), $"at least {MinimumSchemas} schemas");
        DeclareFeatures();
        int features = _m.Schemas.Count;
        DeclareFiller(schemaCount - features);
        BuildFeatureAliasesAndEnums();
        BuildFillerAliasesAndEnums();
        BuildFeatureObjects();
        BuildFillerObjects();
        BuildFillerUnions();
        BuildPaths();
        // Schemas are listed alphabetically, as most spec writers emit them.
        var ordered = _m.Schemas.OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        _m.Schemas.Clear();
        _m.Schemas.AddRange(ordered);
    }

    // Names of the hand-written schemas (main file unless noted).
    private static readonly (string Name, SchemaKind Kind)[] MainFeatures =
    {
        ("Resource", SchemaKind.Object), ("Timestamps", SchemaKind.Object), ("AuditedResource", SchemaKind.Object),
        ("Customer", SchemaKind.Object), ("Invoice", SchemaKind.Object), ("InvoiceStatus", SchemaKind.StringEnum),
        ("Priority", SchemaKind.IntegerEnum), ("TaxRate", SchemaKind.NumberEnum), ("AwkwardValues", SchemaKind.StringEnum),
        ("PaymentSource", SchemaKind.Union), ("Card", SchemaKind.Object), ("BankAccount", SchemaKind.Object), ("Wallet", SchemaKind.Object),
        ("Shape", SchemaKind.Union), ("Circle", SchemaKind.Object), ("Square", SchemaKind.Object),
        ("ExpandableCustomer", SchemaKind.Union), ("Notification", SchemaKind.Union), ("StringOrList", SchemaKind.Union), ("Amount", SchemaKind.Union),
        ("TreeNode", SchemaKind.Object), ("Category", SchemaKind.Object), ("Team", SchemaKind.Object), ("Member", SchemaKind.Object),
        ("ReportMatrix", SchemaKind.Object), ("Metric", SchemaKind.Object),
        ("Settings", SchemaKind.Object), ("StrictSettings", SchemaKind.Object), ("LabelledThing", SchemaKind.Object), ("FreeForm", SchemaKind.Object),
        ("Counters", SchemaKind.Alias), ("EmptyObject", SchemaKind.Object),
        ("LegacyCharge", SchemaKind.Object), ("Contact", SchemaKind.Object), ("Price", SchemaKind.Object), ("Discount", SchemaKind.Object),
        ("Email", SchemaKind.Alias), ("ResourceId", SchemaKind.Alias), ("CustomerId", SchemaKind.Alias), ("Money", SchemaKind.Alias),
        ("Timestamp", SchemaKind.Alias), ("Tags", SchemaKind.Alias), ("Metadata", SchemaKind.Alias), ("IdList", SchemaKind.Alias),
        ("Scopes", SchemaKind.Alias), ("LineItems", SchemaKind.Alias), ("OptionalNote", SchemaKind.Alias), ("CustomerList", SchemaKind.Alias),
        ("LegacyCustomer", SchemaKind.Alias), ("PrimaryContact", SchemaKind.Alias), ("AliasUser", SchemaKind.Object),
        ("payment-method", SchemaKind.Object), ("3ds-authentication", SchemaKind.Object), ("2fa_settings", SchemaKind.Object),
        ("event", SchemaKind.Object), ("object", SchemaKind.Object), ("class", SchemaKind.StringEnum), ("namespace", SchemaKind.Object),
        ("System", SchemaKind.Object), ("Task", SchemaKind.Object), ("Type", SchemaKind.StringEnum), ("Action", SchemaKind.Object),
        ("io.acme.billing.v1.Invoice", SchemaKind.Object), ("Page«Customer»", SchemaKind.Object), ("legacy/Widget", SchemaKind.Object),
        ("HTTP_ERROR", SchemaKind.Object), ("Customer Portal Session", SchemaKind.Object), ("Café", SchemaKind.Object), ("NameUser", SchemaKind.Object),
        ("Version", SchemaKind.Object), ("WeirdProps", SchemaKind.Object), ("OrganizationProfile", SchemaKind.Object), ("OrgCore", SchemaKind.Object),
        ("InlineShowcase", SchemaKind.Object), ("SubscriptionItemWithPlan", SchemaKind.Object), ("AuditedAddress", SchemaKind.Object),
        ("Error", SchemaKind.Object), ("ErrorType", SchemaKind.StringEnum),
    };

    private static readonly (string Name, SchemaKind Kind)[] OtherFeatures =
    {
        ("Error", SchemaKind.Object), ("Address", SchemaKind.Object), ("Currency", SchemaKind.StringEnum), ("CurrencyCode", SchemaKind.Alias),
        ("AuditBase", SchemaKind.Object), ("Pagination", SchemaKind.Object), ("RateLimit", SchemaKind.Object), ("GeoPoint", SchemaKind.Object),
    };

    private void DeclareFeatures()
    {
        foreach (var (name, kind) in MainFeatures) Declare(name, Main, kind);
        foreach (var (name, kind) in OtherFeatures) Declare(name, Other, kind, allowDuplicateName: name == "Error");
    }

    private void BuildFeatureAliasesAndEnums()
    {
        BuildAlias(S("Email"), Str("email", n => n.Add("maxLength", 512L)), "An email address.");
        BuildAlias(S("ResourceId"), Str(null, n => n.Add("pattern", "^[a-z]{2,4}_[A-Za-z0-9]{14,24}$")), "An object identifier: a prefix, an underscore and a random suffix.");
        BuildAlias(S("CustomerId"), Ref(S("ResourceId"), Main), "The ID of a customer (an alias of an alias).");
        BuildAlias(S("Money"), Int("int64"), "An amount in the currency's smallest unit (cents).");
        BuildAlias(S("Timestamp"), Str("date-time"), null);
        BuildAlias(S("Tags"), Arr(Str()), "Free-form labels.");
        BuildAlias(S("Metadata"), MapOf(Str(null, n => n.Add("maxLength", 500L))), "Set of key-value pairs that you can attach to an object.\n\nUseful for storing additional information in a structured format.");
        BuildAlias(S("IdList"), Arr(Str("uuid")), null);
        BuildAlias(S("Scopes"), Arr(InlineEnum("read", "write", "admin", "billing:read", "billing:write")), "OAuth scopes granted to the key.");
        BuildAlias(S("LineItems"), Arr(InlineObject(Main, new[]
        {
            P("sku", Str(), required: true),
            P("quantity", Int("int32"), required: true),
            P("unit_amount", Ref(S("Money"), Main)),
        })), "Lines of an order, as an array of inline objects.");
        BuildAlias(S("OptionalNote"), Str(null, n => n.Add("maxLength", 5000L)), "A note that may be null.", nullable: true);
        BuildAlias(S("Counters"), MapOf(Int("int64")), "Named counters (a named map: no type of its own).");
        BuildAlias(S("CustomerList"), Arr(Ref(S("Customer"), Main)), null);
        BuildAlias(S("LegacyCustomer"), new T(new MapNode().Add("allOf", new SeqNode(new Node[] { new RefNode(null, "Customer") })), new RefExp(S("Customer"))), "A one-part allOf: an alias of Customer.");
        BuildAlias(S("PrimaryContact"), Ref(S("Contact"), Main), null);
        BuildAlias(O("CurrencyCode"), Str(null, n => n.Add("pattern", "^[A-Z]{3}$")), "ISO 4217 code, upper case.");

        BuildEnum(S("InvoiceStatus"), new object[] { "draft", "open", "paid", "uncollectible", "void" }, "The status of the invoice; null while it is being created.", nullable: true);
        BuildEnum(S("Priority"), new object[] { 1L, 2L, 3L, 4L }, "Priority, as a number.", varNames: new[] { "Low", "Medium", "High", "Urgent" });
        BuildEnum(S("TaxRate"), new object[] { 0.05, 0.075, 0.2, 0.25 }, "Standard tax rates (a number enum).");
        BuildEnum(S("AwkwardValues"), new object[] { "", "in_progress", "in-progress", "2fa_required", "UPPER_CASE", "class", "with space", "ünïcode", "null" }, "Values that need care: empty, clashing, digits, keywords, spaces, non-ASCII.");
        BuildEnum(S("class"), new object[] { "economy", "business", "first" }, "A schema named like a C# keyword.");
        BuildEnum(S("Type"), new object[] { "individual", "company", "non_profit" }, null);
        BuildEnum(S("ErrorType"), new object[] { "api_error", "card_error", "idempotency_error", "invalid_request_error" }, null);
        BuildEnum(O("Currency"), new object[] { "usd", "eur", "gbp", "jpy", "chf", "cad", "aud" }, "Three-letter ISO currency code, in lowercase.");
    }

    private void BuildFeatureObjects()
    {
        // allOf bases, multi-level composition.
        BuildObject(S("Resource"), new[]
        {
            new Prop("id", Ref(S("ResourceId"), Main)) { Required = true, ReadOnly = true, Description = "Unique identifier for the object." },
            P("object", Str(), required: true, description: "String representing the object's type."),
            new Prop("created_at", Str("date-time")) { Required = true, ReadOnly = true, Description = "Time at which the object was created." },
            P("livemode", Bool(), description: "`true` in live mode, `false` in test mode."),
            P("metadata", Ref(S("Metadata"), Main)),
        }, "Fields every resource has.");
        BuildObject(S("Timestamps"), new[]
        {
            P("created_at", Str("date-time"), description: "Redefined by a later allOf part: the later one wins."),
            P("updated_at", Str("date-time"), nullable: true),
            P("deleted_at", Str("date-time"), nullable: true),
        }, null);
        BuildComposed(S("AuditedResource"), new[] { S("Resource"), S("Timestamps") }, new[]
        {
            P("created_by", Str(), required: true),
            P("revision", Int("int32"), description: "Incremented on every change."),
        }, "A resource with an audit trail (allOf over two local bases).");
        BuildObject(S("Price"), new[]
        {
            P("id", Str(), required: true),
            P("unit_amount", Ref(S("Money"), Main), nullable: true),
            P("unit_amount_decimal", Num("decimal")),
            P("currency", Ref(O("Currency"), Main), required: true),
            P("recurring", InlineObject(Main, new[] { P("interval", InlineEnum("day", "week", "month", "year"), required: true), P("interval_count", Int("int32")) }), nullable: true),
        }, null);
        BuildObject(S("Discount"), new[]
        {
            P("id", Str(), required: true),
            P("percent_off", Num("float"), nullable: true),
            P("amount_off", Ref(S("Money"), Main), nullable: true),
            P("end", Str("date-time"), nullable: true),
        }, null);
        BuildObject(S("Contact"), new[] { P("name", Str(), required: true), P("email", Ref(S("Email"), Main)), P("phone", Str(null, n => n.Add("pattern", "^\\+[1-9]\\d{1,14}$"))) }, "A person to contact.");

        var customer = S("Customer");
        BuildObject(customer, new[]
        {
            new Prop("id", Ref(S("CustomerId"), Main)) { Required = true, ReadOnly = true },
            P("object", InlineEnum("customer"), required: true),
            P("email", Ref(S("Email"), Main), nullable: true),
            P("name", Str(null, n => n.Add("maxLength", 256L)), nullable: true, description: "The customer's full name or business name."),
            P("address", Ref(O("Address"), Main), nullable: true, description: "A $ref into the sibling file (which refers back to Customer)."),
            P("default_source", Ref(S("PaymentSource"), Main), nullable: true),
            P("latest_invoice", Ref(S("Invoice"), Main), nullable: true, description: "Customer → Invoice → Customer: a cycle."),
            P("invoices", Arr(Ref(S("Invoice"), Main))),
            P("tags", Ref(S("Tags"), Main)),
            P("preferred_locales", Arr(Str())),
            P("balance", Ref(S("Money"), Main), required: true),
            P("currency", Ref(O("Currency"), Main)),
            P("currency_code", Ref(O("CurrencyCode"), Main), description: "A named string alias in the sibling file."),
            P("tax_ids", Arr(InlineObject(Main, new[] { P("type", InlineEnum("eu_vat", "us_ein", "gb_vat", "au_abn"), required: true), P("value", Str(), required: true), P("verified_at", Str("date-time"), nullable: true) }))),
            P("discount", Ref(S("Discount"), Main), nullable: true),
            P("note", Ref(S("OptionalNote"), Main), required: true, description: "Required, and may be null through the alias."),
            new Prop("delinquent", Bool()) { Default = false, Description = "Whether the latest charge failed." },
            new Prop("invoice_prefix", Str()) { Example = new Scalar("ACME-") },
            new Prop("secret_pin", Str()) { WriteOnly = true, Required = true, Description = "Write-only: never sent back." },
            P("priority", Ref(S("Priority"), Main)),
        }, "A customer of the platform.", n => n.Add("x-expandableFields", new SeqNode(new Node[] { new Scalar("default_source"), new Scalar("latest_invoice") })));

        var invoice = S("Invoice");
        BuildComposed(invoice, new[] { S("AuditedResource") }, new[]
        {
            P("customer", Ref(customer, Main), required: true, description: "Invoice → Customer closes the cycle."),
            P("status", Ref(S("InvoiceStatus"), Main), required: true, description: "A required $ref to a nullable named enum."),
            P("lines", Arr(InlineObject(Main, new[]
            {
                P("id", Str(), required: true),
                P("amount", Ref(S("Money"), Main), required: true),
                P("description", Str(), nullable: true),
                P("price", Ref(S("Price"), Main)),
                P("period", InlineObject(Main, new[] { P("start", Str("date"), required: true), P("end", Str("date"), required: true) })),
                P("tax_rates", Arr(Ref(S("TaxRate"), Main))),
            })), required: true),
            P("total", Int("int64"), required: true),
            P("tax", Num("decimal"), nullable: true),
            P("due_date", Str("date"), nullable: true),
            P("pdf", Str("byte"), description: "The PDF, base64-encoded."),
            P("footer", Str(), description: "Footer text; may contain <b>markup</b> & \"quotes\" and */ or </summary>."),
        }, "An invoice (allOf: AuditedResource → Resource + Timestamps, two levels).", requiredLater: new[] { "livemode" });

        // Discriminated union with mapping; its cases.
        BuildObject(S("Card"), new[]
        {
            P("object", InlineEnum("card"), required: true),
            P("brand", InlineEnum("visa", "mastercard", "amex", "discover", "unknown"), required: true),
            P("last4", Str(null, n => n.Add("minLength", 4L).Add("maxLength", 4L)), required: true),
            P("exp_month", Int("int32"), required: true),
            P("exp_year", Int("int32"), required: true),
            P("customer", Ref(S("ExpandableCustomer"), Main), nullable: true, description: "The customer's ID, or the customer when expanded."),
            P("three_d_secure", Ref(S("3ds-authentication"), Main), nullable: true),
        }, null);
        BuildObject(S("BankAccount"), new[]
        {
            P("object", InlineEnum("bank_account"), required: true),
            P("bank_name", Str(), nullable: true),
            P("routing_number", Str()),
            P("account_holder_type", InlineEnum("individual", "company"), nullable: true),
            P("status", InlineEnum("new", "validated", "verified", "verification_failed", "errored")),
        }, null);
        BuildObject(S("Wallet"), new[]
        {
            P("object", InlineEnum("wallet"), required: true),
            P("provider", InlineEnum("apple_pay", "google_pay", "link")),
            P("dynamic_last4", Str(), nullable: true),
        }, null);
        BuildUnion(S("PaymentSource"), "oneOf", new[] { Ref(S("Card"), Main), Ref(S("BankAccount"), Main), Ref(S("Wallet"), Main) },
            "A payment source, chosen by its `object` member.", "object",
            new[] { ("card", S("Card")), ("bank_account", S("BankAccount")), ("wallet", S("Wallet")) });
        BuildObject(S("Circle"), new[] { P("kind", Str(), required: true), P("radius", Num("double"), required: true) }, null);
        BuildObject(S("Square"), new[] { P("kind", Str(), required: true), P("side", Num("double"), required: true) }, null);
        BuildUnion(S("Shape"), "oneOf", new[] { Ref(S("Circle"), Main), Ref(S("Square"), Main) }, "Discriminated by `kind` without a mapping: the schema names are the values.", "kind");
        BuildUnion(S("ExpandableCustomer"), "anyOf", new[] { Str(null, n => n.Add("maxLength", 5000L)), Ref(customer, Main) }, "An ID, or the expanded object.");
        BuildUnion(S("Notification"), "oneOf", new[]
        {
            Titled("EmailNotification", InlineObject(Main, new[] { P("to", Ref(S("Email"), Main), required: true), P("subject", Str(), required: true), P("cc", Arr(Ref(S("Email"), Main))) })),
            Titled("SmsNotification", InlineObject(Main, new[] { P("phone", Str(), required: true), P("segments", Int("int32")) })),
            Titled("WebhookNotification", InlineObject(Main, new[] { P("url", Str("uri"), required: true), new Prop("secret", Str()) { WriteOnly = true } })),
        }, "Inline object cases with titles.");
        BuildUnion(S("StringOrList"), "oneOf", new[] { Str(), Arr(Str()) }, null);
        BuildUnion(S("Amount"), "oneOf", new[] { Int("int64"), Str(null, n => n.Add("pattern", "^[0-9]+(\\.[0-9]+)?$")) }, "An amount, as a number or a decimal string.");

        // Self-references and cycles.
        var tree = S("TreeNode");
        BuildObject(tree, new[]
        {
            P("id", Str("uuid"), required: true),
            P("label", Str(), required: true),
            P("parent", Ref(tree, Main), nullable: true, description: "A self-reference."),
            P("children", Arr(Ref(tree, Main)), required: true),
            P("siblings_by_name", MapOf(Ref(tree, Main))),
        }, "A tree: references itself.");
        var category = S("Category");
        BuildObject(category, new[]
        {
            P("slug", Str(), required: true),
            P("subcategories", MapOf(Arr(Ref(category, Main)))),
            P("featured", Ref(category, Main)),
        }, null);
        BuildObject(S("Team"), new[]
        {
            P("id", Str(), required: true),
            P("members", Arr(Ref(S("Member"), Main)), required: true),
            P("lead", Ref(S("Member"), Main), nullable: true),
        }, null);
        BuildObject(S("Member"), new[]
        {
            P("id", Str(), required: true),
            P("team", Ref(S("Team"), Main), description: "Member → Team → Member."),
            P("role", InlineEnum("owner", "admin", "developer", "viewer"), required: true),
            P("scopes", Ref(S("Scopes"), Main), description: "An alias of an array of an inline enum."),
            P("contact", Ref(S("PrimaryContact"), Main)),
        }, null);

        // Nested containers.
        BuildObject(S("Metric"), new[] { P("name", Str(), required: true), P("value", Num("double"), required: true), P("unit", Str()) }, null);
        BuildObject(S("ReportMatrix"), new[]
        {
            P("cells", Arr(MapOf(Arr(Ref(S("Metric"), Main)))), required: true, description: "Array of map of array of $ref."),
            P("series", MapOf(Arr(Num("double")))),
            P("grid", Arr(Arr(Int("int32")))),
            P("lookup", MapOf(MapOf(Str()))),
            P("buckets", Arr(MapOf(Arr(InlineObject(Main, new[] { P("key", Str(), required: true), P("doc_count", Int("int64"), required: true) }))))),
            P("dimensions", Arr(Ref(S("Tags"), Main)), description: "Array of an array alias."),
            P("histogram", MapOf(Ref(S("Counters"), Main)), description: "Map of a map alias."),
        }, "Arrays and maps nested in each other.");

        // additionalProperties variants.
        BuildObject(S("Settings"), new[] { P("theme", InlineEnum("light", "dark", "system")), P("language", Str()) }, "Open: additionalProperties true.", n => n.Add("additionalProperties", true));
        BuildObject(S("StrictSettings"), new[] { P("theme", Str(), required: true) }, "Closed: additionalProperties false.", n => n.Add("additionalProperties", false));
        BuildObject(S("LabelledThing"), new[] { P("name", Str(), required: true) }, "Declared members plus string-valued extras.", n => n.Add("additionalProperties", new MapNode().Add("type", "string")));
        S("FreeForm").Node = new MapNode().Add("type", "object").Add("description", "Any object: no declared members.");
        S("EmptyObject").Node = new MapNode().Add("type", "object").Add("properties", new MapNode());

        BuildObject(S("LegacyCharge"), new[]
        {
            P("id", Str(), required: true),
            new Prop("amount", Int("int64")) { Deprecated = true, Description = "Use amount_v2." },
            P("amount_v2", Ref(S("Amount"), Main)),
            new Prop("source", Ref(S("PaymentSource"), Main)) { Deprecated = true },
        }, "Charges of the v1 API.", deprecated: true);

        BuildObject(S("AliasUser"), new[]
        {
            P("email", Ref(S("Email"), Main), required: true),
            P("customer_id", Ref(S("CustomerId"), Main), required: true),
            P("amount", Ref(S("Money"), Main)),
            P("at", Ref(S("Timestamp"), Main)),
            P("tags", Ref(S("Tags"), Main)),
            P("metadata", Ref(S("Metadata"), Main)),
            P("ids", Ref(S("IdList"), Main)),
            P("scopes", Ref(S("Scopes"), Main), required: true),
            P("items", Ref(S("LineItems"), Main)),
            P("note", Ref(S("OptionalNote"), Main)),
            P("customers", Ref(S("CustomerList"), Main)),
            P("legacy", Ref(S("LegacyCustomer"), Main)),
            P("contact", Ref(S("PrimaryContact"), Main), nullable: true),
            P("counters", Ref(S("Counters"), Main)),
            P("code", Ref(O("CurrencyCode"), Main), description: "A sibling file's alias."),
        }, "Uses every alias.");

        // Names that need sanitising, and a schema that refers to each.
        BuildObject(S("payment-method"), new[] { P("id", Str(), required: true), P("type", InlineEnum("card", "sepa_debit")), P("card", Ref(S("Card"), Main)) }, "Kebab-case name.");
        BuildObject(S("3ds-authentication"), new[] { P("result", InlineEnum("authenticated", "failed", "attempt_acknowledged")), P("version", Str()) }, "Name starting with a digit.");
        BuildObject(S("2fa_settings"), new[] { P("enabled", Bool(), required: true), P("methods", Arr(InlineEnum("totp", "sms", "webauthn"))) }, null);
        BuildObject(S("event"), new[] { P("id", Str(), required: true), P("type", Str(), required: true), P("data", AnyValue("The object the event is about, as it was.")), P("previous_attributes", FreeForm(1)) }, "A keyword as a name.");
        BuildObject(S("object"), new[] { P("kind", Str()) }, null);
        BuildObject(S("namespace"), new[] { P("name", Str(), required: true), P("parent", Ref(S("namespace"), Main)) }, null);
        BuildObject(S("System"), new[] { P("hostname", Str("hostname")), P("uptime_seconds", Int("int64")), P("load", Arr(Num("float"))) }, "Named like the root namespace.");
        BuildObject(S("Task"), new[] { P("id", Str(), required: true), P("status", InlineEnum("queued", "running", "done")), P("result", AnyValue()) }, null);
        BuildObject(S("Action"), new[] { P("name", Str(), required: true), P("type", Ref(S("Type"), Main)), P("class", Ref(S("class"), Main)) }, null);
        BuildObject(S("io.acme.billing.v1.Invoice"), new[] { P("number", Str(), required: true) }, "A dotted, Kubernetes-style name.");
        BuildObject(S("Page«Customer»"), new[] { P("data", Arr(Ref(customer, Main)), required: true), P("has_more", Bool(), required: true), P("pagination", Ref(O("Pagination"), Main)) }, "A Springfox-style generic name.");
        BuildObject(S("legacy/Widget"), new[] { P("name", Str()) }, "A name with a slash (~1 in JSON pointers).");
        BuildObject(S("HTTP_ERROR"), new[] { P("status", Int("int32"), required: true), P("message", Str()) }, "A name in capitals.");
        BuildObject(S("Customer Portal Session"), new[] { P("url", Str("uri"), required: true), P("return_url", Str("uri"), nullable: true) }, "A name with spaces.");
        BuildObject(S("Café"), new[] { P("menu", Arr(Str())) }, "An accented name.");
        BuildObject(S("NameUser"), new[]
        {
            P("payment_method", Ref(S("payment-method"), Main)),
            P("three_ds", Ref(S("3ds-authentication"), Main)),
            P("two_fa", Ref(S("2fa_settings"), Main)),
            P("event", Ref(S("event"), Main)),
            P("object", Ref(S("object"), Main)),
            P("namespace", Ref(S("namespace"), Main)),
            P("system", Ref(S("System"), Main)),
            P("task", Ref(S("Task"), Main)),
            P("action", Ref(S("Action"), Main)),
            P("class", Ref(S("class"), Main)),
            P("k8s_invoice", Ref(S("io.acme.billing.v1.Invoice"), Main)),
            P("page", Ref(S("Page«Customer»"), Main, percentEncode: true), description: "Referenced with a percent-encoded pointer."),
            P("page_plain", Ref(S("Page«Customer»"), Main)),
            P("widget", Ref(S("legacy/Widget"), Main)),
            P("http_error", Ref(S("HTTP_ERROR"), Main)),
            P("portal", Ref(S("Customer Portal Session"), Main, percentEncode: true)),
            P("cafe", Ref(S("Café"), Main)),
            P("error", Ref(S("Error"), Main)),
            P("other_error", Ref(O("Error"), Main)),
        }, "Refers to every awkwardly named schema.");

        // Member names that clash once made C#.
        BuildObject(S("Version"), new[] { P("version", Str(), required: true, description: "Named like its type: the property is renamed."), P("released", Str("date")) }, null);
        _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic("GM0006", Main, "'version' is emitted as 'Version2'", "a property named like its type"));
        BuildObject(S("WeirdProps"), new[]
        {
            P("@id", Str(), required: true), P("@type", Str(), required: true), P("id", Str()), P("type", Str()),
            P("_links", MapOf(InlineObject(Main, new[] { P("href", Str("uri"), required: true) }))),
            P("x-request-id", Str()), P("2fa_enabled", Bool()), P("class", Str()), P("event", Str()), P("default", Str()),
            P("object", Str()), P("e-mail", Str("email")), P("naïve_score", Num("double")), P("$schema", Str("uri")),
            P("created_at", Str("date-time")), P("createdAt", Str("date-time")), P("additional_properties", FreeForm(0)),
            P("namespace", Str()), P("string", Str()), P("return", Bool()),
        }, "JSON-LD and other member names that need care.");
        _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic("GM0006", Main, "'id' is emitted as 'Id2'", "'@id' and 'id' are both 'Id' in C#"));
        _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic("GM0006", Main, "'type' is emitted as 'Type2'", "'@type' and 'type' are both 'Type' in C#"));
        _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic("GM0006", Main, "'createdAt' is emitted as 'CreatedAt2'", "'created_at' and 'createdAt' are both 'CreatedAt' in C#"));

        // More than 64 fields (two presence masks) through composition.
        var orgCoreProps = new List<Prop>();
        for (int i = 0; i < 36; i++) orgCoreProps.Add(RandomPrimitiveProp("org_setting_" + i.ToString("00", CultureInfo.InvariantCulture), i));
        BuildObject(S("OrgCore"), orgCoreProps, "36 settings.");
        var ownProps = new List<Prop>();
        for (int i = 0; i < 30; i++) ownProps.Add(RandomPrimitiveProp("profile_field_" + i.ToString("00", CultureInfo.InvariantCulture), i + 7));
        BuildComposed(S("OrganizationProfile"), new[] { S("Resource"), S("OrgCore") }, ownProps, "Over 64 fields through allOf: two presence masks.");

        BuildObject(S("InlineShowcase"), new[]
        {
            P("billing", InlineObject(Main, new[]
            {
                P("address", InlineObject(Main, new[] { P("line1", Str(), required: true), P("country", Str(), required: true), P("geo", Ref(O("GeoPoint"), Main)) }), required: true),
                P("plan", InlineEnum("free", "pro", "enterprise"), nullable: true),
            }), description: "An inline object with an inline object inside."),
            P("mode", InlineEnum("automatic", "manual"), nullable: true, required: true),
            P("target", InlineUnion("oneOf", Ref(customer, Main), Ref(S("Team"), Main)), nullable: true, description: "An inline union, nullable."),
            P("value", InlineUnion("anyOf", Str(), Int("int64"), Bool())),
            P("steps", Arr(InlineObject(Main, new[] { P("name", Str(), required: true), P("state", InlineEnum("pending", "done")) })), required: true),
            P("states_by_region", MapOf(InlineEnum("up", "degraded", "down"))),
            P("rows", Arr(MapOf(Arr(Ref(S("Metric"), Main))))),
            P("contact", Ref(S("Contact"), Main), nullable: true, required: true),
            new Prop("retries", Int("int32")) { Default = 3L },
            new Prop("label", Str()) { Default = "none", Example = new Scalar("primary") },
            new Prop("limits", InlineObject(Main, new[] { P("max", Int("int64")), P("burst", Int("int64")) })) { Example = new MapNode().Add("max", 100L).Add("burst", 20L) },
        }, "Inline nested objects, enums and unions.");

        // Provoked on purpose (documented limitations): GM0012 twice.
        BuildComposed(S("SubscriptionItemWithPlan"), new[] { S("Resource") }, new[] { P("quantity", Int("int32")) },
            "allOf with a oneOf part: its members land in AdditionalProperties.",
            extraParts: new Node[] { new MapNode().Add("oneOf", new SeqNode(new Node[] { new RefNode(null, "Price"), new RefNode(null, "Discount") })) });
        _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic("GM0012", Main, "Schema 'SubscriptionItemWithPlan' uses an allOf part that is itself a oneOf/anyOf", "allOf with a oneOf part"));
        BuildComposed(S("AuditedAddress"), new[] { O("AuditBase") }, new[] { P("line1", Str(), required: true), P("city", Str()) }, "allOf over a base in the sibling file.");
        _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic("GM0012", Main, "Schema 'AuditedAddress' uses the allOf part 'other.", "allOf over a schema of another file"));

        BuildObject(S("Error"), new[]
        {
            P("type", Ref(S("ErrorType"), Main), required: true),
            P("code", Str(), nullable: true),
            P("message", Str(), required: true),
            P("param", Str()),
            P("doc_url", Str("uri")),
        }, "The error object of this API.");

        // The sibling file.
        BuildObject(O("Error"), new[] { P("status", Int("int32"), required: true), P("title", Str(), required: true), P("detail", Str()) }, "RFC 7807 problem (same name as the main file's Error).");
        _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic("GM0020", Other, "'Error' is emitted as 'OtherError'", "two files both define Error"));
        BuildObject(O("GeoPoint"), new[] { P("lat", Num("double"), required: true), P("lng", Num("double"), required: true) }, null);
        BuildObject(O("Address"), new[]
        {
            P("line1", Str(), required: true),
            P("line2", Str(), nullable: true),
            P("city", Str()),
            P("postal_code", Str()),
            P("country", Ref(O("CurrencyCode"), Other), description: "A local alias in the sibling file."),
            P("owner", Ref(customer, Other), description: "Back into the main file: a cycle across files."),
            P("geo", Ref(O("GeoPoint"), Other), nullable: true),
        }, null);
        BuildObject(O("AuditBase"), new[] { P("audited_by", Str()), P("audited_at", Str("date-time")) }, null);
        BuildObject(O("Pagination"), new[] { P("has_more", Bool(), required: true), P("next_cursor", Str(), nullable: true), P("total_count", Int("int64")) }, null);
        BuildObject(O("RateLimit"), new[] { P("limit", Int("int32"), required: true), P("remaining", Int("int32"), required: true), P("reset", Str("date-time"), required: true), P("currency", Ref(O("Currency"), Other)) }, null);

        foreach (var alias in _m.Schemas.Where(s => s.Kind == SchemaKind.Alias))
        {
            _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic("GM0013", alias.File, $"Schema '{alias.Name}' is ", "a named alias: no type of its own"));
        }
        foreach (var (id, file, fragment, why) in CrossFileAliasFields())
        {
            _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic(id, file, fragment, why));
        }
    }

    /// <summary>The fields that refer to the sibling file's alias (GM0003 unless the generator learns to resolve them).</summary>
    private static IEnumerable<(string, string, string, string)> CrossFileAliasFields()
    {
        yield return ("GM0003", Main, "Field 'currency_code' refers to 'other.", "a $ref to a named alias in another file");
        yield return ("GM0003", Main, "Field 'code' refers to 'other.", "a $ref to a named alias in another file");
    }

    /// <summary>A primitive property with a type picked by index (for the wide schemas).</summary>
    private Prop RandomPrimitiveProp(string name, int i)
    {
        T type = (i % 9) switch
        {
            0 => Str(),
            1 => Int("int32"),
            2 => Bool(),
            3 => Str("date-time"),
            4 => Num("double"),
            5 => Str("uuid"),
            6 => Num("decimal"),
            7 => Str("date"),
            _ => Int("int64"),
        };
        return new Prop(name, type) { Required = _rng.Next(3) == 0, Nullable = _rng.Next(5) == 0, Description = _rng.Next(2) == 0 ? Describe(name) : null };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Filler: SaaS-like resources, enums, unions and aliases
    // ---------------------------------------------------------------------------------------------------------------

    private static readonly string[] Nouns =
    {
        "Account", "Application", "ApiKey", "Artifact", "Attachment", "Balance", "BankTransfer", "Booking", "Branch", "Build",
        "Calendar", "Campaign", "Cart", "Channel", "Charge", "Checkout", "Cluster", "Comment", "Commit", "Connector",
        "Contract", "Conversation", "Coupon", "Credential", "CreditNote", "Dashboard", "Dataset", "Deployment", "Device",
        "Dispute", "Document", "Domain", "Estimate", "Experiment", "Export", "Feature", "Feedback", "Folder", "Fulfillment",
        "Gateway", "Group", "Identity", "Import", "Incident", "Integration", "Inventory", "Invitation", "IpAddress", "Job",
        "Label", "Lead", "License", "Location", "Mandate", "Meeting", "Message", "Meter", "Milestone", "Mailbox",
        "Order", "OrderItem", "Payout", "Permission", "Pipeline", "Plan", "Policy", "Product", "Project", "Promotion",
        "Quote", "Receipt", "Refund", "Region", "Release", "Repository", "Reservation", "Review", "Role", "Rule",
        "Schedule", "Secret", "Segment", "Shipment", "Sku", "Snapshot", "Space", "Subscription", "Survey", "Tenant",
        "Ticket", "Token", "Topup", "Transfer", "Trigger", "Usage", "Vendor", "Volume", "Webhook", "Workflow", "Workspace",
    };

    private static readonly string[] ObjectSuffixes =
    {
        "", "", "", "", "Settings", "Summary", "Details", "Config", "CreateRequest", "UpdateRequest", "Response", "Snapshot",
        "Metrics", "Limits", "Preview", "Reference", "Schedule", "Result", "Attempt", "History", "Item", "Link", "Stats", "Owner",
    };

    private static readonly string[] EnumSuffixes = { "Status", "Type", "Kind", "Reason", "Mode", "Level", "State", "Interval", "Visibility", "Tier" };

    private static readonly string[] UnionSuffixes = { "Source", "Target", "Destination", "Payload", "Condition", "Subject" };

    private static readonly string[] AliasSuffixes = { "Id", "Ids", "List", "Code", "Labels", "Count", "Url", "Timestamp" };

    private static readonly string[] EnumWords =
    {
        "active", "inactive", "pending", "canceled", "failed", "succeeded", "processing", "requires_action", "archived", "draft",
        "past_due", "trialing", "expired", "paused", "standard", "premium", "custom", "internal", "external", "manual",
        "automatic", "one_time", "recurring", "duplicate", "fraudulent", "requested_by_customer", "abandoned", "unknown",
        "live", "test", "sandbox", "debug", "info", "warning", "error", "critical", "day", "week", "month", "year",
        "public", "private", "unlisted", "free", "starter", "business", "enterprise", "open", "closed", "in_review",
    };

    private readonly List<NamedSchema> _fillObjects = new();
    private readonly List<NamedSchema> _fillEnums = new();
    private readonly List<NamedSchema> _fillUnions = new();
    private readonly List<NamedSchema> _fillAliases = new();

    private void DeclareFiller(int count)
    {
        if (count <= 0) return;
        int otherTarget = Math.Max(4, count * 6 / 100);
        int otherDeclared = 0;
        for (int i = 0; i < count; i++)
        {
            double roll = _rng.NextDouble();
            SchemaKind kind = roll < 0.72 ? SchemaKind.Object : roll < 0.82 ? SchemaKind.StringEnum : roll < 0.85 ? SchemaKind.IntegerEnum : roll < 0.92 ? SchemaKind.Union : SchemaKind.Alias;
            // The sibling file gets objects and enums only, spread through the run.
            string file = otherDeclared < otherTarget && kind is SchemaKind.Object or SchemaKind.StringEnum && _rng.Next(count) < otherTarget * 2 ? Other : Main;
            if (file == Other) otherDeclared++;
            string name = NewName(kind);
            var schema = Declare(name, file, kind);
            (kind switch
            {
                SchemaKind.Object => _fillObjects,
                SchemaKind.Union => _fillUnions,
                SchemaKind.Alias => _fillAliases,
                _ => _fillEnums,
            }).Add(schema);
        }
    }

    private string NewName(SchemaKind kind)
    {
        string[] suffixes = kind switch
        {
            SchemaKind.Object => ObjectSuffixes,
            SchemaKind.Union => UnionSuffixes,
            SchemaKind.Alias => AliasSuffixes,
            SchemaKind.IntegerEnum => new[] { "Level", "Code", "Severity", "Weight" },
            _ => EnumSuffixes,
        };
        for (int attempt = 0; ; attempt++)
        {
            string noun = Nouns[_rng.Next(Nouns.Length)];
            string suffix = suffixes[_rng.Next(suffixes.Length)];
            if (attempt > 40) suffix += attempt.ToString(CultureInfo.InvariantCulture);
            string pascal = noun + suffix;
            double style = _rng.NextDouble();
            string name = style < 0.82 ? pascal
                : style < 0.89 ? "acme." + new[] { "billing", "identity", "storage", "compute" }[_rng.Next(4)] + ".v" + (1 + _rng.Next(2)).ToString(CultureInfo.InvariantCulture) + "." + pascal
                : style < 0.95 ? Words(pascal, '-')
                : Words(pascal, '_');
            if (ExpectedNames.Pascal(name).Length > 0 && !_taken.Contains(ExpectedNames.Pascal(name)) && !_taken.Contains(pascal)) return name;
        }
    }

    /// <summary><c>OrderItem</c> → <c>order-item</c> / <c>order_item</c>.</summary>
    private static string Words(string pascal, char separator)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsAsciiLetterUpper(c) && i > 0) sb.Append(separator);
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string Camel(string snake)
    {
        var sb = new StringBuilder();
        bool upper = false;
        foreach (char c in snake)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }

    private void BuildFillerAliasesAndEnums()
    {
        foreach (var schema in _fillEnums)
        {
            if (schema.Kind == SchemaKind.IntegerEnum)
            {
                bool codes = _rng.Next(2) == 0;
                var values = codes ? new object[] { 200L, 201L, 400L, 401L, 403L, 404L, 409L, 429L, 500L } : Enumerable.Range(0, 3 + _rng.Next(5)).Select(i => (object)(long)i).ToArray();
                string[]? names = !codes && _rng.Next(2) == 0 ? values.Select((_, i) => new[] { "None", "Low", "Medium", "High", "Critical", "Blocker", "Extreme", "Max" }[i]).ToArray() : null;
                BuildEnum(schema, values, _rng.Next(2) == 0 ? Describe(schema.Name) : null, varNames: names);
            }
            else
            {
                int n = 2 + _rng.Next(10);
                var values = EnumWords.OrderBy(_ => _rng.Next()).Take(n).Cast<object>().ToArray();
                BuildEnum(schema, values, _rng.Next(3) != 0 ? Describe(schema.Name) : null, nullable: _rng.Next(12) == 0);
            }
        }
        foreach (var schema in _fillAliases)
        {
            string name = ExpectedNames.Pascal(schema.Name);
            T type = name switch
            {
                _ when name.EndsWith("Ids", StringComparison.Ordinal) => Arr(Str(_rng.Next(2) == 0 ? "uuid" : null)),
                _ when name.EndsWith("Id", StringComparison.Ordinal) => Str(_rng.Next(2) == 0 ? "uuid" : null),
                _ when name.EndsWith("List", StringComparison.Ordinal) => Arr(Str()),
                _ when name.EndsWith("Labels", StringComparison.Ordinal) => MapOf(Str()),
                _ when name.EndsWith("Count", StringComparison.Ordinal) => Int("int32"),
                _ when name.EndsWith("Url", StringComparison.Ordinal) => Str("uri"),
                _ when name.EndsWith("Timestamp", StringComparison.Ordinal) => Str("date-time"),
                _ => Str(null, n => n.Add("minLength", 2L).Add("maxLength", 8L)),
            };
            BuildAlias(schema, type, _rng.Next(2) == 0 ? Describe(schema.Name) : null, nullable: _rng.Next(15) == 0);
            _m.ExpectedDiagnostics.Add(new ExpectedDiagnostic("GM0013", schema.File, $"Schema '{schema.Name}' is ", "a named alias: no type of its own"));
        }
    }

    private IEnumerable<NamedSchema> Objects(string? file = null)
        => _m.Schemas.Where(s => s.Kind == SchemaKind.Object && (file is null || s.File == file) && s.Name != "FreeForm" && s.Name != "EmptyObject");

    private void BuildFillerObjects()
    {
        var objects = Objects().ToList();
        var enums = _m.Schemas.Where(s => s.Kind is SchemaKind.StringEnum or SchemaKind.IntegerEnum or SchemaKind.NumberEnum).ToList();
        var unions = _m.Schemas.Where(s => s.Kind == SchemaKind.Union).ToList();
        foreach (var schema in _fillObjects)
        {
            var localAliases = _m.Schemas.Where(s => s.Kind == SchemaKind.Alias && s.File == schema.File && s.AliasOf is not null).ToList();
            double r = _rng.NextDouble();
            int count = 3 + (int)(37 * Math.Pow(r, 2.2));
            bool camel = _rng.Next(5) == 0;
            // C# names too: two members that are one PascalCase name, or a member named like its type, would be renamed
            // (GM0006); the hand-written schemas do that on purpose, generated ones do not.
            var used = new HashSet<string>(StringComparer.Ordinal) { ExpectedNames.Pascal(schema.Name) };
            var props = new List<Prop>();
            bool resource = _rng.Next(3) != 0;
            if (resource)
            {
                props.Add(new Prop("id", Str(_rng.Next(2) == 0 ? "uuid" : null)) { Required = true, ReadOnly = _rng.Next(3) == 0, Description = "Unique identifier for the object." });
                used.Add("Id");
                props.Add(new Prop("object", InlineEnum(Words(ExpectedNames.Pascal(schema.Name), '_'))) { Required = true, Description = "String representing the object's type. Objects of the same type share the same value." });
                used.Add("Object");
            }
            while (props.Count < count)
            {
                var prop = RandomProp(schema, objects, enums, unions, localAliases, camel);
                if (!used.Add(ExpectedNames.Pascal(prop.Name))) continue;
                props.Add(prop);
            }
            bool deprecated = _rng.Next(50) == 0;
            string? description = _rng.Next(4) != 0 ? Describe(schema.Name) : null;
            int composition = _rng.Next(10);
            var bases = Objects(schema.File).Where(b => b != schema && b.Node is MapNode { Entries.Count: > 0 } && b.Props.Count is > 0 and < 12 && !IsComposed(b)).ToList();
            if (composition == 0 && bases.Count > 0)
            {
                var b = bases[_rng.Next(bases.Count)];
                props.RemoveAll(p => b.Props.Exists(bp => bp.JsonName == p.Name) && _rng.Next(2) == 0);
                props.RemoveAll(p => b.Props.Exists(bp => bp.JsonName != p.Name && ExpectedNames.Pascal(bp.JsonName) == ExpectedNames.Pascal(p.Name)));
                BuildComposed(schema, new[] { b }, props, description);
                continue;
            }
            Action<MapNode>? extra = _rng.Next(12) switch
            {
                0 => n => n.Add("additionalProperties", true),
                1 => n => n.Add("additionalProperties", false),
                2 => n => n.Add("x-internal", true),
                _ => null,
            };
            BuildObject(schema, props, description, extra, deprecated);
        }
    }

    private bool IsFeature(NamedSchema schema) => !_fillObjects.Contains(schema) && !_fillEnums.Contains(schema) && !_fillUnions.Contains(schema) && !_fillAliases.Contains(schema);

    private static bool IsComposed(NamedSchema schema) => schema.Node is MapNode map && map.Has("allOf");

    private Prop RandomProp(NamedSchema owner, List<NamedSchema> objects, List<NamedSchema> enums, List<NamedSchema> unions, List<NamedSchema> localAliases, bool camel)
    {
        string file = owner.File;
        int roll = _rng.Next(100);
        Prop prop;
        string Pick(params string[] names) => names[_rng.Next(names.Length)];
        NamedSchema Any(List<NamedSchema> list) => list[_rng.Next(list.Count)];
        string SnakeOf(NamedSchema s) => Words(ExpectedNames.Pascal(s.Name).TrimStart('_'), '_');
        if (roll < 14) prop = new Prop(Pick("name", "title", "label", "summary", "nickname", "slug", "code", "reference", "external_id", "locale", "timezone", "color", "phone", "website", "notes", "statement_descriptor", "display_name", "region", "path", "status_message"), Str(null, _rng.Next(3) == 0 ? n => n.Add("maxLength", 255L) : null));
        else if (roll < 22)
        {
            string format = Pick("uuid", "email", "uri", "byte", "ipv4", "hostname", "password", "binary");
            string name = format switch
            {
                "uuid" => Pick("owner_id", "request_id", "correlation_id", "parent_id"),
                "email" => Pick("email", "billing_email", "contact_email"),
                "uri" => Pick("url", "webhook_url", "avatar_url", "return_url"),
                "byte" => Pick("checksum", "signature", "thumbnail"),
                "ipv4" => "ip_address",
                "hostname" => "hostname",
                "password" => Pick("password", "client_secret"),
                _ => "content",
            };
            prop = new Prop(name, Str(format)) { WriteOnly = format == "password" };
        }
        else if (roll < 29) prop = new Prop(Pick("created_at", "updated_at", "expires_at", "canceled_at", "last_seen_at", "started_at", "completed_at", "scheduled_for"), Str("date-time")) { ReadOnly = _rng.Next(4) == 0 };
        else if (roll < 32) prop = new Prop(Pick("due_date", "birth_date", "effective_date", "period_start", "period_end", "billing_date"), Str("date"));
        else if (roll < 39) prop = new Prop(Pick("amount", "quantity", "count", "attempt_count", "size_bytes", "position", "limit", "retries", "version_number", "duration_ms"), Int(Pick("int32", "int64", "int64")));
        else if (roll < 44)
        {
            string name = Pick("ratio", "score", "percentage", "price", "tax_rate", "latitude", "longitude", "weight");
            prop = new Prop(name, Num(name is "price" or "tax_rate" ? "decimal" : Pick("float", "double")));
        }
        else if (roll < 49) prop = new Prop(Pick("is_active", "livemode", "enabled", "verified", "archived", "is_default", "paused", "test_clock_enabled"), Bool()) { Default = _rng.Next(4) == 0 ? (_rng.Next(2) == 0) : null };
        else if (roll < 59)
        {
            var target = Any(objects);
            prop = new Prop(SnakeOf(target), Ref(target, file)) { Nullable = _rng.Next(3) == 0 };
        }
        else if (roll < 64)
        {
            var target = Any(objects);
            prop = new Prop(SnakeOf(target) + "s", Arr(Ref(target, file)));
        }
        else if (roll < 66)
        {
            var target = Any(objects);
            prop = new Prop(SnakeOf(target) + "_by_id", MapOf(Ref(target, file)));
        }
        else if (roll < 72)
        {
            var target = Any(enums);
            prop = new Prop(SnakeOf(target), Ref(target, file)) { Default = null };
        }
        else if (roll < 74)
        {
            var target = Any(unions);
            prop = new Prop(SnakeOf(target), Ref(target, file)) { Nullable = _rng.Next(4) == 0 };
        }
        else if (roll < 77 && localAliases.Count > 0)
        {
            var target = Any(localAliases);
            prop = new Prop(SnakeOf(target), Ref(target, file));
        }
        else if (roll < 80) prop = new Prop(Pick("status", "state", "mode", "visibility", "tier", "interval"), InlineEnum(EnumWords.OrderBy(_ => _rng.Next()).Take(2 + _rng.Next(6)).ToArray())) { Nullable = _rng.Next(6) == 0 };
        else if (roll < 83) prop = new Prop(Pick("details", "settings", "limits", "shipping", "billing_details", "owner", "period", "thresholds"), InlineObject(file, SmallProps(file, objects, 2 + _rng.Next(5), nest: _rng.Next(4) == 0))) { Nullable = _rng.Next(5) == 0 };
        else if (roll < 85) prop = new Prop(Pick("items", "entries", "steps", "rules", "tiers", "lines"), Arr(InlineObject(file, SmallProps(file, objects, 2 + _rng.Next(4), nest: false))));
        else if (roll < 87)
        {
            var target = Any(objects);
            prop = _rng.Next(2) == 0
                ? new Prop(SnakeOf(target) + "_or_id", InlineUnion("anyOf", Str(), Ref(target, file)))
                : new Prop(Pick("subject", "recipient", "attached_to"), InlineUnion("oneOf", Ref(target, file), Ref(Any(objects), file)));
            prop.Nullable = _rng.Next(3) == 0;
        }
        else if (roll < 88)
        {
            var target = Any(objects);
            prop = _rng.Next(3) switch
            {
                0 => new Prop(SnakeOf(target) + "_matrix", Arr(MapOf(Arr(Ref(target, file))))),
                1 => new Prop("series", MapOf(Arr(Num("double")))),
                _ => new Prop("grid", Arr(Arr(Int("int32")))),
            };
        }
        else if (roll < 91) prop = new Prop("metadata", MapOf(Str()));
        else if (roll < 92) prop = new Prop(Pick("attributes", "extra", "context"), FreeForm(_rng.Next(3)));
        else if (roll < 93) prop = new Prop(Pick("payload", "raw", "value", "data"), AnyValue());
        else if (roll < 97) prop = new Prop(Pick("tags", "aliases", "features", "permissions", "domains"), Arr(Str()));
        else if (roll < 98) prop = new Prop(Pick("codes", "ports", "weights"), Arr(Int("int32")));
        else
        {
            var cross = _m.Schemas.Where(s => s.Kind is SchemaKind.Object or SchemaKind.StringEnum && s.File != file && s.Name != "FreeForm" && s.Name != "EmptyObject").ToList();
            var target = Any(cross);
            prop = new Prop(SnakeOf(target) + "_ref", Ref(target, file)) { Nullable = _rng.Next(3) == 0 };
        }
        var named = camel ? new Prop(Camel(prop.Name), prop.Type) : new Prop(prop.Name, prop.Type);
        named.Nullable = prop.Nullable;
        named.ReadOnly = prop.ReadOnly;
        named.WriteOnly = prop.WriteOnly;
        named.Default = prop.Default;
        named.Required = _rng.Next(100) < 35;
        // Real specs have documents: a required, non-null member never leads back to its own schema. Required refs
        // go to hand-written schemas or to generated objects made earlier only.
        if (named.Required && !named.Nullable && prop.Type.Exp is RefExp { Target: var to } && to.Kind is SchemaKind.Object or SchemaKind.Union
            && !(IsFeature(to) || (to.Kind == SchemaKind.Object && _fillObjects.IndexOf(to) >= 0 && _fillObjects.IndexOf(to) < _fillObjects.IndexOf(owner))))
        {
            named.Required = false;
        }
        named.Deprecated = _rng.Next(40) == 0;
        if (_rng.Next(4) != 0) named.Description = Describe(prop.Name);
        if (named.Default is null && _rng.Next(25) == 0 && prop.Type.Exp == PrimExp.Long) named.Default = 10L;
        if (_rng.Next(14) == 0 && prop.Type.Exp == PrimExp.String) named.Example = new Scalar("example_" + prop.Name);
        return named;
    }

    /// <summary>Props of an inline object: primitives, sometimes a ref or an inline object inside.</summary>
    private IEnumerable<Prop> SmallProps(string file, List<NamedSchema> objects, int count, bool nest)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; used.Count < count; i++)
        {
            string name = new[] { "line1", "city", "country", "postal_code", "minimum", "maximum", "unit", "start", "end", "enabled", "value", "note", "kind", "rate" }[_rng.Next(14)];
            if (!used.Add(name)) continue;
            yield return name switch
            {
                "minimum" or "maximum" => P(name, Int("int64"), required: _rng.Next(2) == 0),
                "start" or "end" => P(name, Str("date-time"), required: _rng.Next(2) == 0),
                "enabled" => P(name, Bool()),
                "rate" => P(name, Num("decimal")),
                "value" when _rng.Next(2) == 0 => P(name, Ref(objects[_rng.Next(objects.Count)], file)),
                "kind" => P(name, InlineEnum("a", "b", "c")),
                _ => P(name, Str(), nullable: _rng.Next(5) == 0),
            };
        }
        if (nest) yield return P("nested", InlineObject(file, new[] { P("flag", Bool(), required: true), P("depth", Int("int32")) }));
    }

    private void BuildFillerUnions()
    {
        var objectsByFile = Objects(Main).Where(o => o.Props.Count > 0).ToList();
        foreach (var schema in _fillUnions)
        {
            int n = 2 + _rng.Next(3);
            var cases = objectsByFile.OrderBy(_ => _rng.Next()).Take(n).ToList();
            int style = _rng.Next(6);
            string? description = _rng.Next(2) == 0 ? Describe(schema.Name) : null;
            switch (style)
            {
                case 0:
                    BuildUnion(schema, "oneOf", cases.Select(c => Ref(c, schema.File)).ToList(), description, "object", cases.Select(c => (Words(ExpectedNames.Pascal(c.Name).TrimStart('_'), '_'), c)).ToList());
                    break;
                case 1:
                    BuildUnion(schema, "oneOf", cases.Select(c => Ref(c, schema.File)).ToList(), description, "type");
                    break;
                case 2:
                    BuildUnion(schema, "anyOf", new[] { Str(), Ref(cases[0], schema.File) }, description);
                    break;
                case 3:
                    BuildUnion(schema, "oneOf", new[] { Str(), Int("int64"), Arr(Str()) }, description);
                    break;
                default:
                    BuildUnion(schema, _rng.Next(2) == 0 ? "oneOf" : "anyOf", cases.Select(c => Ref(c, schema.File)).ToList(), description);
                    break;
            }
        }
    }

    private void BuildPaths()
    {
        var resources = Objects(Main).Where(o => o.Props.Exists(p => p.JsonName == "id")).Take(80).ToList();
        var error = S("Error");
        Node Json(Node schema) => new MapNode().Add("application/json", new MapNode().Add("schema", schema));
        MapNode Responses(Node ok) => new MapNode()
            .Add("200", new MapNode().Add("description", "OK").Add("content", Json(ok)))
            .Add("default", new MapNode().Add("description", "Error").Add("content", Json(new MapNode().Add("type", "object").Add("properties", new MapNode().Add("error", new RefNode(null, error.Name))))));
        foreach (var r in resources)
        {
            string clr = ExpectedNames.Pascal(r.Name).TrimStart('_');
            string plural = Words(clr, '-') + "s";
            var reference = new RefNode(null, r.Name);
            var list = new MapNode().Add("type", "object").Add("required", new SeqNode(new Node[] { new Scalar("data"), new Scalar("has_more") }))
                .Add("properties", new MapNode().Add("data", new MapNode().Add("type", "array").Add("items", reference)).Add("has_more", new MapNode().Add("type", "boolean")));
            _m.Paths.Add("/v1/" + plural, new MapNode()
                .Add("get", new MapNode().Add("operationId", "List" + clr + "s").Add("summary", "List " + Words(clr, ' ') + "s")
                    .Add("parameters", new SeqNode(new Node[]
                    {
                        new MapNode().Add("name", "limit").Add("in", "query").Add("schema", new MapNode().Add("type", "integer").Add("minimum", 1L).Add("maximum", 100L)),
                        new MapNode().Add("name", "starting_after").Add("in", "query").Add("schema", new MapNode().Add("type", "string")),
                    }))
                    .Add("responses", Responses(list)))
                .Add("post", new MapNode().Add("operationId", "Create" + clr).Add("requestBody", new MapNode().Add("required", true).Add("content", Json(reference)))
                    .Add("responses", Responses(reference))));
            _m.Paths.Add("/v1/" + plural + "/{id}", new MapNode()
                .Add("parameters", new SeqNode(new Node[] { new MapNode().Add("name", "id").Add("in", "path").Add("required", true).Add("schema", new MapNode().Add("type", "string")) }))
                .Add("get", new MapNode().Add("operationId", "Retrieve" + clr).Add("responses", Responses(reference)))
                .Add("delete", new MapNode().Add("operationId", "Delete" + clr).Add("responses", Responses(new MapNode().Add("type", "object").Add("properties", new MapNode().Add("deleted", new MapNode().Add("type", "boolean")))))));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Descriptions: plain sentences mostly, some markdown, some text that must be escaped in XML doc comments.
    // ---------------------------------------------------------------------------------------------------------------

    private static readonly string[] Tricky =
    {
        "Contains <b>markup</b>, a generic List<string> and an ampersand & an entity &amp; too.",
        "Ends with a backslash \\",
        "Has */ and </summary> and <!-- a comment --> and ]]> in it.",
        "Quotes: \"double\" and 'single'; braces {0} and {{1}}.",
        "Unicode: café, 日本語, Ελληνικά, emoji 🚀, and a right-to-left mark \u200F here.",
        "Tab\tseparated and a form feed-free line.",
        "Looks like code: `if (x < 1 && y > 2) { return; }`",
        "#region not really\n#endregion",
    };

    private string Describe(string name)
    {
        string readable = Words(ExpectedNames.Pascal(name).TrimStart('_'), ' ');
        int roll = _rng.Next(100);
        if (roll < 5) return Tricky[_rng.Next(Tricky.Length)];
        if (roll < 12)
        {
            return $"The {readable} of the object.\n\nMore details:\n\n- one item with `code`\n- another with a [link](https://docs.acme.example/{Words(ExpectedNames.Pascal(name).TrimStart('_'), '-')}?a=1&b=2)\n\nRelated: {readable}.";
        }
        return new[]
        {
            $"The {readable}.",
            $"The {readable} associated with this object, if any.",
            $"Specifies the {readable}. Must be unique within the account.",
            $"{char.ToUpperInvariant(readable[0])}{readable.Substring(1)}, as set by the API.",
            $"When set, the {readable} is used instead of the account default.",
            $"The object's {readable}. Only returned for live mode objects.",
        }[_rng.Next(6)];
    }
}
