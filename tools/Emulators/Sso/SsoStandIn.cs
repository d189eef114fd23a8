using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cac.Emulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cac.Emulators;

/// <summary>
/// Stands in for IAM Identity Center on 127.0.0.1: the access portal's GetRoleCredentials (what an SDK calls
/// with the token <c>aws sso login</c> cached) and SSO OIDC's CreateToken with a refresh token (how an SDK
/// renews an sso-session's token). Both are REST-JSON; the SDKs reach them through AWS_ENDPOINT_URL_SSO and
/// AWS_ENDPOINT_URL_SSO_OIDC (see <see cref="Environment"/>).
/// </summary>
public sealed class SsoStandIn : IAsyncDisposable
{
    public const string BearerHeader = "x-amz-sso_bearer_token";

    private const string PortalErrorNamespace = ":http://internal.amazon.com/coral/com.amazon.switchboard.portal/";

    private readonly SsoStandInOptions _options;
    private readonly RequestLog<SsoRequestRecord> _log = new();
    private LoopbackHttpServer? _server;

    private SsoStandIn(SsoStandInOptions options)
    {
        _options = options;
        Behavior = new SsoBehavior(options);
    }

    /// <summary>The base address of both services, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint => Server.BaseAddress;

    public string Region => _options.Region;

    public string StartUrl => _options.StartUrl;

    public SsoBehavior Behavior { get; }

    public IReadOnlyList<SsoRequestRecord> Requests => _log.Snapshot();

    private LoopbackHttpServer Server => _server ?? throw new InvalidOperationException("The stand-in has not started.");

    public static async Task<SsoStandIn> StartAsync(SsoStandInOptions? options = null, CancellationToken ct = default)
    {
        var standIn = new SsoStandIn(options ?? new SsoStandInOptions());
        standIn._server = await LoopbackHttpServer.StartAsync(standIn.HandleAsync, ct).ConfigureAwait(false);
        return standIn;
    }

