using System.IO;
using Cac.Abstractions;
using Cac.Action.Errors;

namespace Cac.Action.Flow;

/// <summary>
/// Checks, before any network call, that the runner's command files the run will write to exist, so a
/// run never fails half-way through handing out its result.
/// </summary>
public static class RunnerFiles
{
    public static void Check(IActionEnvironment environment, Settings.Settings settings)
    {
        Require(environment, "GITHUB_OUTPUT");
        if (settings.OutputEnvCredentials)
        {
            Require(environment, "GITHUB_ENV");
        }

        if (settings.Cleanup && (settings.OutputEnvCredentials || settings.AwsProfile.Length > 0))
        {
            Require(environment, "GITHUB_STATE");
        }
    }

    /// <summary>Whether an optional command file (the job summary) is there to write to.</summary>
    public static bool IsAvailable(IActionEnvironment environment, string variable) =>
        environment.GetVariable(variable) is { Length: > 0 } path && File.Exists(path);

    private static void Require(IActionEnvironment environment, string variable)
    {
        var path = environment.GetVariable(variable);
        if (string.IsNullOrEmpty(path))
        {
            throw new ActionError(
                "Unable to find environment variable for file command " + variable + ": this action needs a runner that provides it (runner 2.297.0 or later).",
                ErrorCode.RunnerEnvironment);
        }

        if (!File.Exists(path))
        {
            throw new ActionError("Missing file at path: " + path + " (from " + variable + ")", ErrorCode.RunnerEnvironment);
        }
    }
}
