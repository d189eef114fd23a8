using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// The ECS/EKS container credential endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI, with
/// AWS_CONTAINER_AUTHORIZATION_TOKEN or _TOKEN_FILE), as self-hosted runners on ECS or EKS Pod Identity have.
/// When both forms of a variable are set, the JavaScript SDK's HTTP provider (the upstream action's) decides:
/// the full URI wins over the relative one, and the token itself over the token file.
/// </summary>
/// <remarks>
/// The authorization token and the answer are secrets, so the AWS SDKs send the request only over https
/// or to an address that cannot leave the machine or the task: loopback, or the ECS and EKS agents'
/// link-local addresses. This provider applies the same rule (to the relative form too, since
/// "@host/..." appended to the ECS address would name another host), and reads the token file with the
/// same safeguards as every other file the action reads.
/// </remarks>
public sealed class ContainerCredentialProvider : IAmbientCredentialProvider
{
    /// <summary>The most read from the authorization token file.</summary>
    public const int MaxTokenFileBytes = 64 * 1024;

    private const string EcsHost = "http://169.254.170.2";
    private const string RelativeUriVariable = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    private const string FullUriVariable = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private const string TokenFileVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

    private static readonly IPAddress EcsAgent = IPAddress.Parse("169.254.170.2");
    private static readonly IPAddress EksAgent = IPAddress.Parse("169.254.170.23");
    private static readonly IPAddress EksAgentV6 = IPAddress.Parse("fd00:ec2::23");

    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly HttpClient httpClient;
    private readonly TimeProvider time;

    public ContainerCredentialProvider(IActionEnvironment environment, ISecretMasker masker, HttpClient httpClient, TimeProvider time)
    {
        this.environment = environment;
        this.masker = masker;
        this.httpClient = httpClient;
        this.time = time;
    }

    public string Name => "container credentials";

    /// <summary>Whether either URI variable is set.</summary>
    public static bool IsConfigured(IActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !string.IsNullOrEmpty(environment.GetVariable(FullUriVariable)) || !string.IsNullOrEmpty(environment.GetVariable(RelativeUriVariable));
    }

    public async Task<AmbientResult> TryResolveAsync(CancellationToken cancellationToken)
    {
        var relative = environment.GetVariable(RelativeUriVariable);
        var full = environment.GetVariable(FullUriVariable);
        var (variable, url) = !string.IsNullOrEmpty(full) ? (FullUriVariable, full)
            : !string.IsNullOrEmpty(relative) ? (RelativeUriVariable, EcsHost + relative)
            : (null, null);
        if (variable is null)
        {
            return AmbientResult.Declined(FullUriVariable + " and " + RelativeUriVariable + " are not set");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return AmbientResult.Declined(variable + " is not an absolute URL");
        }

        if (!IsAllowed(uri))
        {
            throw new ActionError(
                variable + " names host '" + uri.Host + "' over " + uri.Scheme + ", which is not accepted: container credentials are fetched only over https, " +
                "or over http from a loopback address (127.0.0.0/8, ::1, localhost) or the ECS or EKS container agent (169.254.170.2, 169.254.170.23, fd00:ec2::23)",
                ErrorCode.ContainerCredentials);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var authorization = ReadAuthorization();
        if (!authorization.IsEmpty)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization.Reveal());
        }

        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return AmbientResult.Declined(uri.GetLeftPart(UriPartial.Authority) + " answered HTTP " + (int)response.StatusCode + CredentialJson.ErrorDetail(body));
            }

            return CredentialJson.Parse(body, masker, Name + " at " + uri.GetLeftPart(UriPartial.Authority), time.GetUtcNow());
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return AmbientResult.Declined(uri.GetLeftPart(UriPartial.Authority) + " could not be reached: " + exception.Message);
        }
    }

    /// <summary>Whether the SDKs' rule lets credentials be fetched from <paramref name="uri"/>.</summary>
    public static bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return true;
        }

        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            return false;
        }

        if (uri.HostNameType == UriHostNameType.Dns)
        {
            return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
        }

        if (!IPAddress.TryParse(uri.DnsSafeHost, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address)
            || address.Equals(EcsAgent)
            || address.Equals(EksAgent)
            || (address.AddressFamily == AddressFamily.InterNetworkV6 && address.Equals(EksAgentV6));
    }

    /// <summary>
    /// AWS_CONTAINER_AUTHORIZATION_TOKEN, else the token from AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (links
    /// followed: EKS mounts it as a projected volume, a chain of links), else none.
    /// </summary>
    private Secret ReadAuthorization()
    {
        var direct = environment.GetVariable("AWS_CONTAINER_AUTHORIZATION_TOKEN")?.Trim();
        if (!string.IsNullOrEmpty(direct))
        {
            return MaskedAuthorization(direct, "AWS_CONTAINER_AUTHORIZATION_TOKEN");
        }

        var tokenFile = environment.GetVariable(TokenFileVariable);
        if (!string.IsNullOrEmpty(tokenFile))
        {
            string? content;
            try
            {
                content = SafeFileReader.ReadAllText(tokenFile, MaxTokenFileBytes, followLinks: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new ActionError(TokenFileVariable + ": " + exception.Message, ErrorCode.ContainerCredentials, exception);
            }

            if (content is not null)
            {
                return MaskedAuthorization(content.Trim(), TokenFileVariable);
            }
        }

        return Secret.Create(string.Empty, masker);
    }

    /// <summary>
    /// The token as a <see cref="Secret"/>, masked before anything else happens to it. A line break would end
    /// the Authorization header early; the message names the variable, never the token.
    /// </summary>
    private Secret MaskedAuthorization(string value, string variable)
    {
        var token = Secret.Create(value, masker);
        return token.Reveal().AsSpan().IndexOfAny('\r', '\n') < 0
            ? token
            : throw new ActionError("The container authorization token from " + variable + " contains a line break", ErrorCode.ContainerCredentials);
    }
}
