using Amazon.Runtime;
using Amazon.SecurityToken;

namespace Cac.Action.Aws;

/// <summary>Creates STS clients signed with given credentials (anonymous for AssumeRoleWithWebIdentity).</summary>
public interface IStsClientFactory
{
    IAmazonSecurityTokenService Create(AWSCredentials credentials);
}
