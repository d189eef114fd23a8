namespace Cac.Emulators;

/// <summary>The parts of the instance metadata service a fault can target.</summary>
public enum InstanceMetadataPath
{
    /// <summary>PUT /latest/api/token.</summary>
    Token,

    /// <summary>GET /latest/meta-data/iam/security-credentials/ (and its -extended twin): the role name.</summary>
    RoleName,

    /// <summary>GET /latest/meta-data/iam/security-credentials/&lt;role&gt; (and its -extended twin): the credentials document.</summary>
    Credentials,

    /// <summary>Everything else: placement (region), the instance identity document, instance-id.</summary>
    Other,
}
