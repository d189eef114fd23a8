using System.Diagnostics;
using System.Threading.Tasks;
using System;
using Cac.TestSupport;

namespace Cac.Package.Tests.TestSupport;

/// <summary>Runs the dotnet CLI as a user would, with no MSBuild nodes left behind.</summary>
internal static class Dotnet
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs and returns the exit code and everything printed.</summary>
    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return new Result(process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Runs and fails the test unless the command succeeds.</summary>
    public static async Task<string> SucceedAsync(string workingDirectory, params string[] arguments)
    {
        var result = await RunAsync(workingDirectory, arguments);
        AssertWith.Equal(0, result.ExitCode, "dotnet " + string.Join(' ', arguments) + " failed:\n" + result.Output);
        return result.Output;
    }
}
