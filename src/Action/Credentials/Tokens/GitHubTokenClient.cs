using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Net;
using Cac.Action.Runner;

namespace Cac.Action.Credentials.Tokens;

/// <summary>
/// Fetches the job's OIDC ID token from the runner's token service, as <c>@actions/core</c>'s
/// <c>getIDToken</c> does (same variables, headers and error texts). One HTTP attempt per call through a
/// <see cref="GuardedHandler"/>: a redirect is refused (it would hand the request token to another host),
/// the answer must arrive, body included, within the request timeout, and must fit 1 MiB. Retries belong
/// to the caller, guided by <see cref="GitHubTokenException.IsTransient"/>.
/// </summary>
public sealed class GitHubTokenClient : IGitHubTokenClient, IDisposable
{
    /// <summary>The overall time one request may take unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    private const string UrlVariable = "ACTIONS_ID_TOKEN_REQUEST_URL";
    private const string RequestTokenVariable = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
    private const string OrchestrationIdVariable = "ACTIONS_ORCHESTRATION_ID";
    private const string UserAgent = "actions/oidc-client";

    private readonly HttpClient httpClient;
    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a client.</summary>
    /// <param name="handler">Sends the request; owns connect timeout and proxy, and must not follow redirects. Not disposed by this client.</param>
    /// <param name="environment">Where the <c>ACTIONS_ID_TOKEN_REQUEST_*</c> variables are read.</param>
    /// <param name="masker">Masks the ID token before it is returned.</param>
    /// <param name="timeProvider">Stamps the token and runs the request timeout.</param>
    /// <param name="requestTimeout">The overall time one request may take; defaults to <see cref="DefaultRequestTimeout"/>.</param>
    public GitHubTokenClient(
        HttpMessageHandler handler,
        IActionEnvironment environment,
        ISecretMasker masker,
        TimeProvider timeProvider,
        TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(masker);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var timeout = requestTimeout ?? DefaultRequestTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(requestTimeout));

        // The timeout is the guard's (on the injected TimeProvider), not HttpClient's, so it covers the
        // body too and can be told apart from the caller's cancellation.
        var guard = new GuardedHandler(handler, new ResponseLimits(timeout, ResponseLimits.DefaultMaxResponseBytes), timeProvider);
        httpClient = new HttpClient(guard, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        this.environment = environment;
        this.masker = masker;
        this.timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<GitHubIdToken> GetIdTokenAsync(string audience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audience);

        var baseUrl = environment.GetVariable(UrlVariable);
        if (string.IsNullOrEmpty(baseUrl))
        {
            throw new GitHubTokenException("Unable to get " + UrlVariable + " env variable", isTransient: false);
        }

        var requestTokenValue = environment.GetVariable(RequestTokenVariable);
        if (string.IsNullOrEmpty(requestTokenValue))
        {
            throw new GitHubTokenException("Unable to get " + RequestTokenVariable + " env variable", isTransient: false);
        }

        // It lets anyone who holds it mint ID tokens for this job: masked like the tokens it buys.
        var requestToken = Secret.Create(requestTokenValue, masker);

        var url = AddAudience(baseUrl, audience);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new GitHubTokenException(UrlVariable + " is not an absolute http(s) URL: " + baseUrl, isTransient: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + requestToken.Reveal());
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", BuildUserAgent(environment.GetVariable(OrchestrationIdVariable)));

        HttpStatusCode status;
        string body;
        TimeSpan? retryAfter;
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            retryAfter = RetryAfterValue.Of(response.Headers.RetryAfter, timeProvider.GetUtcNow());
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestTimeoutException e)
        {
            var seconds = e.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new GitHubTokenException("Failed to get ID Token: the request timed out after " + seconds + " seconds", isTransient: true, innerException: e);
        }
        catch (RefusedAnswerException e)
        {
            throw new GitHubTokenException("Failed to get ID Token: " + e.Message, isTransient: false, innerException: e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
        {
            // A server or proxy that echoes the request back must not put the request token in our log.
            throw new GitHubTokenException(
                "Failed to get ID Token: " + e.Message.Replace(requestToken.Reveal(), SecretRedactor.Replacement, StringComparison.Ordinal), isTransient: true, innerException: e);
        }

        var code = (int)status;
        if (code > 299)
        {
            var message = ErrorMessage(body, code).Replace(requestToken.Reveal(), SecretRedactor.Replacement, StringComparison.Ordinal);
            throw new GitHubTokenException(
                "Failed to get ID Token. \n \n        Error Code : " + code.ToString(CultureInfo.InvariantCulture) +
                "\n \n        Error Message: " + message,
                IsTransientStatus(code),
                status,
                retryAfter: retryAfter);
        }

        var idToken = ReadStringProperty(body, "value");
        if (string.IsNullOrEmpty(idToken))
        {
            throw new GitHubTokenException("Response json body do not have ID Token field", isTransient: false, status);
        }

        return new GitHubIdToken(Secret.Create(idToken, masker), timeProvider.GetUtcNow());
    }

    /// <inheritdoc />
    public void Dispose() => httpClient.Dispose();

    private static string AddAudience(string baseUrl, string audience)
    {
        if (audience.Length == 0)
        {
            return baseUrl;
        }

        // The runner's URL always has a query string (the toolkit blindly appends '&'); '?' covers a
        // hand-made URL without one.
        var separator = baseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return baseUrl + separator + "audience=" + Uri.EscapeDataString(audience);
    }

    private static string BuildUserAgent(string? orchestrationId)
    {
        if (string.IsNullOrEmpty(orchestrationId))
        {
            return UserAgent;
        }

        var sanitized = string.Create(orchestrationId.Length, orchestrationId, static (chars, id) =>
        {
            for (var i = 0; i < id.Length; i++)
            {
                var c = id[i];
                chars[i] = char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_';
            }
        });
        return UserAgent + " actions_orchestration_id/" + sanitized;
    }

    private static bool IsTransientStatus(int code) => code is 408 or 429 || code >= 500;

    private static string ErrorMessage(string body, int code)
    {
        var fromJson = ReadStringProperty(body, "message");
        if (!string.IsNullOrEmpty(fromJson))
        {
            return fromJson;
        }

        return body.Length > 0 ? body : "Failed request: (" + code.ToString(CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>The string property <paramref name="name"/> of a JSON object body, or <c>null</c> for anything else.</summary>
    private static string? ReadStringProperty(string body, string name)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty(name, out var property) &&
                   property.ValueKind == JsonValueKind.String
                ? property.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
