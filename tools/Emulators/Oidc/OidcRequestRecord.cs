using System;

namespace Cac.Emulators;

/// <summary>One request to the token endpoint, as the stand-in saw and answered it.</summary>
/// <param name="Audience">The <c>audience</c> query parameter, or null when the client sent none.</param>
/// <param name="BearerAccepted">Whether the Authorization header carried the right bearer token.</param>
/// <param name="StatusCode">The HTTP status sent, or 0 when the connection was dropped.</param>
/// <param name="Fault">The injected fault that shaped the answer, if any.</param>
public sealed record OidcRequestRecord(
    DateTimeOffset Time,
    string PathAndQuery,
    string? Audience,
    bool BearerAccepted,
    int StatusCode,
    OidcFault? Fault);
