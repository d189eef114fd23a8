using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;
using Cac.Action.Profiles;

namespace Cac.Action.Credentials.Ambient;

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

        // The same paths and INI reading as the profile writer, so what one writes the other finds.
        var paths = ProfilePaths.Resolve(environment);
        var fromCredentials = await ReadSectionAsync(paths.CredentialsPath, profile, cancellationToken).ConfigureAwait(false);
        return ToCredentials(fromCredentials, profile, paths.CredentialsPath)
            ?? ToCredentials(
                await ReadSectionAsync(paths.ConfigPath, ProfileName.ConfigSection(profile), cancellationToken).ConfigureAwait(false),
                profile,
                paths.ConfigPath);
    }

    private AmbientCredentials? ToCredentials(IReadOnlyDictionary<string, string>? section, string profile, string path)
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

    /// <summary>
    /// The section's keys, or <c>null</c>. Links are followed here on purpose: reading the job's own
    /// profile through a symlinked ~/.aws is what every AWS tool does; only writing refuses links. The
    /// file must still be a regular file of sane size, so a named pipe or a device there cannot hang the
    /// run or exhaust its memory.
    /// </summary>
    private static Task<IReadOnlyDictionary<string, string>?> ReadSectionAsync(string path, string sectionName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string? text;
        try
        {
            text = SafeFileReader.ReadAllText(path, SafeFiles.MaxProfileFileBytes, followLinks: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ActionError("Unable to read the shared profile file for ambient credentials: " + exception.Message, ErrorCode.AmbientProfileFiles, exception);
        }

        return Task.FromResult(text is null ? null : IniDocument.Parse(text).GetValues(sectionName));
    }
}
