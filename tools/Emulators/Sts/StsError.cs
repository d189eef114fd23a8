using System;

namespace Cac.Emulators.Sts;

/// <summary>An STS error answer; thrown inside the emulator and turned into an ErrorResponse document.</summary>
internal sealed class StsErrorException : Exception
{
    public StsErrorException(int statusCode, string code, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    public string Code { get; }

    /// <summary>Sent as a Retry-After header (whole seconds) when set.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Who is to blame, as in the ErrorResponse's Type element.</summary>
    public string Type => StatusCode >= 500 ? "Receiver" : "Sender";
}

/// <summary>The errors STS sends, with the status codes and wording of the real service.</summary>
internal static class StsErrors
{
    public static StsErrorException Validation(string message) => new(400, "ValidationError", message);

    public static StsErrorException AccessDenied(string message) => new(403, "AccessDenied", message);

    public static StsErrorException InvalidClientTokenId() =>
        new(403, "InvalidClientTokenId", "The security token included in the request is invalid.");

    public static StsErrorException ExpiredSessionToken() =>
        new(400, "ExpiredToken", "The security token included in the request is expired");

    public static StsErrorException SignatureDoesNotMatch(string? detail = null) =>
        new(403, "SignatureDoesNotMatch", detail ?? "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");

    public static StsErrorException IncompleteSignature(string message) => new(400, "IncompleteSignature", message);

    public static StsErrorException MissingAuthenticationToken() =>
        new(403, "MissingAuthenticationToken", "Request is missing Authentication Token");

    public static StsErrorException InvalidAction(string? action) =>
        new(400, "InvalidAction", $"Could not find operation {action} for version 2011-06-15");

    public static StsErrorException Throttling(string? message = null, TimeSpan? retryAfter = null) =>
        new(400, "Throttling", message ?? "Rate exceeded", retryAfter);

    public static StsErrorException InternalFailure() =>
        new(500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.");

    public static StsErrorException ServiceUnavailable() =>
        new(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");

    public static StsErrorException IdpCommunicationError() =>
        new(400, "IDPCommunicationError", "The request could not be fulfilled because the identity provider (IDP) that was asked to verify the incoming identity token could not be reached. Try again later.");

    public static StsErrorException InvalidIdentityToken(string message) => new(400, "InvalidIdentityToken", message);

    public static StsErrorException ExpiredIdentityToken(DateTimeOffset now, long expiration) =>
        new(400, "ExpiredTokenException", $"Token expired: current date/time {now.ToUnixTimeSeconds()} must be before the expiration date/time {expiration}");

    public static StsErrorException PackedPolicyTooLarge(string message) => new(400, "PackedPolicyTooLarge", message);

    public static StsErrorException MalformedPolicyDocument(string message) => new(400, "MalformedPolicyDocument", message);

    public static StsErrorException InvalidParameterValue(string message) => new(400, "InvalidParameterValue", message);
}
