using System;

namespace Cac.Emulators.Faults;

/// <summary>
/// A token bucket: <c>rate</c> tokens a second up to <c>capacity</c>, starting full. A request takes one
/// token or is refused; a refused request takes nothing, as with STS's request-rate limits.
/// </summary>
internal sealed class TokenBucket
{
    private readonly object _gate = new();
    private readonly double _rate;
    private readonly double _capacity;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public TokenBucket(double rate, double capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _rate = rate;
        _capacity = capacity;
        _time = time;
        _tokens = capacity;
        _last = time.GetTimestamp();
    }

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _rate));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
