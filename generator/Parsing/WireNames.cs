using System;
using System.Collections.Generic;
using System.Text;

namespace GenerationModels.Generator.Parsing;

/// <summary>How the JSON names of a doc relate to the names it lists.</summary>
internal enum WireNaming
{
    /// <summary>The listed names are the wire names, except SDK mangling of reserved words, which is undone.</summary>
    AsWritten,
    /// <summary>The SDK re-cased the wire names; they are snake_case on the wire (<c>arrivedAt</c> → <c>arrived_at</c>).</summary>
    SnakeCase,
    /// <summary>The wire names are camelCase (<c>ArrivedAt</c>, <c>arrived_at</c> → <c>arrivedAt</c>).</summary>
    CamelCase,
}

/// <summary>
/// Recovers JSON names from the SDK property names that docs list. SDK generators rename members whose wire name is a
/// reserved word of their language in a few fixed ways, which can be undone without guessing:
/// <c>var_class</c> (python), <c>_class</c> (ruby, typescript), <c>propertyClass</c> (java), <c>r#type</c> (rust),
/// <c>int_</c>/<c>default_</c> (Speakeasy), <c>VarVersion</c> (C#, a member named like its type).
/// Re-casing (<see cref="WireNaming.SnakeCase"/>, <see cref="WireNaming.CamelCase"/>) is the user's call: a doc in
/// camelCase cannot say whether the API is.
/// <para>
/// Which docs list SDK names: every Speakeasy and OpenAPI Generator model doc. Each language writes its own casing
/// whatever the API's: Speakeasy Python and Ruby list <c>bigint_str</c>, TypeScript, Java and PHP <c>bigintStr</c>, Go
/// and C# <c>BigintStr</c> for one API's <c>bigintStr</c>; OpenAPI Generator python, ruby and rust list
/// <c>created_at</c>, java and php <c>createdAt</c>, go and dotnet <c>CreatedAt</c> (typescript-axios keeps the wire
/// name, typescript-fetch camel-cases it). So any name those docs list is a guess (<see cref="Model.SchemaField.WireNameGuessed"/>)
/// unless the project or an Example cell confirms it. frozendict docs list dictionary keys, which are the wire names.
/// </para>
/// </summary>
internal static class WireNames
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        // Words that are reserved in at least one SDK language and appear as JSON names in real APIs.
        "class", "default", "object", "int", "str", "bool", "float", "enum", "event", "ref", "namespace", "function",
        "import", "from", "global", "return", "in", "is", "for", "if", "else", "def", "end", "self", "lambda", "yield",
        "async", "await", "new", "delete", "package", "interface", "private", "public", "static", "switch", "case", "break",
        "continue", "do", "while", "try", "catch", "finally", "throw", "var", "let", "const", "void", "null", "true", "false",
        "this", "super", "extends", "implements", "match", "mod", "use", "crate", "fn", "impl", "trait", "struct", "loop",
        "move", "mut", "pub", "where", "with", "as", "assert", "del", "elif", "except", "nonlocal", "not", "or", "and",
        "pass", "raise", "boolean", "long", "double", "char", "byte",
        "short", "abstract", "final", "native", "synchronized", "transient", "volatile", "strictfp", "goto", "protected",
        "operator", "checked", "decimal", "explicit", "implicit", "internal", "lock", "out", "params", "readonly",
        "sealed", "sizeof", "stackalloc", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual",
        "base", "fixed", "foreach", "goto", "begin", "rescue", "ensure", "unless", "until", "when", "then", "alias",
        "defined", "module", "redo", "retry", "undef", "echo", "print", "callable", "clone", "declare",
        // Deliberately absent: words such as id, type, version, source that APIs really prefix with '_' (MongoDB's
        // _id, Elasticsearch's _type), so "_id" stays "_id".
    };

    public static string Recover(string listedName, string modelName, WireNaming naming)
    {
        string name = Demangle(listedName, modelName);
        return naming switch
        {
            WireNaming.SnakeCase => ToSnakeCase(name),
            WireNaming.CamelCase => ToCamelCase(name),
            _ => name,
        };
    }

    private static string Demangle(string name, string modelName)
    {
        if (name.StartsWith("r#", StringComparison.Ordinal) && name.Length > 2) return name.Substring(2);
        if (name.StartsWith("var_", StringComparison.Ordinal) && IsReserved(name.Substring(4))) return name.Substring(4);
        if (name.Length > 1 && name[0] == '_' && name[1] != '_' && IsReserved(name.Substring(1))) return name.Substring(1);
        if (name.Length > 1 && name[name.Length - 1] == '_' && name[name.Length - 2] != '_' && IsReserved(name.Substring(0, name.Length - 1))) return name.Substring(0, name.Length - 1);
        if (name.StartsWith("property", StringComparison.Ordinal) && name.Length > 8 && char.IsUpper(name[8]) && IsReserved(Lower(name.Substring(8)))) return Lower(name.Substring(8));
        // C# generators prefix "Var" to a member named like its type (Version.version → VarVersion).
        if (name.StartsWith("Var", StringComparison.Ordinal) && string.Equals(name.Substring(3), modelName, StringComparison.OrdinalIgnoreCase)) return name.Substring(3);
        return name;
    }

    private static bool IsReserved(string word) => ReservedWords.Contains(word);

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s.Substring(1);

    /// <summary><c>arrivedAt</c>, <c>ArrivedAt</c> → <c>arrived_at</c>; <c>HTTPStatus</c> → <c>http_status</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                bool previousIsUpper = i > 0 && char.IsUpper(name[i - 1]);
                if (sb.Length > 0 && sb[sb.Length - 1] != '_' && (previousIsLowerOrDigit || (previousIsUpper && nextIsLower))) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary><c>arrived_at</c>, <c>ArrivedAt</c> → <c>arrivedAt</c>.</summary>
    public static string ToCamelCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool upperNext = false;
        foreach (char c in name)
        {
            if (c == '_' || c == '-')
            {
                upperNext = sb.Length > 0;
                continue;
            }
            if (sb.Length == 0) sb.Append(char.ToLowerInvariant(c));
            else sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }
        return sb.Length == 0 ? name : sb.ToString();
    }

    /// <summary>
    /// A listed name with a capital letter (camelCase <c>frequencyPenalty</c>, PascalCase <c>FrequencyPenalty</c>), as Go,
    /// C#, Java and TypeScript SDKs write member names whatever the API's casing: the names GM0015 warns about. A guessed
    /// name without capitals (<c>model</c>, a Python SDK's <c>frequency_penalty</c>) still matches any casing on read,
    /// but does not warn: written as listed, it is right for snake_case APIs, and a single word for any casing but
    /// PascalCase.
    /// </summary>
    public static bool IsLanguageCased(string listedName)
    {
        foreach (char c in listedName)
        {
            if (c >= 'A' && c <= 'Z') return true;
        }
        return false;
    }

    /// <summary>The knob's value, or null when it is not set (blank counts as not set).</summary>
    public static WireNaming? ParseKnobOrUnset(string? value) => string.IsNullOrWhiteSpace(value) ? null : ParseKnob(value);

    public static WireNaming ParseKnob(string? value) => value?.Trim().Replace("_", "").Replace("-", "").ToLowerInvariant() switch
    {
        "snakecase" => WireNaming.SnakeCase,
        "camelcase" => WireNaming.CamelCase,
        _ => WireNaming.AsWritten,
    };
}
