using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;
using GenerationModels.Generator.Resolution;

namespace GenerationModels.Generator.Parsing;

/// <summary>Example keys one doc shows for the doc at <paramref name="Path"/> (normalized): a field's JSON example.</summary>
internal sealed record ExampleKeySet(string Path, EquatableArray<string> Keys);

/// <summary>
/// Wire names from examples. Speakeasy's Example column holds JSON written with the API's own keys: a member typed as
/// another model (<c>debug</c> → <c>models.ChatDebugOptions</c>) shows <c>{"echo_upstream_body": true}</c> while that
/// model's doc lists <c>echoUpstreamBody</c>. When a set of example keys maps one to one onto a model's listed names
/// ignoring case and separators (<c>_</c>, <c>-</c>), the keys are that model's wire names, and those members are no
/// longer guesses (<see cref="SchemaField.WireNameGuessed"/>). A key set that does not fit (a key matching no member,
/// or two keys one member) is not used; two sets that disagree on a member leave it as it was.
/// </summary>
internal static class WireEvidence
{
    /// <summary>The key sets <paramref name="doc"/>'s examples show for the docs its members link to.</summary>
    public static EquatableArray<ExampleKeySet> Collect(ParsedDocument doc)
    {
        if (doc.Model is null) return EquatableArray<ExampleKeySet>.Empty;
        var sets = new List<ExampleKeySet>();
        Collect(doc.Path, doc.Model, sets);
        return sets.ToEquatableArray();
    }

    private static void Collect(string path, SchemaType type, List<ExampleKeySet> sets)
    {
        foreach (var field in type.Fields)
        {
            if (field.ExampleKeys.Count == 0) continue;
            var target = field.Type;
            while (target.Kind == TypeKind.Array && target.Element is not null) target = target.Element;
            if (target.Kind != TypeKind.Reference || target.Target is not { Length: > 0 } link || link.IndexOf("://", StringComparison.Ordinal) >= 0) continue;
            sets.Add(new ExampleKeySet(PathUtil.Combine(PathUtil.Directory(path), link), field.ExampleKeys));
        }
        foreach (var nested in type.Nested) Collect(path, nested, sets);
    }

    /// <summary>All docs' key sets, grouped by the doc they describe (ordered, so the result is stable and equatable).</summary>
    public static EquatableArray<ExampleKeySet> Merge(IEnumerable<EquatableArray<ExampleKeySet>> perDoc)
        => perDoc.All(sets => sets.Count == 0) ? EquatableArray<ExampleKeySet>.Empty : perDoc.SelectMany(sets => sets).Distinct()
            .OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => string.Join("\n", s.Keys), StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary><paramref name="doc"/> with the wire names its examples elsewhere confirm (the same instance if none).</summary>
    public static ParsedDocument Apply(ParsedDocument doc, EquatableArray<ExampleKeySet> evidence)
    {
        if (doc.Model is not { Shape: SchemaShape.Object } model || evidence.Count == 0) return doc;
        string path = PathUtil.Normalize(doc.Path);
        Dictionary<int, string>? chosen = null;
        HashSet<int>? conflicting = null;
        foreach (var set in evidence)
        {
            if (!string.Equals(set.Path, path, StringComparison.Ordinal)) continue;
            if (Match(model.Fields, set.Keys) is not { } matches) continue;
            chosen ??= new Dictionary<int, string>();
            conflicting ??= new HashSet<int>();
            foreach (var match in matches)
            {
                if (chosen.TryGetValue(match.Key, out string? earlier) && earlier != match.Value) conflicting.Add(match.Key);
                else chosen[match.Key] = match.Value;
            }
        }
        if (chosen is null) return doc;
        var fields = model.Fields.ToArray();
        bool changed = false;
        foreach (var pair in chosen)
        {
            if (conflicting!.Contains(pair.Key)) continue;
            var field = fields[pair.Key];
            if (field.JsonName == pair.Value && !field.WireNameGuessed) continue;
            fields[pair.Key] = field with { JsonName = pair.Value, WireNameGuessed = false };
            changed = true;
        }
        return changed ? doc with { Model = model with { Fields = fields.ToEquatableArray() } } : doc;
    }

    /// <summary>Field index → key, when every key names exactly one field and no field gets two keys; else null.</summary>
    private static Dictionary<int, string>? Match(EquatableArray<SchemaField> fields, EquatableArray<string> keys)
    {
        var byLoose = new Dictionary<string, int>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            string loose = Loose(fields[i].JsonName);
            if (!byLoose.ContainsKey(loose)) byLoose[loose] = i;
            else ambiguous.Add(loose);
        }
        var matches = new Dictionary<int, string>();
        foreach (string key in keys)
        {
            string loose = Loose(key);
            if (ambiguous.Contains(loose) || !byLoose.TryGetValue(loose, out int index)) return null;
            if (matches.TryGetValue(index, out string? other) && other != key) return null;
            matches[index] = key;
        }
        return matches.Count == 0 ? null : matches;
    }

    /// <summary>A name without case and separators: <c>echo_upstream_body</c>, <c>echoUpstreamBody</c> → <c>echoupstreambody</c>.</summary>
    private static string Loose(string name)
    {
        var chars = new char[name.Length];
        int n = 0;
        foreach (char c in name)
        {
            if (c is '_' or '-' or ' ') continue;
            chars[n++] = char.ToLowerInvariant(c);
        }
        return new string(chars, 0, n);
    }

    /// <summary>
    /// The top-level keys of a JSON object in an Example cell (or of each object of a JSON array), after CommonMark
    /// escapes and <c>&lt;br/&gt;</c> line breaks; empty when the cell is not such JSON.
    /// </summary>
    public static EquatableArray<string> KeysOf(string cell)
    {
        string s = CellText.UnescapePunctuation(CellText.DecodeEntities(cell)).Replace("<br/>", "\n").Replace("<br>", "\n").Trim();
        if (s.Length < 2 || !(s[0] == '{' || s[0] == '[')) return EquatableArray<string>.Empty;
        int objectDepth = s[0] == '{' ? 1 : 2; // keys of the object itself, or of the objects in the array
        var keys = new List<string>();
        var stack = new Stack<char>();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '{' or '[':
                    stack.Push(c);
                    break;
                case '}' or ']':
                    if (stack.Count == 0 || stack.Pop() != (c == '}' ? '{' : '[')) return EquatableArray<string>.Empty;
                    break;
                case '"':
                    int end = i + 1;
                    while (end < s.Length && s[end] != '"') end += s[end] == '\\' ? 2 : 1;
                    if (end >= s.Length) return EquatableArray<string>.Empty;
                    int next = end + 1;
                    while (next < s.Length && char.IsWhiteSpace(s[next])) next++;
                    if (next < s.Length && s[next] == ':' && stack.Count == objectDepth && stack.Peek() == '{' && (objectDepth == 1 || IsArrayOfObjects(stack)))
                    {
                        string key = s.Substring(i + 1, end - i - 1);
                        if (key.IndexOf('\\') < 0 && !keys.Contains(key)) keys.Add(key);
                    }
                    i = end;
                    break;
            }
        }
        return stack.Count == 0 ? keys.ToEquatableArray() : EquatableArray<string>.Empty;
    }

    private static bool IsArrayOfObjects(Stack<char> stack)
    {
        var items = stack.ToArray(); // top first
        return items.Length == 2 && items[1] == '[';
    }
}
