using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Cac.Emulators.Credentials;
using Cac.Emulators.Hosting;
using Cac.Emulators.Imds;
using Microsoft.AspNetCore.Http;

namespace Cac.Emulators;

/// <summary>
/// Stands in for the EC2 instance metadata service (IMDSv2) on a loopback address: session tokens from
/// PUT /latest/api/token, the instance profile's role name and credentials, the region and the identity
/// document. Reached through AWS_EC2_METADATA_SERVICE_ENDPOINT (see <see cref="Environment"/>).
/// </summary>
public sealed class InstanceMetadataStandIn : IAsyncDisposable
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    /// <summary>The longest token TTL EC2 accepts: six hours.</summary>
    public const int MaxTokenTtlSeconds = 21600;

    private const string TokenPath = "/latest/api/token";
    private const string CredentialsPrefix = "/latest/meta-data/iam/security-credentials/";
    private const string ExtendedCredentialsPrefix = "/latest/meta-data/iam/security-credentials-extended/";

    private readonly InstanceMetadataOptions _options;
    private readonly RequestLog<InstanceMetadataRequestRecord> _log = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private LoopbackHttpServer? _server;

    private InstanceMetadataStandIn(InstanceMetadataOptions options)
    {
        _options = options;
        var issuer = options.Credentials ?? CredentialIssuers.Unknown(options.RoleArn, options.InstanceId);
        Behavior = new InstanceMetadataBehavior(new ServedCredentials(issuer, options.Time, options.CredentialLifetime), options.RoleName);
    }

    /// <summary>The value for AWS_EC2_METADATA_SERVICE_ENDPOINT, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint => Server.BaseAddress;

    public InstanceMetadataBehavior Behavior { get; }

    public IReadOnlyList<InstanceMetadataRequestRecord> Requests => _log.Snapshot();

    private LoopbackHttpServer Server => _server ?? throw new InvalidOperationException("The stand-in has not started.");

    public static async Task<InstanceMetadataStandIn> StartAsync(InstanceMetadataOptions? options = null, CancellationToken ct = default)
    {
        var standIn = new InstanceMetadataStandIn(options ?? new InstanceMetadataOptions());
        standIn._server = await LoopbackHttpServer.StartAsync(standIn.HandleAsync, standIn._options.ListenAddress, ct).ConfigureAwait(false);
        return standIn;
    }

    /// <summary>
    /// The variables that point the SDKs (and the action) here: AWS_EC2_METADATA_SERVICE_ENDPOINT, which wins
    /// over AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE, and AWS_EC2_METADATA_DISABLED=false.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = Endpoint.AbsoluteUri,
        ["AWS_EC2_METADATA_DISABLED"] = "false",
    };

    public void ClearRequests() => _log.Clear();

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var target = Classify(path);
        var sentToken = request.Headers[TokenHeader].ToString();
        var tokenAccepted = sentToken.Length > 0 && IsValidToken(sentToken);
        var ttl = request.Headers.TryGetValue(TtlHeader, out var ttlValues) ? ttlValues.ToString() : null;

        void Log(int status, EndpointFault? fault) => _log.Add(new InstanceMetadataRequestRecord(
            _options.Time.GetUtcNow(), request.Method, path, target, sentToken.Length > 0, tokenAccepted, ttl, request.Headers.UserAgent.ToString(), status, fault));

        Behavior.Faults.TryTake(entry => entry.Target is null || entry.Target == target, out var taken);
        var fault = taken.Fault;
        if (await FaultedAnswers.TryReplaceAsync(context, fault, InstanceMetadataDocuments.Error, status => Log(status, fault), Server.Stopping).ConfigureAwait(false))
        {
            return;
        }

        var answer = target == InstanceMetadataPath.Token
            ? IssueToken(request, ttl)
            : Answer(request, path, sentToken.Length > 0, tokenAccepted);
        Log(answer.StatusCode, fault);
        await FaultedAnswers.WriteAsync(context, answer, fault).ConfigureAwait(false);
    }

    private static InstanceMetadataPath Classify(string path) =>
        path == TokenPath ? InstanceMetadataPath.Token
        : IsCredentialsPath(path, out var role) ? (role.Length == 0 ? InstanceMetadataPath.RoleName : InstanceMetadataPath.Credentials)
        : InstanceMetadataPath.Other;

    private static bool IsCredentialsPath(string path, out string role)
    {
        foreach (var prefix in new[] { CredentialsPrefix, ExtendedCredentialsPrefix })
        {
            if (path == prefix.TrimEnd('/') || path.StartsWith(prefix, StringComparison.Ordinal))
            {
                role = path.Length > prefix.Length ? path[prefix.Length..] : string.Empty;
                return true;
            }
        }

        role = string.Empty;
        return false;
    }

    /// <summary>EC2's token rules: PUT only, never through a forwarding proxy, a TTL from 1 to 21600 seconds.</summary>
    private ServedAnswer IssueToken(HttpRequest request, string? ttl)
    {
        if (!HttpMethods.IsPut(request.Method))
        {
            return InstanceMetadataDocuments.Error(405);
        }

        if (request.Headers.ContainsKey("X-Forwarded-For"))
        {
            return InstanceMetadataDocuments.Error(403);
        }

        if (!int.TryParse(ttl, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > MaxTokenTtlSeconds)
        {
            return InstanceMetadataDocuments.Error(400);
        }

        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(42));
        _tokens[token] = _options.Time.GetUtcNow().AddSeconds(seconds);
        return ServedAnswer.Text(200, token) with { Headers = [(TtlHeader, seconds.ToString(CultureInfo.InvariantCulture))] };
    }

    private bool IsValidToken(string token) => _tokens.TryGetValue(token, out var expires) && _options.Time.GetUtcNow() < expires;

    private ServedAnswer Answer(HttpRequest request, string path, bool tokenSent, bool tokenAccepted)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return InstanceMetadataDocuments.Error(405);
        }

        // A token that is sent is checked even where IMDSv1 is allowed, as EC2 does.
        if (tokenSent ? !tokenAccepted : Behavior.RequireToken)
        {
            return InstanceMetadataDocuments.Error(401);
        }

        if (IsCredentialsPath(path, out var requestedRole))
        {
            var extended = path.StartsWith(ExtendedCredentialsPrefix.TrimEnd('/'), StringComparison.Ordinal);
            var role = Behavior.RoleName;
            if (role is null || (extended && !Behavior.ExtendedCredentialsAvailable))
            {
                return InstanceMetadataDocuments.Error(404);
            }

            if (requestedRole.Length == 0)
            {
                return ServedAnswer.Text(200, role);
            }

            if (requestedRole != role)
            {
                return InstanceMetadataDocuments.Error(404);
            }

            var credentials = Behavior.Credentials.Current();
            return InstanceMetadataDocuments.Credentials(credentials, credentials.Expiration - Behavior.CredentialLifetime, extended);
        }

        return path switch
        {
            "/latest/meta-data/placement/region" => ServedAnswer.Text(200, _options.Region),
            "/latest/meta-data/placement/availability-zone" or "/latest/meta-data/placement/availability-zone/" => ServedAnswer.Text(200, _options.Region + "a"),
            "/latest/meta-data/instance-id" => ServedAnswer.Text(200, _options.InstanceId),
            "/latest/dynamic/instance-identity/document" => InstanceMetadataDocuments.IdentityDocument(_options),
            _ => InstanceMetadataDocuments.Error(404),
        };
    }
}
