using System;
using System.IO;
using System.Linq;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;
using Cac.Action.Profiles;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Profiles;

public sealed class ProfileWriterTests : IDisposable
{
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string Token = "FwoGZXIvYXdzEBYaDEXAMPLE";
    private const string OtherKeyId = "AKIAI44QH8DHBEXAMPLE";
    private const string OtherSecretKey = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";

    private const string Exists = "\" already exists. Please use the overwrite-aws-profile input if you want to overwrite existing profiles.";

    private readonly TempDir temp = new();
    private readonly RecordingConsole console = new();
    private readonly DictionaryEnvironment environment;

    public ProfileWriterTests()
    {
        environment = Env.Of(("HOME", temp.Combine("home")));
    }

    public void Dispose() => temp.Dispose();

    private string CredentialsPath => temp.Combine("home/.aws/credentials");

    private string ConfigPath => temp.Combine("home/.aws/config");

    private ProfileWriter Writer() => new(environment, new ActionLog(console, isDebug: true));

    private ProfileWriteResult Write(string name, bool overwrite = false, string region = "us-east-1", string keyId = KeyId, string secretKey = SecretKey, string token = Token)
    {
        // The secrets' own mask lines go elsewhere: these tests read the writer's log.
        var masker = new ActionLog(new RecordingConsole(), isDebug: false);
        return Writer().Write(name, region, Secret.Create(keyId, masker), Secret.Create(secretKey, masker), Secret.Create(token, masker), overwrite);
    }

    private static ActionError Fails(System.Action action)
    {
        var error = Assert.Throws<ActionError>(action);
        Assert.Same(ErrorCode.ProfileFiles, error.Code);
        return error;
    }

    private static IniDocument Read(string path) => IniDocument.Parse(File.ReadAllText(path));

