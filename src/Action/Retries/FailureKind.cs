namespace Cac.Action.Retries;

/// <summary>What a failed attempt means for the next one, as the caller's <see cref="IRetryClassifier"/> says.</summary>
public enum FailureKind
{
    /// <summary>Asking again gets the same answer (access denied, bad input, a refused answer): fail at once.</summary>
    Final,

    /// <summary>Another attempt can succeed (5xx, network errors, timeouts): retry soon, with full jitter.</summary>
    Transient,

    /// <summary>The service asks the caller to slow down: retry on the patient throttling schedule.</summary>
    Throttling,
}
