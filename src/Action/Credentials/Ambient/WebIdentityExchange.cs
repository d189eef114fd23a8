using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Errors;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// AssumeRoleWithWebIdentity for a token file the job's surroundings name (AWS_WEB_IDENTITY_TOKEN_FILE, or
/// a profile's <c>web_identity_token_file</c>): the token file is read with the same symbolic-link rules as
/// the <c>web-identity-token-file</c> input, and a refusal is the run's error.
/// </summary>
internal static class WebIdentityExchange
{
    /// <summary>The session name when none is configured.</summary>
    public const string DefaultSessionName = "configure-aws-credentials";

    public static async Task<AmbientCredentials> AssumeAsync(
        IStsClientFactory clients, IActionEnvironment environment, ISecretMasker masker,
        string tokenFile, string roleArn, string? sessionName, string provider, string errorPrefix, CancellationToken cancellationToken)
    {
        var token = await Tokens.WebIdentityTokenFile.ReadAsync(tokenFile, environment, masker, cancellationToken).ConfigureAwait(false);
        using var client = clients.Create(new AnonymousAWSCredentials());
        var request = new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = roleArn,
            RoleSessionName = string.IsNullOrEmpty(sessionName) ? DefaultSessionName : sessionName,
            WebIdentityToken = token.Reveal(),
        };
        return await AssumedRoles.CallAsync(
            async () => (await client.AssumeRoleWithWebIdentityAsync(request, cancellationToken).ConfigureAwait(false)).Credentials,
            provider, masker, errorPrefix, ErrorCode.CredentialsInvalid, cancellationToken).ConfigureAwait(false);
    }
}
