using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Cac.Action.Aws;
using Cac.Action.Errors;
using Cac.Action.Net;

namespace Cac.Action.Credentials.Sts;

/// <summary>
/// Turns an exception from an STS call into the <see cref="ActionError"/> users see: upstream's message
/// prefix (people search for it) and the error class that carries the fix hint.
/// </summary>
public static class StsFailures
{
    public static ActionError Translate(string prefix, Exception exception, ErrorCode fallback)
    {
        if (exception is ActionError actionError)
        {
            return actionError;
        }

        return new ActionError(prefix + Describe(exception), Classify(exception, fallback), exception);
    }

    public static ErrorCode Classify(Exception exception, ErrorCode fallback)
    {
        if (RefusedAnswerCode(exception) is { } refused)
        {
            return refused;
        }

        if (exception is AmazonServiceException service && !string.IsNullOrEmpty(service.ErrorCode))
        {
            var message = service.Message ?? string.Empty;
            switch (service.ErrorCode)
            {
                case "ExpiredTokenException":
                    return ErrorCode.TokenExpired;
                case "PackedPolicyTooLarge":
                case "PackedPolicyTooLargeException":
                    return ErrorCode.SessionTags;
                case "Throttling":
                case "ThrottlingException":
                case "RequestLimitExceeded":
                    return ErrorCode.Throttled;
                case "InvalidClientTokenId":
                case "SignatureDoesNotMatch":
                    return ErrorCode.CredentialsInvalid;
                case "InvalidIdentityToken" when message.Contains("audience", StringComparison.OrdinalIgnoreCase):
                    return ErrorCode.AudienceMismatch;
                case "InvalidIdentityToken" when message.Contains("No OpenIDConnect provider", StringComparison.OrdinalIgnoreCase):
                    return ErrorCode.IdentityProviderMissing;
                case "ValidationError" when message.Contains("DurationSeconds", StringComparison.OrdinalIgnoreCase):
                    return ErrorCode.DurationTooLong;
                case "AccessDenied" when message.Contains("TagSession", StringComparison.Ordinal):
                    return ErrorCode.SessionTags;
            }

            return (int)service.StatusCode >= 500 ? ErrorCode.Network : fallback;
        }

        if (TransientErrors.IsNetwork(exception))
        {
            return ErrorCode.Network;
        }

        // Only an answer from STS can mean the trust policy or the caller is at fault; anything else is ours.
        return exception is AmazonServiceException ? fallback : ErrorCode.Internal;
    }

    /// <summary>
    /// The SDK's message, or for a failure without an HTTP answer, what went wrong underneath (for the SDK
    /// failing to start, the reason it gave, such as a malformed AWS_CONFIG_FILE).
    /// </summary>
    private static string Describe(Exception exception)
    {
        if (exception is AmazonServiceException { ErrorCode.Length: > 0 } service)
        {
            return service.Message;
        }

        // Our own verdicts on an answer say what happened better than whatever wraps them.
        if (ExceptionChain.Find<RefusedAnswerException>(exception) is { } refused)
        {
            return refused.Message;
        }

        if (ExceptionChain.Find<RequestTimeoutException>(exception) is { } timeout)
        {
            return timeout.Message;
        }

        var innermost = exception;
        while (innermost.InnerException is not null
            && (innermost is AmazonClientException or TypeInitializationException || innermost.Message.Length == 0))
        {
            innermost = innermost.InnerException;
        }

        return innermost is TaskCanceledException or OperationCanceledException
            ? "the request timed out (" + innermost.Message + ")"
            : innermost.Message;
    }

    /// <summary>The code of a redirect or an oversized answer anywhere in <paramref name="exception"/>, else null.</summary>
    public static ErrorCode? RefusedAnswerCode(Exception exception) => ExceptionChain.Find<RefusedAnswerException>(exception) switch
    {
        RedirectRefusedException => ErrorCode.Redirected,
        ResponseTooLargeException => ErrorCode.AnswerTooLarge,
        _ => null,
    };
}
