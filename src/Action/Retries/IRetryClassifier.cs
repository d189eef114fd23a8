using System;

namespace Cac.Action.Retries;

/// <summary>
/// The caller's knowledge of its own failures: which may be retried and how, and what wait the server
/// asked for. The retry code itself knows nothing of STS, GitHub or the flow's own exceptions.
/// </summary>
public interface IRetryClassifier
{
    FailureKind Classify(Exception failure);

    /// <summary>The wait the failed answer asked for (a Retry-After header), if it named one.</summary>
    TimeSpan? RetryAfter(Exception failure, DateTimeOffset now);
}
