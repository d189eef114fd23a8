using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// The EC2 instance metadata service (IMDSv2), for self-hosted runners on EC2. It is not asked on
/// GitHub-hosted runners (RUNNER_ENVIRONMENT=github-hosted), which are never EC2 instances, nor when
/// AWS_EC2_METADATA_DISABLED=true; each request has a short timeout so a missing service costs little.
/// </summary>
public sealed class InstanceMetadataCredentialProvider : IAmbientCredentialProvider
{
    private const string DefaultEndpoint = "http://169.254.169.254";
    private const string CredentialsPath = "/latest/meta-data/iam/security-credentials/";

    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly HttpClient httpClient;

    public InstanceMetadataCredentialProvider(IActionEnvironment environment, ISecretMasker masker, HttpClient httpClient)
    {
        this.environment = environment;
        this.masker = masker;
        this.httpClient = httpClient;
    }

    public static bool IsDisabled(IActionEnvironment environment) =>
        string.Equals(environment.GetVariable("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(environment.GetVariable("RUNNER_ENVIRONMENT"), "github-hosted", StringComparison.OrdinalIgnoreCase);

    public async Task<AmbientCredentials?> TryResolveAsync(CancellationToken cancellationToken)
    {
        if (IsDisabled(environment))
        {
            return null;
        }

        var endpoint = environment.GetVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT");
        var baseUrl = (string.IsNullOrEmpty(endpoint) ? DefaultEndpoint : endpoint).TrimEnd('/');
        try
        {
            using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, baseUrl + "/latest/api/token");
            tokenRequest.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token-ttl-seconds", "300");
            using var tokenResponse = await httpClient.SendAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
            if (!tokenResponse.IsSuccessStatusCode)
            {
                return null;
            }

            var token = Secret.Create(await tokenResponse.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), masker);
            var roleName = (await GetAsync(baseUrl + CredentialsPath, token, cancellationToken).ConfigureAwait(false))?.Split('\n')[0].Trim();
            if (string.IsNullOrEmpty(roleName))
            {
                return null;
            }

            var document = await GetAsync(baseUrl + CredentialsPath + roleName, token, cancellationToken).ConfigureAwait(false);
            return document is null ? null : CredentialJson.Parse(document, masker, "instance metadata service");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
        {
            return null;
        }
    }

    private async Task<string?> GetAsync(string url, Secret token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token", token.Reveal());
        using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)
            : null;
    }
}
