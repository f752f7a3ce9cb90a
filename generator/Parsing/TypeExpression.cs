using System;
using System.Collections.Generic;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Parsing;

/// <summary>
/// Parses a type cell into a <see cref="TypeRef"/>. One grammar covers the dialects' spellings:
/// italic/bold primitives, links to other docs, and containers written prefix (<c>[]T</c>, <c>List[T]</c>,
/// <c>Record&lt;string, T&gt;</c>, <c>map[string]T</c>) or postfix (<c>T[]</c>).
/// </summary>
internal static class TypeExpression
{
    private static readonly Dictionary<string, TypeKind> Primitives = new(StringComparer.Ordinal)
    {
        ["string"] = TypeKind.String, ["str"] = TypeKind.String, ["String"] = TypeKind.String,
        ["number"] = TypeKind.Number, ["float"] = TypeKind.Number, ["double"] = TypeKind.Number, ["float64"] = TypeKind.Number,
        ["float32"] = TypeKind.Number, ["Double"] = TypeKind.Number, ["Float"] = TypeKind.Number, ["f64"] = TypeKind.Number, ["f32"] = TypeKind.Number,
        ["int"] = TypeKind.Integer, ["integer"] = TypeKind.Integer, ["int64"] = TypeKind.Integer, ["int32"] = TypeKind.Integer,
        ["long"] = TypeKind.Integer, ["Long"] = TypeKind.Integer, ["Integer"] = TypeKind.Integer, ["i64"] = TypeKind.Integer, ["i32"] = TypeKind.Integer,
        ["boolean"] = TypeKind.Boolean, ["bool"] = TypeKind.Boolean, ["Boolean"] = TypeKind.Boolean, ["T::Boolean"] = TypeKind.Boolean,
        ["any"] = TypeKind.Any, ["Any"] = TypeKind.Any, ["object"] = TypeKind.Any, ["Object"] = TypeKind.Any, ["mixed"] = TypeKind.Any,
        ["interface{}"] = TypeKind.Any, ["serde_json::Value"] = TypeKind.Any, ["unknown"] = TypeKind.Any,
        ["decimal"] = TypeKind.Decimal, ["Decimal"] = TypeKind.Decimal, ["BigDecimal"] = TypeKind.Decimal,
        ["Date"] = TypeKind.DateTime, ["DateTime"] = TypeKind.DateTime, ["datetime"] = TypeKind.DateTime, ["OffsetDateTime"] = TypeKind.DateTime,
        ["time.Time"] = TypeKind.DateTime, ["\\DateTime"] = TypeKind.DateTime, ["date-time"] = TypeKind.DateTime,
        ["date"] = TypeKind.Date, ["LocalDate"] = TypeKind.Date, ["RFCDate"] = TypeKind.Date, ["types.Date"] = TypeKind.Date,
        ["datetime.date"] = TypeKind.Date, ["datetime.datetime"] = TypeKind.DateTime,
        ["Time"] = TypeKind.DateTime, ["Timestamp"] = TypeKind.DateTime,
        // Binary content travels as base64 text in JSON.
        ["Uint8Array"] = TypeKind.String, ["byte[]"] = TypeKind.String, ["[]byte"] = TypeKind.String, ["bytes"] = TypeKind.String,
        ["bytearray"] = TypeKind.String, ["ByteArray"] = TypeKind.String, ["Buffer"] = TypeKind.String,
        // Identifiers and addresses are strings on the wire.
        ["UUID"] = TypeKind.String, ["uuid.UUID"] = TypeKind.String, ["Guid"] = TypeKind.String, ["URI"] = TypeKind.String, ["Url"] = TypeKind.String,
        ["StrictStr"] = TypeKind.String, ["StrictInt"] = TypeKind.Integer, ["StrictFloat"] = TypeKind.Number, ["StrictBool"] = TypeKind.Boolean,
        ["BigInteger"] = TypeKind.Decimal, ["big.Int"] = TypeKind.Decimal, ["*big.Int"] = TypeKind.Decimal, ["decimal.Big"] = TypeKind.Decimal,
        ["*decimal.Big"] = TypeKind.Decimal, ["Decimal128"] = TypeKind.Decimal,
        ["i8"] = TypeKind.Integer, ["i16"] = TypeKind.Integer, ["u8"] = TypeKind.Integer, ["u16"] = TypeKind.Integer, ["u32"] = TypeKind.Integer,
        ["u64"] = TypeKind.Decimal, ["int8"] = TypeKind.Integer, ["int16"] = TypeKind.Integer, ["uint"] = TypeKind.Integer, ["uint32"] = TypeKind.Integer,
        ["uint64"] = TypeKind.Decimal, ["short"] = TypeKind.Integer, ["Short"] = TypeKind.Integer, ["Number"] = TypeKind.Number,
        ["AnyType"] = TypeKind.Any, ["JsonElement"] = TypeKind.Any, ["JsonNode"] = TypeKind.Any, ["dynamic"] = TypeKind.Any,
        ["map[string]interface{}"] = TypeKind.Any, ["Record<string, unknown>"] = TypeKind.Any, ["Value"] = TypeKind.Any,
        ["DateTimeOffset"] = TypeKind.DateTime, ["DateOnly"] = TypeKind.Date, ["none_type"] = TypeKind.Any,
    };

