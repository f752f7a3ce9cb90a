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
    };

    private static readonly string[] MapPrefixes = { "Record<string,", "Dict[str,", "Map<String,", "Map<string,", "Dictionary<String,", "Dictionary<string,", "array<string,", "T::Hash[Symbol," };
    private static readonly string[] ListPrefixes = { "List[", "List<", "Array<", "T::Array[", "T::Array<", "Vec<" };

    public static TypeRef Parse(string cell)
    {
        string s = CellText.DecodeEntities(cell).Trim();
        return s.Length == 0 ? TypeRef.Unknown(cell) : ParseCore(s, cell);
    }

    private static TypeRef ParseCore(string s, string original)
    {
        s = s.Trim();
        if (s.Length == 0) return TypeRef.Unknown(original);

        // Postfix array: T[] (but not a whole link whose text ends in "[]").
        if (s.EndsWith("[]", StringComparison.Ordinal) && !IsWholeLink(s))
        {
            return TypeRef.ArrayOf(ParseCore(s.Substring(0, s.Length - 2), original));
        }
        if (s.StartsWith("[]", StringComparison.Ordinal))
        {
            return TypeRef.ArrayOf(ParseCore(s.Substring(2), original));
        }
        if (s.StartsWith("map[string]", StringComparison.Ordinal))
        {
            return TypeRef.MapOf(ParseCore(s.Substring("map[string]".Length), original));
        }
        foreach (string prefix in MapPrefixes)
        {
            if (TryStripContainer(s, prefix, out string inner)) return TypeRef.MapOf(ParseCore(inner, original));
        }
        foreach (string prefix in ListPrefixes)
        {
            if (TryStripContainer(s, prefix, out string inner)) return TypeRef.ArrayOf(ParseCore(inner, original));
        }

        if (s[0] == '[' && CellText.TryReadLink(s, 0, out string text, out string target, out int end) && end == s.Length)
        {
            return FromLink(text, target, original);
        }

        string word = CellText.StripWrappers(s);
        if (word.Length >= 2 && (word[0] == '"' || word[0] == '\'') && word[word.Length - 1] == word[0])
        {
            return TypeRef.String; // a literal such as *"phone"*
        }
        if (Primitives.TryGetValue(word, out var kind)) return new TypeRef(kind);
        if (word != s) return ParseCore(word, original);
        return TypeRef.Unknown(original);
    }

    private static bool IsWholeLink(string s)
        => s[0] == '[' && CellText.TryReadLink(s, 0, out _, out _, out int end) && end == s.Length;

    private static bool TryStripContainer(string s, string prefix, out string inner)
    {
        inner = "";
        if (!s.StartsWith(prefix, StringComparison.Ordinal)) return false;
        char close = prefix[prefix.Length - 1] switch
        {
            '[' => ']',
            '<' => '>',
            _ => prefix.IndexOf('[') >= 0 ? ']' : '>',
        };
        if (s[s.Length - 1] != close) return false;
        inner = s.Substring(prefix.Length, s.Length - prefix.Length - 1);
        return true;
    }

    private static TypeRef FromLink(string text, string target, string original)
    {
        string name = CellText.StripWrappers(text);
        string path = target;
        int hash = path.IndexOf('#');
        if (hash == 0)
        {
            return TypeRef.NestedType(path.Substring(1));
        }
        if (hash > 0) path = path.Substring(0, hash);
        bool isDoc = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && path.IndexOf("://", StringComparison.Ordinal) < 0;
        if (!isDoc)
        {
            // A link to external docs names a platform type: [Date](https://developer.mozilla.org/…).
            if (Primitives.TryGetValue(name, out var kind)) return new TypeRef(kind);
            return TypeRef.Unknown(original);
        }
        if (Primitives.TryGetValue(name, out var docKind) && name is "RFCDate" or "types.Date" or "Date" or "DateTime")
        {
            return new TypeRef(docKind); // ../../types/rfcdate.md and friends are not shipped as docs
        }
        return TypeRef.Reference(SimpleName(name), path);
    }

    /// <summary><c>shared.Foo</c>, <c>Shared::Foo</c>, <c>\A\B\Foo</c>, <c>Ory.Client.Model.Foo</c> → <c>Foo</c>.</summary>
    public static string SimpleName(string qualified)
    {
        int cut = Math.Max(Math.Max(qualified.LastIndexOf('.'), qualified.LastIndexOf(':')), qualified.LastIndexOf('\\'));
        return cut >= 0 && cut + 1 < qualified.Length ? qualified.Substring(cut + 1) : qualified;
    }
}
