using Amazon.Runtime;
using Cac.Abstractions;

namespace Cac.Action.Aws;

/// <summary>The SDK's credential objects, built from secrets at the last moment (the only place they are revealed for signing).</summary>
public static class StsCredentials
{
    public static AWSCredentials From(Secret accessKeyId, Secret secretAccessKey, Secret sessionToken) => sessionToken.IsEmpty
        ? new BasicAWSCredentials(accessKeyId.Reveal(), secretAccessKey.Reveal())
        : new SessionAWSCredentials(accessKeyId.Reveal(), secretAccessKey.Reveal(), sessionToken.Reveal());
}
