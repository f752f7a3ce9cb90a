using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// What a model read from JSON keeps beyond its declared members, behind one reference: the members it does not declare
/// (<see cref="Unknown"/>, a generated record's <c>AdditionalProperties</c>) and the JSON text its scalar members were
/// read from, kept only where it differs from what the writer would produce for the value read (<c>1.0</c>,
/// <c>1e5</c>, <c>"12.34"</c> for a number, a <c>Z</c> date-time, a full timestamp for a date, a number for a string,
/// and, when contract violations are read leniently, <c>null</c> for a non-nullable member or a required member that
/// was absent). Writing a member whose value still equals the value read writes that text back; a value set in code is
/// written canonically. It also keeps, for models from language-cased docs, the spelling of members matched in another
/// casing than their declared name (<see cref="WireNames"/>), so that they are written back as they were read.
/// </summary>
/// <remarks>
/// The reference is null for a canonical payload without unknown members, the <see cref="OpenDictionary"/> itself when
/// only unknown members were read, and a store of kept texts (which then also holds the unknown members) otherwise, so
/// a canonical read allocates nothing for it. A store is never changed after the read: copies made with <c>with</c>
/// share it, and <see cref="WithUnknown"/> makes a new one. Equality: the unknown members take part (as
/// <see cref="OpenDictionary"/> equality, two nulls equal), the kept texts never do, so a model read from JSON equals
/// the same model built in code.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public struct RawValues : IEquatable<RawValues>
{
    private static readonly RawStore LenientMarker = new(lenient: true, readUnion: false);

    private static readonly RawStore UnionReadMarker = new(lenient: false, readUnion: true);

    /// <summary>Null, the <see cref="OpenDictionary"/> of unknown members, or a <see cref="RawStore"/>.</summary>
    private object? _store;

    private RawValues(object? store) => _store = store;

    /// <summary>The store of kept texts, if any (null, or the unknown members only: none).</summary>
    private readonly RawStore? Store
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _store as RawStore;
    }

    /// <summary>A store for a read that accepts contract violations (<c>GenerationModelsContractViolations=Lenient</c>).</summary>
    public static RawValues Lenient => new(LenientMarker);

    /// <summary>
    /// Marks a discriminated union read from JSON: its case is written back as it was read, so the discriminator is
    /// never filled in for it (see <see cref="ModelJson.WriteCase"/>).
    /// </summary>
    public static RawValues ReadUnion => new(UnionReadMarker);

    /// <summary>Whether this marks a union read from JSON (<see cref="ReadUnion"/>).</summary>
    internal readonly bool IsReadUnion => Store is { ReadUnion: true };

    /// <summary>Whether contract violations are read rather than rejected.</summary>
    internal readonly bool IsLenient => Store is { Lenient: true };

    /// <summary>How many member texts are kept (0 for a canonical payload).</summary>
    public readonly int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Store?.Count ?? 0;
    }

    /// <summary>The members the model does not declare, in document order; null when there are none.</summary>
    public readonly OpenDictionary? Unknown
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _store is RawStore store ? store.Unknown : _store as OpenDictionary;
    }

    /// <summary>
    /// These kept texts with <paramref name="unknown"/> as the unknown members (a generated record's
    /// <c>AdditionalProperties</c> init accessor). A store shared with other copies is not changed: a new one is made.
    /// </summary>
    /// <param name="unknown">The unknown members, or null.</param>
    /// <returns>The new value.</returns>
    public readonly RawValues WithUnknown(OpenDictionary? unknown)
    {
        if (_store is RawStore store)
        {
            return ReferenceEquals(store.Unknown, unknown) ? this : new RawValues(store.WithUnknown(unknown));
        }
        return new RawValues(unknown);
    }

    /// <summary>
    /// What a read keeps (the last step of a generated converter's read): the texts kept in <paramref name="raw"/>, this
    /// read's own, and the unknown members collected, if any. The lenient marker only matters while reading: a lenient
    /// read that kept nothing keeps only the unknown members, like a strict one.
    /// </summary>
    /// <param name="raw">This read's kept texts.</param>
    /// <param name="unknown">This read's unknown members.</param>
    /// <returns>The value the model keeps.</returns>
    internal static RawValues Complete(ref RawValues raw, ref OrderedMapBuilder<JsonElement> unknown)
    {
        OpenDictionary? members = ModelJson.ToOpenDictionary(ref unknown);
        object? store = raw._store;
        if (store is null || ReferenceEquals(store, LenientMarker)) return new RawValues(members);
        if (members is null) return raw;
        if (ReferenceEquals(store, UnionReadMarker)) return new RawValues(UnionReadMarker.WithUnknown(members));
        ((RawStore)store).Unknown = members; // this read's own store: no copy has seen it yet
        return raw;
    }

    /// <summary>The unknown members equal (<see cref="OpenDictionary"/> equality, two nulls equal); the kept texts never count.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether the unknown members are equal.</returns>
    public readonly bool Equals(RawValues other) => Unknown == other.Unknown;

    /// <summary>Whether <paramref name="obj"/> is a <see cref="RawValues"/> with equal unknown members.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether they are equal.</returns>
    public override readonly bool Equals(object? obj) => obj is RawValues other && Equals(other);

    /// <summary>The unknown members' hash code (0 when there are none): the kept texts never take part.</summary>
    /// <returns>The hash code.</returns>
    public override readonly int GetHashCode() => Unknown?.GetHashCode() ?? 0;

    /// <summary>
    /// Records that the required members of one 64-member block that are not in <paramref name="seen"/> were absent
    /// (lenient contract violations): writing such a member back writes nothing while its value is still the default.
    /// </summary>
    /// <param name="seen">The members seen, one bit per member of the block.</param>
    /// <param name="required">The required members of the block, one bit each.</param>
    /// <param name="block">The block's number: bit <c>i</c> is member <c>64 * block + i</c>.</param>
    public void Absent(ulong seen, ulong required, int block)
    {
        ulong missing = required & ~seen;
        for (int bit = 0; missing != 0 && bit < 64; bit++)
        {
            if ((missing & (1UL << bit)) == 0) continue;
            missing &= ~(1UL << bit);
            Add(64 * block + bit, Array.Empty<byte>(), default, default, null);
        }
    }

    internal void Add(int slot, byte[] text, long a, long b, object? o) => Own().Add(new RawEntry(slot, text, a, b, o));

    /// <summary>This read's own store (the lenient marker is shared, never written).</summary>
    private RawStore Own()
    {
        var store = Store;
        if (store is null || ReferenceEquals(store, LenientMarker) || ReferenceEquals(store, UnionReadMarker))
        {
            store = store is null ? new RawStore(lenient: false, readUnion: false) : new RawStore(store.Lenient, store.ReadUnion);
            _store = store;
        }
        return store;
    }

    /// <summary>
    /// Records that member <paramref name="slot"/> was read under another spelling (<paramref name="name"/>, UTF-8,
    /// unescaped) than its declared name: <see cref="WireNames"/> then gives that spelling for it.
    /// </summary>
    internal void Spell(int slot, ReadOnlySpan<byte> name, JsonEncodedText[] declared)
    {
        var store = Own();
        store.Declared ??= declared;
        var names = store.Names ??= (JsonEncodedText[])declared.Clone();
        names[slot] = JsonEncodedText.Encode(name);
    }

    /// <summary>Whether member <paramref name="slot"/> was read under another spelling than its declared name.</summary>
    /// <param name="slot">The member's index.</param>
    /// <returns>Whether a spelling is kept for it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly bool IsSpelled(int slot)
        => _store is RawStore { Names: { } names, Declared: { } declared } && !ReferenceEquals(names[slot].Value, declared[slot].Value);

    /// <summary>
    /// The names to write the members with: <paramref name="declared"/> (the configured casing), except members read
    /// under another spelling (a model from language-cased docs fed another casing), which keep the spelling read.
    /// </summary>
    /// <param name="declared">The declared members' encoded names.</param>
    /// <returns><paramref name="declared"/>, or this instance's names.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly JsonEncodedText[] WireNames(JsonEncodedText[] declared) => Store?.Names ?? declared;

    /// <summary>The name member <paramref name="slot"/> was read under: its spelling in the JSON (for error paths).</summary>
    /// <param name="slot">The member's index.</param>
    /// <param name="declared">The declared members' JSON names.</param>
    /// <returns>The spelling read, or the declared name.</returns>
    public readonly string JsonName(int slot, string[] declared)
        => Store?.Names is { } names ? names[slot].Value : declared[slot];

    /// <summary>
    /// Moves what was kept under <paramref name="from"/> to <paramref name="to"/> (a map value read under a new slot whose
    /// key turned out to be a repeat): the last value wins, with its text or, when it was canonical, without any.
    /// </summary>
    internal void Move(int from, int to)
    {
        var store = Store;
        if (store is null) return;
        store.Remove(to);
        if (store.TryGet(from, out RawEntry entry))
        {
            store.Remove(from);
            store.Add(new RawEntry(to, entry.Text, entry.A, entry.B, entry.O));
        }
    }

    /// <summary>Writes the text kept for element <paramref name="slot"/> of an immutable collection, if any.</summary>
    internal readonly bool WriteElement(Utf8JsonWriter writer, int slot)
    {
        if (!TryGet(slot, out RawEntry entry)) return false;
        writer.WriteRawValue(entry.Text, skipInputValidation: true);
        return true;
    }

    /// <summary>The entry kept for <paramref name="slot"/>, if any.</summary>
    internal readonly bool TryGet(int slot, out RawEntry entry)
    {
        var store = Store;
        if (store is not null)
        {
            return store.TryGet(slot, out entry);
        }
        entry = default;
        return false;
    }
}

