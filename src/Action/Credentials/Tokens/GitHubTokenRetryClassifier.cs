using System;
using System.Net;
using Cac.Action.Errors;
using Cac.Action.Net;
using Cac.Action.Retries;

namespace Cac.Action.Credentials.Tokens;

/// <summary>
/// Which failures of a GitHub ID-token request are retried: the client says so on each
/// <see cref="GitHubTokenException"/> (timeouts, network errors, 408, 429, 5xx); HTTP 429 is throttling.
/// A refused answer (a redirect, an oversized body) would come again and is final.
/// </summary>
public sealed class GitHubTokenRetryClassifier : IRetryClassifier
{
    public static readonly GitHubTokenRetryClassifier Instance = new();

    private GitHubTokenRetryClassifier()
    {
    }

    public FailureKind Classify(Exception failure) => failure switch
    {
        GitHubTokenException token when !token.IsTransient || ExceptionChain.Find<RefusedAnswerException>(token) is not null => FailureKind.Final,
        GitHubTokenException { StatusCode: HttpStatusCode.TooManyRequests } => FailureKind.Throttling,
        GitHubTokenException => FailureKind.Transient,
        _ => FailureKind.Final,
    };

    public TimeSpan? RetryAfter(Exception failure, DateTimeOffset now) => (failure as GitHubTokenException)?.RetryAfter;
}
