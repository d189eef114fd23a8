using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cac.Emulators.Credentials;
using Cac.Emulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cac.Emulators;

/// <summary>
/// Stands in for the ECS agent's or the EKS Pod Identity agent's credential endpoint on 127.0.0.1, reached
/// through AWS_CONTAINER_CREDENTIALS_FULL_URI (loopback is one of the hosts the SDKs accept over http) with
/// AWS_CONTAINER_AUTHORIZATION_TOKEN or AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE.
/// </summary>
public sealed class ContainerCredentialsStandIn : IAsyncDisposable
{
    private readonly ContainerCredentialsOptions _options;
    private readonly RequestLog<ContainerCredentialsRequestRecord> _log = new();
    private LoopbackHttpServer? _server;

    private ContainerCredentialsStandIn(ContainerCredentialsOptions options)
    {
        _options = options;
        Path = options.Path ?? (options.Flavor == ContainerCredentialsFlavor.Ecs ? "/v2/credentials/" + Guid.NewGuid().ToString("D") : "/v1/credentials");
        AuthorizationToken = options.AuthorizationToken ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var issuer = options.Credentials ?? CredentialIssuers.Unknown(options.RoleArn, options.SessionName);
        Behavior = new ContainerCredentialsBehavior(new ServedCredentials(issuer, options.Time, options.CredentialLifetime));
    }

    /// <summary>The path credentials are served at (with a leading slash).</summary>
    public string Path { get; }

    /// <summary>The token the Authorization header must carry; empty when none is asked for.</summary>
    public string AuthorizationToken { get; }

    /// <summary>The value for AWS_CONTAINER_CREDENTIALS_FULL_URI.</summary>
    public Uri FullUri => new(Server.BaseAddress, Path);

    public ContainerCredentialsBehavior Behavior { get; }

    public IReadOnlyList<ContainerCredentialsRequestRecord> Requests => _log.Snapshot();

    private LoopbackHttpServer Server => _server ?? throw new InvalidOperationException("The stand-in has not started.");

    public static async Task<ContainerCredentialsStandIn> StartAsync(ContainerCredentialsOptions? options = null, CancellationToken ct = default)
    {
        var standIn = new ContainerCredentialsStandIn(options ?? new ContainerCredentialsOptions());
        standIn._server = await LoopbackHttpServer.StartAsync(standIn.HandleAsync, ct).ConfigureAwait(false);
        return standIn;
    }

    /// <summary>AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN, as ECS sets them for a task.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = FullUri.AbsoluteUri };
        if (AuthorizationToken.Length > 0)
        {
            variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = AuthorizationToken;
        }

        return variables;
    }

    /// <summary>
    /// Writes the token to a file in <paramref name="directory"/> and returns the variables EKS Pod Identity sets:
    /// AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE. EKS mounts the real file
    /// through a chain of symbolic links (a projected volume); <paramref name="throughLinks"/> imitates that.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentWithTokenFile(string directory, bool throughLinks = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var data = Directory.CreateDirectory(System.IO.Path.Combine(directory, "..2024_01_01_00_00_00.000000000")).FullName;
        var file = System.IO.Path.Combine(data, "eks-pod-identity-token");
        File.WriteAllText(file, AuthorizationToken);
        if (throughLinks)
        {
            // EKS: token -> ..data/token, ..data -> ..<timestamp>
            var dataLink = System.IO.Path.Combine(directory, "..data");
            Directory.CreateSymbolicLink(dataLink, data);
            var tokenLink = System.IO.Path.Combine(directory, "eks-pod-identity-token");
            File.CreateSymbolicLink(tokenLink, System.IO.Path.Combine("..data", "eks-pod-identity-token"));
            file = tokenLink;
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = FullUri.AbsoluteUri,
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = file,
        };
    }

    public void ClearRequests() => _log.Clear();

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        var authorized = AuthorizationToken.Length == 0
            || (authorization is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization), Encoding.UTF8.GetBytes(AuthorizationToken)));

        void Log(int status, EndpointFault? fault) => _log.Add(new ContainerCredentialsRequestRecord(
            _options.Time.GetUtcNow(), request.Method, request.Path + request.QueryString, authorization, authorized, request.Headers.UserAgent.ToString(), status, fault));

        Behavior.Faults.TryTake(_ => true, out var fault);
        if (await FaultedAnswers.TryReplaceAsync(context, fault, Error, status => Log(status, fault), Server.Stopping).ConfigureAwait(false))
        {
            return;
        }

        var answer = !HttpMethods.IsGet(request.Method) ? Error(405)
            : request.Path.Value != Path ? Error(404)
            : authorization is null && !authorized ? Error(401)
            : !authorized ? Error(403)
            : Document(Behavior.Credentials.Current());
        Log(answer.StatusCode, fault);
        await FaultedAnswers.WriteAsync(context, answer, fault).ConfigureAwait(false);
    }

    private ServedAnswer Document(IssuedCredentials credentials) => ServedAnswer.Json(200, writer =>
    {
        if (_options.Flavor == ContainerCredentialsFlavor.Ecs)
        {
            writer.WriteString("RoleArn", _options.RoleArn);
        }

        writer.WriteString("AccessKeyId", credentials.AccessKeyId);
        writer.WriteString("SecretAccessKey", credentials.SecretAccessKey);
        writer.WriteString("Token", credentials.SessionToken);
        if (_options.Flavor == ContainerCredentialsFlavor.EksPodIdentity)
        {
            writer.WriteString("AccountId", credentials.AccountId);
        }

        writer.WriteString("Expiration", Imds.InstanceMetadataDocuments.Timestamp(credentials.Expiration));
    });

    /// <summary>The agents answer errors with a JSON Code and Message, which the JavaScript SDK reads.</summary>
    private static ServedAnswer Error(int statusCode)
    {
        var (code, message) = statusCode switch
        {
            400 => ("InvalidRequest", "The request is not valid."),
            401 => ("AccessDenied", "Authorization header is missing."),
            403 => ("AccessDenied", "The authorization token is not valid for this endpoint."),
            404 => ("NotFound", "No credentials are served at this path."),
            405 => ("InvalidRequest", "Only GET is supported."),
            429 => ("TooManyRequests", "Rate exceeded."),
            _ => ("InternalServerError", "The credentials could not be retrieved."),
        };
        return ServedAnswer.Json(statusCode, writer =>
        {
            writer.WriteString("Code", code);
            writer.WriteString("Message", message);
        });
    }
}
