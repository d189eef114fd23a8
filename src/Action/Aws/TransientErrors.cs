using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using Cac.Action.Errors;
using Cac.Action.Net;

namespace Cac.Action.Aws;

/// <summary>
/// Decides which failures of an AWS SDK call are worth another attempt: throttling, server errors, network
/// failures and timeouts, and the identity provider's transient errors. Everything else (access denied,
/// validation, bad input) fails at once: retrying a trust-policy error only delays the same answer.
/// Callers that raise failures of their own classify those themselves (see <see cref="StsRetryClassifier"/>).
/// </summary>
public static class TransientErrors
{
    private static readonly string[] ThrottlingCodes =
    [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "SlowDown",
    ];

    private static readonly string[] TransientCodes =
    [
        .. ThrottlingCodes,
        "PriorRequestNotComplete", "InternalFailure", "InternalError", "ServiceUnavailable", "ServiceUnavailableException",
        "RequestTimeout", "RequestTimeoutException", "IDPCommunicationError",
    ];

    /// <summary>True for an answer asking the caller to slow down: STS's throttling codes, or HTTP 429.</summary>
    public static bool IsThrottling(Exception exception) => exception switch
    {
        AmazonServiceException service => (service.ErrorCode is { Length: > 0 } code && Array.IndexOf(ThrottlingCodes, code) >= 0)
            || service.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };

    public static bool IsTransient(Exception exception)
    {
        // A redirect, an oversized answer or a refused proxy login would come again, whatever wraps it.
        if (ExceptionChain.Find<RefusedAnswerException>(exception) is not null)
        {
            return false;
        }

        return IsTransientFailure(exception);
    }

    private static bool IsTransientFailure(Exception exception)
    {
        switch (exception)
        {
            case AmazonServiceException service when service.ErrorCode is { Length: > 0 } code && Array.IndexOf(TransientCodes, code) >= 0:
                return true;
            case AmazonServiceException service when (int)service.StatusCode >= 500 || service.StatusCode == HttpStatusCode.TooManyRequests:
                return true;
            case AmazonServiceException service when service.StatusCode == 0 || string.IsNullOrEmpty(service.ErrorCode):
                // No HTTP answer at all: the request never completed (connection reset, timeout).
                return service.InnerException is not null && IsTransientFailure(service.InnerException);
            case AmazonServiceException:
                return false;
            case HttpRequestException:
            case IOException:
            case SocketException:
            case TimeoutException:
            case OperationCanceledException:
                return true;
            case AmazonClientException client when client.InnerException is not null:
                return IsTransientFailure(client.InnerException);
            default:
                return exception.InnerException is not null && IsTransientFailure(exception.InnerException);
        }
    }

    /// <summary>True when the failure means the endpoint could not be reached or did not answer in time.</summary>
    public static bool IsNetwork(Exception exception) => exception switch
    {
        AmazonServiceException service when service.StatusCode != 0 && !string.IsNullOrEmpty(service.ErrorCode) => false,
        HttpRequestException or IOException or SocketException or TimeoutException or OperationCanceledException => true,
        _ => exception.InnerException is not null && IsNetwork(exception.InnerException),
    };
}
