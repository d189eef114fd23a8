using System.Collections.Generic;
using System.Threading.Tasks;
using Cac.Action.Startup;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Startup;

public sealed class ProcessStartTests
{
    [Theory]
    [InlineData("/app/configure-aws-credentials", new string[0], new string[0])]
    [InlineData("/app/configure-aws-credentials", new[] { "post" }, new[] { "post" })]
    [InlineData("/app/post", new string[0], new[] { "post" })]
    [InlineData("post", new string[0], new[] { "post" })]
    [InlineData("/app/post", new[] { "extra" }, new[] { "post", "extra" })]
    [InlineData("/app/Post", new string[0], new string[0])]
    [InlineData("/app/post-something", new string[0], new string[0])]
    [InlineData(null, new string[0], new string[0])]
    public void The_stage_comes_from_the_argument_or_from_a_link_named_post(string? programPath, string[] args, string[] expected) =>
        Assert.Equal(expected, ProcessStart.StageArguments(programPath, args));

    [Fact]
    public async Task Without_libssl_the_main_stage_is_one_error_line_with_its_code_and_exit_code_1()
    {
        var console = new RecordingConsole();
        var tried = new List<string>();
        var exitCode = await ProcessStart.RunAsync("/app/configure-aws-credentials", [], Env.Of(), console, isLinux: true, name =>
        {
            tried.Add(name);
            return false;
        });

        Assert.Equal(1, exitCode);
        Assert.Equal(["libssl.so.3", "libssl.so.1.1", "libssl.so.1.0.2", "libssl.so.1.0.0", "libssl.so.10"], tried);
        var line = Assert.Single(console.Lines);
        Assert.StartsWith("::error::OpenSSL was not found", line, System.StringComparison.Ordinal);
        Assert.Contains("libssl.so.3, libssl.so.1.1", line, System.StringComparison.Ordinal);
        Assert.Contains("%0A[CAC-E050] Install OpenSSL", line, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_library_that_loads_ends_the_search()
    {
        var tried = new List<string>();
        Assert.True(OpenSsl.IsAvailable(Env.Of(), name =>
        {
            tried.Add(name);
            return name == "libssl.so.1.1";
        }, out _));
        Assert.Equal(["libssl.so.3", "libssl.so.1.1"], tried);
    }

    [Fact]
    public void The_version_override_of_dotnet_is_the_only_name_tried()
    {
        Assert.False(OpenSsl.IsAvailable(Env.Of((OpenSsl.VersionOverrideVariable, " 1.1 ")), _ => false, out var tried));
        Assert.Equal(["libssl.so.1.1"], tried);
    }

    [Theory]
    [InlineData("/app/post", true)]
    [InlineData("/app/configure-aws-credentials", false)]
    public async Task Libssl_is_not_looked_for_by_the_post_stage_nor_off_Linux(string programPath, bool isLinux)
    {
        var looked = false;
        var console = new RecordingConsole();
        await ProcessStart.RunAsync(programPath, [], Env.Of(), console, isLinux, _ => looked = true);

        Assert.False(looked);
        Assert.NotEmpty(console.Lines);
        Assert.DoesNotContain(console.Lines, line => line.Contains("CAC-E050", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_libssl_the_main_stage_runs()
    {
        var console = new RecordingConsole();
        // No inputs: the main stage itself fails with its own error, which shows the check let it run.
        var exitCode = await ProcessStart.RunAsync("/app/configure-aws-credentials", [], Env.Of(), console, isLinux: true, name => name == "libssl.so.3");

        Assert.Equal(1, exitCode);
        var error = Assert.Single(console.Lines, line => line.StartsWith("::error::", System.StringComparison.Ordinal));
        Assert.Contains("[CAC-E001]", error, System.StringComparison.Ordinal);
    }
}
