using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;

namespace GenerationModels.Fuzz.Tests.Docs;

/// <summary>What a mutation does to a doc's text.</summary>
public enum MutationKind
{
    DeleteLine,
    DuplicateLine,
    SwapLines,
    InsertLine,
    DropCell,
    DuplicateCell,
    SwapCells,
    ReplaceCell,
    InsertToken,
    DeleteRange,
    LineEndings,
    BomOrNul,
    Truncate,
    ChangeHeading,
    RetargetLink,
    RandomTypeCell,
    ChangePipes,
    ChangeSeparatorRow,
    RepeatLine,
    LongRun,
    ReplaceChar,
}

/// <summary>One mutation: a kind, two positions in [0, 1) and a token choice. Applied deterministically, so a failing doc reproduces from its spec.</summary>
public sealed record Mutation(MutationKind Kind, double A, double B, int Token);

/// <summary>Mutations of well-formed docs: cells, pipes, separator rows, escapes, backticks, links, headings, hostile characters, line endings.</summary>
public static class Mutations
{
    public static readonly Gen<Mutation> One =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Double.Unit, Gen.Double.Unit, Gen.Int[0, 100_000], (kind, a, b, token) => new Mutation(kind, a, b, token));

    /// <summary>Zero to six mutations; one doc in eight is left intact (it then sits among mutated siblings).</summary>
    public static readonly Gen<Mutation[]> Some = Gen.Frequency((1, Gen.Const(Array.Empty<Mutation>())), (7, One.Array[1, 6]));

    /// <summary>Well-formed batches, each doc mutated.</summary>
    public static Gen<FuzzDoc[]> Batch(int docs)
        => from batch in DocGens.Batch(docs)
           from mutations in Some.Array[batch.Length]
           select Mutate(batch, mutations);

    /// <summary>Mutates each doc; a doc keeps its expectation only when no doc of its folder (which it may link to) changed.</summary>
    private static FuzzDoc[] Mutate(FuzzDoc[] batch, Mutation[][] mutations)
    {
        static string Folder(FuzzDoc doc) => doc.RelativePath.Substring(0, doc.RelativePath.IndexOf('/'));
        var touched = new HashSet<string>(batch.Where((_, i) => mutations[i].Length != 0).Select(Folder), StringComparer.Ordinal);
        return batch.Select((doc, i) => mutations[i].Length != 0 ? doc.Mutated(Apply(doc.Text, doc.RelativePath, mutations[i]))
            : touched.Contains(Folder(doc)) ? doc with { Expected = null } : doc).ToArray();
    }

    public static string Apply(string text, string path, IEnumerable<Mutation> mutations)
    {
        foreach (var mutation in mutations) text = Apply(text, path, mutation);
        return text;
    }

    public static readonly string[] Tokens =
    {
        "|", "\\|", "\\", "\\\\", "`", "``", "```", "~~~", "[", "]", "(", ")", "[X](x.md)", "[**Pet**](Pet.md)", "#", "# ", "## Fields",
        "**", "*", "_", "~~", "&lt;", "&#0;", "&#xD800;", "&#x110000;", "&#1114111;", "&amp;", "&#", "&;", "<br/>", "\"", "'", "{", "}",
        "*/", "/*", "</summary>", "<summary>", "<!--", "-->", "#error x", "#if X", "\u202E", "\u2066", "\u2069", "\u200B", "\u200D",
        "\uFEFF", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\0", "\u0001", "\u001B", "\u007F", "\u2028", "\u2029", "\u0085", "\r", "\n", "\r\n",
        "\t", "😀", "名前", "é", "e\u0301", "class", "int", "namespace", "global::", "@", "$", "%s", "{0}", "\"\"\"", "@\"", "$\"",
        "\\u0022", "\\n", "null", "List[", "]]]", "<", ">", "Optional[", "Union[str, int]", "Literal[\"a\"]", "Pointer to ", "None, ",
        "[optional]", ":heavy_check_mark:", ":heavy_minus_sign:", "must be one of [\"a\", ", "any_string_name", "#any_of_0", "](#",
        "](", "Model Type Info", "Dictionary Keys", "Supported Types", "Values", "Properties", "Return type", "Enum Variants",
        "Tuple Items", "anyOf", "allOf", "oneOf", "(value: `'x'`)", "* ", "- ", "1.5e400", "-", "---", ":---:", "Nullable", "NullableString",
        "Record<string, ", "map[string]", "[]", "*?", "?", "T.nilable(", "Box<", "interface{}", "serde_json::Value", "r#type", "var_class",
        "_class", "propertyClass", "int_", "VarPet", "\u00A0", "\u3000", "\u180E", "\uFFFE", "\uFFFF", "\U0001F9D1\u200D\U0001F4BB",
    };

    public static readonly string[] Lines =
    {
        "# X", "# ", "#", "## Fields", "## Values", "## Properties", "## Supported Types", "## Model Type Info", "### Dictionary Keys",
        "### Tuple Items", "#### anyOf", "#### oneOf", "#### allOf", "## Enum", "## Enum Variants", "### Return type",
        "### HTTP request headers", "## Class instance methods", "## Enum: StatusEnum", "###", "####### seven", "```", "```typescript",
        "~~~", "| --- | --- |", "---|---", "|", "||||||", "| a | b | c | d | e | f | g |", "Name | Type | Description | Notes",
        "Key | Input Type | Accessed Type | Description | Notes", "Class Name | Input Type | Accessed Type | Description | Notes",
        "| Field | Type | Required | Description |", "| Name | Value |", "| `x` | *string* | :heavy_check_mark: | x |",
        "| `x` | *string* | :heavy_check_mark: | duplicate of x |", "**k** | str,  | str,  |  | ", "**[k](#k)** | dict, frozendict.frozendict,  | x |  | ",
        "* `A` (value: `'a'`)", "", "    indented code", "> quote", "- item", "<details>", "[ref]: http://x", "# k", "# any_of_0",
        "dict, frozendict.frozendict,  | frozendict.frozendict,  |  | ", "str,  | str,  |  | must be one of [\"a\", \"b\", ] ",
        "### `string`", "### ", "### [Pet](pet.md)", "value: str = 1", "\"a\" | \"b\" | 3", "| `One` | 1 |", "|:-|:-:|-:|",
        "**id** | **int** | | [optional]", "|**id** | [**Pet**](Pet.md) | | |",
    };

    private static readonly string[] HeadingTexts =
    {
        "Fields", "Values", "Properties", "Supported Types", "Model Type Info", "Dictionary Keys", "Tuple Items", "anyOf", "oneOf", "allOf",
        "Enum", "Enum Variants", "Return type", "HTTP request headers", "Example Usage", "fields", "FIELDS", " Fields ", "Fields ##", "Enum: E",
        "", "X", "Pet", "any_of_0", "k",
    };

    private static readonly string[] LinkTargets =
    {
        "missing.md", "", "#", "#anchor", "#k", "https://example.com/x", "http://", "../../../../etc/passwd.md", "C:\\schemas\\x.md",
        "/abs/x.md", "x.md#frag", "../g0/pet.md", "pet.md", "Pet.md", "../g1/owner.md", "owner.md", ".md", "./", "..", "(x).md", "x .md",
        "x.MD", "%2e%2e/x.md", "\u202Eevil.md", "x\0.md",
    };

    private static readonly string[] LongUnits =
    {
        "a", "\\", "`", "[", "]", "|", "*", "#", "(", "-", "_", "~", "&", "<", "\\|", "[x](", "| ", "# ", "**", "é", "\u200B",
        // Type-cell wrappers: each one is a step of the type parser.
        "Optional[", "Pointer to ", "?", "List[", "[]", "*?", "Nullable", "map[string]", "Record<string, ", "[[", "&lt;", "&#",
    };

    public static string Apply(string text, string path, Mutation m)
    {
        string fileName = path.Substring(path.LastIndexOf('/') + 1);
        switch (m.Kind)
        {
            case MutationKind.InsertToken:
            {
                int at = Position(text.Length + 1, m.A);
                return text.Insert(at, Tokens[m.Token % Tokens.Length]);
            }
            case MutationKind.DeleteRange:
            {
                int at = Position(text.Length, m.A);
                int length = Math.Min(text.Length - at, 1 + (int)(m.B * 40));
                return length <= 0 ? text : text.Remove(at, length);
            }
            case MutationKind.Truncate:
                return text.Substring(0, Position(text.Length + 1, m.A));
            case MutationKind.ReplaceChar:
            {
                if (text.Length == 0) return text;
                int at = Position(text.Length, m.A);
                return text.Substring(0, at) + HostileChar(m.Token) + text.Substring(at + 1);
            }
            case MutationKind.LineEndings:
                return (m.Token % 5) switch
                {
                    0 => text.Replace("\n", "\r\n"),
                    1 => text.Replace("\n", "\r"),
                    2 => MixedLineEndings(text, m.Token),
                    3 => text.Replace("\n", " \t\n"),
                    _ => text.TrimEnd('\n'),
                };
            case MutationKind.BomOrNul:
                return (m.Token % 4) switch
                {
                    0 => "\uFEFF" + text,
                    1 => text + "\0",
                    2 => text.Insert(Position(text.Length + 1, m.A), "\0\0\0"),
                    _ => "\uFEFF\uFEFF" + text.Replace("\n", "\u2028"),
                };
            case MutationKind.RetargetLink:
            {
                var links = AllIndexes(text, "](");
                if (links.Count == 0) return text;
                int open = links[Position(links.Count, m.A)] + 2;
                int close = text.IndexOf(')', open);
                if (close < 0) close = text.Length;
                string target = (m.Token % (LinkTargets.Length + 2)) switch
                {
                    int i when i < LinkTargets.Length => LinkTargets[i],
                    int i when i == LinkTargets.Length => fileName,
                    _ => new string('x', 300 + m.Token % 5000) + ".md",
                };
                return text.Substring(0, open) + target + text.Substring(close);
            }
            case MutationKind.LongRun:
            {
                string unit = LongUnits[m.Token % LongUnits.Length];
                int count = 100 + (int)(Math.Pow(m.B, 4) * 20_000);
                return text.Insert(Position(text.Length + 1, m.A), string.Concat(Enumerable.Repeat(unit, count)));
            }
        }

        var lines = text.Split('\n').ToList();
        switch (m.Kind)
        {
            case MutationKind.DeleteLine:
                if (lines.Count > 0) lines.RemoveAt(Position(lines.Count, m.A));
                break;
            case MutationKind.DuplicateLine:
                if (lines.Count > 0)
                {
                    int i = Position(lines.Count, m.A);
                    lines.Insert(i, lines[i]);
                }
                break;
            case MutationKind.SwapLines:
                if (lines.Count > 1)
                {
                    int i = Position(lines.Count, m.A), j = Position(lines.Count, m.B);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                }
                break;
            case MutationKind.InsertLine:
                lines.Insert(Position(lines.Count + 1, m.A), Lines[m.Token % Lines.Length]);
                break;
            case MutationKind.RepeatLine:
                if (lines.Count > 0)
                {
                    int i = Position(lines.Count, m.A);
                    int times = 10 + (int)(Math.Pow(m.B, 4) * 3000); // mostly tens of copies, now and then thousands
                    lines.InsertRange(i, Enumerable.Repeat(lines[i], times));
                }
                break;
            case MutationKind.ChangeHeading:
            {
                var headings = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimStart().StartsWith('#')).ToList();
                if (headings.Count == 0) break;
                int line = headings[Position(headings.Count, m.A)];
                int level = 1 + m.Token % 7;
                string body = lines[line].TrimStart().TrimStart('#');
                string heading = m.B < 0.5 ? HeadingTexts[(m.Token / 7) % HeadingTexts.Length] : body.Trim();
                lines[line] = (m.Token % 11 == 0 ? "   " : "") + new string('#', level) + (m.Token % 13 == 0 ? "" : " ") + heading;
                break;
            }
            case MutationKind.DropCell:
            case MutationKind.DuplicateCell:
            case MutationKind.SwapCells:
            case MutationKind.ReplaceCell:
            case MutationKind.RandomTypeCell:
            case MutationKind.ChangePipes:
            {
                var rows = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains('|')).ToList();
                if (rows.Count == 0) break;
                int line = rows[Position(rows.Count, m.A)];
                lines[line] = MutateRow(lines[line], m);
                break;
            }
            case MutationKind.ChangeSeparatorRow:
            {
                var rows = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains("---")).ToList();
                if (rows.Count == 0) break;
                int line = rows[Position(rows.Count, m.A)];
                lines[line] = (m.Token % 6) switch
                {
                    0 => "",
                    1 => lines[line].Replace("-", "="),
                    2 => lines[line].Replace("---", ":---:"),
                    3 => lines[line] + " | --- | ---",
                    4 => "---",
                    _ => lines[line].Replace("|", ""),
                };
                break;
            }
        }
        return string.Join("\n", lines);
    }

    private static string MutateRow(string row, Mutation m)
    {
        var cells = row.Split('|').ToList();
        int i = Position(cells.Count, m.B);
        switch (m.Kind)
        {
            case MutationKind.DropCell:
                cells.RemoveAt(i);
                break;
            case MutationKind.DuplicateCell:
                cells.Insert(i, cells[i]);
                break;
            case MutationKind.SwapCells:
            {
                int j = m.Token % cells.Count;
                (cells[i], cells[j]) = (cells[j], cells[i]);
                break;
            }
            case MutationKind.ReplaceCell:
                cells[i] = " " + Tokens[m.Token % Tokens.Length] + " ";
                break;
            case MutationKind.RandomTypeCell:
                cells[i] = " " + TypeExpressions.Build(m.Token) + " ";
                break;
            case MutationKind.ChangePipes:
                return (m.Token % 5) switch
                {
                    0 => row.Trim().Trim('|'),
                    1 => "|" + row + "|",
                    2 => row.Replace("|", "||"),
                    3 => row.Replace("|", "\\|"),
                    _ => row.Replace("|", " "),
                };
        }
        return string.Join("|", cells);
    }

    private static string MixedLineEndings(string text, int seed)
    {
        var sb = new StringBuilder(text.Length + 16);
        int n = seed;
        foreach (char c in text)
        {
            if (c != '\n')
            {
                sb.Append(c);
                continue;
            }
            n = unchecked(n * 1103515245 + 12345);
            sb.Append(((n >> 16) & 3) switch { 0 => "\n", 1 => "\r\n", 2 => "\r", _ => "\n\r" });
        }
        return sb.ToString();
    }

    /// <summary>A character from the classes that break naive text handling.</summary>
    public static string HostileChar(int seed) => (seed % 12) switch
    {
        0 => "\uD800",
        1 => "\uDFFF",
        2 => "\u202E",
        3 => "\u200B",
        4 => "\0",
        5 => "\uFEFF",
        6 => "|",
        7 => "\\",
        8 => "`",
        9 => char.ConvertFromUtf32(0x1F600 + seed % 80),
        10 => ((char)(0x4E00 + seed % 20000)).ToString(),
        _ => ((char)(seed % 0xD800)).ToString(),
    };

    private static int Position(int count, double fraction) => count <= 0 ? 0 : Math.Min(count - 1, (int)(fraction * count));

    private static List<int> AllIndexes(string text, string value)
    {
        var found = new List<int>();
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) found.Add(i);
        return found;
    }
}

