using System;
using System.Net;
using Cac.Action.Credentials;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Net;
using Cac.Action.Retries;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Credentials;

/// <summary>An assume attempt may fail in STS, in a token refresh, or on the special-characters check.</summary>
public sealed class AssumeRetryClassifierTests
{
    public static TheoryData<Exception, FailureKind> Failures => new()
    {
        { new SpecialCharactersException(), FailureKind.Transient },
        { new GitHubTokenException("Failed to get ID Token (503)", isTransient: true, HttpStatusCode.ServiceUnavailable), FailureKind.Transient },
        { new GitHubTokenException("Failed to get ID Token (429)", isTransient: true, HttpStatusCode.TooManyRequests), FailureKind.Throttling },
        { new GitHubTokenException("Failed to get ID Token (403)", isTransient: false, HttpStatusCode.Forbidden), FailureKind.Final },
        { new GitHubTokenException("Failed to get ID Token: redirected", isTransient: true, innerException: new RedirectRefusedException(new Uri("https://token.example/"), 302, new Uri("https://elsewhere.example/"))), FailureKind.Final },
        { SdkErrors.StsError("Throttling", HttpStatusCode.BadRequest, "Rate exceeded"), FailureKind.Throttling },
        { SdkErrors.StsError("InternalFailure", HttpStatusCode.InternalServerError), FailureKind.Transient },
        { SdkErrors.StsError("AccessDenied", HttpStatusCode.Forbidden), FailureKind.Final },
        { new InvalidOperationException("bug"), FailureKind.Final },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_of_an_attempt_is_classified_by_where_it_came_from(Exception failure, FailureKind expected)
    {
        Assert.Equal(expected, AssumeRetryClassifier.Instance.Classify(failure));
    }

    [Fact]
    public void The_token_services_retry_after_is_honoured()
    {
        var asked = new GitHubTokenException("slow down", isTransient: true, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), AssumeRetryClassifier.Instance.RetryAfter(asked, DateTimeOffset.UnixEpoch));
        Assert.Null(AssumeRetryClassifier.Instance.RetryAfter(new SpecialCharactersException(), DateTimeOffset.UnixEpoch));
    }
}
