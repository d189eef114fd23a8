using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Cac.EndToEnd.Tests;

/// <summary>
/// Odd files, run through the published binary: what the action reads must be a small regular file (a
/// pipe cannot hang it, /dev/zero cannot eat its memory), and what it writes is checked before the first
/// write and taken back when a later write fails (a dangling link or a full disk is a clear error naming
/// the file, and nothing is handed out).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileSafetyTests
{
    private const string Before = "EARLIER<<ghadelimiter_before\nvalue\nghadelimiter_before\n";

    public static TheoryData<string> CommandFileVariables => new("GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_STEP_SUMMARY");

    /// <summary>The run's own file for <paramref name="variable"/> (what the runner would read back).</summary>
    private static string OwnFile(Scenario scenario, string variable) => variable switch
    {
        "GITHUB_ENV" => scenario.Process.EnvFile,
        "GITHUB_OUTPUT" => scenario.Process.OutputFile,
        "GITHUB_STATE" => scenario.Process.StateFile,
        _ => scenario.Process.SummaryFile,
    };

    private static string CredentialsFile(Scenario scenario) => Path.Combine(scenario.Process.Home, ".aws", "credentials");

    [Theory]
    [InlineData("fifo", "(path is not a regular file: it is a named pipe (FIFO))")]
    [InlineData("/dev/zero", "(path is not a regular file: it is a character device)")]
    public async Task A_token_file_that_is_a_pipe_or_a_device_fails_at_once_before_any_call(string kind, string reason)
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        var path = kind == "fifo" ? MakeNamedPipe(Path.Combine(scenario.Process.Workspace, "token")) : kind;
        scenario.WithDemoRole().Input("web-identity-token-file", path);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, path + " " + reason, "CAC-E020");
        Assert.Empty(scenario.Sts.Requests);
    }

    [Fact]
    public async Task A_profile_file_that_is_a_pipe_fails_at_once_and_nothing_is_handed_out()
    {
        await using var scenario = await Scenario.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(CredentialsFile(scenario))!);
        MakeNamedPipe(CredentialsFile(scenario));
        scenario.WithDemoRole().Input("aws-profile", "dev").Input("output-env-credentials", "true");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, CredentialsFile(scenario) + " (path is not a regular file: it is a named pipe (FIFO))", "CAC-E022");
    }

    [Theory]
    [MemberData(nameof(CommandFileVariables))]
    public async Task A_dangling_link_as_a_command_file_is_named_before_any_call(string variable)
    {
        await using var scenario = await Scenario.StartAsync();
        var link = Path.Combine(scenario.Process.Workspace, "link");
        var missing = Path.Combine(scenario.Process.Workspace, "deleted");
        File.CreateSymbolicLink(link, missing);
        scenario.WithDemoRole().Input("aws-profile", "dev").Input("output-env-credentials", "true");
        scenario.Environment[variable] = link;

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Unable to use file command " + variable + ": " + link + " is a symbolic link to " + missing + ", which does not exist", "CAC-E040");
        Assert.Empty(scenario.Sts.Requests);
        Assert.Empty(scenario.Oidc.Requests);
        Assert.Equal(string.Empty, result.Summary);
        Assert.False(File.Exists(CredentialsFile(scenario)));
    }

    [Theory]
    [MemberData(nameof(CommandFileVariables))]
    public async Task A_full_disk_under_any_command_file_hands_out_nothing_and_takes_the_profile_back(string variable)
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("aws-profile", "dev").Input("output-env-credentials", "true").Input("output-credentials", "true");
        foreach (var name in CommandFileVariables)
        {
            File.WriteAllText(OwnFile(scenario, name), Before);
        }

        scenario.Environment[variable] = "/dev/full";

        var result = await scenario.RunAsync();

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Lines, line => line.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains("Unable to write file command " + variable + " to /dev/full: No space left on device", error, StringComparison.Ordinal);
        Assert.Contains("[CAC-E041]", error, StringComparison.Ordinal);
        foreach (var name in CommandFileVariables)
        {
            Assert.Equal(Before, File.ReadAllText(OwnFile(scenario, name)));
        }

        Assert.False(File.Exists(CredentialsFile(scenario)), "the profile written before the failure is still there");
    }

    [Fact]
    public async Task The_post_step_ignores_names_in_its_state_that_the_main_step_never_exports()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Environment["STATE_exported-variables"] = "LD_PRELOAD,PATH,AWS_REGION";
        scenario.Environment["STATE_previous-LD_PRELOAD"] = "/tmp/evil.so";

        var post = await scenario.RunAsync("post");

        Expect.Succeeded(post);
        Assert.Equal(new[] { ("AWS_REGION", "") }, post.Exports.Select(entry => (entry.Key, entry.Value)));
        Assert.Contains(post.Lines, line => line.StartsWith("::warning::Ignoring 'LD_PRELOAD' in the saved state", StringComparison.Ordinal));
        Assert.Contains(post.Lines, line => line.StartsWith("::warning::Ignoring 'PATH' in the saved state", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Container_credentials_are_not_fetched_over_plain_http_from_another_host()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.Input("aws-region", "us-east-1");
        scenario.Environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://credentials.example.invalid/v1";
        scenario.Environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "pod-token";

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "AWS_CONTAINER_CREDENTIALS_FULL_URI names host 'credentials.example.invalid' over http, which is not accepted", "CAC-E043");
        Assert.Empty(scenario.Sts.Requests);
    }

    private static string MakeNamedPipe(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}
