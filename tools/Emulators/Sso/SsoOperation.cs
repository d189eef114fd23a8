namespace Cac.Emulators;

/// <summary>The two IAM Identity Center calls an SDK makes for an SSO profile.</summary>
public enum SsoOperation
{
    /// <summary>The portal's GET /federation/credentials (service SSO, AWS_ENDPOINT_URL_SSO).</summary>
    GetRoleCredentials,

    /// <summary>SSO OIDC's POST /token with a refresh token (service SSO OIDC, AWS_ENDPOINT_URL_SSO_OIDC).</summary>
    CreateToken,
}
