using System.IO;
using System.Linq;
using System;
using Cac.Action.Post;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Post;

public sealed class PostStepTests : IDisposable
{
    private readonly TempDir temp = new();
    private readonly RecordingConsole console = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Only_the_variables_the_main_step_can_export_are_restored_whatever_the_state_lists()
    {
        var envFile = temp.Write("set_env", string.Empty);
        var environment = Env.Of(
            ("GITHUB_ENV", envFile),
            ("STATE_exported-variables", "LD_PRELOAD,PATH,AWS_REGION,aws_region,AWS_SECRET_ACCESS_KEY,BASH_ENV"),
            ("STATE_previous-LD_PRELOAD", "/tmp/evil.so"),
            ("STATE_previous-AWS_REGION", "eu-west-1"));

        new PostStep(environment, new FileCommandWriter(environment), new ActionLog(console, isDebug: false)).Run();

        var exports = RunnerEnvFileParser.Parse(File.ReadAllText(envFile)).Select(pair => (pair.Key, pair.Value));
        Assert.Equal(new[] { ("AWS_REGION", "eu-west-1"), ("AWS_SECRET_ACCESS_KEY", "") }, exports);
        foreach (var ignored in new[] { "LD_PRELOAD", "PATH", "aws_region", "BASH_ENV" })
        {
            Assert.Contains(console.Lines, line => line.StartsWith("::warning::Ignoring '" + ignored + "' in the saved state", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public void Cleanup_is_read_alone_so_another_invalid_input_does_not_stop_it(string cleanup)
    {
        var envFile = temp.Write("set_env", string.Empty);
        var environment = Env.Of(
            ("GITHUB_ENV", envFile),
            ("INPUT_CLEANUP", cleanup),
            ("INPUT_ROLE-DURATION-SECONDS", "not a number"),
            ("INPUT_AWS-SECRET-ACCESS-KEY", "not-masked-again"),
            ("STATE_exported-variables", "AWS_REGION"));

        new PostStep(environment, new FileCommandWriter(environment), new ActionLog(console, isDebug: false)).Run();

        var exports = RunnerEnvFileParser.Parse(File.ReadAllText(envFile)).Select(pair => pair.Key);
        Assert.Equal(cleanup == "true" ? ["AWS_REGION"] : [], exports);
        Assert.DoesNotContain(console.Lines, line => line.StartsWith("::add-mask::", StringComparison.Ordinal));
        Assert.DoesNotContain(console.Lines, line => line.StartsWith("::warning::", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_cleanup_warns_and_cleans_up()
    {
        var envFile = temp.Write("set_env", string.Empty);
        var environment = Env.Of(("GITHUB_ENV", envFile), ("INPUT_CLEANUP", "no"), ("STATE_exported-variables", "AWS_REGION"));

        new PostStep(environment, new FileCommandWriter(environment), new ActionLog(console, isDebug: false)).Run();

        Assert.Equal(["AWS_REGION"], RunnerEnvFileParser.Parse(File.ReadAllText(envFile)).Select(pair => pair.Key));
        Assert.Contains(console.Lines, line => line.StartsWith("::warning::Input does not meet YAML 1.2", StringComparison.Ordinal) && line.Contains("cleanup", StringComparison.Ordinal));
    }
}
