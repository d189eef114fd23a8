using System;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Credentials.Sts;
using Cac.Action.Errors;
using StsModel = Amazon.SecurityToken.Model;

namespace Cac.Action.Credentials.Ambient;

/// <summary>The STS calls the chain makes itself (a profile's roles, web identity token files).</summary>
internal static class AssumedRoles
{
    /// <summary>
    /// Makes one STS call and returns its credentials, masked. Any failure but a cancelled run becomes the run's
    /// error through <see cref="StsFailures"/>, as the main calls' failures do: no answer is CAC-E012, a
    /// redirect CAC-E030, a refusal from STS <paramref name="fallback"/>. An answer without keys is an error.
    /// </summary>
    public static async Task<AmbientCredentials> CallAsync(
        Func<Task<StsModel.Credentials?>> call, string provider, ISecretMasker masker, string errorPrefix, ErrorCode fallback, CancellationToken cancellationToken)
    {
        StsModel.Credentials? credentials;
        try
        {
            credentials = await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not ActionError && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw StsFailures.Translate(errorPrefix, exception, fallback);
        }

        if (credentials is null || string.IsNullOrEmpty(credentials.AccessKeyId) || string.IsNullOrEmpty(credentials.SecretAccessKey))
        {
            throw new ActionError(errorPrefix + "STS returned no credentials", ErrorCode.NoCredentialsReturned);
        }

        return AmbientCredentials.Create(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken ?? string.Empty, provider, masker);
    }
}
