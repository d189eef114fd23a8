using Amazon.Runtime;
using Cac.Abstractions;
using Cac.Action.Aws;

namespace Cac.Action.Credentials.Ambient;

/// <summary>Credentials found in the job's surroundings, and which provider found them (for messages).</summary>
public sealed record AmbientCredentials(Secret AccessKeyId, Secret SecretAccessKey, Secret SessionToken, string Provider)
{
    /// <summary>Masks the three values before anything else can see them, then wraps them.</summary>
    public static AmbientCredentials Create(string accessKeyId, string secretAccessKey, string sessionToken, string provider, ISecretMasker masker) =>
        new(Secret.Create(accessKeyId, masker), Secret.Create(secretAccessKey, masker), Secret.Create(sessionToken, masker), provider);

    public AWSCredentials ToAwsCredentials() => StsCredentials.From(AccessKeyId, SecretAccessKey, SessionToken);
}
