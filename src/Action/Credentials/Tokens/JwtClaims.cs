using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text.Json;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Tokens;

/// <summary>
/// Reads the claims of a JWT without verifying it, to explain a rejected token (which repository, ref,
/// audience...). The signature is never looked at or returned.
/// </summary>
public static class JwtClaims
{
    /// <summary>
    /// Decodes the payload of <paramref name="jwt"/> into claim name → value. String claims map to their
    /// text; any other claim (numbers, booleans, arrays such as a multi-valued <c>aud</c>) to its JSON text.
    /// Returns an empty dictionary for anything that is not a three-part JWT with a JSON-object payload.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Decode(string? jwt)
    {
        return DecodePayload(jwt);
    }

    /// <summary>
    /// As <see cref="Decode(string?)"/>, for a token held as a <see cref="Secret"/>. What it returns is the
    /// payload, which anyone holding the token can read and which says who asked for it (repository, ref,
    /// audience); the secret part of a JWT is the whole token as a bearer credential, and its signature,
    /// neither of which is returned. This is the one place the token is revealed to explain a rejection.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Decode(Secret token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return DecodePayload(token.Reveal());
    }

    private static Dictionary<string, string> DecodePayload(string? jwt)
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(jwt))
        {
            return claims;
        }

        var firstDot = jwt.IndexOf('.', StringComparison.Ordinal);
        var lastDot = jwt.LastIndexOf('.');
        if (firstDot < 0 || lastDot == firstDot || jwt.IndexOf('.', firstDot + 1) != lastDot)
        {
            return claims;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(jwt.AsSpan(firstDot + 1, lastDot - firstDot - 1));
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return claims;
            }

            foreach (var claim in document.RootElement.EnumerateObject())
            {
                claims[claim.Name] = claim.Value.ValueKind == JsonValueKind.String
                    ? claim.Value.GetString() ?? string.Empty
                    : claim.Value.GetRawText();
            }

            return claims;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
