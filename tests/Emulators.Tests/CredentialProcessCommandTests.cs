using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace Cac.Emulators.Tests;

/// <summary>The credential_process helper, run as a process (no shell) and through the AWS SDK for .NET's own provider.</summary>
public sealed class CredentialProcessCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cac-process-").FullName;

    private static IssuedCredentials Credentials(TimeSpan? lifetime = null) =>
        CredentialIssuers.Unknown("arn:aws:iam::111111111111:role/helper", "process").Issue(DateTimeOffset.UtcNow + (lifetime ?? TimeSpan.FromHours(1)));

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(CredentialProcessCommand command)
    {
        var start = new ProcessStartInfo(command.Elements[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Elements.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Printing_writes_version_1_json_with_the_five_members()
    {
        var credentials = Credentials();

        var (exitCode, stdout, _) = await RunAsync(CredentialProcessCommand.Printing(_directory, credentials));

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, json.RootElement.GetProperty("Version").GetInt32());
        Assert.Equal(credentials.SecretAccessKey, json.RootElement.GetProperty("SecretAccessKey").GetString());
    }

    [Fact]
    public async Task The_sdks_own_process_provider_runs_the_command_line_and_reads_the_credentials()
    {
        var credentials = Credentials();
        var command = CredentialProcessCommand.Printing(_directory, credentials, withAccountId: true);

        using var provider = new ProcessAWSCredentials(command.CommandLine);
        var resolved = await provider.GetCredentialsAsync();

        Assert.Equal(credentials.AccessKeyId, resolved.AccessKey);
        Assert.Equal(credentials.SessionToken, resolved.Token);
    }

    [Fact]
    public async Task The_sdks_own_process_provider_refuses_another_version()
    {
        using var provider = new ProcessAWSCredentials(CredentialProcessCommand.Printing(_directory, Credentials(), version: 2).CommandLine);

        await Assert.ThrowsAnyAsync<Exception>(() => provider.GetCredentialsAsync());
    }

    [Fact]
    public async Task Failing_exits_with_the_code_and_writes_the_text_to_stderr_only()
    {
        var (exitCode, stdout, stderr) = await RunAsync(CredentialProcessCommand.Failing(3, "token expired: run the broker again"));

        Assert.Equal((3, string.Empty, "token expired: run the broker again"), (exitCode, stdout, stderr));
    }

    [Fact]
    public void An_element_with_spaces_is_double_quoted_and_nothing_else_is()
    {
        var command = CredentialProcessCommand.Failing(1, "two words");

        Assert.EndsWith(" fail 1 \"two words\"", command.CommandLine, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CredentialProcessCommand.Failing(1, "a \"quoted\" word").CommandLine);
    }

    [Fact]
    public async Task Hanging_never_exits_until_killed()
    {
        var command = CredentialProcessCommand.Hanging();
        var start = new ProcessStartInfo(command.Elements[0]) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in command.Elements.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var exited = process.WaitForExit(TimeSpan.FromMilliseconds(500));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        Assert.False(exited);
    }

    [Fact]
    public async Task Garbage_is_not_json()
    {
        var (exitCode, stdout, _) = await RunAsync(CredentialProcessCommand.Garbage());

        Assert.Equal(0, exitCode);
        Assert.Contains('\0', stdout);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(stdout));
    }

    [Fact]
    public async Task Flooding_prints_exactly_the_asked_number_of_bytes()
    {
        var (_, stdout, _) = await RunAsync(CredentialProcessCommand.Flooding(200_000));

        Assert.Equal(200_000, stdout.Length);
    }

    [Fact]
    public async Task Recording_keeps_the_arguments_and_environment_the_helper_received()
    {
        var command = CredentialProcessCommand.Printing(_directory, Credentials()).Recording(_directory).WithStandardError("noise on stderr");

        var (exitCode, _, stderr) = await RunAsync(command);

        Assert.Equal((0, "noise on stderr"), (exitCode, stderr));
        var arguments = JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(command.ArgumentsFile!))!;
        Assert.Equal(command.Elements.Skip(2), arguments);
        var environment = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(command.EnvironmentFile!))!;
        Assert.Contains("PATH", environment.Keys);
    }
}
