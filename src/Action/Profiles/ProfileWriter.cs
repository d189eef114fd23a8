using System;
using System.Collections.Generic;
using System.IO;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;
using Cac.Action.Runner;

namespace Cac.Action.Profiles;

/// <summary>
/// Writes the <c>aws-profile</c> sections of the shared credentials and config files: both files are read
/// and checked (name, "already exists", symbolic links, file type, size, encoding) before either is
/// written, each is edited in place so everything outside the profile's section is kept, and each is
/// replaced atomically with mode 0600. The whole read-edit-replace holds a lock beside the files, so two
/// runs writing different profiles into the same files both end up in them. Messages never contain
/// credential values: only the profile name, section names and paths. See docs/file-safety.md.
/// </summary>
public sealed class ProfileWriter
{
    private const string AccessKeyIdKey = "aws_access_key_id";
    private const string SecretAccessKeyKey = "aws_secret_access_key";
    private const string SessionTokenKey = "aws_session_token";
    private const string RegionKey = "region";

    private readonly IActionEnvironment environment;
    private readonly ActionLog log;
    private readonly TimeProvider time;
    private readonly TimeSpan lockTimeout;

    /// <param name="time">The clock the lock wait is measured on.</param>
    /// <param name="lockTimeout">How long to wait for another run's lock (default <see cref="FileLock.DefaultTimeout"/>).</param>
    public ProfileWriter(IActionEnvironment environment, ActionLog log, TimeProvider? time = null, TimeSpan? lockTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(log);
        this.environment = environment;
        this.log = log;
        this.time = time ?? TimeProvider.System;
        this.lockTimeout = lockTimeout ?? FileLock.DefaultTimeout;
    }

    /// <summary>Prepares and commits at once (see <see cref="Prepare"/>); a commit that fails half-way is rolled back.</summary>
    public ProfileWriteResult Write(string profileName, string region, Secret accessKeyId, Secret secretAccessKey, Secret sessionToken, bool overwrite)
    {
        using var staged = Prepare(profileName, region, accessKeyId, secretAccessKey, sessionToken, overwrite);
        try
        {
            staged.Commit();
        }
        catch (ActionError)
        {
            staged.RollBack();
            throw;
        }

        return staged.Result;
    }

    /// <summary>
    /// Validates everything and stages section <c>[name]</c> of the credentials file (each credential only
    /// when non-empty) and <c>[default]</c> or <c>[profile name]</c> with <c>region</c> in the config file:
    /// the new contents are written aside, nothing is visible until <see cref="StagedProfileWrite.Commit"/>.
    /// Without <paramref name="overwrite"/>, an existing section in either file fails here. The files stay
    /// locked until the result is disposed.
    /// </summary>
    public StagedProfileWrite Prepare(string profileName, string region, Secret accessKeyId, Secret secretAccessKey, Secret sessionToken, bool overwrite)
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

        // The file is the one place these values are written out in clear: they are revealed here only.
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
        var paths = ResolvePaths(profileName, "Failed to write AWS profile '");
        var samePath = string.Equals(paths.CredentialsPath, paths.ConfigPath, StringComparison.Ordinal);
        FileLock? held = null;
        var staged = new List<StagedProfileFile>(2);
        try
        {
            // Nothing visible is written until both files are known to be writable and their new
            // contents are on disk beside them.
            RefuseLinkedDirectoryOf(paths.CredentialsPath);
            RefuseLinkedDirectoryOf(paths.ConfigPath);
            EnsureDirectoryOf(paths.CredentialsPath);
            EnsureDirectoryOf(paths.ConfigPath);
            held = FileLock.AcquireAll([paths.CredentialsPath, paths.ConfigPath], lockTimeout, time);

            var credentialsText = SafeFiles.ReadText(paths.CredentialsPath);
            var configText = samePath ? credentialsText : SafeFiles.ReadText(paths.ConfigPath);
            var credentials = IniDocument.Parse(credentialsText);
            var config = samePath ? credentials : IniDocument.Parse(configText);
            var replacedExisting = credentials.Contains(credentialsSection) || config.Contains(configSection);
            if (!overwrite)
            {
                RefuseExisting(credentials, credentialsSection);
                RefuseExisting(config, configSection);
            }

            // What the post step puts back: the old sections, or none where this run creates the section.
            var replaced = replacedExisting
                ? new ReplacedProfile(profileName, credentials.SectionText(credentialsSection), samePath && credentialsSection == configSection ? null : config.SectionText(configSection))
                : null;

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

            staged.Add(new StagedProfileFile("Writing credentials to profile: ", credentialsText, StagedReplacement.Stage(paths.CredentialsPath, credentials.Render())));
            staged.Add(samePath
                ? new StagedProfileFile("Writing config to profile: ", null, null)
                : new StagedProfileFile("Writing config to profile: ", configText, StagedReplacement.Stage(paths.ConfigPath, config.Render())));
            return new StagedProfileWrite(
                log, profileName, held, staged,
                new ProfileWriteResult(paths.CredentialsPath, paths.ConfigPath, credentialsSection, configSection, replacedExisting),
                replaced);
        }
        catch (Exception exception)
        {
            staged.ForEach(file => file.Replacement?.Dispose());
            held?.Dispose();
            if (exception is IOException or UnauthorizedAccessException or TimeoutException)
            {
                throw Failure(profileName, exception.Message, exception);
            }

            throw;
        }
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

