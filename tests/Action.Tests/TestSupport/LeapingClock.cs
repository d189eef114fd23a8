using System;
using System.Diagnostics;
using System.Threading;

namespace Cac.Action.Tests.TestSupport;

/// <summary>
/// A clock that jumps <c>step</c> ahead every time it is read, while its timers stay real and short: a
/// wait measured on it ends after a fixed number of reads, however loaded the machine is.
/// </summary>
internal sealed class LeapingClock(TimeSpan step) : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp()
    {
        return Interlocked.Add(ref ticks, (long)(step.TotalSeconds * Stopwatch.Frequency));
    }
}
