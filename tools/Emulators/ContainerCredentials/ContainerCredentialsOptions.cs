using System;

namespace Cac.Emulators;

/// <summary>Start-time settings of a <see cref="ContainerCredentialsStandIn"/>.</summary>
public sealed record ContainerCredentialsOptions
{
    public ContainerCredentialsFlavor Flavor { get; init; } = ContainerCredentialsFlavor.EksPodIdentity;

    /// <summary>The path credentials are served at; defaults to the agent's own shape (ECS: /v2/credentials/&lt;id&gt;, EKS: /v1/credentials).</summary>
    public string? Path { get; init; }

    /// <summary>The token the Authorization header must carry (no scheme), random when null; empty: none is asked for.</summary>
    public string? AuthorizationToken { get; init; }

    public string RoleArn { get; init; } = "arn:aws:iam::111111111111:role/runner-task";

    /// <summary>The role session name of the credentials (ECS uses the task ID, EKS the pod's identity).</summary>
    public string SessionName { get; init; } = "eks-runner-pod-0123456789";

    /// <summary>Where the credentials come from; null: keys no STS emulator accepts. See <see cref="StsBehavior.IssuerFor"/>.</summary>
    public ICredentialIssuer? Credentials { get; init; }

    /// <summary>Lifetime of the credentials served; negative: already expired.</summary>
    public TimeSpan CredentialLifetime { get; init; } = TimeSpan.FromHours(6);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
