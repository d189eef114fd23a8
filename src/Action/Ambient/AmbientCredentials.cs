using Amazon.Runtime;
using Cac.Abstractions;

namespace Cac.Action.Ambient;

/// <summary>Credentials found in the job's surroundings, and which provider found them (for messages).</summary>
public sealed record AmbientCredentials(Secret AccessKeyId, Secret SecretAccessKey, Secret SessionToken, string Provider)
{
    public AWSCredentials ToAwsCredentials() => SessionToken.IsEmpty
        ? new BasicAWSCredentials(AccessKeyId.Reveal(), SecretAccessKey.Reveal())
        : new SessionAWSCredentials(AccessKeyId.Reveal(), SecretAccessKey.Reveal(), SessionToken.Reveal());
}
