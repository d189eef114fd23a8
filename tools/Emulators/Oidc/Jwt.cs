using System;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cac.Emulators.Hosting;

namespace Cac.Emulators.Oidc;

/// <summary>A compact JWS split into its parts; the signature is not checked by decoding.</summary>
internal sealed class DecodedJwt
{
    public DecodedJwt(JsonElement header, JsonElement payload, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        SigningInput = signingInput;
        Signature = signature;
    }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    public byte[] SigningInput { get; }

    public byte[] Signature { get; }

    public string? KeyId => StringProperty(Header, "kid");

    public string? Algorithm => StringProperty(Header, "alg");

    public string? Claim(string name) => StringProperty(Payload, name);

    public long? NumericClaim(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    public bool VerifyRs256(RSA key) =>
        key.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>Just enough JWT (RS256 compact serialisation) for a token issuer and its relying party.</summary>
internal static class Jwt
{
    public static string SignRs256(JsonObject header, JsonObject payload, RSA key)
    {
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + RandomIds.Base64Url(signature);
    }

    public static bool TryDecode(string token, [NotNullWhen(true)] out DecodedJwt? jwt)
    {
        jwt = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64UrlDecode(parts[0]));
            using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            jwt = new DecodedJwt(
                header.RootElement.Clone(),
                payload.RootElement.Clone(),
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
                Base64UrlDecode(parts[2]));
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private static string Encode(JsonObject json) => RandomIds.Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static byte[] Base64UrlDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch
        {
            2 => "==",
            3 => "=",
            0 => string.Empty,
            _ => throw new FormatException("Invalid base64url length."),
        };
        return Convert.FromBase64String(base64);
    }
}