    /// <summary>The service-specific endpoint overrides the SDKs and the AWS CLI honour for these two services.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL_SSO"] = Endpoint.AbsoluteUri,
        ["AWS_ENDPOINT_URL_SSO_OIDC"] = Endpoint.AbsoluteUri,
    };

    public void ClearRequests() => _log.Clear();

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var operation = request.Path.Value switch
        {
            "/federation/credentials" => SsoOperation.GetRoleCredentials,
            "/token" => SsoOperation.CreateToken,
            _ => (SsoOperation?)null,
        };
        var body = await ReadJsonAsync(request).ConfigureAwait(false);
        var accountId = request.Query["account_id"].ToString();
        var roleName = request.Query["role_name"].ToString();
        var grantType = body?.GetValueOrDefault("grantType");
        var bearer = request.Headers[BearerHeader].ToString();

        void Log(ServedAnswer? answer, int status, EndpointFault? fault) => _log.Add(new SsoRequestRecord(
            _options.Time.GetUtcNow(), operation, request.Method, request.Path + request.QueryString, bearer.Length > 0,
            accountId.Length > 0 ? accountId : null, roleName.Length > 0 ? roleName : null, grantType, status,
            answer is null ? null : ErrorTypeOf(answer), fault));

        Behavior.Faults.TryTake(entry => entry.Operation is null || entry.Operation == operation, out var taken);
        var fault = taken.Fault;
        void LogReplaced(int status) => Log(fault!.Kind == EndpointFaultKind.HttpStatus ? ErrorFor(operation, status) : null, status, fault);
        if (await FaultedAnswers.TryReplaceAsync(context, fault, status => ErrorFor(operation, status), LogReplaced, Server.Stopping).ConfigureAwait(false))
        {
            return;
        }

        var answer = operation switch
        {
            SsoOperation.GetRoleCredentials when HttpMethods.IsGet(request.Method) => GetRoleCredentials(accountId, roleName, bearer),
            SsoOperation.CreateToken when HttpMethods.IsPost(request.Method) => CreateToken(body),
            null => Error(404, "UnknownOperationException", "message", "The requested operation is not supported."),
            _ => Error(405, "InvalidRequestException", "message", "Method not allowed."),
        };
        Log(answer, answer.StatusCode, fault);
        await FaultedAnswers.WriteAsync(context, answer, fault).ConfigureAwait(false);
    }

    private ServedAnswer GetRoleCredentials(string accountId, string roleName, string bearer)
    {
        if (accountId.Length == 0 || roleName.Length == 0)
        {
            return PortalError(400, "InvalidRequestException", "1 validation error detected: role_name and account_id are required");
        }

        if (bearer.Length == 0 || !Behavior.IsValidAccessToken(bearer))
        {
            return PortalError(401, "UnauthorizedException", "Session token not found or invalid");
        }

        if (Behavior.FindAssignment(accountId, roleName) is not { } issuer)
        {
            return PortalError(403, "ForbiddenException", "No access");
        }

        var credentials = issuer.Issue(_options.Time.GetUtcNow() + Behavior.RoleCredentialLifetime);
        return ServedAnswer.Json(200, writer =>
        {
            writer.WriteStartObject("roleCredentials");
            writer.WriteString("accessKeyId", credentials.AccessKeyId);
            writer.WriteString("secretAccessKey", credentials.SecretAccessKey);
            writer.WriteString("sessionToken", credentials.SessionToken);
            writer.WriteNumber("expiration", credentials.Expiration.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
        });
    }

    private ServedAnswer CreateToken(Dictionary<string, string>? body)
    {
        if (body is null)
        {
            return OidcError(400, "InvalidRequestException", "invalid_request", "The request body is not valid JSON.");
        }

        if (body.GetValueOrDefault("grantType") != "refresh_token")
        {
            return OidcError(400, "UnsupportedGrantTypeException", "unsupported_grant_type", "Only the refresh_token grant is served here.");
        }

        var outcome = Behavior.Refresh(body.GetValueOrDefault("clientId"), body.GetValueOrDefault("clientSecret"), body.GetValueOrDefault("refreshToken"), _options.AccessTokenLifetime);
        if (outcome.AccessToken is null)
        {
            return OidcError(outcome.StatusCode, outcome.ErrorType!, outcome.Error!, outcome.Description!);
        }

        return ServedAnswer.Json(200, writer =>
        {
            writer.WriteString("accessToken", outcome.AccessToken);
            writer.WriteString("tokenType", "Bearer");
            writer.WriteNumber("expiresIn", (long)_options.AccessTokenLifetime.TotalSeconds);
            writer.WriteString("refreshToken", outcome.RefreshToken);
        });
    }

    private static ServedAnswer ErrorFor(SsoOperation? operation, int status)
    {
        if (operation == SsoOperation.CreateToken)
        {
            return status switch
            {
                401 => OidcError(401, "InvalidClientException", "invalid_client", "Invalid client provided"),
                >= 500 => OidcError(status, "InternalServerException", "server_error", "An internal error occurred."),
                _ => OidcError(status, "InvalidRequestException", "invalid_request", "The request is not valid."),
            };
        }

        return status switch
        {
            401 => PortalError(401, "UnauthorizedException", "Session token not found or invalid"),
            403 => PortalError(403, "ForbiddenException", "No access"),
            404 => PortalError(404, "ResourceNotFoundException", "The requested resource could not be found."),
            429 => PortalError(429, "TooManyRequestsException", "Rate exceeded"),
            >= 500 => PortalError(status, "InternalServerException", "An internal error occurred."),
            _ => PortalError(status, "InvalidRequestException", "The request is not valid."),
        };
    }

    /// <summary>The portal's REST-JSON error: the type in x-amzn-ErrorType (with its Coral namespace), a lower-case message.</summary>
    private static ServedAnswer PortalError(int status, string type, string message) => Error(status, type + PortalErrorNamespace, "message", message);

    /// <summary>SSO OIDC's errors carry OAuth's <c>error</c> and <c>error_description</c>.</summary>
    private static ServedAnswer OidcError(int status, string type, string error, string description) =>
        ServedAnswer.Json(status, writer =>
        {
            writer.WriteString("error", error);
            writer.WriteString("error_description", description);
        }) with { Headers = [("x-amzn-ErrorType", type)] };

    private static ServedAnswer Error(int status, string type, string member, string message) =>
        ServedAnswer.Json(status, writer => writer.WriteString(member, message)) with { Headers = [("x-amzn-ErrorType", type)] };

    private static string? ErrorTypeOf(ServedAnswer answer)
    {
        foreach (var (name, value) in answer.Headers)
        {
            if (name == "x-amzn-ErrorType")
            {
                var colon = value.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? value : value[..colon];
            }
        }

        return null;
    }

    /// <summary>The string members of a JSON object body, or null when the body is not one.</summary>
    private static async Task<Dictionary<string, string>?> ReadJsonAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var members = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    members[property.Name] = property.Value.GetString()!;
                }
            }

            return members;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