/// <summary>One kept text: the member's slot, its JSON text (empty: the member was absent) and the value read, as bits.</summary>
internal readonly struct RawEntry
{
    public RawEntry(int slot, byte[] text, long a, long b, object? o)
    {
        Slot = slot;
        Text = text;
        A = a;
        B = b;
        O = o;
    }

    public int Slot { get; }

    public byte[] Text { get; }

    public long A { get; }

    public long B { get; }

    public object? O { get; }

    public bool IsAbsent => Text.Length == 0;
}

/// <summary>
/// The kept texts of one read (filled while reading, never changed afterwards), the markers of a lenient or union read,
/// and the unknown members when the read kept texts as well.
/// </summary>
internal sealed class RawStore
{
    private RawEntry[] _items = Array.Empty<RawEntry>();

    public RawStore(bool lenient, bool readUnion)
    {
        Lenient = lenient;
        ReadUnion = readUnion;
    }

    public bool Lenient { get; }

    public bool ReadUnion { get; }

    /// <summary>The members the model does not declare (null when there are none).</summary>
    public OpenDictionary? Unknown { get; set; }

    /// <summary>A copy that shares the kept texts (never changed after the read) with other unknown members.</summary>
    public RawStore WithUnknown(OpenDictionary? unknown)
        => new(Lenient, ReadUnion) { _items = _items, Count = Count, Names = Names, Declared = Declared, Unknown = unknown };

