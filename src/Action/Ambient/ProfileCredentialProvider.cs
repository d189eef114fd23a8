using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;

namespace Cac.Action.Ambient;

/// <summary>
/// Static keys of the profile named by AWS_PROFILE (or <c>default</c>) in the shared credentials file, then
/// in the config file. Profiles that need a process, SSO or a source profile are not resolved here.
/// </summary>
public sealed class ProfileCredentialProvider : IAmbientCredentialProvider
{
    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;

    public ProfileCredentialProvider(IActionEnvironment environment, ISecretMasker masker)
    {
        this.environment = environment;
        this.masker = masker;
    }

    public async Task<AmbientCredentials?> TryResolveAsync(CancellationToken cancellationToken)
    {
        var profile = environment.GetVariable("AWS_PROFILE");
        if (string.IsNullOrEmpty(profile))
        {
            profile = "default";
        }

        var home = environment.GetVariable("HOME") ?? string.Empty;
        var credentialsPath = NonEmpty(environment.GetVariable("AWS_SHARED_CREDENTIALS_FILE")) ?? Path.Combine(home, ".aws", "credentials");
        var configPath = NonEmpty(environment.GetVariable("AWS_CONFIG_FILE")) ?? Path.Combine(home, ".aws", "config");

        var fromCredentials = await ReadSectionAsync(credentialsPath, profile, cancellationToken).ConfigureAwait(false);
        var found = ToCredentials(fromCredentials, profile, credentialsPath);
        if (found is not null)
        {
            return found;
        }

        var configSection = profile == "default" ? "default" : "profile " + profile;
        var fromConfig = await ReadSectionAsync(configPath, configSection, cancellationToken).ConfigureAwait(false);
        return ToCredentials(fromConfig, profile, configPath);
    }

    private AmbientCredentials? ToCredentials(Dictionary<string, string>? section, string profile, string path)
    {
        if (section is null
            || !section.TryGetValue("aws_access_key_id", out var keyId) || keyId.Length == 0
            || !section.TryGetValue("aws_secret_access_key", out var secret) || secret.Length == 0)
        {
            return null;
        }

        section.TryGetValue("aws_session_token", out var token);
        return AmbientCredentials.Create(keyId, secret, token ?? string.Empty, $"profile '{profile}' in {path}", masker);
    }

    private static async Task<Dictionary<string, string>?> ReadSectionAsync(string path, string sectionName, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        Dictionary<string, string>? section = null;
        var inSection = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                inSection = string.Equals(line[1..^1].Trim(), sectionName, StringComparison.Ordinal);
                if (inSection)
                {
                    section ??= new Dictionary<string, string>(StringComparer.Ordinal);
                }

                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (inSection && equals > 0)
            {
                section![line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return section;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
