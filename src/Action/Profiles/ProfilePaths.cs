using System;
using System.IO;
using Cac.Abstractions;

namespace Cac.Action.Profiles;

/// <summary>
/// Where the profile files are: <c>AWS_SHARED_CREDENTIALS_FILE</c> or <c>~/.aws/credentials</c>, and
/// <c>AWS_CONFIG_FILE</c> or <c>~/.aws/config</c>, each resolved on its own, as the AWS SDKs and upstream do. Home is
/// <c>HOME</c>, as for <c>os.homedir()</c>.
/// </summary>
public sealed record ProfilePaths(string CredentialsPath, string ConfigPath)
{
    /// <summary>
    /// Resolves both paths to absolute ones (so that two spellings of one file compare equal). Throws
    /// <see cref="ArgumentException"/> for a path the file system cannot name (a NUL character).
    /// </summary>
    public static ProfilePaths Resolve(IActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var home = Home(environment);
        return new ProfilePaths(
            FromVariable(environment, "AWS_SHARED_CREDENTIALS_FILE", home) ?? Path.GetFullPath(Path.Combine(home, ".aws", "credentials")),
            FromVariable(environment, "AWS_CONFIG_FILE", home) ?? Path.GetFullPath(Path.Combine(home, ".aws", "config")));
    }

    /// <summary>The home directory the AWS tools use: <c>HOME</c>, else the user's profile directory.</summary>
    public static string Home(IActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var home = environment.GetVariable("HOME");

        // os.homedir() falls back to the password database; the runtime's user profile does the same.
        return string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home;
    }

    /// <summary>
    /// The variable's path, made absolute. A leading <c>~</c> is expanded as the AWS CLI and SDKs do when
    /// they read these variables; upstream would have created a directory literally named <c>~</c>, which
    /// no tool then reads. An empty value counts as unset, as upstream's <c>||</c> did.
    /// </summary>
    private static string? FromVariable(IActionEnvironment environment, string name, string home)
    {
        var value = environment.GetVariable(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value == "~")
        {
            value = home;
        }
        else if (value.StartsWith("~/", StringComparison.Ordinal))
        {
            value = Path.Combine(home, value[2..]);
        }

        return Path.GetFullPath(value);
    }
}
