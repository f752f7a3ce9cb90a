using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GenerationModels.Generator.Helpers;

namespace GenerationModels.Generator.Emission;

/// <summary>The parts of a record that user code works with: the presence API of optional members.</summary>
internal sealed partial class ModelEmitter
{
    /// <summary>
    /// The presence bit an optional member's init accessor sets. Assigning null to a member the doc does not allow to be
    /// null unsets it (it is not written); where the doc allows null, null is a value and is written.
    /// </summary>
    private static string PresenceUpdate(Member member)
        => member.Field.IsNullable
            ? $"{member.Mask} |= {member.Bit};"
            : $"{member.Mask} = value is null ? {member.Mask} & ~{member.Bit} : {member.Mask} | {member.Bit};";

    /// <summary>
    /// <c>IsSet(nameof(X))</c> and <c>Unset(nameof(X), …)</c> over the optional members: two short lines per member
    /// (its name's case in <c>__PresenceIndex</c>, its case in <c>__Unset</c>). Unsetting clears the value too, so the
    /// record's equality (which compares the fields, presence bits included) sees two unset members as equal.
    /// </summary>
    private void WritePresenceApi(string clrName, List<Member> members, BlockMasks masks)
    {
        var optional = members.Where(m => m.TracksPresence).ToList();
        if (optional.Count == 0) return;
        var w = _writer;
        var blocks = Enumerable.Range(0, masks.Count).Where(m => masks.Optional[m] != 0).ToList();
        string mask = blocks.Count == 1
            ? "_set" + blocks[0].ToString(CultureInfo.InvariantCulture)
            : "(i >> 6) switch { " + string.Join(", ", blocks.Select(b => $"{b} => _set{b}")) + ", _ => 0UL }";
        w.Line("/// <summary>");
        w.Line($"/// Whether the optional member <paramref name=\"propertyName\"/> (<c>nameof({clrName}.X)</c>) is set: read from JSON");
        w.Line("/// (an explicit null included) or assigned. A member that is not set is not written.");
        w.Line("/// </summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The name is not an optional member's.</exception>");
        w.Line($"public bool IsSet(string propertyName) {{ int i = __PresenceIndex(propertyName); return ({mask} & (1UL << i)) != 0; }}");
        w.Line();
        w.Line("/// <summary>A copy with the optional members <paramref name=\"propertyNames\"/> (<c>nameof</c>) not set, so they are not written.</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A name is not an optional member's.</exception>");
        w.Open($"public {clrName} Unset(params string[] propertyNames)");
        w.Line("var copy = this with { };");
        w.Line("foreach (string name in propertyNames) copy.__Unset(__PresenceIndex(name));");
        w.Line("return copy;");
        w.Close();
        w.Line();
        w.Open("private void __Unset(int member)");
        w.Open("switch (member)");
        foreach (var member in optional)
        {
            w.Line($"case {member.Index.ToString(CultureInfo.InvariantCulture)}: {member.Field_} = default!; {member.Mask} &= ~{member.Bit}; break;");
        }
        w.Close();
        w.Close();
        w.Line();
        w.Open("private static int __PresenceIndex(string propertyName) => propertyName switch");
        foreach (var member in optional)
        {
            w.Line($"{CSharpText.Literal(member.PropertyName.TrimStart('@'))} => {member.Index.ToString(CultureInfo.InvariantCulture)},");
        }
        w.Line($"_ => throw {ModelJson}.NotAnOptionalMember({CSharpText.Literal(clrName)}, propertyName),");
        w.Close(";");
        w.Line();
    }

    /// <summary>
    /// The views user code switches on: <c>Values</c> (the wire values as constants, for constant patterns),
    /// <c>Known</c> (a C# enum of the listed values, for exhaustive switches through <c>TryGetKnown</c>), and the
    /// conversion from <c>Known</c>. One line per value for the constant; the rest is shared.
    /// </summary>
    private void WriteEnumViews(string clrName, string valueType, List<string> names, List<string> literals)
    {
        var w = _writer;
        w.Line();
        w.Line($"/// <summary>The listed wire values as constants, for constant patterns: <c>x.Value switch {{ {clrName}.Values.{(names.Count > 0 ? names[0] : "A")} => … }}</c>.</summary>");
        w.Open("public static class Values");
        for (int i = 0; i < names.Count; i++) w.Line($"public const {valueType} {names[i]} = {literals[i]};");
        w.Close();
        w.Line();
        w.Line("/// <summary>The listed values as a C# enum, for exhaustive switches (<see cref=\"TryGetKnown\"/>).</summary>");
        w.Line($"public enum Known {{ {string.Join(", ", names)} }}");
        w.Line();
        w.Line($"private static readonly {valueType}[] s_known = {{ {string.Join(", ", names.Select(n => "Values." + n))} }};");
        w.Line();
        w.Line("/// <summary>Whether the value is one the schema doc lists.</summary>");
        w.Line("public bool IsKnown => global::System.Array.IndexOf(s_known, Value) >= 0;");
        w.Line();
        w.Line("/// <summary>The value as a <see cref=\"Known\"/> member; false (and <paramref name=\"known\"/> 0) for a value the doc does not list.</summary>");
        w.Line("public bool TryGetKnown(out Known known) { int i = global::System.Array.IndexOf(s_known, Value); known = (Known)global::System.Math.Max(i, 0); return i >= 0; }");
        w.Line();
        w.Line("/// <summary>The value of a <see cref=\"Known\"/> member.</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"known\"/> is not a member.</exception>");
        w.Line($"public static implicit operator {clrName}(Known known) => new(s_known[{ModelJson}.KnownIndex((int)known, s_known.Length)]);");
        w.Line();
    }

