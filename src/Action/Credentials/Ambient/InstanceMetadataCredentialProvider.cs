using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// The EC2 instance metadata service, for self-hosted runners on EC2: IMDSv2 (a session token first), and
/// IMDSv1 when the token request is refused with 403, 404 or 405 or gets no answer, as the SDKs do, unless
/// AWS_EC2_METADATA_V1_DISABLED=true forbids it. It is not asked on GitHub-hosted runners
/// (RUNNER_ENVIRONMENT=github-hosted), which are never EC2 instances, nor when AWS_EC2_METADATA_DISABLED is set
/// to anything but <c>false</c> (as current JavaScript SDK releases read it; older ones took any value);
/// each request has a short timeout so a missing service costs little. See docs/credential-stand-ins.md.
/// </summary>
public sealed class InstanceMetadataCredentialProvider : IAmbientCredentialProvider
{
    private const string DefaultEndpoint = "http://169.254.169.254";
    private const string CredentialsPath = "/latest/meta-data/iam/security-credentials/";

    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly HttpClient httpClient;
    private readonly TimeProvider time;
    private readonly bool defersToContainer;

    /// <param name="defersToContainer">
    /// True for the default chain's link: when container credentials are configured it is not asked, as in the
    /// JavaScript SDK, so a task whose own role fails never runs with the instance's role instead. False for a
    /// profile's <c>credential_source = Ec2InstanceMetadata</c>, which names it explicitly.
    /// </param>
    public InstanceMetadataCredentialProvider(IActionEnvironment environment, ISecretMasker masker, HttpClient httpClient, TimeProvider time, bool defersToContainer = false)
    {
        this.environment = environment;
        this.masker = masker;
        this.httpClient = httpClient;
        this.time = time;
        this.defersToContainer = defersToContainer;
    }

    public string Name => "instance metadata service";

    public static bool IsDisabled(IActionEnvironment environment) =>
        environment.GetVariable("AWS_EC2_METADATA_DISABLED") is { Length: > 0 } disabled && disabled != "false"
        || string.Equals(environment.GetVariable("RUNNER_ENVIRONMENT"), "github-hosted", StringComparison.OrdinalIgnoreCase);

    public async Task<AmbientResult> TryResolveAsync(CancellationToken cancellationToken)
    {
        if (IsDisabled(environment))
        {
            return AmbientResult.Declined("not asked (AWS_EC2_METADATA_DISABLED is set, or this is a GitHub-hosted runner)");
        }

        if (defersToContainer && ContainerCredentialProvider.IsConfigured(environment))
        {
            return AmbientResult.Declined("not asked: container credentials are configured, and they are the task's credentials");
        }

        var endpoint = environment.GetVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT");
        var baseUrl = (string.IsNullOrEmpty(endpoint) ? DefaultEndpoint : endpoint).TrimEnd('/');
        try
        {
            var (token, refusal) = await GetTokenAsync(baseUrl, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return AmbientResult.Declined(refusal);
            }

            var (roles, rolesStatus) = await GetAsync(baseUrl + CredentialsPath, token, cancellationToken).ConfigureAwait(false);
            var roleName = roles?.Split('\n')[0].Trim();
            if (string.IsNullOrEmpty(roleName))
            {
                return AmbientResult.Declined("the instance has no IAM role (" + CredentialsPath + " answered HTTP " + rolesStatus + ")");
            }

            var (document, documentStatus) = await GetAsync(baseUrl + CredentialsPath + Uri.EscapeDataString(roleName), token, cancellationToken).ConfigureAwait(false);
            return document is null
                ? AmbientResult.Declined("the credentials of role '" + CredentialJson.Quote(roleName) + "' answered HTTP " + documentStatus)
                : CredentialJson.Parse(document, masker, Name, time.GetUtcNow());
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return AmbientResult.Declined(baseUrl + " could not be reached: " + exception.Message);
        }
    }

    private static bool IsTrue(IActionEnvironment environment, string name) =>
        string.Equals(environment.GetVariable(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The IMDSv2 session token; <c>null</c> with no refusal means IMDSv1. A 400 is an error (the request was
    /// malformed), and so is anything else the SDKs do not fall back on.
    /// </summary>
    private async Task<(Secret? Token, string? Refusal)> GetTokenAsync(string baseUrl, CancellationToken cancellationToken)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, baseUrl + "/latest/api/token");
        tokenRequest.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token-ttl-seconds", "300");
        HttpStatusCode status;
        try
        {
            using var tokenResponse = await httpClient.SendAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
            if (tokenResponse.IsSuccessStatusCode)
            {
                return (Secret.Create(await tokenResponse.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), masker), null);
            }

            status = tokenResponse.StatusCode;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // No answer: a container one hop too far from the instance (hop limit 1) sees the PUT vanish.
            status = HttpStatusCode.RequestTimeout;
        }

        var fallsBack = status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.RequestTimeout;
        var what = status == HttpStatusCode.RequestTimeout ? "got no answer" : "answered HTTP " + (int)status;
        if (!fallsBack)
        {
            return (null, "the IMDSv2 token request " + what);
        }

        return IsTrue(environment, "AWS_EC2_METADATA_V1_DISABLED")
            ? (null, "the IMDSv2 token request " + what + ", and AWS_EC2_METADATA_V1_DISABLED=true forbids IMDSv1")
            : (null, null);
    }

    private async Task<(string? Body, int Status)> GetAsync(string url, Secret? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token", token.Reveal());
        }

        using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), (int)response.StatusCode)
            : (null, (int)response.StatusCode);
    }
}
