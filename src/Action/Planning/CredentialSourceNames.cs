namespace Cac.Action.Planning;

/// <summary>The kebab-case names of <see cref="CredentialSource"/> used in outputs, plans and summaries.</summary>
public static class CredentialSourceNames
{
    public static string ToOutputName(this CredentialSource source) => source switch
    {
        CredentialSource.Oidc => "oidc",
        CredentialSource.AccessKeys => "access-keys",
        CredentialSource.WebIdentityTokenFile => "web-identity-token-file",
        CredentialSource.RoleChaining => "role-chaining",
        CredentialSource.Ambient => "ambient",
        _ => "existing",
    };
}