    /// <summary>
    /// The C# name of an enum value: its doc name in PascalCase; numeric values the doc does not name read
    /// <c>Value1</c>, <c>ValueMinus1</c>, <c>Value2_5</c> rather than <c>_1</c>.
    /// </summary>
    private static string EnumMemberName(Model.EnumValue value, bool numeric)
    {
        string pascal = Resolution.Identifier.ToPascalCase(value.Name, "").TrimStart('@');
        if (pascal.Length == 0) pascal = Resolution.Identifier.ToPascalCase(value.Value, "Value").TrimStart('@');
        if (!numeric || (value.Name != value.Value && !(pascal.Length > 1 && pascal[0] == '_' && char.IsDigit(pascal[1])))) return pascal;
        var name = new System.Text.StringBuilder("Value");
        foreach (char c in value.Value)
        {
            if (c == '-') name.Append("Minus");
            else if (c == '.') name.Append('_');
            else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) name.Append(c);
        }
        return name.ToString();
    }

    /// <summary>
    /// A union's cases: one get-only property per case and <c>Unmatched</c> (set only by reading), a private
    /// constructor, a <c>From{Case}</c> factory per case (and an implicit conversion where C# allows one: not from an
    /// interface such as a list), and exhaustive <c>Match</c>/<c>Switch</c>. Exactly one case is set by construction.
    /// Case factories are named From + the case, so a case named like a member of the record is already renamed.
    /// </summary>
    private void WriteUnionCases(string clrName, List<(string Name, ClrType Type)> cases)
    {
        var w = _writer;
        w.Line($"private {clrName}() {{ }}");
        w.Line();
        int index = 0;
        foreach (var (name, clrType) in cases)
        {
            string display = EscapeXml(clrType.Name.Replace("global::", "").Replace("__Collections.", ""));
            w.Line($"/// <summary>Set when the value is a <c>{display}</c>.</summary>");
            UnionProperty($"{clrType.Name}?", name, "_c" + index.ToString(CultureInfo.InvariantCulture), clrType.Structural);
            w.Line($"/// <summary>The union holding the <c>{display}</c> <paramref name=\"value\"/>.</summary>");
            w.Line($"public static {clrName} From{name}({clrType.Name} value) => new() {{ {name} = {ModelJson}.NotNull(value, nameof(value)) }};");
            if (!clrType.Name.StartsWith("__Collections.", System.StringComparison.Ordinal))
            {
                w.Line($"/// <summary>The union holding the <c>{display}</c> <paramref name=\"value\"/>.</summary>");
                w.Line($"public static implicit operator {clrName}({clrType.Name} value) => From{name}(value);");
            }
            w.Line();
            index++;
        }
        w.Line("/// <summary>The JSON, when it matched none of the cases (set only by reading).</summary>");
        UnionProperty($"{Json}JsonElement?", "Unmatched", "_unmatched", structural: true);
        w.Line();
        string Parameter(string name) => "on" + name;
        var parameters = cases.Select(c => (Type: c.Type.Name, Name: c.Name)).Concat(new[] { (Type: $"{Json}JsonElement", Name: "Unmatched") }).ToList();
        w.Line("/// <summary>Calls the function of the case that is set (<c>Unmatched</c> for JSON that matched no case) and returns its result.</summary>");
        w.Open($"public TResult Match<TResult>({string.Join(", ", parameters.Select(p => $"global::System.Func<{p.Type}, TResult> {Parameter(p.Name)}"))})");
        foreach (var (name, _) in cases) w.Line($"if ({name} is {{ }} {Camel(name)}) return {Parameter(name)}({Camel(name)});");
        w.Line("return onUnmatched(Unmatched.GetValueOrDefault());");
        w.Close();
        w.Line();
        w.Line("/// <summary>Calls the action of the case that is set (<c>Unmatched</c> for JSON that matched no case).</summary>");
        w.Open($"public void Switch({string.Join(", ", parameters.Select(p => $"global::System.Action<{p.Type}> {Parameter(p.Name)}"))})");
        foreach (var (name, _) in cases) w.Line($"if ({name} is {{ }} {Camel(name)}) {{ {Parameter(name)}({Camel(name)}); return; }}");
        w.Line("onUnmatched(Unmatched.GetValueOrDefault());");
        w.Close();
        w.Line();
    }

    private void UnionProperty(string type, string name, string field, bool structural)
    {
        if (!structural)
        {
            _writer.Line($"public {type} {name} {{ get; private init; }}");
            return;
        }
        _writer.Line($"public {type} {name} {{ get => {field}.Value; private init => {field} = new(value); }}");
        _writer.Line($"private {ClrType.Runtime}Structural<{type}> {field};");
    }
}