    /// <summary>The names members were read under, when any differs from its declared name (else null).</summary>
    public JsonEncodedText[]? Names { get; set; }

    /// <summary>The declared names <see cref="Names"/> was copied from (its unchanged entries share their strings).</summary>
    public JsonEncodedText[]? Declared { get; set; }

    public int Count { get; private set; }

    public void Add(RawEntry entry)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_items[i].Slot == entry.Slot)
            {
                _items[i] = entry; // a repeated member: the last value wins, as it does for the member itself
                return;
            }
        }
        if (Count == _items.Length) Array.Resize(ref _items, Count == 0 ? 2 : Count * 2);
        _items[Count++] = entry;
    }

    public void Remove(int slot)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_items[i].Slot != slot) continue;
            Array.Copy(_items, i + 1, _items, i, Count - i - 1);
            _items[--Count] = default;
            return;
        }
    }

    public bool TryGet(int slot, out RawEntry entry)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_items[i].Slot == slot)
            {
                entry = _items[i];
                return true;
            }
        }
        entry = default;
        return false;
    }
}

/// <summary>A growable buffer for the canonical form of a value, reused per thread (no allocation once warm).</summary>
internal sealed class CanonicalText : IBufferWriter<byte>
{
    [ThreadStatic]
    private static CanonicalText? t_instance;

    private byte[] _buffer = new byte[64];
    private int _written;
    private readonly Utf8JsonWriter _writer;

    private CanonicalText() => _writer = new Utf8JsonWriter(this, new JsonWriterOptions { SkipValidation = true });

    /// <summary>The thread's writer, emptied: write one value, then read <see cref="Written"/>.</summary>
    public static Utf8JsonWriter Begin()
    {
        var text = t_instance ??= new CanonicalText();
        text._written = 0;
        text._writer.Reset();
        return text._writer;
    }

    /// <summary>What was written since <see cref="Begin"/> (flushes).</summary>
    public static ReadOnlySpan<byte> Written()
    {
        var text = t_instance!;
        text._writer.Flush();
        return new ReadOnlySpan<byte>(text._buffer, 0, text._written);
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        if (sizeHint < 1) sizeHint = 1;
        if (_buffer.Length - _written < sizeHint) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + sizeHint));
    }
}
