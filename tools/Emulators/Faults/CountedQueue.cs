using System;
using System.Collections.Generic;

namespace Cac.Emulators.Faults;

/// <summary>
/// Thread-safe list of "apply this to the next N matching requests" entries.
/// Taking an entry consumes one of its counts; entries are matched in the order they were added.
/// </summary>
internal sealed class CountedQueue<T>
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];

    public void Add(T item, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _entries.Add(new Entry(item, count));
        }
    }

    public bool TryTake(Func<T, bool> matches, out T item)
    {
        lock (_gate)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if (!matches(entry.Item))
                {
                    continue;
                }

                entry.Remaining--;
                if (entry.Remaining == 0)
                {
                    _entries.RemoveAt(i);
                }

                item = entry.Item;
                return true;
            }
        }

        item = default!;
        return false;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private sealed class Entry(T item, int remaining)
    {
        public T Item { get; } = item;

        public int Remaining { get; set; } = remaining;
    }
}
