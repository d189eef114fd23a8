using System;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Credentials.Ambient;

public sealed class ProfileCredentialProviderTests : IDisposable
{
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private readonly TempDir home = new();

    public void Dispose() => home.Dispose();

    private async Task<AmbientCredentials?> Resolve(params (string Name, string? Value)[] variables)
    {
        var environment = Env.Of(variables);
        environment.SetVariable("HOME", home.Path);
        return (await TestProfileSources.Provider(environment, new RecordingMasker()).TryResolveAsync(CancellationToken.None)).Credentials;
    }

    private string Credentials(string content) => home.Write(".aws/credentials", content);

    private string Config(string content) => home.Write(".aws/config", content);

    private static string Keys(string keyId) =>
        "aws_access_key_id = " + keyId + "\naws_secret_access_key = " + SecretKey + "\n";

    [Fact]
    public async Task Without_AWS_PROFILE_the_default_profile_of_the_credentials_file_is_used()
    {
        var path = Credentials("[other]\n" + Keys("AKIAOTHER0000EXAMPLE") + "\n[default]\n" + Keys(KeyId) + "aws_session_token = FwoGZXIvYXdzEBYaDEXAMPLE\n");

        var credentials = await Resolve();

        Assert.NotNull(credentials);
        Assert.Equal(KeyId, credentials.AccessKeyId.Reveal());
        Assert.Equal(SecretKey, credentials.SecretAccessKey.Reveal());
        Assert.Equal("FwoGZXIvYXdzEBYaDEXAMPLE", credentials.SessionToken.Reveal());
        Assert.Equal("profile 'default' in " + path, credentials.Provider);
    }

    [Fact]
    public async Task AWS_PROFILE_names_the_section_of_the_credentials_file()
    {
        Credentials("[default]\n" + Keys("AKIADEFAULT00EXAMPLE") + "[dev]\n" + Keys(KeyId));

        var credentials = await Resolve(("AWS_PROFILE", "dev"));

        Assert.Equal(KeyId, credentials?.AccessKeyId.Reveal());
        Assert.True(credentials?.SessionToken.IsEmpty);
    }

    [Fact]
    public async Task A_profile_missing_from_the_credentials_file_is_read_from_the_config_file_with_the_profile_prefix()
    {
        Credentials("[default]\n" + Keys("AKIADEFAULT00EXAMPLE"));
        var config = Config("[dev]\n" + Keys("AKIAWRONGSECTIONEXAMPLE") + "[profile dev]\nregion = us-east-1\n" + Keys(KeyId));

        var credentials = await Resolve(("AWS_PROFILE", "dev"));

        Assert.Equal(KeyId, credentials?.AccessKeyId.Reveal());
        Assert.Equal("profile 'dev' in " + config, credentials?.Provider);
    }

    [Fact]
    public async Task The_default_profile_of_the_config_file_is_profile_default_first_then_default_as_in_the_javascript_sdk()
    {
        Config("[default]\n" + Keys("AKIAWRONGSECTIONEXAMPLE") + "[profile default]\n" + Keys(KeyId));

        var credentials = await Resolve();

        Assert.Equal(KeyId, credentials?.AccessKeyId.Reveal());
    }

    [Fact]
    public async Task A_config_section_without_the_profile_prefix_is_not_a_named_profile()
    {
        Config("[dev]\n" + Keys(KeyId));

        Assert.Null(await Resolve(("AWS_PROFILE", "dev")));
    }

    [Fact]
    public async Task The_two_files_are_merged_key_by_key_with_the_credentials_file_winning()
    {
        Credentials("[dev]\naws_access_key_id = AKIAINCOMPLETEEXAMPLE\n");
        Config("[profile dev]\n" + Keys(KeyId));

        var credentials = await Resolve(("AWS_PROFILE", "dev"));

        Assert.Equal("AKIAINCOMPLETEEXAMPLE", credentials?.AccessKeyId.Reveal());
        Assert.Equal(SecretKey, credentials?.SecretAccessKey.Reveal());
    }

