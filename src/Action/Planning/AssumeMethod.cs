namespace Cac.Action.Planning;

/// <summary>Which STS call turns the starting credentials into the role's credentials.</summary>
public enum AssumeMethod
{
    /// <summary>No role: the starting credentials are the final ones.</summary>
    None,

    /// <summary>sts:AssumeRole, signed with the starting credentials.</summary>
    AssumeRole,

    /// <summary>sts:AssumeRoleWithWebIdentity with the GitHub OIDC token.</summary>
    WebIdentityOidc,

    /// <summary>sts:AssumeRoleWithWebIdentity with the token file's content.</summary>
    WebIdentityTokenFile,
}