/// <summary>Random type expressions in the union of the dialects' grammars, nested, mangled, sometimes hundreds of levels deep.</summary>
public static class TypeExpressions
{
    private static readonly string[] Words =
    {
        "string", "str", "int", "integer", "number", "float", "bool", "boolean", "any", "Any", "object", "Date", "date", "datetime",
        "time.Time", "int64", "Long", "Pet", "shared.Pet", "models::Pet", "\\Acme\\Pet", "quux", "None", "Value", "interface{}",
        "\"literal\"", "'x'", "", " ", "名前", "Pet Store", "decimal.Decimal", "uuid.UUID", "bytes", "list", "tuple", "dict", "frozendict.frozendict",
    };

    private static readonly string[] Wrappers =
    {
        "*{0}*", "**{0}**", "`{0}`", "~~{0}~~", "{0}[]", "[]{0}", "List[{0}]", "list[{0}]", "Dict[str, {0}]", "Record<string, {0}>",
        "Optional[{0}]", "Option<{0}>", "Union[{0}, {1}]", "map[string]{0}", "[{0}](x.md)", "[{0}](#k)", "[{0}](https://x.y/z)", "Pointer to {0}",
        "Nullable{0}", "List&lt;{0}&gt;", "Map&lt;String, {0}&gt;", "{0}, {1}, ", "Array<{0}>", "T::Array[{0}]", "Vec<{0}>", "Box<{0}>",
        "{{ [key: string]: {0} }}", "*?{0}*", "?{0}", "T.nilable({0})", "Literal[{0}]", "[{0}]({1}.md)", "{0}]", "[{0}", "{0}>", "<{0}",
    };

    public static string Build(int seed)
    {
        var random = new Random(seed);
        int depth = random.Next(20) == 0 ? random.Next(50, 400) : random.Next(0, 6);
        return Build(random, depth);
    }

    private static string Build(Random random, int depth)
    {
        if (depth <= 0) return Words[random.Next(Words.Length)];
        string wrapper = Wrappers[random.Next(Wrappers.Length)];
        string inner = Build(random, depth - 1);
        string other = wrapper.Contains("{1}") ? Words[random.Next(Words.Length)] : "";
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, wrapper, inner, other);
    }
}
