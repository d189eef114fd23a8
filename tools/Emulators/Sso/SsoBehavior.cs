using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Cac.Emulators.Faults;
using Cac.Emulators.Hosting;

namespace Cac.Emulators;

/// <summary>
/// The SSO stand-in's state: who is logged in (access tokens, refresh tokens, client registrations), which
/// roles the user is assigned, and injected faults. Thread-safe.
/// </summary>
public sealed class SsoBehavior
{
    private readonly object _gate = new();
    private readonly SsoStandInOptions _options;
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Registration> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Role), ICredentialIssuer> _assignments = [];
    private TimeSpan _roleCredentialLifetime = TimeSpan.FromHours(1);

    internal SsoBehavior(SsoStandInOptions options)
    {
        _options = options;
    }

    internal CountedQueue<(EndpointFault Fault, SsoOperation? Operation)> Faults { get; } = new();

    /// <summary>Lifetime of the role credentials GetRoleCredentials returns (the permission set's session duration).</summary>
    public TimeSpan RoleCredentialLifetime
    {
        get { lock (_gate) { return _roleCredentialLifetime; } }
        set { lock (_gate) { _roleCredentialLifetime = value; } }
    }

    /// <summary>
    /// What <c>aws sso login</c> does: a new access token valid for <paramref name="lifetime"/> (negative: already
    /// expired) and, for an sso-session, a client registration and a refresh token. Write the result with
    /// <see cref="SsoTokenCache.Write"/>.
    /// </summary>
    public SsoCachedToken Login(string? sessionName = null, TimeSpan? lifetime = null, string? startUrl = null)
    {
        var now = _options.Time.GetUtcNow();
        var accessToken = NewToken("aoa");
        var expiresAt = TruncateToSeconds(now + (lifetime ?? TimeSpan.FromHours(8)));
        lock (_gate)
        {
            _accessTokens[accessToken] = expiresAt;
        }

        var token = new SsoCachedToken(startUrl ?? _options.StartUrl, _options.Region, accessToken, expiresAt, sessionName) { ReceivedAt = TruncateToSeconds(now) };
        if (sessionName is null)
        {
            return token;
        }

        var registration = new Registration(NewToken("cid"), NewToken("cs"), TruncateToSeconds(now + TimeSpan.FromDays(90)));
        var refreshToken = NewToken("aor");
        lock (_gate)
        {
            _refreshTokens[refreshToken] = registration;
        }

        return token with
        {
            ClientId = registration.ClientId,
            ClientSecret = registration.ClientSecret,
            RegistrationExpiresAt = registration.ExpiresAt,
            RefreshToken = refreshToken,
        };
    }

    /// <summary>Assigns the user a permission set's role in an account; <paramref name="credentials"/> issues what GetRoleCredentials returns.</summary>
    public void AssignRole(string accountId, string roleName, ICredentialIssuer? credentials = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(roleName);
        lock (_gate)
        {
            _assignments[(accountId, roleName)] = credentials ?? CredentialIssuers.Unknown(RoleArn(accountId, roleName), _options.UserName);
        }
    }

    /// <summary>
    /// The IAM role IAM Identity Center creates for a permission set in an account, e.g.
    /// arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Deploy_0123456789abcdef.
    /// Use it with <see cref="StsBehavior.IssuerFor"/> and the user name to make assigned credentials STS-valid.
    /// </summary>
    public static string RoleArn(string accountId, string permissionSet) =>
        $"arn:aws:iam::{accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_{permissionSet}_0123456789abcdef";

    /// <summary>Invalidates every access token, as a sign-out or an administrator's revocation does; refresh tokens stay.</summary>
    public void RevokeAccessTokens()
    {
        lock (_gate)
        {
            _accessTokens.Clear();
        }
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="count"/> calls of <paramref name="operation"/> (null: either).</summary>
    public void InjectFault(EndpointFault fault, int count = 1, SsoOperation? operation = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Faults.Add((fault, operation), count);
    }

    public void ClearFaults() => Faults.Clear();

    internal bool IsValidAccessToken(string token)
    {
        lock (_gate)
        {
            return _accessTokens.TryGetValue(token, out var expires) && _options.Time.GetUtcNow() < expires;
        }
    }

    internal ICredentialIssuer? FindAssignment(string accountId, string roleName)
    {
        lock (_gate)
        {
            return _assignments.GetValueOrDefault((accountId, roleName));
        }
    }

    /// <summary>The outcome of a refresh-token grant, with the error SSO OIDC would send.</summary>
    internal RefreshOutcome Refresh(string? clientId, string? clientSecret, string? refreshToken, TimeSpan accessTokenLifetime)
    {
        lock (_gate)
        {
            if (refreshToken is null || !_refreshTokens.TryGetValue(refreshToken, out var registration))
            {
                return RefreshOutcome.Failed(400, "InvalidGrantException", "invalid_grant", "Invalid refresh token provided");
            }

            if (registration.ClientId != clientId || registration.ClientSecret != clientSecret || _options.Time.GetUtcNow() >= registration.ExpiresAt)
            {
                return RefreshOutcome.Failed(401, "InvalidClientException", "invalid_client", "Invalid client provided");
            }

            // Refresh tokens are single use: the grant rotates it.
            _refreshTokens.Remove(refreshToken);
            var newRefreshToken = NewToken("aor");
            _refreshTokens[newRefreshToken] = registration;
            var accessToken = NewToken("aoa");
            _accessTokens[accessToken] = _options.Time.GetUtcNow() + accessTokenLifetime;
            return new RefreshOutcome(200, null, null, null, accessToken, newRefreshToken);
        }
    }

    private static string NewToken(string prefix) => prefix + RandomIds.Base64Url(RandomNumberGenerator.GetBytes(48));

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    private sealed record Registration(string ClientId, string ClientSecret, DateTimeOffset ExpiresAt);

    internal sealed record RefreshOutcome(int StatusCode, string? ErrorType, string? Error, string? Description, string? AccessToken, string? RefreshToken)
    {
        public static RefreshOutcome Failed(int status, string type, string error, string description) => new(status, type, error, description, null, null);
    }
}
