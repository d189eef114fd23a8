using System;
using Cac.Action.Aws;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Retries;

namespace Cac.Action.Credentials;

/// <summary>
/// Which failures of an assume attempt are retried. An attempt is more than the STS call: it may fetch a
/// fresh GitHub token first, and with <c>special-characters-workaround</c> it refuses keys with characters
/// some tools mishandle, which another attempt replaces.
/// </summary>
public sealed class AssumeRetryClassifier : IRetryClassifier
{
    public static readonly AssumeRetryClassifier Instance = new();

    private AssumeRetryClassifier()
    {
    }

    public FailureKind Classify(Exception failure) => failure switch
    {
        SpecialCharactersException => FailureKind.Transient,
        GitHubTokenException => GitHubTokenRetryClassifier.Instance.Classify(failure),
        _ => StsRetryClassifier.Instance.Classify(failure),
    };

    public TimeSpan? RetryAfter(Exception failure, DateTimeOffset now) => failure is GitHubTokenException
        ? GitHubTokenRetryClassifier.Instance.RetryAfter(failure, now)
        : StsRetryClassifier.Instance.RetryAfter(failure, now);
}
