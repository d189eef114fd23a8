using System;
using System.IO;
using System.Linq;
using Cac.Action.Credentials;
using Cac.Action.Credentials.Sts;
using Cac.Action.Errors;
using Cac.Action.Planning;
using Cac.Action.Results;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Results;

/// <summary>
/// The result is handed out whole or not at all: every file is checked before the first write, and a
/// write that fails takes back the ones before it (the runner applies whatever GITHUB_ENV and
/// GITHUB_OUTPUT hold even when the step fails).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ResultWriterAllOrNothingTests : IDisposable
{
    private const string Before = "EARLIER<<ghadelimiter_before\nvalue\nghadelimiter_before\n";

    private static readonly string[] CommandVariables = ["GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_STEP_SUMMARY"];

    private readonly TempDir temp = new();
    private readonly RecordingConsole console = new();
    private readonly DictionaryEnvironment environment;

    public ResultWriterAllOrNothingTests()
    {
        environment = Env.RunnerWithIdToken(("HOME", temp.Combine("home")), ("AWS_REGION", "eu-west-1"));
        foreach (var variable in CommandVariables)
        {
            environment.SetVariable(variable, temp.Write(variable, Before));
        }
    }

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> Variables => new(CommandVariables);

    private string CredentialsFile => temp.Combine("home/.aws/credentials");

    private static FlowResult Result(string arn = "arn:aws:sts::111111111111:assumed-role/deploy/GitHubActions") => new()
    {
        Source = CredentialSource.Oidc,
        Credentials = new IssuedCredentials(
            TestInputs.MakeSecret("ASIAIOSFODNN7EXAMPLE"), TestInputs.MakeSecret(TestInputs.SecretAccessKey), TestInputs.MakeSecret("FwoGZXIvYXdzEBYaDEXAMPLE"),
            new DateTimeOffset(2026, 8, 18, 5, 0, 0, TimeSpan.Zero)),
        Account = "111111111111",
        Arn = arn,
        AssumedRoleId = "AROAEXAMPLEID:GitHubActions",
        SessionName = "GitHubActions",
    };

    private void Write(FlowResult result, params (string Input, string Value)[] extra)
    {
        (string, string)[] inputs = [("role-to-assume", TestInputs.RoleArn), ("aws-profile", "dev"), ("output-env-credentials", "true"), ("output-credentials", "true"), .. extra];
        var plan = TestInputs.Plan(environment, inputs);
        new ResultWriter(plan, new FileCommandWriter(environment), new ActionLog(console, isDebug: false), environment).Write(result, summaryAvailable: true);
    }

    private string Content(string variable) => File.ReadAllText(temp.Combine(variable));

    [Fact]
    public void A_successful_write_appends_to_every_file_and_writes_the_profile()
    {
        Write(Result());

        foreach (var variable in CommandVariables)
        {
            Assert.StartsWith(Before, Content(variable), StringComparison.Ordinal);
            Assert.NotEqual(Before, Content(variable));
        }

        var exports = RunnerEnvFileParser.Parse(Content("GITHUB_ENV")).Skip(1).Select(pair => pair.Key);
        Assert.Equal(new[] { "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE" }, exports);
        Assert.Contains("[dev]", File.ReadAllText(CredentialsFile), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public void A_full_disk_on_any_file_leaves_every_file_as_it_was_and_no_profile(string variable)
    {
        environment.SetVariable(variable, "/dev/full");

        var error = Assert.Throws<ActionError>(() => Write(Result()));

        Assert.Same(ErrorCode.WriteFailed, error.Code);
        Assert.StartsWith("Unable to write file command " + variable + " to /dev/full: No space left on device", error.Message, StringComparison.Ordinal);
        foreach (var other in CommandVariables.Where(name => name != variable))
        {
            Assert.Equal(Before, Content(other));
        }

        Assert.False(File.Exists(CredentialsFile), "the new profile file was not removed again");
        Assert.False(File.Exists(temp.Combine("home/.aws/config")));
    }

    [Fact]
    public void A_failure_after_the_profile_was_written_puts_back_the_profile_files_as_they_were()
    {
        var existing = temp.Write("home/.aws/credentials", "# mine\n[personal]\naws_access_key_id = AKIAPERSONALEXAMPLE0\n");
        var existingText = File.ReadAllText(existing);
        environment.SetVariable("GITHUB_ENV", "/dev/full");

        Assert.Throws<ActionError>(() => Write(Result()));

        Assert.Equal(existingText, File.ReadAllText(existing));
        Assert.Contains("Put " + existing + " back as it was before this step.", console.Lines);
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public void A_dangling_link_on_any_file_fails_before_anything_is_written(string variable)
    {
        var link = temp.Combine("link-" + variable);
        File.CreateSymbolicLink(link, temp.Combine("deleted"));
        environment.SetVariable(variable, link);

        var error = Assert.Throws<ActionError>(() => Write(Result()));

        Assert.Same(ErrorCode.RunnerFileUnusable, error.Code);
        Assert.Equal("Unable to use file command " + variable + ": " + link + " is a symbolic link to " + temp.Combine("deleted") + ", which does not exist", error.Message);
        foreach (var other in CommandVariables.Where(name => name != variable))
        {
            Assert.Equal(Before, Content(other));
        }

        Assert.False(File.Exists(CredentialsFile));
    }

    [Fact]
    public void Text_from_outside_cannot_break_the_summary_table_or_inject_markup()
    {
        const string Hostile = "arn:aws:sts::111111111111:assumed-role/a|b\n::error::x\r\n<img src=x onerror=alert(1)> [link](https://evil.example) **bold** ``tick`` $x$";

        Write(Result(Hostile), ("role-skip-session-tagging", "true"));

        var summary = Content("GITHUB_STEP_SUMMARY")[Before.Length..];
        var rows = summary.Split('\n').Where(line => line.StartsWith('|')).ToList();
        Assert.Equal(9, rows.Count);
        Assert.Equal(
            "| Identity | ```arn:aws:sts::111111111111:assumed-role/a\\|b ::error::x  <img src=x onerror=alert(1)> [link](https://evil.example) **bold** ``tick`` $x$``` |",
            rows[2]);
        Assert.Equal("| Region | `us-east-1` |", rows[6]);
    }
}
