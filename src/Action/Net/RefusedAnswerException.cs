using System;

namespace Cac.Action.Net;

/// <summary>
/// An answer the action will not use, whatever it says: a redirect, one larger than the limit, or a proxy
/// refusing the login it was sent. Never transient: asking again would get the same answer.
/// </summary>
public abstract class RefusedAnswerException : Exception
{
    protected RefusedAnswerException(string message)
        : base(message)
    {
    }

    /// <summary>Scheme, host, port and path of the request (no query: it may be long, and says nothing more).</summary>
    protected static string Describe(Uri? endpoint) =>
        endpoint is null ? "the endpoint" : endpoint.GetLeftPart(UriPartial.Path);
}

/// <summary>A 3xx answer: following it would send the request, and the token or signature it carries, elsewhere.</summary>
public sealed class RedirectRefusedException : RefusedAnswerException
{
    public RedirectRefusedException(Uri? endpoint, int statusCode, Uri? location)
        : base(Describe(endpoint) + " answered " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + " with a redirect"
            + (location is null ? string.Empty : " to " + (location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Path) : location.OriginalString))
            + "; redirects are never followed, so the request and its credentials stay with the endpoint that was configured")
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }
}

/// <summary>An answer over <see cref="ResponseLimits.MaxResponseBytes"/>: no STS or token answer comes near it.</summary>
public sealed class ResponseTooLargeException : RefusedAnswerException
{
    public ResponseTooLargeException(Uri? endpoint, long limit)
        : base("The answer from " + Describe(endpoint) + " is larger than " + ResponseLimits.Format(limit) + ", the most this action reads from it")
    {
        Limit = limit;
    }

    public long Limit { get; }
}