        var paths = ResolvePaths(profileName, "Failed to remove AWS profile '");
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
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new ActionError("Failed to remove AWS profile '" + written.CredentialsSection + "': " + exception.Message, CodeFor(exception), exception);
        }
    }

    /// <summary>
    /// Puts back the sections an overwriting write replaced, in the files the environment names now: each
    /// file's section becomes what it was (or is removed where the file had none), everything else is kept.
    /// </summary>
    public void RestoreSections(ReplacedProfile replaced)
    {
        ArgumentNullException.ThrowIfNull(replaced);
        if (ProfileName.Validate(replaced.ProfileName) is not null)
        {
            return;
        }

        var paths = ResolvePaths(replaced.ProfileName, "Failed to restore AWS profile '");
        var configSection = ProfileName.ConfigSection(replaced.ProfileName);
        try
        {
            if (string.Equals(paths.CredentialsPath, paths.ConfigPath, StringComparison.Ordinal))
            {
                Edit(paths.CredentialsPath, document =>
                {
                    document.RestoreSection(replaced.ProfileName, replaced.CredentialsSection);
                    if (configSection != replaced.ProfileName)
                    {
                        document.RestoreSection(configSection, replaced.ConfigSection);
                    }
                });
            }
            else
            {
                Edit(paths.CredentialsPath, document => document.RestoreSection(replaced.ProfileName, replaced.CredentialsSection));
                Edit(paths.ConfigPath, document => document.RestoreSection(configSection, replaced.ConfigSection));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new ActionError("Failed to restore AWS profile '" + replaced.ProfileName + "': " + exception.Message, CodeFor(exception), exception);
        }
    }

    private static void AddIfPresent(List<KeyValuePair<string, string>> values, string key, Secret value)
    {
        if (!value.IsEmpty)
        {
            values.Add(new(key, value.Reveal()));
        }
    }

    private static ActionError Failure(string profileName, string reason, Exception? inner = null) =>
        new("Failed to write AWS profile '" + profileName + "': " + reason, CodeFor(inner), inner);

    /// <summary>A full disk and a lock held too long are not about the profile's name or files: they get their own codes and hints.</summary>
    private static ErrorCode CodeFor(Exception? exception) =>
        exception is TimeoutException ? ErrorCode.ProfileFilesLocked
        : DiskErrors.IsDiskFull(exception) ? ErrorCode.WriteFailed
        : ErrorCode.ProfileFiles;

    private ProfilePaths ResolvePaths(string profileName, string failurePrefix)
    {
        try
        {
            return ProfilePaths.Resolve(environment);
        }
        catch (ArgumentException exception)
        {
            throw new ActionError(failurePrefix + profileName + "': " + exception.Message, ErrorCode.ProfileFiles, exception);
        }
    }

    /// <summary>The directory check comes first, as in upstream, where creating the directory preceded reading.</summary>
    private static void RefuseLinkedDirectoryOf(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            SafeFiles.RefuseSymbolicLinkDirectory(directory);
        }
    }

    private static void RefuseExisting(IniDocument document, string section)
    {
        if (document.Contains(section))
        {
            throw new IOException("Profile with name \"" + section +
                "\" already exists. Please use the overwrite-aws-profile input if you want to overwrite existing profiles.");
        }
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

    private void RemoveFrom(string path, params string[] sections) =>
        Edit(path, document =>
        {
            foreach (var section in sections)
            {
                document.RemoveSection(section);
            }
        });

    /// <summary>Applies <paramref name="edit"/> to the file under its lock, and rewrites it only when the text changed.</summary>
    private void Edit(string path, Action<IniDocument> edit)
    {
        RefuseLinkedDirectoryOf(path);
        if (!File.Exists(path))
        {
            // Nothing of ours can be there (a link counts as existing, and is refused below).
            return;
        }

        using var held = FileLock.AcquireAll([path], lockTimeout, time);
        var text = SafeFiles.ReadText(path);
        if (text is null)
        {
            return;
        }

        var document = IniDocument.Parse(text);
        var before = document.Render();
        edit(document);
        var after = document.Render();
        if (after != before)
        {
            log.Debug("Editing the profile sections of " + path);
            SafeFiles.WriteAtomically(path, after);
        }
    }
}
