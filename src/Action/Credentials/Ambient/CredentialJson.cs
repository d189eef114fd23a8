using System.Text.Json;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Ambient;

/// <summary>Reads the JSON credential documents of the container endpoint and the instance metadata service.</summary>
internal static class CredentialJson
{
    public static AmbientCredentials? Parse(string json, ISecretMasker masker, string provider)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var keyId = Read(root, "AccessKeyId");
            var secret = Read(root, "SecretAccessKey");
            if (keyId.Length == 0 || secret.Length == 0)
            {
                return null;
            }

            return AmbientCredentials.Create(keyId, secret, Read(root, "Token"), provider, masker);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
