using System;
using System.Collections.Generic;

namespace GenerationModels.Runtime;

/// <summary>Builds the parallel key/value arrays of an ordered map from a sequence of pairs.</summary>
internal static class OrderedMembers
{
    /// <summary>
    /// Copies <paramref name="source"/> into arrays in order. A repeated key replaces the earlier value but keeps the
    /// earlier position. Null keys are rejected.
    /// </summary>
    public static void Build<TValue>(IEnumerable<KeyValuePair<string, TValue>> source, out string[] keys, out TValue[] values)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }
        int capacity = source switch
        {
            ICollection<KeyValuePair<string, TValue>> collection => collection.Count,
            IReadOnlyCollection<KeyValuePair<string, TValue>> readOnly => readOnly.Count,
            _ => 4,
        };
        var keyList = new List<string>(capacity);
        var valueList = new List<TValue>(capacity);
        Dictionary<string, int>? positions = null;
        foreach (var pair in source)
        {
            string key = pair.Key ?? throw new ArgumentException("A member name must not be null.", nameof(source));
            int existing = -1;
            if (positions is not null)
            {
                if (positions.TryGetValue(key, out int position))
                {
                    existing = position;
                }
            }
            else
            {
                for (int i = 0; i < keyList.Count; i++)
                {
                    if (string.Equals(keyList[i], key, StringComparison.Ordinal))
                    {
                        existing = i;
                        break;
                    }
                }
            }
            if (existing >= 0)
            {
                valueList[existing] = pair.Value;
                continue;
            }
            keyList.Add(key);
            valueList.Add(pair.Value);
            if (positions is not null)
            {
                positions.Add(key, keyList.Count - 1);
            }
            else if (keyList.Count > KeyIndex.LinearThreshold)
            {
                positions = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < keyList.Count; i++)
                {
                    positions.Add(keyList[i], i);
                }
            }
        }
        keys = keyList.Count == 0 ? Array.Empty<string>() : keyList.ToArray();
        values = valueList.Count == 0 ? Array.Empty<TValue>() : valueList.ToArray();
    }
}
