using System;
using System.Net;

namespace Cac.Emulators;

/// <summary>Start-time settings of an <see cref="InstanceMetadataStandIn"/>; run-time settings are on <see cref="InstanceMetadataBehavior"/>.</summary>
public sealed record InstanceMetadataOptions
{
    /// <summary>The instance profile's role name, answered at /latest/meta-data/iam/security-credentials/.</summary>
    public string RoleName { get; init; } = "runner-instance";

    public string AccountId { get; init; } = "111111111111";

    /// <summary>The instance ID: the role session name of the instance's credentials.</summary>
    public string InstanceId { get; init; } = "i-0123456789abcdef0";

    public string Region { get; init; } = "us-east-1";

    /// <summary>
    /// Where the credentials come from; null: keys no STS emulator accepts. Use
    /// <c>sts.Behavior.IssuerFor(roleArn, instanceId)</c> for keys that can sign STS calls.
    /// </summary>
    public ICredentialIssuer? Credentials { get; init; }

    /// <summary>Lifetime of the credentials served (EC2 gives about six hours); negative: already expired.</summary>
    public TimeSpan CredentialLifetime { get; init; } = TimeSpan.FromHours(6);

    /// <summary>The clock for token TTLs and credential expirations.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The loopback address to listen on: <see cref="IPAddress.Loopback"/>, or <see cref="IPAddress.IPv6Loopback"/> for an IPv6 endpoint.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The role ARN of the instance profile.</summary>
    public string RoleArn => $"arn:aws:iam::{AccountId}:role/{RoleName}";
}
