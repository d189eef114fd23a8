using System.Collections.Generic;
using Cac.TestSupport;

namespace Cac.Action.Tests.TestSupport;

/// <summary>Environments for tests: never the process environment.</summary>
internal static class Env
{
    /// <summary>A complete GitHub Actions runner, with the values upstream's tests use.</summary>
    public static readonly IReadOnlyDictionary<string, string> Runner = new Dictionary<string, string>
    {
        ["GITHUB_REPOSITORY"] = "MY-REPOSITORY-NAME",
        ["GITHUB_WORKFLOW"] = "MY-WORKFLOW-ID",
        ["GITHUB_ACTION"] = "MY-ACTION-NAME",
        ["GITHUB_ACTOR"] = "MY-USERNAME[bot]",
        ["GITHUB_SHA"] = "MY-COMMIT-ID",
        ["GITHUB_WORKSPACE"] = "/home/github",
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_REF"] = "refs/pull/42/merge",
        ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_RUN_ID"] = "16412345678",
        ["GITHUB_JOB"] = "build",
        ["GITHUB_BASE_REF"] = "main",
        ["GITHUB_HEAD_REF"] = "feature-branch",
        ["GITHUB_TRIGGERING_ACTOR"] = "MY-USERNAME[bot]",
    };

    /// <summary>The variables the runner sets when the job has <c>permissions: id-token: write</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> IdToken = new Dictionary<string, string>
    {
        ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "fake-request-token",
        ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "https://token.example.invalid/?api-version=2.0",
    };

    /// <summary>Just the given variables.</summary>
    public static DictionaryEnvironment Of(params (string Name, string? Value)[] variables)
    {
        var environment = new DictionaryEnvironment();
        foreach (var (name, value) in variables)
        {
            environment.SetVariable(name, value);
        }

        return environment;
    }

    /// <summary>The runner's variables (ENV0), then <paramref name="overrides"/> (a <c>null</c> value unsets).</summary>
    public static DictionaryEnvironment RunnerWith(params (string Name, string? Value)[] overrides)
    {
        var environment = new DictionaryEnvironment();
        foreach (var (name, value) in Runner)
        {
            environment.SetVariable(name, value);
        }

        foreach (var (name, value) in overrides)
        {
            environment.SetVariable(name, value);
        }

        return environment;
    }

    /// <summary>ENV0 plus the ID-token request variables, then <paramref name="overrides"/>.</summary>
    public static DictionaryEnvironment RunnerWithIdToken(params (string Name, string? Value)[] overrides)
    {
        var environment = RunnerWith();
        foreach (var (name, value) in IdToken)
        {
            environment.SetVariable(name, value);
        }

        foreach (var (name, value) in overrides)
        {
            environment.SetVariable(name, value);
        }

        return environment;
    }
}
