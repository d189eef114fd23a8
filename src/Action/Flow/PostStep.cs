using System;
using Cac.Abstractions;
using Cac.Action.Toolkit;

namespace Cac.Action.Flow;

/// <summary>
/// The post step: clears the variables the main step exported (listed in its saved state), unless the
/// <c>cleanup</c> input turned it off. It never fails the job over a variable it did not set.
/// </summary>
public sealed class PostStep
{
    private readonly IActionEnvironment environment;
    private readonly IFileCommands files;
    private readonly ActionLog log;

    public PostStep(IActionEnvironment environment, IFileCommands files, ActionLog log)
    {
        this.environment = environment;
        this.files = files;
        this.log = log;
    }

    public void Run()
    {
        var cleanup = environment.GetVariable(ActionInputs.EnvironmentVariables.Cleanup);
        if (string.Equals(cleanup?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            log.Info("Cleanup is turned off (cleanup: false); the exported credentials stay set.");
            return;
        }

        var exported = new StateReader(environment).GetState(ExportNames.ExportedState);
        if (exported.Length == 0)
        {
            log.Info("Nothing to clean up: the main step exported no variables.");
            return;
        }

        foreach (var name in exported.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            files.ExportVariable(name, string.Empty);
        }

        log.Info("Cleared " + exported.Replace(",", ", ", StringComparison.Ordinal) + ".");
    }
}
