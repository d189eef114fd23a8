using Cac.Action.Credentials.Sts;
using Cac.Action.Planning;

namespace Cac.Action.Credentials;

/// <summary>What a successful run found: the credentials to hand out (if any) and the final identity.</summary>
public sealed record FlowResult
{
    public required CredentialSource Source { get; init; }

    /// <summary>Null when nothing new is handed out (ambient credentials, or valid existing ones).</summary>
    public IssuedCredentials? Credentials { get; init; }

    public string Account { get; init; } = string.Empty;
    public string Arn { get; init; } = string.Empty;
    public string AssumedRoleId { get; init; } = string.Empty;
    public string SessionName { get; init; } = string.Empty;
}
