using Cac.Action.Aws;

namespace Cac.Action.Credentials.Ambient;

/// <summary>What a profile can take its credentials from besides its own keys: STS, the other providers, a process, SSO.</summary>
public sealed record ProfileSources(
    IStsClientFactory StsClients,
    EnvironmentCredentialProvider Environment,
    ContainerCredentialProvider Container,
    InstanceMetadataCredentialProvider InstanceMetadata,
    CredentialProcessRunner Processes,
    SsoRoleCredentials Sso);
