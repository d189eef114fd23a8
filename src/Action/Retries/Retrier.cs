using System;
using Cac.Action.Runner;

namespace Cac.Action.Retries;

/// <summary>
/// The run's retry settings (<c>retry-max-attempts</c>, the clock, the random draws): makes one
/// <see cref="RetryPipeline"/> per call kind, each built once and used for every call of that kind.
/// </summary>
public sealed class Retrier
{
    private readonly TimeProvider timeProvider;
    private readonly ActionLog log;
    private readonly Func<double> random;

    public Retrier(int maxAttempts, TimeProvider timeProvider, ActionLog log, Func<double> random)
    {
        MaxAttempts = maxAttempts;
        this.timeProvider = timeProvider;
        this.log = log;
        this.random = random;
    }

    /// <summary>The attempts each call makes at most, the first one included.</summary>
    public int MaxAttempts { get; }

    /// <summary>The pipeline for calls logged as <paramref name="label"/>, retrying what <paramref name="classifier"/> allows.</summary>
    public RetryPipeline For(string label, IRetryClassifier classifier) =>
        new(label, classifier, MaxAttempts, timeProvider, log, random);
}
