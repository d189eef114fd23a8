using System;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Cac.Action.Net;

namespace Cac.Action.Aws;

/// <summary>The Retry-After a failed call's answer carried, from STS or whatever stands in front of it (through the SDK).</summary>
public static class RetryAfterHeader
{
    public static TimeSpan? From(Exception exception, DateTimeOffset now) => exception switch
    {
        // The SDK keeps the raw answer on the exception it read the error from.
        AmazonServiceException { InnerException: HttpErrorResponseException { Response: { } response } }
            when response.IsHeaderPresent("Retry-After") => RetryAfterValue.Parse(response.GetHeaderValue("Retry-After"), now),
        _ => null,
    };
}
