using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Cac.EndToEnd.Tests;

/// <summary>The <c>aws-profile</c> input: profile files written safely, and removed by the post step when created.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProfileTests
{
    private static string CredentialsFile(Scenario scenario) => Path.Combine(scenario.Process.Home, ".aws", "credentials");

    private static string ConfigFile(Scenario scenario) => Path.Combine(scenario.Process.Home, ".aws", "config");

    [Fact]
    public async Task An_oidc_run_writes_the_role_credentials_to_the_profile_and_exports_nothing_by_default()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("aws-profile", "dev");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Empty(result.Exports);
        var credentials = File.ReadAllText(CredentialsFile(scenario));
        Assert.StartsWith("[dev]\naws_access_key_id = ASIA", credentials, StringComparison.Ordinal);
        Assert.Contains("aws_session_token = ", credentials, StringComparison.Ordinal);
        Assert.Equal("[profile dev]\nregion = us-east-1\n", File.ReadAllText(ConfigFile(scenario)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CredentialsFile(scenario)));
        Assert.Contains("✓ Successfully configured AWS profile: dev", result.Lines);
        Assert.DoesNotContain(result.Lines, line => line.Contains("aws_secret_access_key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_existing_profile_is_kept_and_the_run_fails_before_anything_is_written_without_overwrite()
    {
        await using var scenario = await Scenario.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(CredentialsFile(scenario))!);
        const string Existing = "# team profiles\n[dev]\naws_access_key_id = AKIAOLDKEYEXAMPLE00\naws_secret_access_key = old-EXAMPLE\n";
        File.WriteAllText(CredentialsFile(scenario), Existing);
        scenario.WithDemoRole().Input("aws-profile", "dev").Input("output-env-credentials", "true");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Profile with name \"dev\" already exists", "CAC-E022");
        Assert.Equal(Existing, File.ReadAllText(CredentialsFile(scenario)));
        Assert.False(File.Exists(ConfigFile(scenario)));
    }

    [Fact]
    public async Task Overwrite_replaces_only_the_profile_and_the_post_step_puts_the_old_one_back_byte_for_byte()
    {
        await using var scenario = await Scenario.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(CredentialsFile(scenario))!);
        const string Before = "# team profiles\n[personal]\naws_access_key_id = AKIAPERSONALEXAMPLE0\naws_secret_access_key = personal-EXAMPLE\n\n" +
            "; the old dev key\n[dev]\naws_access_key_id = AKIAOLDKEYEXAMPLE00   # rotated yearly\naws_secret_access_key = old-dev-EXAMPLE\n\n[later]\nregion = us-west-2\n";
        const string ConfigBefore = "[profile dev]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 4\n\n[profile later]\noutput = json\n";
        File.WriteAllText(CredentialsFile(scenario), Before);
        File.WriteAllText(ConfigFile(scenario), ConfigBefore);
        scenario.WithDemoRole().Input("aws-profile", "dev").Input("overwrite-aws-profile", "true");

        var main = await scenario.RunAsync();
        Expect.Succeeded(main);
        var credentials = File.ReadAllText(CredentialsFile(scenario));
        Assert.StartsWith("# team profiles\n[personal]\naws_access_key_id = AKIAPERSONALEXAMPLE0\n", credentials, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAOLDKEYEXAMPLE00", credentials, StringComparison.Ordinal);
        Assert.DoesNotContain(main.State.Select(pair => pair.Value), value => value.Contains("old-dev-EXAMPLE", StringComparison.Ordinal) || value.Contains("AKIAOLDKEYEXAMPLE00", StringComparison.Ordinal));
        var kept = main.State.Single(pair => pair.Key == "replaced-profile-file").Value;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kept));

        var post = await scenario.RunPostAsync(main);

        Expect.Succeeded(post);
        Assert.Equal(Before, File.ReadAllText(CredentialsFile(scenario)));
        Assert.Equal(ConfigBefore, File.ReadAllText(ConfigFile(scenario)));
        Assert.False(File.Exists(kept));
        Assert.Contains("Restored AWS profile 'dev' as it was before this action overwrote it.", post.Lines);
    }

    [Fact]
    public async Task The_post_step_removes_a_profile_this_action_created_and_nothing_else()
    {
        await using var scenario = await Scenario.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(CredentialsFile(scenario))!);
        const string Before = "# team profiles\n[personal]\naws_access_key_id = AKIAPERSONALEXAMPLE0\naws_secret_access_key = personal-EXAMPLE\n";
        File.WriteAllText(CredentialsFile(scenario), Before);
        scenario.WithDemoRole().Input("aws-profile", "ci");

        var main = await scenario.RunAsync();
        Expect.Succeeded(main);
        Assert.Contains("[ci]", File.ReadAllText(CredentialsFile(scenario)), StringComparison.Ordinal);

        var post = await scenario.RunPostAsync(main);

        Expect.Succeeded(post);
        Assert.Equal(Before, File.ReadAllText(CredentialsFile(scenario)));
        Assert.DoesNotContain("[profile ci]", File.ReadAllText(ConfigFile(scenario)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_in_place_of_the_credentials_file_is_refused()
    {
        await using var scenario = await Scenario.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(CredentialsFile(scenario))!);
        var target = Path.Combine(scenario.Process.Workspace, "elsewhere");
        File.WriteAllText(target, "untouched");
        File.CreateSymbolicLink(CredentialsFile(scenario), target);
        scenario.WithDemoRole().Input("aws-profile", "dev");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "(path is a symbolic link)", "CAC-E022");
        Assert.Equal("untouched", File.ReadAllText(target));
    }

    [Fact]
    public async Task An_invalid_profile_name_fails_before_any_call()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("aws-profile", "my profile");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Failed to write AWS profile 'my profile': aws-profile must not contain whitespace", "CAC-E001");
        Assert.Empty(scenario.Sts.Requests);
    }
}
