using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cac.Emulators.Hosting;

namespace Cac.Emulators.Oidc;

/// <summary>An RSA key generated per stand-in (no key files in the repository) and its public JWK.</summary>
internal sealed class OidcSigningKey : IDisposable
{
    public OidcSigningKey()
    {
        Rsa = RSA.Create(2048);
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        Modulus = RandomIds.Base64Url(parameters.Modulus!);
        Exponent = RandomIds.Base64Url(parameters.Exponent!);
        // RFC 7638 thumbprint: unique per key, and what a relying party would use to pick the key.
        var canonicalJwk = $$"""{"e":"{{Exponent}}","kty":"RSA","n":"{{Modulus}}"}""";
        KeyId = RandomIds.Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJwk)));
    }

    public RSA Rsa { get; }

    public string KeyId { get; }

    private string Modulus { get; }

    private string Exponent { get; }

    public JsonObject ToJwks() => new()
    {
        ["keys"] = new JsonArray(new JsonObject
        {
            ["kty"] = "RSA",
            ["alg"] = "RS256",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Modulus,
            ["e"] = Exponent,
        }),
    };

    public void Dispose() => Rsa.Dispose();
}
