using System;
using System.Threading;

namespace Cac.TestSupport;

/// <summary>
/// A clock that jumps <c>step</c> ahead every time it is read (the time of day or a timestamp), while its
/// timers stay real and short: "a minute later" happens between two reads, and a wait measured on it ends
/// after a fixed number of reads, however loaded the machine is.
/// </summary>
internal sealed class LeapingClock(TimeSpan step) : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private long leaps;

    public override DateTimeOffset GetUtcNow() => Start + (step * Leap());

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => (step * Leap()).Ticks;

    private long Leap() => Interlocked.Increment(ref leaps);
}
