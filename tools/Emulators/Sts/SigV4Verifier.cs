using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cac.Emulators.Sts;

/// <summary>
/// Verifies AWS Signature Version 4 (Authorization header form) the way AWS does: it rebuilds the canonical
/// request and string to sign from what arrived, derives the signing key from the secret it knows for the
/// access key, and compares signatures.
/// </summary>
internal static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>The Credential's access key ID, or null when the request carries no SigV4 Authorization header.</summary>
    public static string? SigningAccessKeyId(HttpRequest request) =>
        ParseAuthorization(request.Headers.Authorization.ToString()) is { } auth ? auth.Credential.Split('/')[0] : null;

    /// <summary>Returns the verified caller or throws the error STS would send.</summary>
    public static KnownAccessKey Verify(HttpRequest request, byte[] body, StsBehavior behavior, DateTimeOffset now)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            throw StsErrors.MissingAuthenticationToken();
        }

        var auth = ParseAuthorization(header)
            ?? throw StsErrors.IncompleteSignature($"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters and the {Algorithm} algorithm. Authorization={header}");

        var scope = auth.Credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            throw StsErrors.IncompleteSignature($"Credential should be scoped to a valid region, not '{auth.Credential}'.");
        }

        var (accessKeyId, date, region, service) = (scope[0], scope[1], scope[2], scope[3]);
        var key = behavior.FindAccessKey(accessKeyId) ?? throw StsErrors.InvalidClientTokenId();
        CheckSessionToken(request, key, now);

        if (service != "sts")
        {
            throw StsErrors.SignatureDoesNotMatch($"Credential should be scoped to correct service: 'sts'.");
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw StsErrors.IncompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (!amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            throw StsErrors.SignatureDoesNotMatch($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{date}' != '{amzDate[..8]}', from '{amzDate}'.");
        }

        if ((now - signedAt).Duration() > AllowedClockSkew)
        {
            throw StsErrors.SignatureDoesNotMatch($"Signature expired: {amzDate} is now earlier than {(now - AllowedClockSkew).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.");
        }

        var canonicalRequest = CanonicalRequest(request, body, auth.SignedHeaders);
        var stringToSign = string.Join('\n', Algorithm, amzDate, $"{date}/{region}/{service}/aws4_request", HexSha256(Encoding.UTF8.GetBytes(canonicalRequest)));
        var expected = Convert.ToHexStringLower(HmacSha256(SigningKey(key.SecretAccessKey, date, region, service), stringToSign));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature.ToLowerInvariant())))
        {
            throw StsErrors.SignatureDoesNotMatch();
        }

        return key;
    }

    private static void CheckSessionToken(HttpRequest request, KnownAccessKey key, DateTimeOffset now)
    {
        var sent = request.Headers["X-Amz-Security-Token"].ToString();
        if (key.IsSession)
        {
            if (!string.Equals(sent, key.SessionToken, StringComparison.Ordinal))
            {
                throw StsErrors.InvalidClientTokenId();
            }

            if (key.Expiration <= now)
            {
                throw StsErrors.ExpiredSessionToken();
            }
        }
        else if (sent.Length > 0)
        {
            // A long-lived key never comes with a session token.
            throw StsErrors.InvalidClientTokenId();
        }
    }

    private static string CanonicalRequest(HttpRequest request, byte[] body, IReadOnlyList<string> signedHeaders)
    {
        var headerLines = signedHeaders.Select(name => name + ":" + CanonicalHeaderValue(request.Headers[name]) + "\n");
        return string.Join(
            '\n',
            request.Method.ToUpperInvariant(),
            CanonicalUri(request),
            CanonicalQuery(request.QueryString.Value),
            string.Concat(headerLines),
            string.Join(';', signedHeaders),
            HexSha256(body));
    }

    private static string CanonicalUri(HttpRequest request)
    {
        // The raw target, as the client encoded it; non-S3 services encode each segment once more.
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var rawPath = rawTarget.Split('?', 2)[0];
        if (rawPath.Length == 0)
        {
            return "/";
        }

        return string.Join('/', rawPath.Split('/').Select(segment => UriEncode(UriEncode(Uri.UnescapeDataString(segment)))));
    }

    private static string CanonicalQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        var pairs = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Key: UriEncode(Uri.UnescapeDataString(parts[0])), Value: UriEncode(Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty))))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => pair.Key + "=" + pair.Value));
    }

    private static string CanonicalHeaderValue(IEnumerable<string?> values) =>
        string.Join(',', values.Select(value => string.Join(' ', (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    /// <summary>RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else %XX of UTF-8.</summary>
    private static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HmacSha256(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = HmacSha256(key, region);
        key = HmacSha256(key, service);
        return HmacSha256(key, "aws4_request");
    }

    private static byte[] HmacSha256(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string HexSha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static AuthorizationHeader? ParseAuthorization(string header)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = header[Algorithm.Length..]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(part => part.Length == 2)
            .ToDictionary(part => part[0], part => part[1], StringComparer.Ordinal);

        return fields.TryGetValue("Credential", out var credential)
            && fields.TryGetValue("SignedHeaders", out var signedHeaders)
            && fields.TryGetValue("Signature", out var signature)
            ? new AuthorizationHeader(credential, signedHeaders.Split(';'), signature)
            : null;
    }

    private sealed record AuthorizationHeader(string Credential, IReadOnlyList<string> SignedHeaders, string Signature);
}
