using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Credentials.Sts;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Errors;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN (and optional AWS_ROLE_SESSION_NAME), as EKS sets them for
/// a pod's service account (IRSA): the token is exchanged with AssumeRoleWithWebIdentity. The token file
/// is read with the same symbolic-link rules as the <c>web-identity-token-file</c> input.
/// </summary>
public sealed class WebIdentityEnvironmentCredentialProvider : IAmbientCredentialProvider
{
    private const string DefaultSessionName = "configure-aws-credentials";

    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly IStsClientFactory clients;

    public WebIdentityEnvironmentCredentialProvider(IActionEnvironment environment, ISecretMasker masker, IStsClientFactory clients)
    {
        this.environment = environment;
        this.masker = masker;
        this.clients = clients;
    }

    public async Task<AmbientCredentials?> TryResolveAsync(CancellationToken cancellationToken)
    {
        var tokenFile = environment.GetVariable("AWS_WEB_IDENTITY_TOKEN_FILE");
        var roleArn = environment.GetVariable("AWS_ROLE_ARN");
        if (string.IsNullOrEmpty(tokenFile) || string.IsNullOrEmpty(roleArn) || !File.Exists(tokenFile))
        {
            return null;
        }

        var token = await WebIdentityTokenFile.ReadAsync(tokenFile, environment, masker, cancellationToken).ConfigureAwait(false);
        var sessionName = environment.GetVariable("AWS_ROLE_SESSION_NAME");
        using var client = clients.Create(new AnonymousAWSCredentials());
        AssumeRoleWithWebIdentityResponse response;
        try
        {
            response = await client.AssumeRoleWithWebIdentityAsync(
                new AssumeRoleWithWebIdentityRequest
                {
                    RoleArn = roleArn,
                    RoleSessionName = string.IsNullOrEmpty(sessionName) ? DefaultSessionName : sessionName,
                    WebIdentityToken = token.Reveal(),
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException exception)
        {
            throw StsFailures.Translate(
                "Credentials could not be loaded, please check your action inputs: AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN " + roleArn + ": ",
                exception,
                ErrorCode.CredentialsInvalid);
        }

        var credentials = response.Credentials;
        if (credentials is null || string.IsNullOrEmpty(credentials.AccessKeyId) || string.IsNullOrEmpty(credentials.SecretAccessKey))
        {
            return null;
        }

        return AmbientCredentials.Create(
            credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken ?? string.Empty,
            "web identity token file in AWS_WEB_IDENTITY_TOKEN_FILE for " + roleArn, masker);
    }
}
