using System;

namespace Cac.EndToEnd.Tests.InProcess;

/// <summary>
/// A clock that moves a fixed step forward every time it is read, so "a minute later" happens between
/// two reads without the test waiting. Timers stay real (delays are milliseconds in these runs).
/// </summary>
internal sealed class LeapingTimeProvider : TimeProvider
{
    private readonly TimeSpan step;
    private DateTimeOffset now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public LeapingTimeProvider(TimeSpan step)
    {
        this.step = step;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            now += step;
            return now;
        }
    }
}
