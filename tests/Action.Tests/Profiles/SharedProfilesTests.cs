using System;
using System.IO;
using Cac.Action.Profiles;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Profiles;

/// <summary>The profile files read the JavaScript SDK's way, on the AWS CLI fixtures of tests/Fixtures/aws-cli.</summary>
public sealed class SharedProfilesTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private SharedProfiles Load(string fixture)
    {
        var directory = Path.Combine(RepositoryFiles.Root, "tests", "Fixtures", "aws-cli", fixture);
        return SharedProfiles.Load(new ProfilePaths(Path.Combine(directory, "credentials"), Path.Combine(directory, "config")));
    }

    [Theory]
    [InlineData("eu-central-1 # an inline comment", "eu-central-1")]
    [InlineData("eu-central-1\t; another", "eu-central-1")]
    [InlineData("ci#1", "ci#1")]
    [InlineData("a;b", "a;b")]
    [InlineData("# only a comment", "")]
    [InlineData("--tag build#42 --label \"x #y\"", "--tag build#42 --label \"x")]
    public void An_inline_comment_starts_at_a_hash_or_semicolon_after_white_space(string value, string expected) =>
        Assert.Equal(expected, SharedProfiles.WithoutInlineComment(value));

    [Fact]
    public void The_comments_fixture_reads_as_the_javascript_sdk_reads_it()
    {
        var files = Load("comments");

        var commented = files.Profile("commented")!;
        var defaults = files.Profile("default")!;

        Assert.Equal("eu-central-1", commented["region"]);
        Assert.Equal("text", commented["output"]);
        Assert.Equal("ci#1", commented["role_session_name"]);
        Assert.False(commented.ContainsKey("cli_pager"));
        Assert.Equal("us-east-1", defaults["region"]);
        Assert.Equal("json", defaults["output"]);
    }

    [Fact]
    public void The_credentials_file_wins_key_by_key_and_profile_default_replaces_default_in_the_config_file()
    {
        var credentials = temp.Write("credentials", "[dev]\naws_access_key_id = AKIAFROMCREDSEXAMPLE\n");
        var config = temp.Write("config", "[default]\nregion = us-east-1\noutput = json\n[profile default]\nregion = eu-west-1\n[profile dev]\naws_access_key_id = AKIACONFIGKEYEXAMPLE\nregion = ap-south-1\n[dev]\nregion = never-read\n");
        var files = SharedProfiles.Load(new ProfilePaths(credentials, config));

        var dev = files.Profile("dev")!;
        var defaults = files.Profile("default")!;

        Assert.Equal("AKIAFROMCREDSEXAMPLE", dev["aws_access_key_id"]);
        Assert.Equal("ap-south-1", dev["region"]);
        Assert.Equal(credentials, files.FileOf("dev", "aws_access_key_id"));
        Assert.Equal(config, files.FileOf("dev", "region"));
        Assert.Equal("eu-west-1", defaults["region"]);
        Assert.False(defaults.ContainsKey("output"));
        Assert.Null(files.Profile("missing"));
    }

    [Fact]
    public void Sso_sessions_come_from_their_own_sections_of_the_config_file()
    {
        var files = Load("sso");

        Assert.Equal("https://d-0123456789.awsapps.com/start", files.SsoSession("my-sso")?["sso_start_url"]);
        Assert.Null(files.SsoSession("no-such-session"));
        Assert.Null(files.Profile("my-sso"));
    }
}
