using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cac.Emulators;

/// <summary>How a cache file writes its times; the AWS CLI changed it over the years, and SDKs must read all three.</summary>
public enum SsoTimestampStyle
{
    /// <summary>2024-01-01T00:00:00Z, what the AWS CLI v2 writes today.</summary>
    Zulu,

    /// <summary>2024-01-01T00:00:00UTC, what AWS CLI v2 releases before 2.1.14 wrote.</summary>
    UtcSuffix,

    /// <summary>2024-01-01T00:00:00+00:00, seen from other tools that write the cache.</summary>
    Offset,
}

/// <summary>
/// Writes the AWS CLI's SSO token cache exactly as the CLI names and shapes it (see docs/credential-stand-ins.md):
/// ~/.aws/sso/cache/&lt;hex SHA-1 of the UTF-8 session name, or of the start URL for a legacy profile&gt;.json,
/// one line of JSON in the CLI's key order and Python's spacing, mode 0600.
/// </summary>
public static class SsoTokenCache
{
    public static string Directory(string home) => Path.Combine(home, ".aws", "sso", "cache");

    /// <summary>The cache file name for a session name (sso_session) or a start URL (legacy sso_start_url).</summary>
    public static string FileName(string cacheKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheKey);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(cacheKey))) + ".json";
    }

    /// <summary>Writes <paramref name="token"/> under <paramref name="home"/> and returns the file's path.</summary>
    public static string Write(string home, SsoCachedToken token, SsoTimestampStyle style = SsoTimestampStyle.Zulu)
    {
        ArgumentNullException.ThrowIfNull(token);
        var directory = System.IO.Directory.CreateDirectory(Directory(home)).FullName;
        var path = Path.Combine(directory, FileName(token.CacheKey));
        Hosting.PrivateFile.Write(path, Encoding.UTF8.GetBytes(Serialize(token, style)));
        return path;
    }

    /// <summary>The file's text: the CLI's key order, <c>json.dumps</c>' ", " and ": " separators, no line break at the end.</summary>
    public static string Serialize(SsoCachedToken token, SsoTimestampStyle style = SsoTimestampStyle.Zulu)
    {
        ArgumentNullException.ThrowIfNull(token);
        var members = new List<(string Name, string Value)>
        {
            ("startUrl", token.StartUrl),
            ("region", token.Region),
            ("accessToken", token.AccessToken),
            ("expiresAt", Timestamp(token.ExpiresAt, style)),
        };
        if (token.ReceivedAt is { } received)
        {
            members.Add(("receivedAt", Timestamp(received, style)));
        }

        if (token.ClientId is not null)
        {
            members.Add(("clientId", token.ClientId));
            members.Add(("clientSecret", token.ClientSecret ?? string.Empty));
            members.Add(("registrationExpiresAt", Timestamp(token.RegistrationExpiresAt ?? token.ExpiresAt, style)));
        }

        if (token.RefreshToken is not null)
        {
            members.Add(("refreshToken", token.RefreshToken));
        }

        var text = new StringBuilder("{");
        for (var i = 0; i < members.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ")
                .Append('"').Append(members[i].Name).Append("\": \"")
                .Append(JsonEncodedText.Encode(members[i].Value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value)
                .Append('"');
        }

        return text.Append('}').ToString();
    }

    public static string Timestamp(DateTimeOffset time, SsoTimestampStyle style) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + style switch
        {
            SsoTimestampStyle.UtcSuffix => "UTC",
            SsoTimestampStyle.Offset => "+00:00",
            _ => "Z",
        };
}
