using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests.Runner;

/// <summary>
/// Runs a stage of a container action the way the runner's <c>docker run</c> does, through podman: the
/// runner's flags (--workdir /github/workspace, --rm, name and label), every step variable passed as
/// <c>-e NAME</c> with its value, translated to container paths, in the engine's own environment,
/// <c>GITHUB_ACTIONS</c> and <c>CI</c>, HOME as /github/home, the runner's bind mounts, and
/// <c>--entrypoint</c> for a post entry point. Two differences, both for this sandbox: host networking,
/// so the container reaches the emulators on the host's loopback, and no /var/run/docker.sock mount,
/// since no Docker engine runs here.
/// </summary>
internal static class ContainerActionRunner
{
    public static async Task<ActionRunResult> RunAsync(
        RunnerJob job, ActionManifest action, string image, string? entrypoint, IReadOnlyDictionary<string, string> with)
    {
        var files = job.NewStepFiles();
        var variables = StepEnvironment.For(job, action, with, files);
        variables["HOME"] = job.ContainerHome;

        // Host path -> container path, the most specific first (the runner inserts mappings at the front).
        (string Host, string Container)[] mounts =
        [
            (job.FileCommands, "/github/file_commands"),
            (job.WorkflowFolder, "/github/workflow"),
            (job.ContainerHome, "/github/home"),
            (job.Temp, "/github/runner_temp"),
            (job.Workspace, "/github/workspace"),
        ];

        var label = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var arguments = new List<string>
        {
            "run", "--name", "configure-aws-credentials_" + label, "--label", label,
            "--workdir", "/github/workspace", "--rm",
        };
        var engineEnvironment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        };
        foreach (var (name, value) in variables)
        {
            arguments.Add("-e");
            arguments.Add(name);
            engineEnvironment[name] = Translate(value, mounts);
        }

        arguments.AddRange(["-e", "GITHUB_ACTIONS=true", "-e", "CI=true"]);
        foreach (var (host, container) in mounts.Reverse())
        {
            arguments.AddRange(["-v", host + ":" + container]);
        }

        arguments.AddRange(["--network", "host"]);
        if (entrypoint is not null)
        {
            arguments.AddRange(["--entrypoint", entrypoint]);
        }

        arguments.Add(image);
        var run = await ChildProcess.RunAsync(ChildProcess.Find("podman"), arguments, engineEnvironment, job.Root);
        return job.Finish(files, run.ExitCode, run.StandardOutput, run.StandardError, run.Elapsed);
    }

    /// <summary>A value equal to, or starting with, a mounted host folder and '/' names the same file inside the container.</summary>
    public static string Translate(string value, IEnumerable<(string Host, string Container)> mounts)
    {
        foreach (var (host, container) in mounts)
        {
            if (value == host)
            {
                return container;
            }

            if (value.StartsWith(host + "/", StringComparison.Ordinal))
            {
                return container + value[host.Length..];
            }
        }

        return value;
    }
}
