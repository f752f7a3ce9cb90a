using System;
using System.Collections.Generic;
using System.Linq;

namespace GenerationModels.Harness;

/// <summary>Counts by key, reported most frequent first (ties by key, ordinal, so reports are stable).</summary>
public sealed class Counter
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Total => _counts.Values.Sum();

    public int Count => _counts.Count;

    public int this[string key] => _counts.TryGetValue(key, out int n) ? n : 0;

    public IEnumerable<string> Keys => _counts.Keys;

    public void Add(string key, int n = 1) => _counts[key] = this[key] + n;

    public void Add(Counter other)
    {
        foreach (var pair in other._counts) Add(pair.Key, pair.Value);
    }

    public IEnumerable<KeyValuePair<string, int>> Top(int n = int.MaxValue)
        => _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(n);
}
