using System;

namespace Cac.Emulators;

/// <summary>One request to the container-credentials stand-in.</summary>
/// <param name="Authorization">The Authorization header as sent, or null; the test compares it with the configured token.</param>
/// <param name="StatusCode">The status sent, or 0 when the connection was dropped or never answered.</param>
public sealed record ContainerCredentialsRequestRecord(
    DateTimeOffset Time,
    string Method,
    string PathAndQuery,
    string? Authorization,
    bool Authorized,
    string? UserAgent,
    int StatusCode,
    EndpointFault? Fault);
