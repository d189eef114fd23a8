using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Runtime;
using Cac.Action.Credentials.Sts;
using Cac.Action.Errors;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Credentials.Sts;

public class StsFailuresTests
{
    private const string Prefix = "Could not assume role with user credentials: ";

    public static TheoryData<string, int, string, string> Codes => new()
    {
        { "ExpiredTokenException", 400, "Token expired: current date/time 1755493200 must be before the expiration date/time 1755489600", ErrorCode.TokenExpired.Code },
        { "PackedPolicyTooLarge", 400, "Packed policy consumes 112% of allotted space", ErrorCode.SessionTags.Code },
        { "PackedPolicyTooLargeException", 400, "too large", ErrorCode.SessionTags.Code },
        { "Throttling", 400, "Rate exceeded", ErrorCode.Throttled.Code },
        { "ThrottlingException", 400, "Rate exceeded", ErrorCode.Throttled.Code },
        { "RequestLimitExceeded", 400, "Request limit exceeded", ErrorCode.Throttled.Code },
        { "InvalidClientTokenId", 403, "The security token included in the request is invalid.", ErrorCode.CredentialsInvalid.Code },
        { "SignatureDoesNotMatch", 403, "The request signature we calculated does not match", ErrorCode.CredentialsInvalid.Code },
        { "InvalidIdentityToken", 400, "Incorrect token audience", ErrorCode.AudienceMismatch.Code },
        { "InvalidIdentityToken", 400, "No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com", ErrorCode.IdentityProviderMissing.Code },
        { "InvalidIdentityToken", 400, "Couldn't retrieve verification key from your identity provider", ErrorCode.AssumeRoleDenied.Code },
        { "ValidationError", 400, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", ErrorCode.DurationTooLong.Code },
        { "ValidationError", 400, "1 validation error detected: Value at 'roleArn' failed to satisfy constraint", ErrorCode.AssumeRoleDenied.Code },
        { "AccessDenied", 403, "User: arn:aws:iam::111111111111:user/ci is not authorized to perform: sts:TagSession on resource: arn:aws:iam::111111111111:role/MY-ROLE", ErrorCode.SessionTags.Code },
        { "AccessDenied", 403, "User: arn:aws:iam::111111111111:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/MY-ROLE", ErrorCode.AssumeRoleDenied.Code },
        { "InternalFailure", 500, "internal error", ErrorCode.Network.Code },
        { "SomethingNew", 503, "unavailable", ErrorCode.Network.Code },
        { "SomethingNew", 400, "bad", ErrorCode.AssumeRoleDenied.Code },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Classify_maps_STS_error_codes_to_error_classes(string code, int status, string message, string expected)
    {
        var classified = StsFailures.Classify(SdkErrors.StsError(code, (HttpStatusCode)status, message), ErrorCode.AssumeRoleDenied);

        Assert.Equal(expected, classified.Code);
    }

    public static TheoryData<Exception, string> NonServiceErrors => new()
    {
        { new HttpRequestException("Connection refused (sts.us-east-1.amazonaws.com:443)"), ErrorCode.Network.Code },
        { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing."), ErrorCode.Network.Code },
        { new AmazonClientException("no answer", new IOException("reset")), ErrorCode.Network.Code },
        { SdkErrors.ServiceError(null, 0, new HttpRequestException("refused")), ErrorCode.Network.Code },
        { new InvalidOperationException("bug"), ErrorCode.Internal.Code },
    };

    [Theory]
    [MemberData(nameof(NonServiceErrors))]
    public void Classify_treats_failures_without_an_answer_as_network_errors(Exception exception, string expected)
    {
        Assert.Equal(expected, StsFailures.Classify(exception, ErrorCode.Internal).Code);
    }

    [Fact]
    public void Translate_keeps_the_upstream_prefix_and_the_SDK_message()
    {
        var cause = SdkErrors.StsError("AccessDenied", HttpStatusCode.Forbidden, "User: x is not authorized to perform: sts:AssumeRole");

        var error = StsFailures.Translate(Prefix, cause, ErrorCode.AssumeRoleDenied);

        Assert.Equal(Prefix + "User: x is not authorized to perform: sts:AssumeRole", error.Message);
        Assert.Same(ErrorCode.AssumeRoleDenied, error.Code);
        Assert.Same(cause, error.InnerException);
    }

    [Fact]
    public void Translate_classifies_a_server_error_as_network()
    {
        var error = StsFailures.Translate(Prefix, SdkErrors.StsError("InternalFailure", HttpStatusCode.InternalServerError, "We encountered an internal error."), ErrorCode.AssumeRoleDenied);

        Assert.Equal(Prefix + "We encountered an internal error.", error.Message);
        Assert.Same(ErrorCode.Network, error.Code);
    }

    [Fact]
    public void Translate_describes_a_failure_without_an_answer_by_its_cause()
    {
        var error = StsFailures.Translate(
            "Could not assume role with OIDC: ",
            new AmazonClientException("", new HttpRequestException("Connection refused (localhost:9000)")),
            ErrorCode.TrustPolicyMismatch);

        Assert.Equal("Could not assume role with OIDC: Connection refused (localhost:9000)", error.Message);
        Assert.Same(ErrorCode.Network, error.Code);
    }

    [Fact]
    public void Translate_says_when_a_request_timed_out()
    {
        var error = StsFailures.Translate(Prefix, new TaskCanceledException("A task was canceled."), ErrorCode.AssumeRoleDenied);

        Assert.Equal(Prefix + "the request timed out (A task was canceled.)", error.Message);
        Assert.Same(ErrorCode.Network, error.Code);
    }

    [Fact]
    public void Translate_passes_an_ActionError_through_unchanged()
    {
        var original = new ActionError("custom-tags: input is not valid JSON", ErrorCode.InvalidInput);

        Assert.Same(original, StsFailures.Translate(Prefix, original, ErrorCode.AssumeRoleDenied));
    }
}