    private void AssertNoSecretInLog()
    {
        foreach (var line in console.Lines)
        {
            Assert.DoesNotContain(SecretKey, line, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, line, StringComparison.Ordinal);
            Assert.DoesNotContain(KeyId, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_new_profile_gives_upstreams_exact_files()
    {
        var result = Write("dev");

        Assert.Equal(
            "[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\naws_session_token = FwoGZXIvYXdzEBYaDEXAMPLE\n",
            File.ReadAllText(CredentialsPath));
        Assert.Equal("[profile dev]\nregion = us-east-1\n", File.ReadAllText(ConfigPath));
        Assert.Equal(new ProfileWriteResult(CredentialsPath, ConfigPath, "dev", "profile dev"), result);
    }

    [Fact]
    public void Two_profiles_give_upstreams_exact_files()
    {
        Write("dev", token: string.Empty);
        Write("prod", region: "us-west-2", keyId: OtherKeyId, secretKey: OtherSecretKey);

        Assert.Equal(
            "[dev]\naws_access_key_id = " + KeyId + "\naws_secret_access_key = " + SecretKey + "\n\n" +
            "[prod]\naws_access_key_id = " + OtherKeyId + "\naws_secret_access_key = " + OtherSecretKey + "\naws_session_token = " + Token + "\n",
            File.ReadAllText(CredentialsPath));
        Assert.Equal("[profile dev]\nregion = us-east-1\n\n[profile prod]\nregion = us-west-2\n", File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void The_log_has_upstreams_lines_and_no_secret()
    {
        Write("dev");

        Assert.Equal(
            new[]
            {
                "::debug::Ensuring directory exists: " + temp.Combine("home/.aws"),
                "::debug::Ensuring directory exists: " + temp.Combine("home/.aws"),
                "Writing credentials to profile: dev",
                "::debug::Writing profile to " + CredentialsPath,
                "Writing config to profile: dev",
                "::debug::Writing profile to " + ConfigPath,
                "✓ Successfully configured AWS profile: dev",
            },
            console.Lines);
        AssertNoSecretInLog();
    }

    [Fact]
    public void The_default_profile_uses_default_in_both_files()
    {
        Write("default");

        Assert.Equal(new[] { "default" }, Read(CredentialsPath).SectionNames);
        Assert.Equal(new[] { "default" }, Read(ConfigPath).SectionNames);
        Assert.DoesNotContain("[profile default]", File.ReadAllText(ConfigPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_session_token_the_key_is_left_out()
    {
        Write("dev", token: string.Empty);

        Assert.Equal(new[] { "aws_access_key_id", "aws_secret_access_key" }, Read(CredentialsPath).GetValues("dev")!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_credentials_the_section_is_empty_and_the_region_is_written()
    {
        Write("dev", keyId: string.Empty, secretKey: string.Empty, token: string.Empty);

        Assert.Equal("[dev]\n", File.ReadAllText(CredentialsPath));
        Assert.Equal("us-east-1", Read(ConfigPath).GetValues("profile dev")!["region"]);
    }

    [Fact]
    public void An_empty_existing_file_is_written()
    {
        temp.Write("home/.aws/credentials", string.Empty);

        Write("dev");

        Assert.Equal(KeyId, Read(CredentialsPath).GetValues("dev")!["aws_access_key_id"]);
    }

    [Fact]
    public void Overwrite_replaces_the_section_and_drops_stale_keys()
    {
        Write("dev");

        Write("dev", overwrite: true, keyId: OtherKeyId, secretKey: OtherSecretKey, token: string.Empty);

        var values = Read(CredentialsPath).GetValues("dev")!;
        Assert.Equal(OtherKeyId, values["aws_access_key_id"]);
        Assert.Equal(OtherSecretKey, values["aws_secret_access_key"]);
        Assert.False(values.ContainsKey("aws_session_token"));
        Assert.Equal(new[] { "dev" }, Read(CredentialsPath).SectionNames);
    }

    [Fact]
    public void An_existing_profile_without_overwrite_fails_and_leaves_the_file_unchanged()
    {
        const string original = "[dev]\naws_access_key_id = OLDKEYEXAMPLE\naws_secret_access_key = oldSecretEXAMPLE\n";
        temp.Write("home/.aws/credentials", original);

        var error = Fails(() => Write("dev"));

        Assert.Equal("Failed to write AWS profile 'dev': Profile with name \"dev" + Exists, error.Message);
        Assert.Equal(original, File.ReadAllText(CredentialsPath));
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public void A_config_clash_is_found_before_the_credentials_file_is_touched()
    {
        const string credentials = "# keep me\n[personal]\naws_access_key_id = " + OtherKeyId + "\n";
        temp.Write("home/.aws/credentials", credentials);
        temp.Write("home/.aws/config", "[profile dev]\nregion = eu-west-1\n");
        var before = File.GetLastWriteTimeUtc(CredentialsPath);

        var error = Fails(() => Write("dev"));

        Assert.Equal("Failed to write AWS profile 'dev': Profile with name \"profile dev" + Exists, error.Message);
        Assert.Equal(credentials, File.ReadAllText(CredentialsPath));
        Assert.Equal(before, File.GetLastWriteTimeUtc(CredentialsPath));
        Assert.DoesNotContain(console.Lines, line => line.StartsWith("Writing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("invalid profile", "aws-profile must not contain whitespace")]
    [InlineData("dev[x]", "aws-profile must not contain brackets")]
    [InlineData("../etc/passwd", "aws-profile must not contain path separators")]
    [InlineData(" ", "aws-profile must not be empty")]
    public void An_invalid_name_fails_before_any_file_is_touched(string name, string reason)
    {
        var error = Fails(() => Write(name));

        Assert.Equal("Failed to write AWS profile '" + name + "': " + reason, error.Message);
        Assert.False(Directory.Exists(temp.Combine("home")));
    }

    [Fact]
    public void A_line_break_in_a_value_is_refused_without_showing_the_value()
    {
        var error = Fails(() => Write("dev", secretKey: SecretKey + "\n[evil]"));

        Assert.Equal("Failed to write AWS profile 'dev': aws_secret_access_key must not contain line breaks", error.Message);
        Assert.False(Directory.Exists(temp.Combine("home")));
    }

    [Fact]
    public void The_variables_choose_the_files_independently()
    {
        environment.SetVariable("AWS_SHARED_CREDENTIALS_FILE", temp.Combine("custom/credentials"));

        var result = Write("dev");

        Assert.True(File.Exists(temp.Combine("custom/credentials")));
        Assert.True(File.Exists(ConfigPath));
        Assert.False(File.Exists(CredentialsPath));
        Assert.Equal(temp.Combine("custom/credentials"), result.CredentialsPath);
    }

    [Fact]
    public void A_path_the_file_system_cannot_name_is_a_profile_error()
    {
        environment.SetVariable("AWS_CONFIG_FILE", "/tmp/bad\0name");

        var error = Fails(() => Write("dev"));

        Assert.StartsWith("Failed to write AWS profile 'dev': ", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("home")));
    }

    [Fact]
    public void Both_variables_are_used()
    {
        environment.SetVariable("AWS_SHARED_CREDENTIALS_FILE", temp.Combine("custom/credentials"));
        environment.SetVariable("AWS_CONFIG_FILE", temp.Combine("custom/config"));

        Write("dev");

        Assert.Equal(KeyId, Read(temp.Combine("custom/credentials")).GetValues("dev")!["aws_access_key_id"]);
        Assert.Equal("us-east-1", Read(temp.Combine("custom/config")).GetValues("profile dev")!["region"]);
        Assert.False(Directory.Exists(temp.Combine("home")));
    }

    [Fact]
    public void Other_profiles_are_kept()
    {
        temp.Write("home/.aws/credentials", "[default]\naws_access_key_id = " + OtherKeyId + "\n\n[personal]\naws_access_key_id = " + OtherKeyId +
            "\naws_secret_access_key = " + OtherSecretKey + "\naws_session_token = " + Token + "\n");
        temp.Write("home/.aws/config", "[profile personal]\nregion = eu-west-1\noutput = json\ncli_pager =\n");

        Write("dev");

        var credentials = Read(CredentialsPath);
        Assert.Equal(new[] { "default", "personal", "dev" }, credentials.SectionNames);
        Assert.Equal(3, credentials.GetValues("personal")!.Count);
        Assert.Equal(OtherKeyId, credentials.GetValues("default")!["aws_access_key_id"]);
        var config = Read(ConfigPath);
        Assert.Equal(new[] { "region", "output", "cli_pager" }, config.GetValues("profile personal")!.Keys);
        Assert.Equal(string.Empty, config.GetValues("profile personal")!["cli_pager"]);
        Assert.Equal("us-east-1", config.GetValues("profile dev")!["region"]);
    }

    [Fact]
    public void Everything_outside_the_replaced_section_is_kept_byte_for_byte()
    {
        const string before = "# Managed by hand: do not remove\nstray text before any section\n\n[profile dev]\n# old\nregion = eu-west-1\noutput = text\n\n";
        const string after = "; between\n[profile data]\nregion = eu-central-1\ns3 =\n    max_concurrent_requests = 20\n    addressing_style = path\n\n[123]\nregion = ap-south-1\n# trailing comment\n";
        temp.Write("home/.aws/config", before + after);

        Write("dev", overwrite: true);

        Assert.Equal(
            "# Managed by hand: do not remove\nstray text before any section\n\n[profile dev]\nregion = us-east-1\n\n" + after,
            File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void Comments_and_nested_settings_survive_an_appended_profile()
    {
        const string original = "# My important comment\n[profile data]\ns3 =\n  addressing_style = path\n";
        temp.Write("home/.aws/config", original);

        Write("dev");

        Assert.Equal(original + "\n[profile dev]\nregion = us-east-1\n", File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void A_CRLF_file_is_edited_and_stays_CRLF()
    {
        temp.Write("home/.aws/credentials", "# windows\r\n[dev]\r\naws_access_key_id = OLDKEYEXAMPLE\r\n\r\n[other]\r\nx = 1\r\n");

        Write("dev", overwrite: true, token: string.Empty);

        Assert.Equal(
            "# windows\r\n[dev]\r\naws_access_key_id = " + KeyId + "\r\naws_secret_access_key = " + SecretKey + "\r\n\r\n[other]\r\nx = 1\r\n",
            File.ReadAllText(CredentialsPath));
    }

    [Fact]
    public void Proto_and_numeric_names_are_ordinary_profiles()
    {
        Write("__proto__");
        Write("123");

        Assert.Equal(new[] { "__proto__", "123" }, Read(CredentialsPath).SectionNames);
        Assert.Equal(new[] { "profile __proto__", "profile 123" }, Read(ConfigPath).SectionNames);
    }

    [Fact]
    public void Files_are_regular_with_mode_0600_in_a_new_0700_directory()
    {
        Write("dev");

        foreach (var path in new[] { CredentialsPath, ConfigPath })
        {
            Assert.Null(new FileInfo(path).LinkTarget);
            Assert.True(File.Exists(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(SafeFiles.FileMode, File.GetUnixFileMode(path));
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(SafeFiles.DirectoryMode, File.GetUnixFileMode(temp.Combine("home/.aws")));
        }

        // The files, and the lock files beside them (left in place on purpose, see FileLock); no temporary file.
        Assert.Equal(
            new[] { FileLock.LockPathFor(ConfigPath), FileLock.LockPathFor(CredentialsPath), ConfigPath, CredentialsPath },
            Directory.GetFileSystemEntries(temp.Combine("home/.aws")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_existing_file_is_made_0600()
    {
        var path = temp.Write("home/.aws/credentials", "[other]\nx = 1\n");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);

        Write("dev");

        Assert.Equal(SafeFiles.FileMode, File.GetUnixFileMode(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_symbolically_linked_credentials_file_is_refused_and_its_target_untouched(bool overwrite)
    {
        var target = temp.Write("sensitive", "root:x:0:0\n");
        Directory.CreateDirectory(temp.Combine("home/.aws"));
        File.CreateSymbolicLink(CredentialsPath, target);

        var error = Fails(() => Write("dev", overwrite));

        Assert.Equal("Failed to write AWS profile 'dev': Refusing " + CredentialsPath + " (path is a symbolic link)", error.Message);
        Assert.Equal("root:x:0:0\n", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(CredentialsPath).LinkTarget);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public void A_symbolically_linked_config_file_is_refused_before_credentials_are_written()
    {
        var target = temp.Write("sensitive", "secret stuff\n");
        Directory.CreateDirectory(temp.Combine("home/.aws"));
        File.CreateSymbolicLink(ConfigPath, target);

        var error = Fails(() => Write("dev", overwrite: true));

        Assert.Equal("Failed to write AWS profile 'dev': Refusing " + ConfigPath + " (path is a symbolic link)", error.Message);
        Assert.Equal("secret stuff\n", File.ReadAllText(target));
        Assert.False(File.Exists(CredentialsPath));
    }

    [Fact]
    public void A_symbolically_linked_aws_directory_is_refused()
    {
        var real = temp.Combine("real");
        temp.Write("real/credentials", "[other]\nx = 1\n");
        Directory.CreateDirectory(temp.Combine("home"));
        Directory.CreateSymbolicLink(temp.Combine("home/.aws"), real);

        var error = Fails(() => Write("dev", overwrite: true));

        Assert.Equal("Failed to write AWS profile 'dev': Refusing " + temp.Combine("home/.aws") + " (path is a symbolic link)", error.Message);
        Assert.Equal("[other]\nx = 1\n", File.ReadAllText(Path.Combine(real, "credentials")));
        Assert.False(File.Exists(Path.Combine(real, "config")));
    }

    [Fact]
    public void One_file_for_both_holds_both_sections()
    {
        environment.SetVariable("AWS_SHARED_CREDENTIALS_FILE", temp.Combine("aws/shared"));
        environment.SetVariable("AWS_CONFIG_FILE", temp.Combine("aws/shared"));

        Write("dev");
        Write("default", token: string.Empty);

        Assert.Equal(
            "[dev]\naws_access_key_id = " + KeyId + "\naws_secret_access_key = " + SecretKey + "\naws_session_token = " + Token + "\n\n" +
            "[profile dev]\nregion = us-east-1\n\n" +
            "[default]\naws_access_key_id = " + KeyId + "\naws_secret_access_key = " + SecretKey + "\nregion = us-east-1\n",
            File.ReadAllText(temp.Combine("aws/shared")));
    }

    [Fact]
    public void Removing_sections_restores_the_files_as_they_were()
    {
        const string credentials = "# mine\n[personal]\naws_access_key_id = " + OtherKeyId + "\n";
        const string config = "[profile personal]\nregion = eu-west-1\ns3 =\n  addressing_style = path\n";
        temp.Write("home/.aws/credentials", credentials);
        temp.Write("home/.aws/config", config);
        Write("dev");

        Writer().RemoveSections("dev");

        Assert.Equal(credentials, File.ReadAllText(CredentialsPath));
        Assert.Equal(config, File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void Removing_the_sections_a_write_reported_uses_its_paths()
    {
        environment.SetVariable("AWS_CONFIG_FILE", temp.Combine("custom/config"));
        var result = Write("default");
        environment.SetVariable("AWS_CONFIG_FILE", null);

        Writer().RemoveSections(result);

        Assert.Equal(string.Empty, File.ReadAllText(CredentialsPath));
        Assert.Equal(string.Empty, File.ReadAllText(temp.Combine("custom/config")));
    }

    [Fact]
    public void Removing_is_fine_without_files_sections_or_a_valid_name()
    {
        Writer().RemoveSections("dev");
        Writer().RemoveSections("not valid");
        temp.Write("home/.aws/credentials", "[other]\nx = 1\n");
        var before = File.GetLastWriteTimeUtc(CredentialsPath);

        Writer().RemoveSections("dev");

        Assert.Equal("[other]\nx = 1\n", File.ReadAllText(CredentialsPath));
        Assert.Equal(before, File.GetLastWriteTimeUtc(CredentialsPath));
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public void Removing_refuses_a_symbolically_linked_file()
    {
        var target = temp.Write("sensitive", "[dev]\nx = 1\n");
        Directory.CreateDirectory(temp.Combine("home/.aws"));
        File.CreateSymbolicLink(CredentialsPath, target);

        var error = Fails(() => Writer().RemoveSections("dev"));

        Assert.Equal("Failed to remove AWS profile 'dev': Refusing " + CredentialsPath + " (path is a symbolic link)", error.Message);
        Assert.Equal("[dev]\nx = 1\n", File.ReadAllText(target));
    }
}
