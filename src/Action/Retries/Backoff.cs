using System;

namespace Cac.Action.Retries;

/// <summary>
/// How long to wait before the next attempt (see docs/retries.md for the reasoning and the measurements).
/// Two schedules, chosen by the failure:
/// <list type="bullet">
/// <item>Throttling: STS is asking the whole fleet to slow down, so patience is right. Retry n waits a
/// random time in [floor(n), floor(n) + spread(n)]. The first nine waits stay short (0.5 to 8 s) so that
/// a fleet released at once keeps STS's rate busy and the few jobs left when it drains come back soon; the
/// last two are long (16 to 22 s, then 23.5 to 29.5 s), so that the floors of the first eleven retries add
/// up to 60.5 s and, with the default 12 attempts, a job keeps trying for at least a minute whatever the
/// random draws. The spread keeps jobs that started together from retrying together.</item>
/// <item>Everything else that is transient (5xx, network errors, timeouts): full jitter, a random time in
/// [0, min(50 ms x 2^n, 20 s)).</item>
/// </list>
/// A Retry-After from the server (at most <see cref="MaxRetryAfter"/> is honoured) raises the floor; the
/// spread is added on top of it, so jobs told the same Retry-After still spread out.
/// </summary>
public static class Backoff
{
    /// <summary>The longest Retry-After honoured: a hostile server must not park the run for an hour.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan StandardBase = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StandardCap = TimeSpan.FromSeconds(20);

    // Seconds, per retry (0 = the wait after the first attempt); later retries reuse the last entry.
    private static readonly double[] ThrottlingFloors = [0.5, 1, 1.5, 2, 2.5, 3, 3, 3.5, 4, 16, 23.5];
    private static readonly double[] ThrottlingSpreads = [0.5, 1.5, 2, 2.5, 3, 3, 3, 3.5, 4, 6, 6];

    /// <summary>The wait before retry <paramref name="retry"/> (0-based) after a failure of the given kind.</summary>
    /// <param name="retry">0 for the wait after the first attempt.</param>
    /// <param name="throttled">Whether the failure was a throttling answer.</param>
    /// <param name="retryAfter">The server's Retry-After, if it sent one.</param>
    /// <param name="random">A draw in [0, 1).</param>
    public static TimeSpan Delay(int retry, bool throttled, TimeSpan? retryAfter, double random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retry);
        double floor;
        double spread;
        if (throttled)
        {
            var index = Math.Min(retry, ThrottlingFloors.Length - 1);
            floor = ThrottlingFloors[index];
            spread = ThrottlingSpreads[index];
        }
        else
        {
            floor = 0;
            spread = Math.Min(StandardBase.TotalSeconds * Math.Pow(2, Math.Min(retry, 20)), StandardCap.TotalSeconds);
        }

        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            floor = Math.Max(floor, Math.Min(wait.TotalSeconds, MaxRetryAfter.TotalSeconds));
        }

        return TimeSpan.FromSeconds(floor + (random * spread));
    }
}
