namespace Cac.Action.Planning;

/// <summary>Where the run's starting credentials come from (the <c>credential-source</c> output).</summary>
public enum CredentialSource
{
    /// <summary>A GitHub OIDC token exchanged with AssumeRoleWithWebIdentity.</summary>
    Oidc,

    /// <summary>The <c>aws-access-key-id</c> / <c>aws-secret-access-key</c> inputs.</summary>
    AccessKeys,

    /// <summary>A web identity token read from <c>web-identity-token-file</c>.</summary>
    WebIdentityTokenFile,

    /// <summary>The job's existing credentials, used on purpose to assume a role (<c>role-chaining</c>).</summary>
    RoleChaining,

    /// <summary>Credentials found in the environment, profile files, container or instance metadata.</summary>
    Ambient,

    /// <summary><c>use-existing-credentials</c> found valid credentials; nothing new was fetched.</summary>
    Existing,
}
