using System;
using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;

namespace Cac.Action.Tests.TestSupport;

/// <summary>SDK exceptions as STS raises them.</summary>
internal static class SdkErrors
{
    public static AmazonSecurityTokenServiceException StsError(string code, HttpStatusCode status, string message = "message", Exception? inner = null) =>
        new(message, inner, status >= HttpStatusCode.InternalServerError ? ErrorType.Receiver : ErrorType.Sender, code, "request-id", status);

    public static AmazonServiceException ServiceError(string? code, HttpStatusCode status, Exception? inner = null) =>
        new("service message", inner, ErrorType.Unknown, code, "request-id", status);
}
