using Amazon.Runtime;
using Cac.Abstractions;
using Cac.Action.Sts;

namespace Cac.Action.Ambient;

/// <summary>Credentials found in the job's surroundings, and which provider found them (for messages).</summary>
public sealed record AmbientCredentials(Secret AccessKeyId, Secret SecretAccessKey, Secret SessionToken, string Provider)
{
    public AWSCredentials ToAwsCredentials() => StsCredentials.From(AccessKeyId, SecretAccessKey, SessionToken);
}
