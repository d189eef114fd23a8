using System;

namespace Cac.Emulators;

/// <summary>The kinds of failure the emulator can inject.</summary>
public enum StsFaultKind
{
    /// <summary>400 Throttling, "Rate exceeded" unless the fault carries a message; a Retry-After header when it carries one.</summary>
    Throttling,

    /// <summary>500 InternalFailure.</summary>
    InternalFailure,

    /// <summary>503 ServiceUnavailable.</summary>
    ServiceUnavailable,

    /// <summary>400 IDPCommunicationError, as when STS cannot reach the identity provider.</summary>
    IdpCommunicationError,

    /// <summary>The connection is aborted without an answer.</summary>
    DropConnection,

    /// <summary>The request waits, then is served normally.</summary>
    Delay,

    /// <summary>A redirect (307 unless the fault says otherwise) to the fault's location, with no body worth reading.</summary>
    Redirect,

    /// <summary>The real answer, but after its headers the body is sent one byte per <see cref="StsFault.Delay"/>.</summary>
    DripBody,

    /// <summary>The real answer padded with an XML comment to <see cref="StsFault.Size"/> bytes: valid, but far too big.</summary>
    Oversized,

    /// <summary>The real answer after a DOCTYPE whose internal subset declares elements and an entity, which a reader must skip.</summary>
    Doctype,
}

/// <summary>A fault applied to a request before anything else looks at it; each application consumes one count.</summary>
public sealed record StsFault(StsFaultKind Kind, TimeSpan Delay = default)
{
    public static StsFault Throttling { get; } = new(StsFaultKind.Throttling);

    public static StsFault InternalFailure { get; } = new(StsFaultKind.InternalFailure);

    public static StsFault ServiceUnavailable { get; } = new(StsFaultKind.ServiceUnavailable);

    public static StsFault IdpCommunicationError { get; } = new(StsFaultKind.IdpCommunicationError);

    public static StsFault DropConnection { get; } = new(StsFaultKind.DropConnection);

    /// <summary>The message of a Throttling answer (null: STS's "Rate exceeded").</summary>
    public string? Message { get; init; }

    /// <summary>The Retry-After header of a Throttling answer, in whole seconds (null: none, as STS sends).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Where a redirect points.</summary>
    public Uri? Location { get; init; }

    /// <summary>The status of a redirect (301, 302, 303, 307 or 308).</summary>
    public int StatusCode { get; init; } = 307;

    /// <summary>The body size of an oversized answer, in bytes.</summary>
    public int Size { get; init; }

    public static StsFault Delayed(TimeSpan delay) => new(StsFaultKind.Delay, delay);

    /// <summary>A Throttling answer whose message is <paramref name="message"/> (hostile text, for instance).</summary>
    public static StsFault ThrottlingWith(string? message = null, TimeSpan? retryAfter = null) =>
        new(StsFaultKind.Throttling) { Message = message, RetryAfter = retryAfter };

    public static StsFault RedirectTo(Uri location, int statusCode = 307) =>
        new(StsFaultKind.Redirect) { Location = location, StatusCode = statusCode };

    public static StsFault Drip(TimeSpan perByte) => new(StsFaultKind.DripBody, perByte);

    public static StsFault OversizedAnswer(int size) => new(StsFaultKind.Oversized) { Size = size };

    public static StsFault DoctypeAnswer { get; } = new(StsFaultKind.Doctype);
}
