using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Cac.Emulators.Hosting;
using Cac.Emulators.Oidc;
using Microsoft.AspNetCore.Http;

namespace Cac.Emulators;

/// <summary>
/// Stands in for the GitHub Actions ID-token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL) on 127.0.0.1,
/// and serves the matching discovery document and JWKS.
/// </summary>
public sealed class OidcStandIn : IAsyncDisposable
{
    private const string TokenPath = "/_apis/distributedtask/hubs/Actions/plans/00000000-0000-0000-0000-000000000000/jobs/00000000-0000-0000-0000-000000000000/idtoken";
    private const string DiscoveryPath = "/.well-known/openid-configuration";
    private const string JwksPath = "/.well-known/jwks";
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly OidcSigningKey _key = new();
    private readonly RequestLog<OidcRequestRecord> _log = new();
    private readonly GitHubClaims _claims;
    private LoopbackHttpServer? _server;

    private OidcStandIn(OidcStandInOptions options)
    {
        Issuer = options.Issuer;
        RequestToken = options.RequestToken ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _claims = new GitHubClaims(options.Issuer);
    }

    /// <summary>Base address of the server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint => Server.BaseAddress;

    /// <summary>Value for ACTIONS_ID_TOKEN_REQUEST_URL; like the runner's, it already has a query string.</summary>
    public string RequestUrl => new Uri(Endpoint, TokenPath).AbsoluteUri + "?api-version=2.0";

    /// <summary>Value for ACTIONS_ID_TOKEN_REQUEST_TOKEN, random per instance unless set in the options.</summary>
    public string RequestToken { get; }

    /// <summary>The <c>iss</c> claim of issued tokens.</summary>
    public string Issuer { get; }

    /// <summary>The <c>kid</c> header of issued tokens.</summary>
    public string KeyId => _key.KeyId;

    /// <summary>The public key set, as served at /.well-known/jwks.</summary>
    public string JwksJson => _key.ToJwks().ToJsonString();

    public OidcBehavior Behavior { get; } = new();

    /// <summary>Snapshot of the token-endpoint requests so far.</summary>
    public IReadOnlyList<OidcRequestRecord> Requests => _log.Snapshot();

    private LoopbackHttpServer Server => _server ?? throw new InvalidOperationException("The stand-in has not started.");

    public static async Task<OidcStandIn> StartAsync(OidcStandInOptions? options = null, CancellationToken ct = default)
    {
        var standIn = new OidcStandIn(options ?? new OidcStandInOptions());
        standIn._server = await LoopbackHttpServer.StartAsync(standIn.HandleAsync, ct).ConfigureAwait(false);
        return standIn;
    }

    public void ClearRequests() => _log.Clear();

