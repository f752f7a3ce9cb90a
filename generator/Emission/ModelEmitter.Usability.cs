using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Resolution;
using static GenerationModels.Generator.Emission.GeneratedShape;

namespace GenerationModels.Generator.Emission;

/// <summary>
/// The parts of generated types that user code works with beyond reading and writing: the presence API of optional
/// members, the switchable views of enums, and building and matching unions.
/// </summary>
internal sealed partial class ModelEmitter
{
    /// <summary>
    /// The presence bit an optional member's init accessor sets. Assigning null to a member the doc does not allow to be
    /// null unsets it (it is not written); where the doc allows null, null is a value and is written.
    /// </summary>
    private static string PresenceUpdate(Member member)
        => member.Spec.IsNullable
            ? $"{member.Mask} |= {member.Bit};"
            : $"{member.Mask} = value is null ? {member.Mask} & ~{member.Bit} : {member.Mask} | {member.Bit};";

    /// <summary>
    /// <c>IsSet(nameof(X))</c> and <c>Unset(nameof(X), …)</c> over the optional members: two short lines per member
    /// (its name's case in <c>__PresenceIndex</c>, its case in <c>__Unset</c>). Unsetting clears the value too, so the
    /// record's equality (which compares the fields, presence bits included) sees two unset members as equal.
    /// </summary>
    private void WritePresenceApi(string clrName, List<Member> members, BlockMasks masks)
    {
        var optional = members.Where(m => m.Spec.TracksPresence).ToList();
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
        w.Line($"public bool {IsSetMethod}(string propertyName) {{ int i = __PresenceIndex(propertyName); return ({mask} & (1UL << i)) != 0; }}");
        w.Line();
        w.Line("/// <summary>A copy with the optional members <paramref name=\"propertyNames\"/> (<c>nameof</c>) not set, so they are not written.</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A name is not an optional member's.</exception>");
        w.Open($"public {clrName} {UnsetMethod}(params string[] propertyNames)");
        w.Line("var copy = this with { };");
        w.Line("foreach (string name in propertyNames) copy.__Unset(__PresenceIndex(name));");
        w.Line("return copy;");
        w.Close();
        w.Line();
        w.Open("private void __Unset(int member)");
        w.Open("switch (member)");
        foreach (var member in optional)
        {
            w.Line($"case {member.Index.ToString(CultureInfo.InvariantCulture)}: {member.Field} = default!; {member.Mask} &= ~{member.Bit}; break;");
        }
        w.Close();
        w.Close();
        w.Line();
        w.Open("private static int __PresenceIndex(string propertyName) => propertyName switch");
        foreach (var member in optional)
        {
            w.Line($"{CSharpText.Literal(member.Spec.PropertyName.TrimStart('@'))} => {member.Index.ToString(CultureInfo.InvariantCulture)},");
        }
        w.Line($"_ => throw {ModelJson}{Api.NotAnOptionalMember}({CSharpText.Literal(clrName)}, propertyName),");
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
        w.Line($"/// <summary>The listed wire values as constants, for constant patterns: <c>x.Value switch {{ {clrName}.{ValuesClass}.{(names.Count > 0 ? names[0] : "A")} => … }}</c>.</summary>");
        w.Open($"public static class {ValuesClass}");
        for (int i = 0; i < names.Count; i++) w.Line($"public const {valueType} {names[i]} = {literals[i]};");
        w.Close();
        w.Line();
        w.Line($"/// <summary>The listed values as a C# enum, for exhaustive switches (<see cref=\"{TryGetKnownMethod}\"/>).</summary>");
        w.Line($"public enum {KnownEnum} {{ {string.Join(", ", names)} }}");
        w.Line();
        w.Line($"private static readonly {valueType}[] s_known = {{ {string.Join(", ", names.Select(n => ValuesClass + "." + n))} }};");
        w.Line();
        w.Line("/// <summary>Whether the value is one the schema doc lists.</summary>");
        w.Line($"public bool {IsKnownProperty} => global::System.Array.IndexOf(s_known, Value) >= 0;");
        w.Line();
        w.Line($"/// <summary>The value as a <see cref=\"{KnownEnum}\"/> member; false (and <paramref name=\"known\"/> 0) for a value the doc does not list.</summary>");
        w.Line($"public bool {TryGetKnownMethod}(out {KnownEnum} known) {{ int i = global::System.Array.IndexOf(s_known, Value); known = ({KnownEnum})global::System.Math.Max(i, 0); return i >= 0; }}");
        w.Line();
        w.Line($"/// <summary>The value of a <see cref=\"{KnownEnum}\"/> member.</summary>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"known\"/> is not a member.</exception>");
        w.Line($"public static implicit operator {clrName}({KnownEnum} known) => new(s_known[{ModelJson}{Api.KnownIndex}((int)known, s_known.Length)]);");
        w.Line();
    }

