using System;
using System.Collections.Generic;
using System.IO;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;
using Cac.Action.Toolkit;

namespace Cac.Action.Profiles;

/// <summary>
/// Writes the <c>aws-profile</c> sections of the shared credentials and config files (upstream §4.6 with
/// our fixes, decisions §2 row 15): both files are read and checked (name, "already exists", symbolic
/// links, encoding) before either is written, each is edited in place so everything outside the profile's
/// section is kept, and each is replaced atomically with mode 0600. Messages never contain credential
/// values: only the profile name, section names and paths.
/// </summary>
public sealed class ProfileWriter
{
    private const string AccessKeyIdKey = "aws_access_key_id";
    private const string SecretAccessKeyKey = "aws_secret_access_key";
    private const string SessionTokenKey = "aws_session_token";
    private const string RegionKey = "region";

    private readonly IActionEnvironment environment;
    private readonly ActionLog log;

    public ProfileWriter(IActionEnvironment environment, ActionLog log)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(log);
        this.environment = environment;
        this.log = log;
    }

    /// <summary>
    /// Validates everything, then writes section <c>[name]</c> of the credentials file (each credential
    /// only when non-empty) and <c>[default]</c> or <c>[profile name]</c> with <c>region</c> in the config
    /// file. Without <paramref name="overwrite"/>, an existing section in either file fails the run before
    /// anything is written.
    /// </summary>
    public ProfileWriteResult Write(string profileName, string region, string accessKeyId, string secretAccessKey, string sessionToken, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(profileName);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(accessKeyId);
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        ArgumentNullException.ThrowIfNull(sessionToken);

        var invalid = ProfileName.Validate(profileName);
        if (invalid is not null)
        {
            throw Failure(profileName, invalid);
        }

        var credentialValues = new List<KeyValuePair<string, string>>(3);
        AddIfPresent(credentialValues, AccessKeyIdKey, accessKeyId);
        AddIfPresent(credentialValues, SecretAccessKeyKey, secretAccessKey);
        AddIfPresent(credentialValues, SessionTokenKey, sessionToken);
        var configValues = new List<KeyValuePair<string, string>> { new(RegionKey, region) };
        List<KeyValuePair<string, string>> allValues = [.. credentialValues, .. configValues];
        foreach (var (key, value) in allValues)
        {
            // A line break would end the value early and let the rest be read as new keys or sections.
            // The message names the key only: the value may be a secret.
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw Failure(profileName, key + " must not contain line breaks");
            }
        }

        var credentialsSection = profileName;
        var configSection = ProfileName.ConfigSection(profileName);
        ProfilePaths paths;
        try
        {
            paths = ProfilePaths.Resolve(environment);
        }
        catch (ArgumentException exception)
        {
            throw Failure(profileName, exception.Message, exception);
        }

        var samePath = string.Equals(paths.CredentialsPath, paths.ConfigPath, StringComparison.Ordinal);
        bool replacedExisting;
        try
        {
            // Check phase: nothing is created or written until both files are known to be writable.
            var credentials = Load(paths.CredentialsPath);
            var config = samePath ? credentials : Load(paths.ConfigPath);
            replacedExisting = credentials.Contains(credentialsSection) || config.Contains(configSection);
            if (!overwrite)
            {
                RefuseExisting(credentials, credentialsSection);
                RefuseExisting(config, configSection);
            }

            if (samePath && credentialsSection == configSection)
            {
                // One file for both, profile "default": one section holds the keys and the region, instead
                // of the second edit replacing the first.
                credentials.SetSection(credentialsSection, allValues);
            }
            else
            {
                credentials.SetSection(credentialsSection, credentialValues);
                config.SetSection(configSection, configValues);
            }

            EnsureDirectoryOf(paths.CredentialsPath);
            EnsureDirectoryOf(paths.ConfigPath);

            log.Info("Writing credentials to profile: " + profileName);
            Save(paths.CredentialsPath, credentials);
            log.Info("Writing config to profile: " + profileName);
            if (!samePath)
            {
                Save(paths.ConfigPath, config);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Failure(profileName, exception.Message, exception);
        }

        log.Info("✓ Successfully configured AWS profile: " + profileName);
        return new ProfileWriteResult(paths.CredentialsPath, paths.ConfigPath, credentialsSection, configSection, replacedExisting);
    }

    /// <summary>
    /// Removes the profile's sections: <c>[name]</c> from the credentials file and <c>[default]</c> or
    /// <c>[profile name]</c> from the config file, at the paths the environment names now. Everything
    /// else is kept; a missing file or section is fine, and a file without the section is not rewritten.
    /// An invalid name cannot have been written, so it removes nothing.
    /// </summary>
    public void RemoveSections(string profileName)
    {
        ArgumentNullException.ThrowIfNull(profileName);
        if (ProfileName.Validate(profileName) is not null)
        {
            return;
        }

        ProfilePaths paths;
        try
        {
            paths = ProfilePaths.Resolve(environment);
        }
        catch (ArgumentException exception)
        {
            throw new ActionError("Failed to remove AWS profile '" + profileName + "': " + exception.Message, ErrorCode.ProfileFiles, exception);
        }

        RemoveSections(new ProfileWriteResult(paths.CredentialsPath, paths.ConfigPath, profileName, ProfileName.ConfigSection(profileName)));
    }

    /// <summary>Removes exactly the sections a <see cref="Write"/> reported, from the files it reported.</summary>
    public void RemoveSections(ProfileWriteResult written)
    {
        ArgumentNullException.ThrowIfNull(written);
        try
        {
            if (string.Equals(written.CredentialsPath, written.ConfigPath, StringComparison.Ordinal))
            {
                RemoveFrom(written.CredentialsPath, written.CredentialsSection, written.ConfigSection);
            }
            else
            {
                RemoveFrom(written.CredentialsPath, written.CredentialsSection);
                RemoveFrom(written.ConfigPath, written.ConfigSection);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ActionError("Failed to remove AWS profile '" + written.CredentialsSection + "': " + exception.Message, ErrorCode.ProfileFiles, exception);
        }
    }

    private static void AddIfPresent(List<KeyValuePair<string, string>> values, string key, string value)
    {
        if (value.Length > 0)
        {
            values.Add(new(key, value));
        }
    }

    private static ActionError Failure(string profileName, string reason, Exception? inner = null) =>
        new("Failed to write AWS profile '" + profileName + "': " + reason, ErrorCode.ProfileFiles, inner);

    private static void RefuseExisting(IniDocument document, string section)
    {
        if (document.Contains(section))
        {
            throw new IOException("Profile with name \"" + section +
                "\" already exists. Please use the overwrite-aws-profile input if you want to overwrite existing profiles.");
        }
    }

    private static IniDocument Load(string path)
    {
        // The directory check comes first, as in upstream, where creating the directory preceded reading.
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            SafeFiles.RefuseSymbolicLinkDirectory(directory);
        }

        return IniDocument.Parse(SafeFiles.ReadText(path));
    }

    private void EnsureDirectoryOf(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        log.Debug("Ensuring directory exists: " + directory);
        SafeFiles.EnsureDirectory(directory);
    }

    private void Save(string path, IniDocument document)
    {
        log.Debug("Writing profile to " + path);
        SafeFiles.WriteAtomically(path, document.Render());
    }

    private void RemoveFrom(string path, params string[] sections)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            SafeFiles.RefuseSymbolicLinkDirectory(directory);
        }

        var text = SafeFiles.ReadText(path);
        if (text is null)
        {
            return;
        }

        var document = IniDocument.Parse(text);
        var removed = false;
        foreach (var section in sections)
        {
            removed |= document.RemoveSection(section);
        }

        if (removed)
        {
            log.Debug("Removing profile [" + string.Join("], [", sections) + "] from " + path);
            SafeFiles.WriteAtomically(path, document.Render());
        }
    }
}
