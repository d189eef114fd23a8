using System;

namespace Cac.Emulators;

/// <summary>
/// What <c>aws sso login</c> leaves in ~/.aws/sso/cache: the access token, and for an <c>[sso-session]</c>
/// the client registration and refresh token that let an SDK renew it. <see cref="SsoTokenCache"/> writes it.
/// </summary>
/// <param name="SessionName">The sso-session name, or null for a legacy profile (sso_start_url in the profile itself).</param>
public sealed record SsoCachedToken(string StartUrl, string Region, string AccessToken, DateTimeOffset ExpiresAt, string? SessionName)
{
    public DateTimeOffset? ReceivedAt { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public DateTimeOffset? RegistrationExpiresAt { get; init; }

    public string? RefreshToken { get; init; }

    /// <summary>What the cache file is named after: the session name, or the start URL for a legacy profile.</summary>
    public string CacheKey => SessionName ?? StartUrl;
}
