using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.FileSystem;
using Cac.Action.Profiles;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// An SSO profile (<c>sso_session</c> with its <c>[sso-session]</c> section, or the legacy <c>sso_start_url</c>
/// and <c>sso_region</c> in the profile): the access token the AWS CLI cached in <c>~/.aws/sso/cache</c> after
/// <c>aws sso login</c> is exchanged for the role's credentials with the portal's GetRoleCredentials. Our own
/// code, not AWSSDK.SSO: that is one unsigned GET, and the SDK's client and its SSO token provider would add
/// to the binary and read the cache and the environment their own way (see docs/ambient-credentials.md).
/// An expired token is not refreshed: the run says to log in again.
/// </summary>
public sealed class SsoRoleCredentials
{
    /// <summary>The most read from a cached token file.</summary>
    public const int MaxCacheFileBytes = 64 * 1024;

    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly HttpClient httpClient;
    private readonly TimeProvider time;

    public SsoRoleCredentials(IActionEnvironment environment, ISecretMasker masker, HttpClient httpClient, TimeProvider time)
    {
        this.environment = environment;
        this.masker = masker;
        this.httpClient = httpClient;
        this.time = time;
    }

    public static bool IsSsoProfile(IReadOnlyDictionary<string, string> profile) =>
        profile.ContainsKey("sso_session") || profile.ContainsKey("sso_start_url");

