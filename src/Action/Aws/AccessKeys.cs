using Amazon.Runtime;
using Cac.Abstractions;

namespace Cac.Action.Aws;

/// <summary>An access key pair, with its session token when it has one (empty otherwise), all masked.</summary>
public sealed record AccessKeys(Secret AccessKeyId, Secret SecretAccessKey, Secret SessionToken)
{
    /// <summary>The SDK's credentials for signing with these keys.</summary>
    public AWSCredentials ToSdkCredentials() => StsCredentials.From(AccessKeyId, SecretAccessKey, SessionToken);
}
