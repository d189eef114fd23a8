using System;
using System.Collections.Generic;
using System.IO;
using Cac.Action.Errors;
using Cac.Action.FileSystem;

namespace Cac.Action.Profiles;

/// <summary>
/// The profiles of the shared config and credentials files as the JavaScript SDK (the upstream action's)
/// reads them for credentials: <c>[default]</c> and <c>[profile name]</c> of the config file (a
/// <c>[profile default]</c> replacing <c>[default]</c>), merged key by key with <c>[name]</c> of the
/// credentials file, whose keys win; <c>[sso-session name]</c> sections of the config file; a value cut at a
/// <c>#</c> or <c>;</c> that follows white space (an inline comment), and an empty value counted as unset.
/// See docs/ambient-credentials.md.
/// </summary>
public sealed class SharedProfiles
{
    private readonly IniDocument credentials;
    private readonly IniDocument config;

    private SharedProfiles(ProfilePaths paths, IniDocument credentials, IniDocument config)
    {
        Paths = paths;
        this.credentials = credentials;
        this.config = config;
    }

    public ProfilePaths Paths { get; }

    /// <summary>
    /// Reads both files. Links are followed here on purpose: reading the job's own profile through a
    /// symlinked ~/.aws is what every AWS tool does; only writing refuses links. The files must still be
    /// regular files of sane size, so a named pipe or a device there cannot hang the run or exhaust its memory.
    /// </summary>
    public static SharedProfiles Load(ProfilePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new SharedProfiles(paths, IniDocument.Parse(Read(paths.CredentialsPath)), IniDocument.Parse(Read(paths.ConfigPath)));
    }

    /// <summary>The profile's merged settings, or <c>null</c> when neither file has it.</summary>
    public IReadOnlyDictionary<string, string>? Profile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var fromConfig = config.GetValues("profile " + name) ?? (name == "default" ? config.GetValues("default") : null);
        var fromCredentials = credentials.GetValues(name);
        if (fromConfig is null && fromCredentials is null)
        {
            return null;
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        Merge(merged, fromConfig);
        Merge(merged, fromCredentials);
        return merged;
    }

    /// <summary>The file a profile's <paramref name="key"/> comes from: the credentials file when it has the key, else the config file.</summary>
    public string FileOf(string name, string key)
    {
        var fromCredentials = credentials.GetValues(name);
        return fromCredentials is not null && fromCredentials.TryGetValue(key, out var value) && WithoutInlineComment(value).Length > 0
            ? Paths.CredentialsPath
            : Paths.ConfigPath;
    }

    /// <summary>The settings of <c>[sso-session name]</c> in the config file, or <c>null</c>.</summary>
    public IReadOnlyDictionary<string, string>? SsoSession(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var values = config.GetValues("sso-session " + name);
        if (values is null)
        {
            return null;
        }

        var session = new Dictionary<string, string>(StringComparer.Ordinal);
        Merge(session, values);
        return session;
    }

    /// <summary>A value without its inline comment, as the JavaScript SDK's INI reader cuts it.</summary>
    public static string WithoutInlineComment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && (i == 0 || char.IsWhiteSpace(value[i - 1])))
            {
                return value[..i].Trim();
            }
        }

        return value;
    }

    private static void Merge(Dictionary<string, string> into, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var (key, raw) in values)
        {
            var value = WithoutInlineComment(raw);
            if (value.Length > 0)
            {
                into[key] = value;
            }
        }
    }

    private static string? Read(string path)
    {
        try
        {
            return SafeFileReader.ReadAllText(path, SafeFiles.MaxProfileFileBytes, followLinks: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ActionError("Unable to read the shared profile file for ambient credentials: " + exception.Message, ErrorCode.AmbientProfileFiles, exception);
        }
    }
}
