using System;
using System.Globalization;
using System.Text.Json;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// Reads the JSON credential documents of the container endpoint, the instance metadata service and a
/// <c>credential_process</c>: the keys, and an <c>Expiration</c> that must lie in the future (the SDKs
/// refuse expired credentials rather than hand them to a call that would fail with a vaguer message).
/// </summary>
internal static class CredentialJson
{
    /// <summary>The most of a server's own error text quoted in a decline reason.</summary>
    private const int MaxQuotedLength = 200;

    public static AmbientResult Parse(string json, ISecretMasker masker, string provider, DateTimeOffset now, string tokenName = "Token")
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return AmbientResult.Declined("the answer is not a JSON object");
            }

            var keyId = Read(root, "AccessKeyId");
            var secret = Read(root, "SecretAccessKey");
            if (keyId.Length == 0 || secret.Length == 0)
            {
                return AmbientResult.Declined("the answer holds no AccessKeyId and SecretAccessKey" + ErrorDetail(root));
            }

            // Masked before the expiry check, so a refusal cannot leave them unmasked anywhere.
            var credentials = AmbientCredentials.Create(keyId, secret, Read(root, tokenName), provider, masker);
            var expiration = Read(root, "Expiration");
            if (expiration.Length > 0)
            {
                if (!DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
                {
                    return AmbientResult.Declined("Expiration '" + Quote(expiration) + "' is not a date");
                }

                if (expires <= now)
                {
                    return AmbientResult.Declined("the credentials expired at " + expires.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                }
            }

            return AmbientResult.Found(credentials);
        }
        catch (JsonException)
        {
            return AmbientResult.Declined("the answer is not JSON");
        }
    }

    /// <summary>" (Code: Message)" of an error document, as the JavaScript SDK reports it, or nothing.</summary>
    public static string ErrorDetail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? ErrorDetail(document.RootElement) : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string ErrorDetail(JsonElement root)
    {
        var code = Read(root, "Code");
        var message = Read(root, "Message");
        return code.Length + message.Length == 0 ? string.Empty
            : " (" + Quote(code + (code.Length > 0 && message.Length > 0 ? ": " : string.Empty) + message) + ")";
    }

    public static string Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    /// <summary>Text from the server, cut short and without line breaks, for a debug line.</summary>
    public static string Quote(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= MaxQuotedLength ? flat : flat[..MaxQuotedLength] + "...";
    }
}
