using System;

namespace Cac.Emulators;

/// <summary>One request to the SSO stand-in (portal or OIDC), as it saw and answered it.</summary>
/// <param name="Operation">The call, or null for a path neither service has.</param>
/// <param name="BearerTokenSent">Whether x-amz-sso_bearer_token was sent (GetRoleCredentials).</param>
/// <param name="GrantType">The grantType of a CreateToken body.</param>
/// <param name="ErrorType">The x-amzn-ErrorType sent, if any.</param>
/// <param name="StatusCode">The status sent, or 0 when the connection was dropped or never answered.</param>
public sealed record SsoRequestRecord(
    DateTimeOffset Time,
    SsoOperation? Operation,
    string Method,
    string PathAndQuery,
    bool BearerTokenSent,
    string? AccountId,
    string? RoleName,
    string? GrantType,
    int StatusCode,
    string? ErrorType,
    EndpointFault? Fault);
