using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Runner;
using Cac.Emulators;
using Cac.TestSupport;

namespace Cac.EndToEnd.Tests.InProcess;

/// <summary>The credential_process runner against the real helper process (tools/CredentialProcess) and its failure modes.</summary>
public sealed class CredentialProcessRunnerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("cac-process-").FullName;
    private readonly RecordingConsole console = new();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static IssuedCredentials Credentials(TimeSpan lifetime) =>
        new("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEBYaDEXAMPLE", DateTimeOffset.UtcNow + lifetime, "111111111111", "arn:aws:sts::111111111111:assumed-role/ci/process");

    private Task<AmbientCredentials> RunAsync(CredentialProcessCommand command, TimeSpan? timeout = null) =>
        new CredentialProcessRunner(new ActionLog(console, isDebug: false), TimeProvider.System, timeout).RunAsync(command.CommandLine, "test", CancellationToken.None);

    [Fact]
    public async Task Its_credentials_are_masked_and_its_arguments_arrive_as_written_without_a_shell()
    {
        var command = CredentialProcessCommand.Printing(directory, Credentials(TimeSpan.FromHours(1))).Recording(directory).WithStandardError("a line with $HOME and `id`");

        var credentials = await RunAsync(command);

        Assert.Equal("ASIAIOSFODNN7EXAMPLE", credentials.AccessKeyId.Reveal());
        Assert.Equal("FwoGZXIvYXdzEBYaDEXAMPLE", credentials.SessionToken.Reveal());
        Assert.Contains(console.Lines, line => line == "::add-mask::wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        var arguments = JsonSerializer.Deserialize<string[]>(File.ReadAllText(command.ArgumentsFile!));
        Assert.Contains("a line with $HOME and `id`", arguments!);
    }

    [Theory]
    [InlineData("fail", "credential_process exited with code 7 (its standard error, ")]
    [InlineData("garbage", "credential_process did not print JSON")]
    [InlineData("version2", "credential_process printed a document without \"Version\": 1")]
    [InlineData("expired", "credential_process printed unusable credentials: the credentials expired at ")]
    [InlineData("flood", "credential_process wrote more than 65,536 characters")]
    [InlineData("flood-and-exit", "credential_process wrote more than 65,536 characters")]
    [InlineData("missing", "credential_process could not start '/nonexistent/credential-helper'")]
    public async Task A_failure_says_what_went_wrong_and_never_shows_standard_error(string mode, string expected)
    {
        var line = mode switch
        {
            "fail" => CredentialProcessCommand.Failing(7, "secret=STDERR-SECRET-EXAMPLE").CommandLine,
            "garbage" => CredentialProcessCommand.Garbage().WithStandardError("STDERR-SECRET-EXAMPLE").CommandLine,
            "version2" => CredentialProcessCommand.Printing(directory, Credentials(TimeSpan.FromHours(1)), version: 2).CommandLine,
            "expired" => CredentialProcessCommand.Printing(directory, Credentials(TimeSpan.FromHours(-1))).CommandLine,
            "flood" => CredentialProcessCommand.Flooding(CredentialProcessRunner.MaxOutputCharacters * 4).CommandLine,
            // Just over the limit: the rest fits in the pipe, so the process can exit while the limit is reached.
            "flood-and-exit" => CredentialProcessCommand.Flooding(CredentialProcessRunner.MaxOutputCharacters + 1024).CommandLine,
            _ => "/nonexistent/credential-helper --flag",
        };
        var runner = new CredentialProcessRunner(new ActionLog(console, isDebug: false), TimeProvider.System);

        var problem = await Assert.ThrowsAsync<ProfileProblem>(() => runner.RunAsync(line, "test", CancellationToken.None));

        Assert.StartsWith(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("STDERR-SECRET", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(console.Lines, printed => printed.Contains("STDERR-SECRET", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_process_that_never_finishes_is_stopped_at_the_time_limit(bool printsFirst)
    {
        var command = printsFirst ? CredentialProcessCommand.PrintingThenHanging(directory, Credentials(TimeSpan.FromHours(1))) : CredentialProcessCommand.Hanging();

        var problem = await Assert.ThrowsAsync<ProfileProblem>(() => RunAsync(command, TimeSpan.FromSeconds(2)));

        Assert.Equal("credential_process did not finish within 2 seconds and was stopped", problem.Message);
    }
}
