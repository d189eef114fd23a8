using System.Collections.Generic;

namespace Cac.Emulators.Hosting;

/// <summary>Append-only, thread-safe request log whose readers get a snapshot.</summary>
internal sealed class RequestLog<T>
{
    private readonly object _gate = new();
    private readonly List<T> _records = [];

    public void Add(T record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return _records.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }
}
