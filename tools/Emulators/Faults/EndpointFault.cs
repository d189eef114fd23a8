using System;

namespace Cac.Emulators;

/// <summary>What an injected fault of the credential stand-ins (instance metadata, container, SSO) does.</summary>
public enum EndpointFaultKind
{
    /// <summary>Answer with the fault's status and the service's own error body for it.</summary>
    HttpStatus,

    /// <summary>Wait, then answer normally.</summary>
    Delay,

    /// <summary>Abort the connection without an answer.</summary>
    DropConnection,

    /// <summary>
    /// Never answer: hold the request until the client gives up or the stand-in stops, then drop it. This is
    /// what a client sees when the answer cannot reach it, e.g. an IMDSv2 token answer lost because of the
    /// instance's hop limit (a container one hop further away).
    /// </summary>
    NoAnswer,

    /// <summary>Answer with a redirect to the fault's location.</summary>
    Redirect,

    /// <summary>Answer with the fault's status, content type and body instead of the real answer.</summary>
    Body,

    /// <summary>The real answer cut in half: a valid HTTP answer whose body no JSON parser accepts.</summary>
    Truncated,

    /// <summary>The real answer, but after prompt headers the body arrives one byte per <see cref="EndpointFault.Delay"/>.</summary>
    DripBody,

    /// <summary>The real answer followed by white space up to <see cref="EndpointFault.Size"/> bytes: still valid, far too big.</summary>
    Oversized,
}

/// <summary>
/// A fault applied to one request of a credential stand-in before it is served; each application consumes one
/// count (see the stand-ins' <c>InjectFault</c>).
/// </summary>
public sealed record EndpointFault(EndpointFaultKind Kind)
{
    public int StatusCode { get; init; }

    public TimeSpan Delay { get; init; }

    public Uri? Location { get; init; }

    public int Size { get; init; }

    public string? ContentType { get; init; }

    public string? Body { get; init; }

    public static EndpointFault DropConnection { get; } = new(EndpointFaultKind.DropConnection);

    public static EndpointFault NoAnswer { get; } = new(EndpointFaultKind.NoAnswer);

    public static EndpointFault Truncated { get; } = new(EndpointFaultKind.Truncated);

    public static EndpointFault Status(int statusCode) => new(EndpointFaultKind.HttpStatus) { StatusCode = statusCode };

    public static EndpointFault Delayed(TimeSpan delay) => new(EndpointFaultKind.Delay) { Delay = delay };

    public static EndpointFault RedirectTo(Uri location, int statusCode = 307) => new(EndpointFaultKind.Redirect) { Location = location, StatusCode = statusCode };

    /// <summary>A body of the test's choosing, e.g. JSON without a required member or with hostile text in it.</summary>
    public static EndpointFault Answer(int statusCode, string body, string contentType = "application/json") =>
        new(EndpointFaultKind.Body) { StatusCode = statusCode, Body = body, ContentType = contentType };

    public static EndpointFault Drip(TimeSpan perByte) => new(EndpointFaultKind.DripBody) { Delay = perByte };

    public static EndpointFault OversizedAnswer(int size) => new(EndpointFaultKind.Oversized) { Size = size };
}
