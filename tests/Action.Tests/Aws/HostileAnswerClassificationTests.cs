using System;
using System.Net;
using System.Net.Http;
using Cac.Action.Aws;
using Cac.Action.Credentials.Sts;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Errors;
using Cac.Action.Net;
using Cac.Action.Retries;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Aws;

/// <summary>How refused answers and timeouts are classified, wherever the SDK or HttpClient wrapped them.</summary>
public sealed class HostileAnswerClassificationTests
{
    private static readonly Uri Endpoint = new("https://sts.example/");

    public static TheoryData<Exception> RefusedAnswers() =>
    [
        new RedirectRefusedException(Endpoint, 307, new Uri("https://elsewhere/")),
        new ResponseTooLargeException(Endpoint, 1024),
        new HttpRequestException("wrapped", new RedirectRefusedException(Endpoint, 302, null)),
        SdkErrors.ServiceError(null, 0, new ResponseTooLargeException(Endpoint, 1024)),
    ];

    [Theory]
    [MemberData(nameof(RefusedAnswers))]
    public void A_refused_answer_is_never_transient(Exception exception)
    {
        Assert.False(TransientErrors.IsTransient(exception));
    }

    [Fact]
    public void A_redirect_and_an_oversized_answer_have_codes_of_their_own()
    {
        Assert.Same(ErrorCode.Redirected, StsFailures.Classify(SdkErrors.ServiceError(null, 0, new RedirectRefusedException(Endpoint, 307, null)), ErrorCode.AssumeRoleDenied));
        Assert.Same(ErrorCode.AnswerTooLarge, StsFailures.Classify(new ResponseTooLargeException(Endpoint, 1024), ErrorCode.AssumeRoleDenied));
    }

    [Fact]
    public void A_request_timeout_is_transient_and_reported_as_a_timeout()
    {
        var timeout = SdkErrors.ServiceError(null, 0, new RequestTimeoutException(Endpoint, TimeSpan.FromSeconds(15)));

        var error = StsFailures.Translate("Could not assume role with OIDC: ", timeout, ErrorCode.TrustPolicyMismatch);

        Assert.True(TransientErrors.IsTransient(timeout));
        Assert.Equal("Could not assume role with OIDC: The request to https://sts.example/ timed out after 15 s (answer headers and body)", error.Message);
        Assert.Same(ErrorCode.Network, error.Code);
    }

    [Theory]
    [InlineData("Throttling", 400, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("RequestLimitExceeded", 400, true)]
    [InlineData("SlowDown", 503, true)]
    [InlineData("SomethingNew", 429, true)]
    [InlineData("ServiceUnavailable", 503, false)]
    [InlineData("InternalFailure", 500, false)]
    [InlineData("IDPCommunicationError", 400, false)]
    public void Throttling_is_told_apart_from_other_transient_errors(string code, int status, bool throttling)
    {
        Assert.Equal(throttling, TransientErrors.IsThrottling(SdkErrors.StsError(code, (HttpStatusCode)status)));
    }

    [Fact]
    public void A_429_from_the_token_service_is_throttling_and_a_503_is_not()
    {
        Assert.Equal(FailureKind.Throttling, GitHubTokenRetryClassifier.Instance.Classify(new GitHubTokenException("slow down", isTransient: true, HttpStatusCode.TooManyRequests)));
        Assert.Equal(FailureKind.Transient, GitHubTokenRetryClassifier.Instance.Classify(new GitHubTokenException("down", isTransient: true, HttpStatusCode.ServiceUnavailable)));
    }
}
