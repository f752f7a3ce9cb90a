namespace GenerationModels.Fuzz.Tests.Docs;

/// <summary>Words the doc generators draw from: realistic names first, then the hostile ones a doc can carry.</summary>
internal static class Vocabulary
{
    public static readonly string[] Titles =
    {
        "Pet", "Owner", "Order", "Invoice", "InvoiceLine", "Customer", "Address", "Tag", "Category", "Shipment", "Payment",
        "Refund", "Plan", "Account", "Event", "Webhook", "Usage", "Choice", "Message", "Completion", "Pet Store", "ApiError",
    };

    /// <summary>Titles that name C# keywords, BCL types, members of every record, or the context and its members.</summary>
    public static readonly string[] HostileTitles =
    {
        "String", "Object", "System", "JsonElement", "Task", "List", "Type", "Exception", "Equals", "GenerationModelsJsonContext",
        "Default", "Options", "__Json", "class", "int", "Nullable", "Dictionary", "DateTimeOffset", "Collections", "Runtime",
        "Serialization", "Value", "JsonModelConverter", "IsKnown", "Café", "名前", "2fa", "Global", "JsonSerializer", "Unmatched",
        "OpenDictionary", "ModelJson", "GetTypeInfo", "AdditionalProperties", "Encoding", "Text", "Json",
    };

    public static readonly string[] FieldWords =
    {
        "id", "name", "createdAt", "created_at", "status", "tags", "owner", "total", "items", "price", "description", "type",
        "kind", "value", "data", "meta", "count", "enabled", "url", "email", "amount", "currency", "due_on", "lines", "score",
        "index", "message", "role", "content", "latency", "version", "source", "model", "choices", "usage",
    };

    /// <summary>Field names that are keywords, members every record has, or not identifiers at all.</summary>
    public static readonly string[] HostileFieldNames =
    {
        "class", "int", "string", "namespace", "default", "object", "event", "return", "Equals", "ToString", "GetHashCode",
        "AdditionalProperties", "additionalProperties", "JsonModelConverter", "EqualityContract", "café", "名前", "2fa", "$ref",
        "@type", "x-rate-limit", "a.b", "with space", "Ünïcödé", "_id", "__proto__", "null", "true", "s_names", "f0", "_f0",
        "_set0", "seen0", "member", "next", "reader", "writer", "unknown", "value2", "options", "a\\b", "pipe|name", "\"quoted\"",
        "ends with space ", "Value", "IsKnown", "Unmatched", "Instance", "Read", "Write",
    };

    public static readonly string[] Descriptions =
    {
        "N/A", "The identifier.", "When it happened, as an ISO 8601 date-time.", "Free text. Can be **bold** or `code`.",
        "See [the docs](https://example.com/docs) for more.", "Escapes: &lt;tag&gt; &amp; &quot;", "first line<br/>second line",
        "ends */ a comment </summary> <script>x</script>", "#error not a directive", "flip \u202E text \u200B here",
        "quotes \" and ' and \\ backslash", "emoji 😀 and 名前", ":warning: **DEPRECATED**: use other", "",
    };

    public static readonly string[] EnumWords =
    {
        "available", "pending", "sold", "in progress", "NOT_FOUND", "low", "high", "größe", "ça va", "Value", "IsKnown",
        "ToString", "class", "a.b", "x-y", "2fa", "", "UPPER CASE", "mixedCase", "snake_case",
    };

    public static readonly string[] UnknownTypeWords = { "frobnicator", "thingamajig", "quux", "blob2", "notatype" };

    public static readonly string[] CSharpKeywords =
    {
        "class", "struct", "namespace", "public", "private", "static", "void", "int", "string", "object", "return", "new",
        "this", "base", "null", "true", "false", "default", "event", "operator", "global", "partial", "record", "required",
    };
}