    /// <summary>The lower-case hex SHA-1 of the session name or start URL, plus <c>.json</c>, as the CLI names the file.</summary>
    public static string CacheFileName(string cacheKey) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(cacheKey))) + ".json";

    public async Task<AmbientCredentials> ResolveAsync(string profileName, IReadOnlyDictionary<string, string> profile, SharedProfiles files, string provider, CancellationToken cancellationToken)
    {
        var (startUrl, region, cacheKey, login) = Describe(profileName, profile, files);
        var accountId = Required(profile, "sso_account_id");
        var roleName = Required(profile, "sso_role_name");
        var token = ReadCachedToken(cacheKey, startUrl, login);

        var endpoint = EndpointFor(region);
        var url = endpoint.TrimEnd('/') + "/federation/credentials?role_name=" + Uri.EscapeDataString(roleName) + "&account_id=" + Uri.EscapeDataString(accountId);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("x-amz-sso_bearer_token", token.Reveal());
        string body;
        HttpStatusCode status;
        string? errorType;
        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? string.Join(",", types).Split(':')[0] : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ProfileProblem("the SSO portal " + endpoint + " could not be reached: " + exception.Message);
        }

        if (status != HttpStatusCode.OK)
        {
            var detail = " (HTTP " + (int)status + (errorType is null ? string.Empty : " " + CredentialJson.Quote(errorType)) + ErrorMessage(body) + ")";
            throw new ProfileProblem(status switch
            {
                HttpStatusCode.Unauthorized => "the SSO portal refused the cached token" + detail + ": run `" + login + "`",
                HttpStatusCode.Forbidden => "the SSO user has no access to role '" + roleName + "' in account " + accountId + detail,
                _ => "GetRoleCredentials failed" + detail,
            });
        }

        return ParseRoleCredentials(body, provider);
    }

    private (string StartUrl, string Region, string CacheKey, string Login) Describe(string profileName, IReadOnlyDictionary<string, string> profile, SharedProfiles files)
    {
        if (!profile.TryGetValue("sso_session", out var sessionName))
        {
            var legacyUrl = Required(profile, "sso_start_url");
            return (legacyUrl, Required(profile, "sso_region"), legacyUrl, "aws sso login --profile " + profileName);
        }

        var session = files.SsoSession(sessionName)
            ?? throw new ProfileProblem("sso_session '" + sessionName + "' has no [sso-session " + sessionName + "] section in " + files.Paths.ConfigPath);
        var startUrl = session.TryGetValue("sso_start_url", out var url) ? url : throw new ProfileProblem("[sso-session " + sessionName + "] has no sso_start_url");
        var region = session.TryGetValue("sso_region", out var value) ? value : throw new ProfileProblem("[sso-session " + sessionName + "] has no sso_region");
        foreach (var (key, sessionValue) in new[] { ("sso_start_url", startUrl), ("sso_region", region) })
        {
            // The SDKs refuse a profile that contradicts its session rather than guess which one is meant.
            if (profile.TryGetValue(key, out var own) && own != sessionValue)
            {
                throw new ProfileProblem(key + " '" + own + "' contradicts '" + sessionValue + "' of [sso-session " + sessionName + "]");
            }
        }

        return (startUrl, region, sessionName, "aws sso login --sso-session " + sessionName);
    }

    private Secret ReadCachedToken(string cacheKey, string startUrl, string login)
    {
        var path = Path.Combine(ProfilePaths.Home(environment), ".aws", "sso", "cache", CacheFileName(cacheKey));
        string? text;
        try
        {
            text = SafeFileReader.ReadAllText(path, MaxCacheFileBytes, followLinks: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ProfileProblem("the SSO token cache could not be read: " + exception.Message);
        }

        if (text is null)
        {
            throw new ProfileProblem("no SSO login for " + startUrl + " is cached (" + path + "): run `" + login + "` on the runner");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var accessToken = root.ValueKind == JsonValueKind.Object ? CredentialJson.Read(root, "accessToken") : string.Empty;
            var token = Secret.Create(accessToken, masker);
            if (token.IsEmpty)
            {
                throw new ProfileProblem("the cached SSO token " + path + " holds no accessToken: run `" + login + "`");
            }

            var expiresAt = ParseTimestamp(CredentialJson.Read(root, "expiresAt"))
                ?? throw new ProfileProblem("the cached SSO token " + path + " has no valid expiresAt: run `" + login + "`");
            if (expiresAt <= time.GetUtcNow())
            {
                throw new ProfileProblem("the cached SSO token for " + startUrl + " expired at " +
                    expiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + ": run `" + login + "` on the runner");
            }

            return token;
        }
        catch (JsonException)
        {
            throw new ProfileProblem("the cached SSO token " + path + " is not JSON: run `" + login + "`");
        }
    }

    /// <summary><c>...Z</c> (today's CLI), <c>...UTC</c> (CLI before 2.1.14) or an offset such as <c>+00:00</c>.</summary>
    public static DateTimeOffset? ParseTimestamp(string value)
    {
        if (value.EndsWith("UTC", StringComparison.Ordinal))
        {
            value = value[..^3] + "Z";
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;
    }

    private string EndpointFor(string region)
    {
        var configured = environment.GetVariable("AWS_ENDPOINT_URL_SSO");
        if (string.IsNullOrEmpty(configured))
        {
            configured = environment.GetVariable("AWS_ENDPOINT_URL");
        }

        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        foreach (var c in region)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                throw new ProfileProblem("sso_region '" + region + "' is not a region name");
            }
        }

        return "https://portal.sso." + region + ".amazonaws.com";
    }

    private AmbientCredentials ParseRoleCredentials(string body, string provider)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("roleCredentials", out var role) && role.ValueKind == JsonValueKind.Object)
            {
                var keyId = CredentialJson.Read(role, "accessKeyId");
                var secret = CredentialJson.Read(role, "secretAccessKey");
                if (keyId.Length > 0 && secret.Length > 0)
                {
                    return AmbientCredentials.Create(keyId, secret, CredentialJson.Read(role, "sessionToken"), provider, masker);
                }
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        throw new ProfileProblem("the SSO portal's answer holds no role credentials");
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var message = document.RootElement.ValueKind == JsonValueKind.Object ? CredentialJson.Read(document.RootElement, "message") : string.Empty;
            return message.Length > 0 ? ": " + CredentialJson.Quote(message) : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string Required(IReadOnlyDictionary<string, string> profile, string key) =>
        profile.TryGetValue(key, out var value) ? value : throw new ProfileProblem("the SSO profile has no " + key);
}