    /// <summary>Wrappers that only say "may be absent or null": <c>Optional[T]</c>, <c>Option&lt;T&gt;</c>, <c>T.nilable(T)</c>, …</summary>
    private static readonly (string Prefix, string Suffix)[] NullableWrappers =
    {
        ("Optional[", "]"), ("Option<", ">"), ("T.nilable(", ")"), ("Nullable<", ">"), ("Pointer to ", ""), ("Box<", ">"),
        ("Optional<", ">"), ("Maybe<", ">"), ("OptionalNullable[", "]"), ("Nullable[", "]"), ("JsonNullable<", ">"),
    };

    private static readonly string[] MapPrefixes =
    {
        "Record<string,", "Dict[str,", "Map<String,", "Map<string,", "Dictionary<String,", "Dictionary<string,", "array<string,",
        "T::Hash[Symbol,", "T::Hash[String,", "Hash<String,", "Hash<Symbol,", "HashMap<String,", "std::collections::HashMap<String,",
        "IDictionary<string,", "IReadOnlyDictionary<string,", "Mapping[str,", "dict[str,",
    };

    private static readonly string[] ListPrefixes =
    {
        "List[", "List<", "Array<", "T::Array[", "T::Array<", "Vec<", "Set<", "Sequence[", "list[", "Tuple[", "IList<", "IEnumerable<",
        "IReadOnlyList<", "ReadonlyArray<", "Collection<", "std::vec::Vec<", "array<", "set[", "Set[",
    };

    public static TypeRef Parse(string cell) => Parse(cell, out _);

    /// <summary>Parses a type cell; <paramref name="nullable"/> says a wrapper (<c>Optional[…]</c>, <c>*?int*</c>, <c>**string*</c> in Go…) marked it nullable.</summary>
    public static TypeRef Parse(string cell, out bool nullable)
    {
        // CommonMark: entities, then backslash escapes of ASCII punctuation (Speakeasy Java writes *JsonNullable\<String>*).
        // Undone to a fixed point: a generator that escapes nested text twice writes List\\<*String*> inside a map, and
        // a backslash before punctuation means nothing in any SDK's type syntax (PHP's \DateTime is before a letter).
        string s = CellText.DecodeEntities(cell);
        for (string unescaped = CellText.UnescapePunctuation(s); unescaped != s; unescaped = CellText.UnescapePunctuation(s)) s = unescaped;
        s = s.Trim();
        nullable = false;
        return s.Length == 0 ? TypeRef.Unknown(cell) : ParseCore(s, cell, ref nullable, 0, outer: true);
    }

