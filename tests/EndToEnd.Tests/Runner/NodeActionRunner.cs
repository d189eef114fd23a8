using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests.Runner;

/// <summary>
/// Runs a stage of a node action the way the runner does: its own Node with the script named by
/// <c>runs.main</c> or <c>runs.post</c>, no shell, in the workspace, with the step's variables over the runner
/// process's own (PATH, the runner user's home as HOME, and USERPROFILE on Windows).
/// </summary>
internal static class NodeActionRunner
{
    public static async Task<ActionRunResult> RunAsync(RunnerJob job, ActionManifest action, string stage, IReadOnlyDictionary<string, string> with)
    {
        var files = job.NewStepFiles();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? string.Empty,
            ["HOME"] = job.Home,
        };
        if (OperatingSystem.IsWindows())
        {
            environment["USERPROFILE"] = job.Home;
            environment["SystemRoot"] = Environment.GetEnvironmentVariable("SystemRoot") ?? @"C:\Windows";
        }

        foreach (var (name, value) in StepEnvironment.For(job, action, with, files))
        {
            environment[name] = value;
        }

        var script = Path.Combine(action.Directory, action.Runs[stage]);
        var run = await ChildProcess.RunAsync(ChildProcess.Find("node"), [script], environment, job.Workspace);
        return job.Finish(files, run.ExitCode, run.StandardOutput, run.StandardError, run.Elapsed);
    }
}
