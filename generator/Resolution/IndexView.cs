using System;
using System.Collections.Generic;
using GenerationModels.Generator.Helpers;
using GenerationModels.Generator.Model;

namespace GenerationModels.Generator.Resolution;

/// <summary>A link a doc makes: from which doc (the doc itself, or an alias it expands), to what target and type name.</summary>
/// <param name="ByName">False when only the target path may match (see <see cref="TypeRef.PrimitiveUnlessDoc"/>).</param>
internal sealed record LinkQuery(string FromPath, string? Target, string Name, bool ByName);

/// <summary>A link and the model it resolves to in the index (null: unresolved).</summary>
internal sealed record LinkAnswer(LinkQuery Query, NamedModel? Model);

/// <summary>
/// What one doc needs of the <see cref="SchemaIndex"/>: its own entry and the answer to every link it (and the aliases
/// it expands) makes. The resolve step keys on this rather than on the whole index, so adding, renaming or removing an
/// unrelated doc leaves it equal and the doc's resolution cached.
/// </summary>
internal sealed record IndexView(NamedModel? Self, EquatableArray<LinkAnswer> Links)
{
    public static IndexView For(ParsedDocument document, SchemaIndex index)
    {
        var self = index.Find(document.Path, document.Pointer);
        if (document.Model is null || self is null || self.IsAlias) return new IndexView(self, EquatableArray<LinkAnswer>.Empty);
        var walker = new Walker(index);
        walker.Type(document.Model, document.Path);
        return new IndexView(self, walker.Answers.ToEquatableArray());
    }

    /// <summary>
    /// Visits every type reference the resolver may follow: fields, union cases and discriminator mappings, nested
    /// types, and what linked aliases stand for (relative to the alias's doc). Each link is asked once.
    /// </summary>
    private sealed class Walker
    {
        private readonly SchemaIndex _index;
        private readonly HashSet<LinkQuery> _asked = new();

        public Walker(SchemaIndex index) => _index = index;

        public List<LinkAnswer> Answers { get; } = new();

        public void Type(SchemaType type, string path)
        {
            HashSet<string>? local = null;
            if (type.Nested.Count > 0)
            {
                local = new HashSet<string>(StringComparer.Ordinal);
                foreach (var nested in type.Nested) local.Add(nested.Name);
            }
            foreach (var field in type.Fields) Ref(field.Type, path, local);
            foreach (var variant in type.Variants) Ref(variant, path, local);
            foreach (var mapped in type.DiscriminatorCases) Ref(mapped.Type, path, local);
            foreach (var nested in type.Nested) Type(nested, path);
        }

        /// <param name="local">Names of the types nested in the type being walked (a nested reference to one needs no link); null inside an alias.</param>
        private void Ref(TypeRef type, string fromPath, HashSet<string>? local)
        {
            switch (type.Kind)
            {
                case TypeKind.Array:
                case TypeKind.Map:
                    Ref(type.Element!, fromPath, local);
                    return;
                case TypeKind.Nested when local is not null && type.Name is not null && local.Contains(type.Name):
                    return;
                case TypeKind.Reference:
                case TypeKind.Nested:
                    var query = new LinkQuery(fromPath, type.Target, type.Name ?? "", type.Fallback is null);
                    if (!_asked.Add(query)) return;
                    var target = _index.Resolve(query.FromPath, query.Target, query.Name, query.ByName);
                    Answers.Add(new LinkAnswer(query, target));
                    if (target is { IsAlias: true, AliasOf: { } aliased }) Ref(aliased, target.Path, null);
                    return;
            }
        }
    }
}