    /// <summary>
    /// Issues a token with the current behaviour without an HTTP round trip (no faults, no log entry),
    /// e.g. to write a web-identity token file.
    /// </summary>
    public string IssueToken(string? audience = null)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = _key.KeyId, ["x5t"] = _key.KeyId };
        return Jwt.SignRs256(header, _claims.Build(Behavior.Snapshot(), audience, DateTimeOffset.UtcNow), _key.Rsa);
    }

    /// <summary>
    /// Checks that <paramref name="jwt"/> was signed by this stand-in (RS256, its <c>kid</c>) and carries its issuer.
    /// Time and audience are the relying party's business and are not checked here.
    /// Claims that are not strings come back as their JSON text.
    /// </summary>
    public bool TryValidate(string jwt, out IReadOnlyDictionary<string, string> claims, out string error)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        claims = new Dictionary<string, string>();
        if (!Jwt.TryDecode(jwt, out var decoded))
        {
            error = "The token is not a well-formed JWT.";
            return false;
        }

        if (decoded.Algorithm != "RS256" || decoded.KeyId != _key.KeyId)
        {
            error = $"The token was not signed with this stand-in's key (alg '{decoded.Algorithm}', kid '{decoded.KeyId}').";
            return false;
        }

        if (!decoded.VerifyRs256(_key.Rsa))
        {
            error = "The token signature is invalid.";
            return false;
        }

        if (decoded.Claim("iss") != Issuer)
        {
            error = $"The token issuer '{decoded.Claim("iss")}' is not '{Issuer}'.";
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in decoded.Payload.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : property.Value.GetRawText();
        }

        claims = values;
        error = string.Empty;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _key.Dispose();
    }

    private Task HandleAsync(HttpContext context) => context.Request.Path.Value switch
    {
        TokenPath => HandleTokenRequestAsync(context),
        DiscoveryPath => WriteJsonAsync(context, 200, DiscoveryDocument()),
        JwksPath => WriteJsonAsync(context, 200, _key.ToJwks()),
        _ => WriteJsonAsync(context, 404, Message("Not found.")),
    };

    private async Task HandleTokenRequestAsync(HttpContext context)
    {
        var request = context.Request;
        var audience = request.Query.TryGetValue("audience", out var values) ? values.ToString() : null;
        var bearerAccepted = HasExpectedBearer(request);

        void Log(int status, OidcFault? fault) =>
            _log.Add(new OidcRequestRecord(DateTimeOffset.UtcNow, request.Path + request.QueryString, audience, bearerAccepted, status, fault));

        // Faults come first, like an outage in front of the real service.
        if (Behavior.Faults.TryTake(_ => true, out var fault))
        {
            switch (fault.Kind)
            {
                case OidcFaultKind.Delay:
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                    break;
                case OidcFaultKind.DropConnection:
                    Log(0, fault);
                    context.Abort();
                    return;
                case OidcFaultKind.HttpStatus:
                    Log(fault.StatusCode, fault);
                    await WriteJsonAsync(context, fault.StatusCode, Message($"Injected failure with HTTP {fault.StatusCode}.")).ConfigureAwait(false);
                    return;
                case OidcFaultKind.MissingValue:
                    Log(200, fault);
                    await WriteJsonAsync(context, 200, new JsonObject { ["count"] = 0 }).ConfigureAwait(false);
                    return;
                case OidcFaultKind.Redirect:
                    Log(fault.StatusCode, fault);
                    await HostileAnswers.RedirectAsync(context, fault.StatusCode, fault.Location!).ConfigureAwait(false);
                    return;
            }
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            Log(405, null);
            await WriteJsonAsync(context, 405, Message("The token endpoint only answers GET.")).ConfigureAwait(false);
            return;
        }

        if (!bearerAccepted)
        {
            Log(401, null);
            await WriteJsonAsync(context, 401, Message("Unauthorized: the bearer token is missing or not valid for this job.")).ConfigureAwait(false);
            return;
        }

        var token = IssueToken(audience);
        Log(200, fault);
        var answer = new JsonObject { ["count"] = token.Length, ["value"] = token };
        switch (fault?.Kind)
        {
            case OidcFaultKind.DripBody:
                await HostileAnswers.DripAsync(context, 200, JsonContentType, Encoding.UTF8.GetBytes(answer.ToJsonString()), fault.Delay).ConfigureAwait(false);
                return;
            case OidcFaultKind.Oversized:
                answer["padding"] = new string('x', Math.Max(0, fault.Size - answer.ToJsonString().Length - ",\"padding\":\"\"".Length));
                break;
        }

        await WriteJsonAsync(context, 200, answer).ConfigureAwait(false);
    }

    private bool HasExpectedBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()),
                Encoding.UTF8.GetBytes(RequestToken));
    }

    private JsonObject DiscoveryDocument() => new()
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = new Uri(Endpoint, JwksPath).AbsoluteUri,
        ["subject_types_supported"] = new JsonArray("public", "pairwise"),
        ["response_types_supported"] = new JsonArray("id_token"),
        ["claims_supported"] = new JsonArray("sub", "aud", "exp", "iat", "iss", "jti", "nbf", "ref", "repository", "repository_owner", "environment", "job_workflow_ref", "event_name", "actor", "workflow"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["scopes_supported"] = new JsonArray("openid"),
    };

    private static JsonObject Message(string message) => new() { ["message"] = message };

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
