using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using Cac.Action.Aws;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Aws;

public class TransientErrorsTests
{
    [Theory]
    [InlineData("Throttling", 400)]
    [InlineData("ThrottlingException", 400)]
    [InlineData("RequestLimitExceeded", 400)]
    [InlineData("TooManyRequestsException", 400)]
    [InlineData("IDPCommunicationError", 400)]
    [InlineData("RequestTimeout", 400)]
    [InlineData("InternalFailure", 500)]
    [InlineData("ServiceUnavailable", 503)]
    [InlineData("SomethingNew", 500)]
    [InlineData("SomethingNew", 503)]
    [InlineData("SomethingNew", 429)]
    public void Throttling_server_errors_and_IDP_communication_errors_are_transient(string code, int status)
    {
        Assert.True(TransientErrors.IsTransient(SdkErrors.StsError(code, (HttpStatusCode)status)));
    }

    [Theory]
    [InlineData("AccessDenied", 403)]
    [InlineData("ValidationError", 400)]
    [InlineData("MalformedPolicyDocument", 400)]
    [InlineData("InvalidIdentityToken", 400)]
    [InlineData("ExpiredTokenException", 400)]
    [InlineData("InvalidClientTokenId", 403)]
    [InlineData("PackedPolicyTooLarge", 400)]
    [InlineData("RegionDisabledException", 403)]
    public void Client_errors_are_not_transient(string code, int status)
    {
        Assert.False(TransientErrors.IsTransient(SdkErrors.StsError(code, (HttpStatusCode)status)));
    }

    [Fact]
    public void A_client_error_is_not_transient_even_when_it_wraps_a_network_error()
    {
        Assert.False(TransientErrors.IsTransient(SdkErrors.StsError("AccessDenied", HttpStatusCode.Forbidden, inner: new IOException("reset"))));
    }

    [Fact]
    public void A_service_exception_without_an_answer_is_transient_only_when_its_cause_is()
    {
        Assert.True(TransientErrors.IsTransient(SdkErrors.ServiceError(null, 0, new HttpRequestException("connection refused"))));
        Assert.True(TransientErrors.IsTransient(SdkErrors.ServiceError("", 0, new TaskCanceledException("timeout"))));
        Assert.False(TransientErrors.IsTransient(SdkErrors.ServiceError(null, 0, new InvalidOperationException("bug"))));
        Assert.False(TransientErrors.IsTransient(SdkErrors.ServiceError(null, 0)));
    }

    public static TheoryData<Exception, bool> NonServiceExceptions => new()
    {
        { new HttpRequestException("connection refused"), true },
        { new IOException("connection reset"), true },
        { new SocketException((int)SocketError.ConnectionRefused), true },
        { new TimeoutException(), true },
        { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"), true },
        { new OperationCanceledException(), true },
        { new InvalidOperationException("bug"), false },
        { new ArgumentException("bad"), false },
        { new AmazonClientException("no answer", new HttpRequestException("refused")), true },
        { new AmazonClientException("bad configuration"), false },
        { new InvalidOperationException("outer", new AmazonClientException("middle", new IOException("inner"))), true },
        { new InvalidOperationException("outer", new InvalidOperationException("middle", new ArgumentException("inner"))), false },
    };

    [Theory]
    [MemberData(nameof(NonServiceExceptions))]
    public void Network_failures_and_timeouts_are_transient(Exception exception, bool expected)
    {
        Assert.Equal(expected, TransientErrors.IsTransient(exception));
    }

    public static TheoryData<Exception, bool> NetworkCases => new()
    {
        { new HttpRequestException("connection refused"), true },
        { new IOException("connection reset"), true },
        { new SocketException((int)SocketError.HostNotFound), true },
        { new TimeoutException(), true },
        { new TaskCanceledException(), true },
        { new AmazonClientException("no answer", new HttpRequestException("refused")), true },
        { new InvalidOperationException("outer", new AmazonClientException("middle", new TaskCanceledException())), true },
        { SdkErrors.ServiceError(null, 0, new IOException("reset")), true },
        { SdkErrors.StsError("Throttling", HttpStatusCode.BadRequest), false },
        { SdkErrors.StsError("InternalFailure", HttpStatusCode.InternalServerError, inner: new IOException("reset")), false },
        { new InvalidOperationException("bug"), false },
        { new GitHubTokenException("Failed to get ID Token", isTransient: true), false },
    };

    [Theory]
    [MemberData(nameof(NetworkCases))]
    public void IsNetwork_is_true_only_when_no_answer_came_back(Exception exception, bool expected)
    {
        Assert.Equal(expected, TransientErrors.IsNetwork(exception));
    }
}
