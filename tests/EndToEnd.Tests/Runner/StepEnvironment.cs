using System;
using System.Collections.Generic;

namespace Cac.EndToEnd.Tests.Runner;

/// <summary>The variables the runner gives an action's step, assembled in the runner's order (later ones win).</summary>
internal static class StepEnvironment
{
    public static Dictionary<string, string> For(RunnerJob job, ActionManifest action, IReadOnlyDictionary<string, string> with, StepFiles files)
    {
        // The env context, then the saved state as STATE_<name> (names as the action wrote them), then inputs.
        var variables = new Dictionary<string, string>(job.Env, StringComparer.Ordinal);
        foreach (var (name, value) in job.State)
        {
            variables["STATE_" + name] = value;
        }

        foreach (var (name, value) in action.InputVariables(with))
        {
            variables[name] = value;
        }

        // The github and runner contexts and the step's file commands overwrite anything of the same name.
        foreach (var (name, value) in job.RunnerVariables)
        {
            variables[name] = value;
        }

        foreach (var (name, value) in files.Variables())
        {
            variables[name] = value;
        }

        return variables;
    }
}
