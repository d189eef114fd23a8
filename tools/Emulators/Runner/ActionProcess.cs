using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Cac.Emulators.Runner;

/// <summary>
/// Runs the published action executable the way the runner runs a container action's entry point: a
/// clean environment (only what the caller sets), temp GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE /
/// GITHUB_STEP_SUMMARY files, and the exit code and standard output collected.
/// </summary>
public sealed class ActionProcess : IDisposable
{
    private readonly string directory;
    private readonly IReadOnlyList<string> launcher;

    /// <param name="executablePath">The published action.</param>
    /// <param name="launcher">A command to run it under (e.g. a memory meter), or none.</param>
    public ActionProcess(string executablePath, IReadOnlyList<string>? launcher = null)
    {
        ExecutablePath = executablePath;
        this.launcher = launcher ?? [];
        directory = Directory.CreateTempSubdirectory("cac-run-").FullName;
        Workspace = Directory.CreateDirectory(Path.Combine(directory, "workspace")).FullName;
        Home = Directory.CreateDirectory(Path.Combine(directory, "home")).FullName;
        RunnerTemp = Directory.CreateDirectory(Path.Combine(directory, "runner_temp")).FullName;
        EnvFile = Touch("github_env");
        OutputFile = Touch("github_output");
        StateFile = Touch("github_state");
        SummaryFile = Touch("step_summary");
    }

    public string ExecutablePath { get; }
    public string Workspace { get; }
    public string Home { get; }

    /// <summary>The job's RUNNER_TEMP, which the runner empties after the job.</summary>
    public string RunnerTemp { get; }
    public string EnvFile { get; }
    public string OutputFile { get; }
    public string StateFile { get; }
    public string SummaryFile { get; }

    /// <summary>The variables the runner sets for every step (ENV0 of the upstream tests), plus the file commands.</summary>
    public Dictionary<string, string> RunnerEnvironment() => new(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = Home,
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_REPOSITORY"] = "octo-org/octo-repo",
        ["GITHUB_WORKFLOW"] = "deploy",
        ["GITHUB_ACTION"] = "configure-aws",
        ["GITHUB_ACTOR"] = "octocat[bot]",
        ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
        ["GITHUB_REF"] = "refs/heads/main",
        ["GITHUB_EVENT_NAME"] = "push",
        ["GITHUB_RUN_ID"] = "16412345678",
        ["GITHUB_JOB"] = "build",
        ["GITHUB_TRIGGERING_ACTOR"] = "octocat",
        ["GITHUB_WORKSPACE"] = Workspace,
        ["GITHUB_ENV"] = EnvFile,
        ["GITHUB_OUTPUT"] = OutputFile,
        ["GITHUB_STATE"] = StateFile,
        ["GITHUB_STEP_SUMMARY"] = SummaryFile,
        ["RUNNER_TEMP"] = RunnerTemp,
        // GitHub-hosted runners are never EC2 instances: the action does not probe instance metadata.
        ["RUNNER_ENVIRONMENT"] = "github-hosted",
    };

    public async Task<ActionRunResult> RunAsync(IReadOnlyDictionary<string, string> environment, string? argument = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Workspace,
        };
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        if (launcher.Count > 0)
        {
            foreach (var launcherArgument in launcher.Skip(1))
            {
                start.ArgumentList.Add(launcherArgument);
            }

            start.ArgumentList.Add(ExecutablePath);
        }

        if (argument is not null)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + ExecutablePath);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The action did not exit within 120 s");
        }

        stopwatch.Stop();
        return new ActionRunResult(
            process.ExitCode,
            await stdout.ConfigureAwait(false),
            await stderr.ConfigureAwait(false),
            stopwatch.Elapsed,
            FileCommandFile.Read(EnvFile),
            FileCommandFile.Read(OutputFile),
            FileCommandFile.Read(StateFile),
            File.ReadAllText(SummaryFile));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a run over it.
        }
    }

    private string Touch(string name)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, string.Empty);
        return path;
    }
}
