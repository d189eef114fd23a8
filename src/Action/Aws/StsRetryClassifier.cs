using System;
using Cac.Action.Retries;

namespace Cac.Action.Aws;

/// <summary>Which failures of an STS call are retried, and how (see <see cref="TransientErrors"/>).</summary>
public sealed class StsRetryClassifier : IRetryClassifier
{
    public static readonly StsRetryClassifier Instance = new();

    private StsRetryClassifier()
    {
    }

    public FailureKind Classify(Exception failure) =>
        !TransientErrors.IsTransient(failure) ? FailureKind.Final
        : TransientErrors.IsThrottling(failure) ? FailureKind.Throttling
        : FailureKind.Transient;

    public TimeSpan? RetryAfter(Exception failure, DateTimeOffset now) => RetryAfterHeader.From(failure, now);
}