    /// <param name="depth">Every step down counts, wrappers included, so no cell can recurse past the limit (a cell of ten
    /// thousand 'Pointer to ' overflowed the stack when wrappers did not count).</param>
    /// <param name="outer">The expression is the cell's whole type (inside wrappers and emphasis, but in no container or link
    /// text around it): a nullable wrapper here (<c>*Optional[str]*</c>) makes the member nullable.</param>
    private static TypeRef ParseCore(string s, string original, ref bool nullable, int depth, bool outer)
    {
        s = s.Trim();
        if (s.Length == 0) return TypeRef.Unknown(original);
        if (depth > 64) return TypeRef.Unknown(original); // pathological nesting: keep the data as JSON

        // A global qualifier (ruby's ::String, rust's ::std::collections::HashMap<…>) names the same type.
        if (s.StartsWith("::", StringComparison.Ordinal)) return ParseCore(s.Substring(2), original, ref nullable, depth + 1, outer);
        // Java's wildcard bound in Optional<? extends String> is the type itself.
        if (s.StartsWith("? extends ", StringComparison.Ordinal)) return ParseCore(s.Substring(10), original, ref nullable, depth + 1, outer);

        // A code span is literal code: `*string` is Go's pointer (nullable), `string` the type itself.
        if (s.Length > 2 && s[0] == '`' && s[s.Length - 1] == '`' && s.IndexOf('`', 1) == s.Length - 1)
        {
            string code = s.Substring(1, s.Length - 2).Trim();
            // `*str*` (emphasis a generator put inside the span) is the type; `*string` is a pointer to it.
            if (code.Length > 1 && code[0] == '*' && code[1] != '*' && code[code.Length - 1] != '*')
            {
                if (outer) nullable = true;
                code = code.Substring(1);
            }
            return ParseCore(code, original, ref nullable, depth + 1, outer);
        }
        // A TypeScript union written out (A | B, with links or literals): one kind if all alternatives agree, SDK-side if
        // any alternative is an SDK object (File | Blob | components.FileT), else any JSON (kept as is).
        if (SplitTopLevel(s, '|') is { Count: > 1 } alternatives)
        {
            TypeRef? common = null;
            bool any = false;
            foreach (string alternative in alternatives)
            {
                if (alternative is "null" or "undefined" or "*null*" or "*undefined*")
                {
                    if (outer) nullable = true;
                    continue;
                }
                var type = ParseCore(alternative, original, ref nullable, depth + 1, outer: false);
                if (type.Kind == TypeKind.External) return type;
                if (type.Kind == TypeKind.Unknown) return TypeRef.Unknown(original);
                if (common is null) common = type;
                else if (!Equals(common, type)) any = true;
            }
            return any || common is null ? TypeRef.Any : common;
        }
        // Nullable wrappers (only the outermost one makes the member nullable).
        foreach (var (prefix, suffix) in NullableWrappers)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal) && s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > prefix.Length + suffix.Length)
            {
                if (outer) nullable = true;
                return ParseCore(s.Substring(prefix.Length, s.Length - prefix.Length - suffix.Length), original, ref nullable, depth + 1, outer);
            }
        }
        if (s.StartsWith("*?", StringComparison.Ordinal) || (s.Length > 1 && s[0] == '?' && char.IsLetter(s[1])))
        {
            if (outer) nullable = true; // PHP's *?string*
            return ParseCore(s[0] == '?' ? s.Substring(1) : "*" + s.Substring(2), original, ref nullable, depth + 1, outer);
        }
        if (s.StartsWith("**", StringComparison.Ordinal) && !s.EndsWith("**", StringComparison.Ordinal))
        {
            if (outer) nullable = true; // Go's pointer: "*" + "*string*"
            return ParseCore(s.Substring(1), original, ref nullable, depth + 1, outer);
        }
        if (s.StartsWith("Nullable", StringComparison.Ordinal) && s.Length > 8 && char.IsUpper(s[8]) && s.IndexOf('<') < 0 && s.IndexOf('[') < 0)
        {
            if (outer) nullable = true; // Go's NullableString, NullableInt64, NullableInt32, NullableFloat32, NullableTime…
            string inner = s.Substring(8);
            if (inner == "Time") inner = "time.Time";
            else if (!Primitives.ContainsKey(inner) && Primitives.ContainsKey(inner.ToLowerInvariant())) inner = inner.ToLowerInvariant();
            return ParseCore(inner, original, ref nullable, depth + 1, outer);
        }
        // C#'s nullable value types: int?, bool?, DateTime?, decimal?.
        if (s.Length > 1 && s[s.Length - 1] == '?' && (char.IsLetterOrDigit(s[s.Length - 2]) || s[s.Length - 2] == '>'))
        {
            if (outer) nullable = true;
            return ParseCore(s.Substring(0, s.Length - 1), original, ref nullable, depth + 1, outer);
        }
        // Older OpenAPI Generator python lists the accepted python types: 'int, none_type'; several types is a union.
        if (s.IndexOf(", ", StringComparison.Ordinal) > 0 && s.IndexOfAny(Brackets) < 0 && s.IndexOf('*') < 0)
        {
            var parts = new List<string>();
            bool none = false;
            foreach (string part in s.Split(','))
            {
                string p = part.Trim();
                if (p.Length == 0) continue;
                if (!PythonTypeNames.Contains(p)) return TypeRef.Unknown(original); // prose with commas, not a list of types
                if (p is "none_type" or "None") none = true;
                else parts.Add(p);
            }
            if (none && outer) nullable = true;
            if (parts.Count == 1) return ParseCore(parts[0], original, ref nullable, depth + 1, outer);
            if (parts.Count > 1) return TypeRef.Any; // any of several python types: kept as JSON
        }
        if (s.StartsWith("Union[", StringComparison.Ordinal) || s.StartsWith("Literal[", StringComparison.Ordinal))
        {
            return s.StartsWith("Literal[", StringComparison.Ordinal) ? TypeRef.String : TypeRef.Any; // an inline union: kept as JSON
        }

        // A primitive spelled with brackets (byte[], []byte) is that primitive, not an array of 'byte'.
        if (Primitives.TryGetValue(s, out var bracketed) && s.IndexOf('[') >= 0) return new TypeRef(bracketed);

        // Postfix array: T[] (but not a whole link whose text ends in "[]").
        if (s.EndsWith("[]", StringComparison.Ordinal) && !IsWholeLink(s))
        {
            return TypeRef.ArrayOf(ParseCore(s.Substring(0, s.Length - 2), original, ref nullable, depth + 1, outer: false));
        }
        if (s.StartsWith("[]", StringComparison.Ordinal))
        {
            return TypeRef.ArrayOf(ParseCore(s.Substring(2), original, ref nullable, depth + 1, outer: false));
        }
        if (s.StartsWith("map[string]", StringComparison.Ordinal))
        {
            return TypeRef.MapOf(ParseCore(s.Substring("map[string]".Length), original, ref nullable, depth + 1, outer: false));
        }
        if (TryIndexSignature(s, out string valueType)) return TypeRef.MapOf(ParseCore(valueType, original, ref nullable, depth + 1, outer: false));
        // Streams and files of the SDK's language (ReadableStream<Uint8Array>, EventStream<…>, Blob, InputStream) are
        // SDK-side objects, not JSON.
        if (IsSdkStream(CellText.StripWrappers(s), out string stream)) return TypeRef.External(stream, "");
        foreach (string prefix in MapPrefixes)
        {
            if (TryStripContainer(s, prefix, out string inner)) return TypeRef.MapOf(ParseCore(inner.TrimEnd(';', ' '), original, ref nullable, depth + 1, outer: false));
        }
        foreach (string prefix in ListPrefixes)
        {
            if (TryStripContainer(s, prefix, out string inner)) return TypeRef.ArrayOf(ParseCore(inner, original, ref nullable, depth + 1, outer: false));
        }

        if (s[0] == '[' && CellText.TryReadLink(s, 0, out string text, out string target, out int end) && end == s.Length)
        {
            return FromLink(text, target, original, ref nullable, depth, outer);
        }

        string word = CellText.StripWrappers(s);
        if (word.Length >= 2 && (word[0] == '"' || word[0] == '\'') && word[word.Length - 1] == word[0])
        {
            return TypeRef.String; // a literal such as *"phone"*
        }
        // Literal types (TypeScript's *true*, *42*) stand for their primitive.
        if (word is "true" or "false") return TypeRef.Boolean;
        if (JsonNumberText.IsFinite(word)) return word.IndexOfAny(NumberMarks) < 0 ? TypeRef.Integer : TypeRef.Number;
        if (Primitives.TryGetValue(word, out var kind)) return new TypeRef(kind);
        if (word != s) return ParseCore(word, original, ref nullable, depth + 1, outer);
        // A bare type name (unlinked in some dialects: *operations.TagNames*, models::Foo, OryClient::Foo) is resolved by name.
        if (IsTypeName(word)) return IsLibraryType(word) ? TypeRef.External(word, "") : TypeRef.Reference(SimpleName(word), null);
        return TypeRef.Unknown(original);
    }

    private static readonly char[] OpenBrackets = { '[', '<', '{' };
    private static readonly char[] NumberMarks = { '.', 'e', 'E' };

    /// <summary>
    /// <paramref name="s"/> split at <paramref name="separator"/> outside brackets, parentheses, quotes and code spans
    /// (trimmed parts), or null when there is no such separator.
    /// </summary>
    private static List<string>? SplitTopLevel(string s, char separator)
    {
        List<string>? parts = null;
        int depth = 0, start = 0;
        char quote = '\0';
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            switch (c)
            {
                case '"' or '`': quote = c; break;
                case '[' or '(' or '<' or '{': depth++; break;
                case ']' or ')' or '>' or '}': if (depth > 0) depth--; break;
                default:
                    if (c == separator && depth == 0)
                    {
                        (parts ??= new List<string>()).Add(s.Substring(start, i - start).Trim());
                        start = i + 1;
                    }
                    break;
            }
        }
        if (parts is null) return null;
        parts.Add(s.Substring(start).Trim());
        return parts.Exists(p => p.Length == 0) ? null : parts;
    }

    /// <summary>Generic stream types of the SDK languages (<c>EventStream&lt;T&gt;</c>); only with type arguments, since an API
    /// may have a schema of that name (ory's EventStream).</summary>
    private static readonly HashSet<string> SdkStreamTypes = new(StringComparer.Ordinal)
    {
        "ReadableStream", "EventStream", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "IAsyncEnumerable", "Flux", "Publisher",
    };

    /// <summary>File and byte-stream types of the SDK languages, which take no type arguments.</summary>
    private static readonly HashSet<string> SdkFileTypes = new(StringComparer.Ordinal) { "Blob", "File", "InputStream" };

    /// <summary><c>ReadableStream&lt;Uint8Array&gt;</c>, <c>EventStream&lt;models.ChatChunk&gt;</c>, <c>Blob</c> → true (a link to
    /// a doc of that name is that doc, see <see cref="FromLink"/>).</summary>
    private static bool IsSdkStream(string s, out string name)
    {
        name = s;
        int open = s.IndexOf('<');
        if (open > 0 && s[s.Length - 1] != '>') return false;
        string head = open > 0 ? s.Substring(0, open) : s;
        // Unqualified only: models.File is a schema of the API that happens to have that name.
        return open > 0 ? SdkStreamTypes.Contains(head) : SdkFileTypes.Contains(head);
    }

    /// <summary>
    /// A TypeScript index signature, <c>{ [k: string]: T }</c> or <c>{ [key: string]: T; }</c>, with any key name and a
    /// string or number key (JSON object keys are strings either way): a map of <paramref name="value"/>.
    /// </summary>
    private static bool TryIndexSignature(string s, out string value)
    {
        value = "";
        if (s.Length < 2 || s[0] != '{' || s[s.Length - 1] != '}') return false;
        string body = s.Substring(1, s.Length - 2).Trim();
        if (body.Length == 0 || body[0] != '[') return false;
        int close = body.IndexOf(']');
        if (close < 0) return false;
        string key = body.Substring(1, close - 1);
        int colon = key.IndexOf(':');
        if (colon <= 0) return false;
        string keyType = key.Substring(colon + 1).Trim();
        if (keyType is not ("string" or "number") || !IsIdentifier(key.Substring(0, colon).Trim())) return false;
        string rest = body.Substring(close + 1).TrimStart();
        if (rest.Length == 0 || rest[0] != ':') return false;
        value = rest.Substring(1).Trim().TrimEnd(';').Trim();
        return value.Length != 0;
    }

    private static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || char.IsDigit(s[0])) return false;
        foreach (char c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '$')) return false;
        }
        return true;
    }
    private static readonly char[] Qualifiers = { '.', ':', '\\' };

    private static readonly char[] Brackets = { '[', ']', '<', '>', '(', ')', '{', '}' };

    /// <summary>
    /// Packages of the SDK languages' own I/O and HTTP libraries. An unlinked type qualified by one of them
    /// (<c>*io.ReadCloser*</c>, <c>*requests_http.Response*</c>) is an SDK-side object, not a schema of the API.
    /// </summary>
    private static readonly HashSet<string> LibraryPackages = new(StringComparer.Ordinal)
    {
        "io", "http", "net/http", "bufio", "requests", "requests_http", "httpx", "aiohttp", "urllib3", "java.io", "java.net.http",
        "okhttp3", "System.IO", "System.Net.Http", "Faraday", "Net", "Psr\\Http\\Message", "GuzzleHttp\\Psr7",
    };

    private static bool IsLibraryType(string qualified)
    {
        int cut = Math.Max(qualified.LastIndexOf('.'), qualified.LastIndexOf('\\'));
        int rubyCut = qualified.LastIndexOf("::", StringComparison.Ordinal);
        if (rubyCut > cut) return LibraryPackages.Contains(qualified.Substring(0, rubyCut));
        return cut > 0 && LibraryPackages.Contains(qualified.Substring(0, cut).TrimStart('\\'));
    }

    private static bool IsTypeName(string s)
    {
        // Type names start upper-case or are qualified (shared.Foo, models::Foo); a lone lower-case word is an unknown primitive.
        if (s.Length == 0 || !(char.IsUpper(s[0]) || s.IndexOfAny(Qualifiers) > 0 || s[0] == '\\')) return false;
        foreach (char c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '\\')) return false;
        }
        return true;
    }

    /// <summary>The names older OpenAPI Generator python docs list in a type cell (<c>int, none_type</c>).</summary>
    private static readonly HashSet<string> PythonTypeNames = new(StringComparer.Ordinal)
    {
        "bool", "date", "datetime", "dict", "float", "int", "list", "str", "none_type", "None", "file_type", "bytes", "object",
    };

    /// <summary>Primitive spellings ignoring case, for link targets (<c>datetimeoffset.md</c>); the first spelling wins.</summary>
    private static readonly Dictionary<string, TypeKind> PrimitivesIgnoringCase = BuildIgnoringCase();

    private static Dictionary<string, TypeKind> BuildIgnoringCase()
    {
        var map = new Dictionary<string, TypeKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Primitives)
        {
            if (!map.ContainsKey(entry.Key)) map[entry.Key] = entry.Value;
        }
        return map;
    }

    private static bool IsWholeLink(string s)
        => s[0] == '[' && CellText.TryReadLink(s, 0, out _, out _, out int end) && end == s.Length;

    private static bool TryStripContainer(string s, string prefix, out string inner)
    {
        inner = "";
        if (!s.StartsWith(prefix, StringComparison.Ordinal)) return false;
        int open = prefix.IndexOfAny(OpenBrackets);
        char close = open < 0 ? '>' : prefix[open] switch { '[' => ']', '{' => '}', _ => '>' };
        if (s[s.Length - 1] != close) return false;
        inner = s.Substring(prefix.Length, s.Length - prefix.Length - 1);
        return true;
    }

    private static TypeRef FromLink(string text, string target, string original, ref bool nullable, int depth, bool outer)
    {
        string name = CellText.StripWrappers(text);
        string path = target;
        int hash = path.IndexOf('#');
        if (hash == 0)
        {
            return TypeRef.NestedType(path.Substring(1));
        }
        if (hash > 0) path = path.Substring(0, hash);
        bool isDoc = IsDocPath(path) && path.IndexOf("://", StringComparison.Ordinal) < 0;
        if (name.Length > 1 && name[0] == '*' && Primitives.ContainsKey(name.Substring(1)))
        {
            name = name.Substring(1); // Go's pointer to a platform type: [*time.Time](https://pkg.go.dev/time#Time)
        }
        if (!isDoc)
        {
            // A link to external docs names a platform type: [Date](https://developer.mozilla.org/…).
            if (Primitives.TryGetValue(name, out var kind)) return new TypeRef(kind);
            return path.IndexOf("://", StringComparison.Ordinal) > 0 ? TypeRef.External(name, path) : TypeRef.Unknown(original);
        }
        if (Primitives.TryGetValue(name, out var docKind))
        {
            // ../../types/rfcdate.md, serde_json::Value (.md) and friends are the SDK's own types, not model docs; but a
            // project may have a doc by that name at that path (a model called DateTimeOffset), and then it is the type.
            return TypeRef.PrimitiveUnlessDoc(new TypeRef(docKind), name, path);
        }
        // The link text is the full type (List<Foo>, Optional[Foo], shared.Foo); the target is the element's doc.
        // A wrapper in the text ([Optional[Union[str, shared.Two]]](…) on a required member) makes the member nullable.
        var parsed = ParseCore(name, original, ref nullable, depth + 1, outer);
        if (parsed.Kind is TypeKind.Any or TypeKind.Unknown or TypeKind.External)
        {
            // e.g. [Optional[Union[str, shared.Two]]](../shared/oneof.md): the linked doc is the union itself.
            string stem = System.IO.Path.GetFileNameWithoutExtension(path);
            return TypeRef.Reference(stem.Length == 0 ? SimpleName(name) : stem, path);
        }
        return WithTarget(parsed, path, SimpleName(System.IO.Path.GetFileNameWithoutExtension(path)));
    }

    /// <summary>A link to another schema doc: <c>.md</c>, or <c>.mdx</c> (MDX, which newer Speakeasy TypeScript docs use).</summary>
    public static bool IsDocPath(string path)
        => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gives the link target to the references inside a linked expression that have none.</summary>
    /// <summary>
    /// The link's target is the doc of the innermost element: a reference gets it, and so does an element name that is
    /// not a type name by itself (<c>[**Dict[str, 2fa]**](2fa.md)</c>, <c>[**List[pet]**](pet.md)</c>).
    /// </summary>
    private static TypeRef WithTarget(TypeRef type, string target, string stem) => type.Kind switch
    {
        TypeKind.Reference when type.Target is null => type with { Target = target },
        TypeKind.Unknown when stem.Length != 0 => TypeRef.Reference(stem, target),
        // [**[]File**](File.md): a link to a doc makes the name that doc's type, not the SDK's.
        TypeKind.External when stem.Length != 0 => TypeRef.Reference(stem, target),
        TypeKind.Array or TypeKind.Map => type with { Element = WithTarget(type.Element!, target, stem) },
        // [**Map<String, DateTimeOffset>**](DateTimeOffset.md): the platform type, unless the project has that doc.
        _ when PrimitivesIgnoringCase.TryGetValue(stem, out var kind) && kind == type.Kind => TypeRef.PrimitiveUnlessDoc(type, stem, target),
        _ => type,
    };

    /// <summary><c>shared.Foo</c>, <c>Shared::Foo</c>, <c>\A\B\Foo</c>, <c>Ory.Client.Model.Foo</c> → <c>Foo</c>.</summary>
    public static string SimpleName(string qualified)
    {
        int cut = Math.Max(Math.Max(qualified.LastIndexOf('.'), qualified.LastIndexOf(':')), qualified.LastIndexOf('\\'));
        return cut >= 0 && cut + 1 < qualified.Length ? qualified.Substring(cut + 1) : qualified;
    }
}
