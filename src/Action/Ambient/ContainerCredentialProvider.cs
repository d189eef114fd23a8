using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;

namespace Cac.Action.Ambient;

/// <summary>
/// The ECS/EKS container credential endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI, with
/// AWS_CONTAINER_AUTHORIZATION_TOKEN or _TOKEN_FILE), as self-hosted runners on ECS or EKS Pod Identity have.
/// </summary>
public sealed class ContainerCredentialProvider : IAmbientCredentialProvider
{
    private const string EcsHost = "http://169.254.170.2";

    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly HttpClient httpClient;

    public ContainerCredentialProvider(IActionEnvironment environment, ISecretMasker masker, HttpClient httpClient)
    {
        this.environment = environment;
        this.masker = masker;
        this.httpClient = httpClient;
    }

    public async Task<AmbientCredentials?> TryResolveAsync(CancellationToken cancellationToken)
    {
        var relative = environment.GetVariable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        var full = environment.GetVariable("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        var url = !string.IsNullOrEmpty(relative) ? EcsHost + relative : full;
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var authorization = await ReadAuthorizationAsync(cancellationToken).ConfigureAwait(false);
        if (authorization.Length > 0)
        {
            masker.AddMask(authorization);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return CredentialJson.Parse(body, masker, "container credentials endpoint");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
        {
            return null;
        }
    }

    private async Task<string> ReadAuthorizationAsync(CancellationToken cancellationToken)
    {
        var tokenFile = environment.GetVariable("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (!string.IsNullOrEmpty(tokenFile) && File.Exists(tokenFile))
        {
            return (await File.ReadAllTextAsync(tokenFile, cancellationToken).ConfigureAwait(false)).Trim();
        }

        return environment.GetVariable("AWS_CONTAINER_AUTHORIZATION_TOKEN") ?? string.Empty;
    }
}
