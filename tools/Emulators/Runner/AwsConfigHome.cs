using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Cac.Emulators.Runner;

/// <summary>
/// The AWS CLI's files under a home directory: ~/.aws/config, ~/.aws/credentials and the SSO token cache,
/// written from fixtures or text, and the variables that name them for a run.
/// </summary>
public sealed class AwsConfigHome
{
    public AwsConfigHome(string home)
    {
        ArgumentException.ThrowIfNullOrEmpty(home);
        Home = home;
        Directory.CreateDirectory(AwsDirectory);
    }

    public string Home { get; }

    public string AwsDirectory => Path.Combine(Home, ".aws");

    public string ConfigPath => Path.Combine(AwsDirectory, "config");

    public string CredentialsPath => Path.Combine(AwsDirectory, "credentials");

    /// <summary>AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE pointing at this home's files (the SDKs' defaults made explicit).</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_CONFIG_FILE"] = ConfigPath,
        ["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsPath,
    };

    /// <summary>Writes the fixture's files (placeholders filled in); a file the fixture lacks is left as it is.</summary>
    public AwsConfigHome Write(AwsCliFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        if (fixture.RenderConfig() is { } config)
        {
            WritePrivate(ConfigPath, config);
        }

        if (fixture.RenderCredentials() is { } credentials)
        {
            WritePrivate(CredentialsPath, credentials);
        }

        return this;
    }

    public AwsConfigHome WriteConfig(string text)
    {
        WritePrivate(ConfigPath, Encoding.UTF8.GetBytes(text));
        return this;
    }

    public AwsConfigHome WriteCredentials(string text)
    {
        WritePrivate(CredentialsPath, Encoding.UTF8.GetBytes(text));
        return this;
    }

    /// <summary>Writes an SSO login to ~/.aws/sso/cache as the CLI would, and returns the file's path.</summary>
    public string WriteSsoToken(SsoCachedToken token, SsoTimestampStyle style = SsoTimestampStyle.Zulu) => SsoTokenCache.Write(Home, token, style);

    private static void WritePrivate(string path, byte[] bytes) => Hosting.PrivateFile.Write(path, bytes);
}
