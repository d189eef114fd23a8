using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Aws;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN (and optional AWS_ROLE_SESSION_NAME), as EKS sets them for
/// a pod's service account (IRSA): the token is exchanged with AssumeRoleWithWebIdentity.
/// </summary>
public sealed class WebIdentityEnvironmentCredentialProvider : IAmbientCredentialProvider
{
    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly IStsClientFactory clients;

    public WebIdentityEnvironmentCredentialProvider(IActionEnvironment environment, ISecretMasker masker, IStsClientFactory clients)
    {
        this.environment = environment;
        this.masker = masker;
        this.clients = clients;
    }

    public string Name => "web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE)";

    public async Task<AmbientResult> TryResolveAsync(CancellationToken cancellationToken)
    {
        var tokenFile = environment.GetVariable("AWS_WEB_IDENTITY_TOKEN_FILE");
        var roleArn = environment.GetVariable("AWS_ROLE_ARN");
        if (string.IsNullOrEmpty(tokenFile) || string.IsNullOrEmpty(roleArn))
        {
            return AmbientResult.Declined("AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not both set");
        }

        if (!File.Exists(tokenFile))
        {
            return AmbientResult.Declined(tokenFile + " does not exist");
        }

        return AmbientResult.Found(await WebIdentityExchange.AssumeAsync(
            clients, environment, masker, tokenFile, roleArn, environment.GetVariable("AWS_ROLE_SESSION_NAME"),
            "web identity token file in AWS_WEB_IDENTITY_TOKEN_FILE for " + roleArn,
            "Credentials could not be loaded, please check your action inputs: AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN " + roleArn + ": ",
            cancellationToken).ConfigureAwait(false));
    }
}
