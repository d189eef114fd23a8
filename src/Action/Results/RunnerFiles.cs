using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.Planning;
using Cac.Action.Runner;

namespace Cac.Action.Results;

/// <summary>
/// Checks, before any network call, that every command file the run will write to is there and writable
/// (opened for appending and closed again, nothing written), so that a missing file, a dangling link or a
/// directory fails the run before it asks STS for anything. The same checks run again when the result is
/// written, since a file can change in between.
/// </summary>
public static class RunnerFiles
{
    public static void Check(IActionEnvironment environment, ExportPlan exports)
    {
        Require(environment, FileCommandWriter.OutputVariable);
        if (exports.EnvironmentVariables)
        {
            Require(environment, FileCommandWriter.EnvVariable);
        }

        if (exports.Cleanup && (exports.EnvironmentVariables || exports.Profile.Length > 0))
        {
            Require(environment, FileCommandWriter.StateVariable);
        }

        if (exports.JobSummary && IsAvailable(environment, FileCommandWriter.StepSummaryVariable))
        {
            FileCommandWriter.Open(environment, FileCommandWriter.StepSummaryVariable).Dispose();
        }
    }

    /// <summary>
    /// Whether the runner named an optional command file (the job summary; local runs may not have one).
    /// A named file must then be usable: a dangling link there is an error, not a reason to skip it.
    /// </summary>
    public static bool IsAvailable(IActionEnvironment environment, string variable) =>
        !string.IsNullOrEmpty(environment.GetVariable(variable));

    private static void Require(IActionEnvironment environment, string variable)
    {
        if (!IsAvailable(environment, variable))
        {
            throw new ActionError(
                "Unable to find environment variable for file command " + variable + ": this action needs a runner that provides it (runner 2.297.0 or later).",
                ErrorCode.RunnerEnvironment);
        }

        FileCommandWriter.Open(environment, variable).Dispose();
    }
}
