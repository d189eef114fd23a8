using System;
using System.Globalization;

namespace Cac.Action.Net;

/// <summary>
/// One request (its headers and its whole body) took longer than the per-request timeout. A
/// <see cref="TimeoutException"/>, not a cancellation, so it is never mistaken for the run's deadline.
/// </summary>
public sealed class RequestTimeoutException : TimeoutException
{
    public RequestTimeoutException(Uri? endpoint, TimeSpan timeout, Exception? innerException = null)
        : base("The request to " + (endpoint?.GetLeftPart(UriPartial.Path) ?? "the endpoint") + " timed out after "
            + timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s (answer headers and body)", innerException)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
