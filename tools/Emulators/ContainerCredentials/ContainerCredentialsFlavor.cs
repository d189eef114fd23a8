namespace Cac.Emulators;

/// <summary>Which agent the container-credentials stand-in imitates.</summary>
public enum ContainerCredentialsFlavor
{
    /// <summary>The ECS agent: the document carries RoleArn; its relative URI form needs no token.</summary>
    Ecs,

    /// <summary>The EKS Pod Identity agent: the document carries AccountId; a token is always required.</summary>
    EksPodIdentity,
}
