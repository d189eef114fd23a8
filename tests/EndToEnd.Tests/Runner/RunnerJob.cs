using System;
using System.Collections.Generic;
using System.IO;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests.Runner;

/// <summary>
/// One job on an emulated GitHub Actions runner, laid out as actions/runner lays it out: the work folder
/// with the workspace, RUNNER_TEMP with its <c>_runner_file_commands</c>, <c>_github_home</c> and
/// <c>_github_workflow</c> folders, the runner user's home, and what carries over from step to step: the
/// env context (updated by each step's GITHUB_ENV) and the action's saved state (its GITHUB_STATE).
/// </summary>
internal sealed class RunnerJob : IDisposable
{
    private readonly Dictionary<string, string> runnerVariables;

    public RunnerJob(LocalAws aws)
    {
        Root = Directory.CreateTempSubdirectory("cac-job-").FullName;
        Workspace = Directory.CreateDirectory(Path.Combine(Root, "work", "octo-repo", "octo-repo")).FullName;
        Temp = Directory.CreateDirectory(Path.Combine(Root, "work", "_temp")).FullName;
        ToolCache = Directory.CreateDirectory(Path.Combine(Root, "_tool")).FullName;
        Home = Directory.CreateDirectory(Path.Combine(Root, "home", "runner")).FullName;
        FileCommands = Directory.CreateDirectory(Path.Combine(Temp, "_runner_file_commands")).FullName;
        ContainerHome = Directory.CreateDirectory(Path.Combine(Temp, "_github_home")).FullName;
        WorkflowFolder = Directory.CreateDirectory(Path.Combine(Temp, "_github_workflow")).FullName;
        EventPath = Path.Combine(WorkflowFolder, "event.json");
        File.WriteAllText(EventPath, "{}");

        // The github and runner contexts as variables (the GITHUB_* allow-list and RUNNER_*), and the ID-token
        // variables a job with `permissions: id-token: write` gets.
        runnerVariables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_REPOSITORY"] = "octo-org/octo-repo",
            ["GITHUB_REPOSITORY_OWNER"] = "octo-org",
            ["GITHUB_WORKFLOW"] = "deploy",
            ["GITHUB_ACTION"] = "configure-aws",
            ["GITHUB_ACTOR"] = "octocat",
            ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
            ["GITHUB_REF"] = "refs/heads/main",
            ["GITHUB_EVENT_NAME"] = "push",
            ["GITHUB_EVENT_PATH"] = EventPath,
            ["GITHUB_RUN_ID"] = "16412345678",
            ["GITHUB_RUN_ATTEMPT"] = "1",
            ["GITHUB_JOB"] = "deploy",
            ["GITHUB_TRIGGERING_ACTOR"] = "octocat",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_WORKSPACE"] = Workspace,
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_ARCH"] = "X64",
            ["RUNNER_NAME"] = "GitHub Actions 2",
            ["RUNNER_ENVIRONMENT"] = "github-hosted",
            ["RUNNER_TEMP"] = Temp,
            ["RUNNER_TOOL_CACHE"] = ToolCache,
            ["RUNNER_WORKSPACE"] = Path.GetDirectoryName(Workspace)!,
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = aws.Oidc.RequestUrl,
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = aws.Oidc.RequestToken,
        };

        // The workflow's env: the STS endpoint of the emulator, as a workflow would point the SDKs elsewhere.
        Env["AWS_ENDPOINT_URL_STS"] = aws.Sts.Endpoint.AbsoluteUri;
    }

    public string Root { get; }
    public string Workspace { get; }
    public string Temp { get; }
    public string ToolCache { get; }

    /// <summary>The runner user's home: HOME for node actions and run: steps.</summary>
    public string Home { get; }

    public string FileCommands { get; }

    /// <summary>RUNNER_TEMP/_github_home, mounted as /github/home (HOME) in container actions.</summary>
    public string ContainerHome { get; }

    public string WorkflowFolder { get; }
    public string EventPath { get; }

    /// <summary>The env context: workflow and job <c>env:</c>, plus every variable an earlier step exported.</summary>
    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

    /// <summary>The action's state from its main step, handed to its post step as STATE_* (names as written).</summary>
    public Dictionary<string, string> State { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> RunnerVariables => runnerVariables;

    /// <summary>Fresh, empty file-command files for the next step; the previous step's are deleted.</summary>
    public StepFiles NewStepFiles()
    {
        foreach (var file in Directory.GetFiles(FileCommands))
        {
            File.Delete(file);
        }

        string Create(string prefix)
        {
            var path = Path.Combine(FileCommands, prefix + Guid.NewGuid().ToString("D"));
            File.WriteAllText(path, string.Empty);
            return path;
        }

        return new StepFiles(Create("set_env_"), Create("set_output_"), Create("save_state_"), Create("add_path_"), Create("step_summary_"));
    }

    /// <summary>What a step leaves for later ones, read from its files the way the runner does after it exits.</summary>
    public ActionRunResult Finish(StepFiles files, int exitCode, string standardOutput, string standardError, TimeSpan elapsed)
    {
        var result = new ActionRunResult(
            exitCode, standardOutput, standardError, elapsed,
            FileCommandFile.Read(files.Env), FileCommandFile.Read(files.Output), FileCommandFile.Read(files.State), File.ReadAllText(files.Summary));
        foreach (var (name, value) in result.Exports)
        {
            Env[name] = value;
        }

        foreach (var (name, value) in result.State)
        {
            State[name] = value;
        }

        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Files a container wrote as another user; harmless too.
        }
    }
}

/// <summary>The file-command files of one step (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_PATH, GITHUB_STEP_SUMMARY).</summary>
internal sealed record StepFiles(string Env, string Output, string State, string Path, string Summary)
{
    public IEnumerable<KeyValuePair<string, string>> Variables() =>
    [
        new("GITHUB_ENV", Env), new("GITHUB_OUTPUT", Output), new("GITHUB_STATE", State), new("GITHUB_PATH", Path), new("GITHUB_STEP_SUMMARY", Summary),
    ];
}
