using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Cac.Emulators.Oidc;

namespace Cac.Emulators.Sts;

/// <summary>What AssumeRoleWithWebIdentity learned from the token; an opaque token has no claims.</summary>
internal sealed record WebIdentityClaims(string? Subject, IReadOnlyList<string> Audiences, string? Issuer)
{
    public bool IsOpaque => Subject is null && Issuer is null && Audiences.Count == 0;
}

/// <summary>
/// Checks a WebIdentityToken as STS does before it looks at the role's trust policy: well-formed JWT, signed by
/// a known (linked) provider, not expired. Unverifiable tokens pass only where the role's trust accepts them.
/// </summary>
internal static class WebIdentityTokenVerifier
{
    public static WebIdentityClaims Verify(string token, StsBehavior behavior, bool acceptUnverified, DateTimeOffset now)
    {
        if (!Jwt.TryDecode(token, out var jwt))
        {
            return acceptUnverified
                ? new WebIdentityClaims(null, [], null)
                : throw StsErrors.InvalidIdentityToken("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
        }

        var issuer = jwt.Claim("iss");
        var provider = behavior.FindIssuer(jwt.KeyId);
        if (provider is not null)
        {
            if (!provider.TryValidate(token, out _, out _))
            {
                throw StsErrors.InvalidIdentityToken("The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.");
            }
        }
        else if (!acceptUnverified)
        {
            throw StsErrors.InvalidIdentityToken($"No OpenIDConnect provider found in your account for {issuer}");
        }

        if (jwt.NumericClaim("exp") is { } expiration && expiration <= now.ToUnixTimeSeconds())
        {
            throw StsErrors.ExpiredIdentityToken(now, expiration);
        }

        return new WebIdentityClaims(jwt.Claim("sub"), Audiences(jwt.Payload), issuer);
    }

    // "aud" is a string in GitHub's tokens, but OIDC allows an array.
    private static IReadOnlyList<string> Audiences(JsonElement payload)
    {
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return [];
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToArray(),
            _ => [],
        };
    }
}