    [Fact]
    public async Task Comments_and_blank_lines_are_ignored()
    {
        Credentials("# aws_access_key_id = AKIACOMMENTED0EXAMPLE\n\n[default]\n; aws_access_key_id = AKIACOMMENTED1EXAMPLE\n  # aws_secret_access_key = commented\n" + Keys(KeyId) + "# [default]\n");

        var credentials = await Resolve();

        Assert.Equal(KeyId, credentials?.AccessKeyId.Reveal());
        Assert.Equal(SecretKey, credentials?.SecretAccessKey.Reveal());
    }

    [Fact]
    public async Task Values_may_contain_equals_signs_and_whitespace_is_trimmed()
    {
        Credentials("  [default]  \n  aws_access_key_id=" + KeyId + "  \naws_secret_access_key   =   " + SecretKey + "\naws_session_token = FwoGZXIvYXdz==\n");

        var credentials = await Resolve();

        Assert.Equal(KeyId, credentials?.AccessKeyId.Reveal());
        Assert.Equal(SecretKey, credentials?.SecretAccessKey.Reveal());
        Assert.Equal("FwoGZXIvYXdz==", credentials?.SessionToken.Reveal());
    }

    [Fact]
    public async Task The_file_variables_override_the_home_directory_paths()
    {
        Credentials("[default]\n" + Keys("AKIAHOMEFILE00EXAMPLE"));
        var custom = home.Write("custom/creds", "[default]\n" + Keys(KeyId));

        var credentials = await Resolve(("AWS_SHARED_CREDENTIALS_FILE", custom));

        Assert.Equal(KeyId, credentials?.AccessKeyId.Reveal());
        Assert.Equal("profile 'default' in " + custom, credentials?.Provider);
    }

    [Fact]
    public async Task The_config_file_variable_is_honoured()
    {
        var custom = home.Write("custom/config", "[profile ci]\n" + Keys(KeyId));

        var credentials = await Resolve(("AWS_PROFILE", "ci"), ("AWS_CONFIG_FILE", custom));

        Assert.Equal(KeyId, credentials?.AccessKeyId.Reveal());
    }

    [Fact]
    public async Task No_files_give_nothing()
    {
        Assert.Null(await Resolve());
        Assert.Null(await Resolve(("AWS_PROFILE", "dev")));
    }
    private async Task<AmbientResult> Attempt(params (string Name, string? Value)[] variables)
    {
        var environment = Env.Of(variables);
        environment.SetVariable("HOME", home.Path);
        return await TestProfileSources.Provider(environment, new RecordingMasker()).TryResolveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_missing_profile_or_one_with_only_a_region_declines_saying_so()
    {
        Config("[default]\nregion = us-east-1\n");

        var regionOnly = await Attempt();
        var missing = await Attempt(("AWS_PROFILE", "nowhere"));

        Assert.Equal("profile 'default' has no credential settings", regionOnly.Reason);
        Assert.StartsWith("no profile 'nowhere' in " + home.Path, missing.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n", "profile 'default' has aws_access_key_id but no aws_secret_access_key")]
    [InlineData("[default]\nrole_arn = arn:aws:iam::111111111111:role/r\nsource_profile = base\nduration_seconds = 60\n[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\n",
        "profile 'default' has duration_seconds '60': a whole number from 900 to 43200 is needed")]
    [InlineData("[default]\nweb_identity_token_file = /tmp/token\n", "profile 'default' has web_identity_token_file but no role_arn")]
    [InlineData("[default]\ncredential_process = \"unterminated\n", "credential_process has an unbalanced double quote")]
    [InlineData("[default]\nsso_session = s\nsso_account_id = 1\nsso_role_name = r\n", "sso_session 's' has no [sso-session s] section in ")]
    public async Task A_profile_set_up_for_credentials_that_cannot_produce_them_is_the_error(string credentials, string cause)
    {
        Credentials(credentials);

        var error = await Assert.ThrowsAsync<Cac.Action.Errors.ActionError>(() => Attempt());

        Assert.StartsWith("Credentials could not be loaded, please check your action inputs: profile 'default'", error.Message, StringComparison.Ordinal);
        Assert.Contains(cause, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("profile 'default': profile 'default'", error.Message, StringComparison.Ordinal);
    }
}