    /// <summary>
    /// A union's cases: one get-only property per case and <c>Unmatched</c> (set only by reading), a private
    /// constructor, a <c>From{Case}</c> factory per case (and an implicit conversion where C# allows one: not from an
    /// interface such as a list, nor from the union itself), and exhaustive <c>Match</c>/<c>Switch</c>. Exactly one case is set by construction.
    /// </summary>
    private void WriteUnionCases(string clrName, string fullName, EquatableArray<UnionCaseSpec> cases)
    {
        var w = _writer;
        w.Line($"private {clrName}() {{ }}");
        w.Line();
        int index = 0;
        foreach (var c in cases)
        {
            string display = EscapeXml(c.Type.Name.Replace("global::", "").Replace(Aliases.Collections, ""));
            w.Line($"/// <summary>Set when the value is a <c>{display}</c>.</summary>");
            UnionProperty($"{c.Type.Name}?", c.Name, "_c" + index.ToString(CultureInfo.InvariantCulture), TypeReferenceCode.IsStructural(c.Type));
            w.Line($"/// <summary>The union holding the <c>{display}</c> <paramref name=\"value\"/>.</summary>");
            w.Line($"public static {clrName} From{c.Name}({c.Type.Name} value) => new() {{ {c.Name} = {ModelJson}{Api.NotNull}(value, nameof(value)) }};");
            // C# has no conversion from an interface (a list or map) or from the union itself (a case that refers back).
            if (c.Type.Kind is not (TypeReferenceKind.List or TypeReferenceKind.Map) && c.Type.Name != fullName)
            {
                w.Line($"/// <summary>The union holding the <c>{display}</c> <paramref name=\"value\"/>.</summary>");
                w.Line($"public static implicit operator {clrName}({c.Type.Name} value) => From{c.Name}(value);");
            }
            w.Line();
            index++;
        }
        w.Line("/// <summary>The JSON, when it matched none of the cases (set only by reading).</summary>");
        UnionProperty($"{Json}JsonElement?", UnmatchedProperty, "_unmatched", structural: true);
        w.Line();
        var parameters = cases.Select(c => (Type: c.Type.Name, Name: c.Name)).Concat(new[] { (Type: $"{Json}JsonElement", Name: UnmatchedProperty) }).ToList();
        w.Line("/// <summary>Calls the function of the case that is set (<c>onUnmatched</c> for JSON that matched no case) and returns its result.</summary>");
        w.Open($"public TResult {MatchMethod}<TResult>({string.Join(", ", parameters.Select(p => $"global::System.Func<{p.Type}, TResult> on{p.Name}"))})");
        foreach (var c in cases) w.Line($"if ({c.Name} is {{ }} {Camel(c.Name)}) return on{c.Name}({Camel(c.Name)});");
        w.Line($"return on{UnmatchedProperty}({UnmatchedProperty}.GetValueOrDefault());");
        w.Close();
        w.Line();
        w.Line("/// <summary>Calls the action of the case that is set (<c>onUnmatched</c> for JSON that matched no case).</summary>");
        w.Open($"public void {SwitchMethod}({string.Join(", ", parameters.Select(p => $"global::System.Action<{p.Type}> on{p.Name}"))})");
        foreach (var c in cases) w.Line($"if ({c.Name} is {{ }} {Camel(c.Name)}) {{ on{c.Name}({Camel(c.Name)}); return; }}");
        w.Line($"on{UnmatchedProperty}({UnmatchedProperty}.GetValueOrDefault());");
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
        _writer.Line($"private {Aliases.Runtime}{Api.Structural}<{type}> {field};");
    }
}
