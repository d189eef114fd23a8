using System;

namespace Cac.Emulators;

/// <summary>
/// A request-rate limit for the whole emulator: a token bucket of <see cref="RequestsPerSecond"/> that holds
/// at most <see cref="Burst"/> requests (one second's worth unless set). Requests over it get STS's real
/// answer, 400 Throttling "Rate exceeded", with a Retry-After header only when <see cref="RetryAfter"/> is set
/// (STS itself sends none).
/// </summary>
public sealed record StsRateLimit(double RequestsPerSecond)
{
    public double Burst { get; init; } = Math.Max(1, RequestsPerSecond);

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The clock of the bucket; tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
