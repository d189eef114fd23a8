using System;

namespace Cac.Emulators;

/// <summary>What the kind of an injected token-endpoint fault does.</summary>
public enum OidcFaultKind
{
    /// <summary>Answer with the fault's HTTP status and a JSON error message.</summary>
    HttpStatus,

    /// <summary>Wait, then answer normally.</summary>
    Delay,

    /// <summary>Answer 200 with a JSON body that has no <c>value</c> member.</summary>
    MissingValue,

    /// <summary>Abort the connection without an answer.</summary>
    DropConnection,

    /// <summary>Answer with a redirect (the fault's status, 307 unless set) to the fault's location.</summary>
    Redirect,

    /// <summary>The real answer, but after its headers the body is sent one byte per <see cref="OidcFault.Delay"/>.</summary>
    DripBody,

    /// <summary>The real answer with a padding member that makes it <see cref="OidcFault.Size"/> bytes: valid JSON, far too big.</summary>
    Oversized,
}

/// <summary>A fault applied to token requests, before the bearer check.</summary>
public sealed record OidcFault(OidcFaultKind Kind, int StatusCode = 0, TimeSpan Delay = default)
{
    /// <summary>Where a redirect points.</summary>
    public Uri? Location { get; init; }

    /// <summary>The body size of an oversized answer, in bytes.</summary>
    public int Size { get; init; }

    public static OidcFault Status(int statusCode) => new(OidcFaultKind.HttpStatus, StatusCode: statusCode);

    public static OidcFault InternalServerError { get; } = Status(500);

    public static OidcFault BadGateway { get; } = Status(502);

    public static OidcFault ServiceUnavailable { get; } = Status(503);

    public static OidcFault MissingValue { get; } = new(OidcFaultKind.MissingValue);

    public static OidcFault DropConnection { get; } = new(OidcFaultKind.DropConnection);

    public static OidcFault Delayed(TimeSpan delay) => new(OidcFaultKind.Delay, Delay: delay);

    public static OidcFault RedirectTo(Uri location, int statusCode = 307) => new(OidcFaultKind.Redirect, StatusCode: statusCode) { Location = location };

    public static OidcFault Drip(TimeSpan perByte) => new(OidcFaultKind.DripBody, Delay: perByte);

    public static OidcFault OversizedAnswer(int size) => new(OidcFaultKind.Oversized) { Size = size };
}
