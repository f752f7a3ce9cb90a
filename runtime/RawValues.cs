using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GenerationModels.Runtime;

/// <summary>
/// The JSON text a model's scalar members were read from, kept only where it differs from what the writer would
/// produce for the value read (<c>1.0</c>, <c>1e5</c>, <c>"12.34"</c> for a number, a <c>Z</c> date-time, a full
/// timestamp for a date, a number for a string, and, when contract violations are read leniently, <c>null</c> for a
/// non-nullable member or a required member that was absent). Writing a member whose value still equals the value read
/// writes that text back; a value set in code is written canonically. A canonical payload records nothing: the store
/// stays null. It also keeps, for models from language-cased docs, the spelling of members matched in another casing
/// than their declared name (<see cref="WireNames"/>), so that they are written back as they were read.
/// </summary>
/// <remarks>
/// Generated records hold one of these in a private field. It never takes part in equality (two instances are always
/// equal, and the hash code is constant), so a model read from JSON equals the same model built in code.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public struct RawValues : IEquatable<RawValues>
{
    private static readonly RawStore LenientMarker = new(lenient: true);

    private RawStore? _store;

    private RawValues(RawStore store) => _store = store;

    /// <summary>A store for a read that accepts contract violations (<c>GenerationModelsContractViolations=Lenient</c>).</summary>
    public static RawValues Lenient => new(LenientMarker);

    private static readonly RawStore UnionReadMarker = new(lenient: false);

    /// <summary>
    /// Marks a discriminated union read from JSON: its case is written back as it was read, so the discriminator is
    /// never filled in for it (see <see cref="ModelJson.WriteCase"/>).
    /// </summary>
    public static RawValues ReadUnion => new(UnionReadMarker);

    /// <summary>Whether this marks a union read from JSON (<see cref="ReadUnion"/>).</summary>
    internal readonly bool IsReadUnion => ReferenceEquals(_store, UnionReadMarker);

    /// <summary>Whether contract violations are read rather than rejected.</summary>
    internal readonly bool IsLenient => _store is { Lenient: true };

    /// <summary>How many member texts are kept (0 for a canonical payload).</summary>
    public readonly int Count => _store?.Count ?? 0;

    /// <summary>Always true: the kept texts never take part in a model's equality.</summary>
    /// <param name="other">Ignored.</param>
    /// <returns>True.</returns>
    public readonly bool Equals(RawValues other) => true;

    /// <summary>True for any <see cref="RawValues"/>.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether it is a <see cref="RawValues"/>.</returns>
    public override readonly bool Equals(object? obj) => obj is RawValues;

    /// <summary>A constant: the kept texts never take part in a model's hash code.</summary>
    /// <returns>0.</returns>
    public override readonly int GetHashCode() => 0;

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
        var store = _store;
        if (store is null || ReferenceEquals(store, LenientMarker))
        {
            store = new RawStore(store is not null);
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
        var names = store.Names ??= (JsonEncodedText[])declared.Clone();
        names[slot] = JsonEncodedText.Encode(name);
    }

    /// <summary>
    /// The names to write the members with: <paramref name="declared"/> (the configured casing), except members read
    /// under another spelling (a model from language-cased docs fed another casing), which keep the spelling read.
    /// </summary>
    /// <param name="declared">The declared members' encoded names.</param>
    /// <returns><paramref name="declared"/>, or this instance's names.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly JsonEncodedText[] WireNames(JsonEncodedText[] declared) => _store?.Names ?? declared;

    /// <summary>The name member <paramref name="slot"/> was read under: its spelling in the JSON (for error paths).</summary>
    /// <param name="slot">The member's index.</param>
    /// <param name="declared">The declared members' JSON names.</param>
    /// <returns>The spelling read, or the declared name.</returns>
    public readonly string JsonName(int slot, string[] declared)
        => _store?.Names is { } names ? names[slot].Value : declared[slot];

    /// <summary>
    /// Moves what was kept under <paramref name="from"/> to <paramref name="to"/> (a map value read under a new slot whose
    /// key turned out to be a repeat): the last value wins, with its text or, when it was canonical, without any.
    /// </summary>
    internal void Move(int from, int to)
    {
        var store = _store;
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
        var store = _store;
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

internal sealed class RawStore
{
    private RawEntry[] _items = Array.Empty<RawEntry>();

    public RawStore(bool lenient) => Lenient = lenient;

    public bool Lenient { get; }

    /// <summary>The names members were read under, when any differs from its declared name (else null).</summary>
    public JsonEncodedText[]? Names { get; set; }

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
