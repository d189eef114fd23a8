using Cac.Abstractions;
using Cac.Action.Errors;
using StsModel = Amazon.SecurityToken.Model;

namespace Cac.Action.Credentials.Ambient;

/// <summary>The credentials of an STS answer as ambient credentials, masked; an answer without keys is an error.</summary>
internal static class AssumedRoles
{
    public static AmbientCredentials ToAmbient(StsModel.Credentials? credentials, string provider, ISecretMasker masker, string errorPrefix)
    {
        if (credentials is null || string.IsNullOrEmpty(credentials.AccessKeyId) || string.IsNullOrEmpty(credentials.SecretAccessKey))
        {
            throw new ActionError(errorPrefix + "STS returned no credentials", ErrorCode.NoCredentialsReturned);
        }

        return AmbientCredentials.Create(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken ?? string.Empty, provider, masker);
    }
}
