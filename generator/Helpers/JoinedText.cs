using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace GenerationModels.Generator.Helpers;

/// <summary>
/// A source text made of pieces of strings, read in place: a shared model file is its header and each model's text as
/// emitted, so the file costs no copy of the models' texts (they stay held once, by the emit step). Everything Roslyn
/// reads of a text goes through <see cref="CopyTo"/> (parsing, lines, checksums) or the indexer.
/// </summary>
internal sealed class JoinedText : SourceText
{
    private readonly string[] _texts;
    private readonly int[] _offsets;
    /// <summary>Where each piece starts in this text; one more entry, the length.</summary>
    private readonly int[] _starts;

    public JoinedText(IReadOnlyList<(string Text, int Offset, int Length)> pieces, Encoding encoding)
    {
        Encoding = encoding;
        _texts = new string[pieces.Count];
        _offsets = new int[pieces.Count];
        _starts = new int[pieces.Count + 1];
        int position = 0;
        for (int i = 0; i < pieces.Count; i++)
        {
            var (text, offset, length) = pieces[i];
            if (offset < 0 || length < 0 || offset > text.Length - length) throw new ArgumentOutOfRangeException(nameof(pieces));
            _texts[i] = text;
            _offsets[i] = offset;
            _starts[i] = position;
            position = checked(position + length);
        }
        _starts[pieces.Count] = position;
    }

    public override Encoding Encoding { get; }

    public override int Length => _starts[_starts.Length - 1];

    public override char this[int position]
    {
        get
        {
            if ((uint)position >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(position));
            int piece = PieceAt(position);
            return _texts[piece][_offsets[piece] + position - _starts[piece]];
        }
    }

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        if (destination is null) throw new ArgumentNullException(nameof(destination));
        if (sourceIndex < 0 || count < 0 || sourceIndex > Length - count) throw new ArgumentOutOfRangeException(nameof(sourceIndex));
        if (destinationIndex < 0 || destinationIndex > destination.Length - count) throw new ArgumentOutOfRangeException(nameof(destinationIndex));
        if (count == 0) return;
        int piece = PieceAt(sourceIndex);
        while (count > 0)
        {
            int within = sourceIndex - _starts[piece];
            int take = Math.Min(count, _starts[piece + 1] - sourceIndex);
            _texts[piece].CopyTo(_offsets[piece] + within, destination, destinationIndex, take);
            sourceIndex += take;
            destinationIndex += take;
            count -= take;
            piece++;
        }
    }

    /// <summary>The piece holding <paramref name="position"/> (a piece of length 0 is never the answer).</summary>
    private int PieceAt(int position)
    {
        int low = 0, high = _texts.Length - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >> 1;
            if (_starts[middle] <= position) low = middle;
            else high = middle - 1;
        }
        // Equal starts (empty pieces): the last piece starting at or before the position is the one holding it.
        return low;
    }
}
