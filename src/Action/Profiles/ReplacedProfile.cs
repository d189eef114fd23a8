using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cac.Action.FileSystem;

namespace Cac.Action.Profiles;

/// <summary>
/// The sections an <c>overwrite-aws-profile</c> write replaced, kept for the post step to put back. They hold
/// the user's own keys, so they never go into GITHUB_STATE (whose values the runner's logs can show): they are
/// written to a file of mode 0600 under RUNNER_TEMP, and the state names only that file. A <c>null</c>
/// section means the file had none, and the post step removes the one this run wrote. See docs/file-safety.md.
/// </summary>
public sealed record ReplacedProfile(string ProfileName, string? CredentialsSection, string? ConfigSection)
{
    /// <summary>Every kept file's name starts with this, so the post step touches no other file a doctored state names.</summary>
    public const string FilePrefix = "cac-replaced-profile-";

    /// <summary>The most read back; profile files themselves are limited to 1 MiB.</summary>
    private const int MaxBytes = 2 * SafeFiles.MaxProfileFileBytes + 4096;

    /// <summary>Writes the kept sections to a new file in <paramref name="directory"/>; returns its path.</summary>
    public string Save(string directory)
    {
        var path = Path.Combine(Path.GetFullPath(directory), FilePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + ".json");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("profile", ProfileName);
            writer.WriteString("credentials", CredentialsSection);
            writer.WriteString("config", ConfigSection);
            writer.WriteEndObject();
        }

        SafeFiles.WriteAtomically(path, Encoding.UTF8.GetString(buffer.ToArray()));
        return path;
    }

    /// <summary>
    /// Reads a kept file back, or <c>null</c> when <paramref name="path"/> is not one of ours in
    /// <paramref name="directory"/> or is gone. Throws <see cref="IOException"/> for a file that cannot be read.
    /// </summary>
    public static ReplacedProfile? Load(string path, string directory)
    {
        var full = Path.GetFullPath(path);
        if (!string.Equals(Path.GetDirectoryName(full), Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
            || !Path.GetFileName(full).StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var text = SafeFileReader.ReadAllText(full, MaxBytes, followLinks: false);
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return new ReplacedProfile(Read(root, "profile") ?? string.Empty, Read(root, "credentials"), Read(root, "config"));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw new IOException(full + " is not a profile this action kept", exception);
        }
    }

    private static string? Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
