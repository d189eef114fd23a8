using System;
using System.Net;

namespace Cac.Action.Credentials.Tokens;

/// <summary>
/// Getting a GitHub OIDC token failed. <see cref="IsTransient"/> tells the caller's retry policy whether
/// another attempt can succeed. The message never contains the request token or an ID token.
/// </summary>
public sealed class GitHubTokenException : Exception
{
    /// <summary>Creates a permanent failure with a generic message.</summary>
    public GitHubTokenException()
        : this("Failed to get ID Token.", isTransient: false)
    {
    }

    /// <summary>Creates a permanent failure with <paramref name="message"/>.</summary>
    public GitHubTokenException(string message)
        : this(message, isTransient: false)
    {
    }

    /// <summary>Creates a permanent failure with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public GitHubTokenException(string message, Exception innerException)
        : this(message, isTransient: false, statusCode: null, innerException)
    {
    }

    /// <summary>Creates a failure.</summary>
    /// <param name="message">The complete text shown to the user.</param>
    /// <param name="isTransient">Whether a retry can succeed (timeouts, network errors, 408, 429, 5xx).</param>
    /// <param name="statusCode">The HTTP status, when the server answered.</param>
    /// <param name="innerException">The network or parsing error behind it, if any.</param>
    /// <param name="retryAfter">How long the service asked the caller to wait (its Retry-After header), if it did.</param>
    public GitHubTokenException(string message, bool isTransient, HttpStatusCode? statusCode = null, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether another attempt can succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status of the token service's answer; <c>null</c> when there was none.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The wait the service asked for before another attempt; <c>null</c> when it named none.</summary>
    public TimeSpan? RetryAfter { get; }
}
