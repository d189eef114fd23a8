using System;
using System.Collections.Generic;
using System.IO;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;
using Cac.Action.Generated;
using Cac.Action.Profiles;
using Cac.Action.Results;
using Cac.Action.Runner;

namespace Cac.Action.Post;

/// <summary>
/// The post step: puts back the variables the main step exported, as they were before it (saved in its
/// state), rather than blanking them, so a job that had credentials before this step has them again.
/// It touches only the names the main step can export, whatever the state lists. The <c>cleanup</c> input
/// (or AWS_SKIP_CLEANUP_STEP, which the runner checks) turns it off.
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
        if (!CleanupWanted())
        {
            log.Info("Cleanup is turned off (cleanup: false); the exported credentials stay set.");
            return;
        }

        var state = new StateReader(environment);
        var createdProfile = state.GetState(ExportNames.CreatedProfileState);
        if (createdProfile.Length > 0)
        {
            new ProfileWriter(environment, log).RemoveSections(createdProfile);
            log.Info("Removed AWS profile '" + createdProfile + "', which this action created.");
        }

        RestoreReplacedProfile(state.GetState(ExportNames.ReplacedProfileState));

        var exported = state.GetState(ExportNames.ExportedState);
        if (exported.Length == 0)
        {
            log.Info("Nothing to clean up: the main step exported no variables.");
            return;
        }

        var restored = new List<string>();
        var cleared = new List<string>();
        foreach (var name in exported.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // The state is text from outside this process: only names the main step can export are
            // touched, so a doctored STATE_exported-variables cannot set LD_PRELOAD or empty PATH.
            if (!ExportNames.IsExported(name))
            {
                log.Warning("Ignoring '" + name + "' in the saved state: the post step only restores the variables the main step exports (" +
                    string.Join(", ", ExportNames.All) + ").");
                continue;
            }

            var previous = state.GetState(ExportNames.PreviousValueState(name));
            if (previous.Length > 0 && ExportNames.IsSecret(name))
            {
                log.AddMask(previous);
            }

            files.ExportVariable(name, previous);
            (previous.Length > 0 ? restored : cleared).Add(name);
        }

        using (var prepared = files.Prepare())
        {
            AllOrNothing.Commit([prepared.Environment]);
        }

        if (restored.Count > 0)
        {
            log.Info("Restored " + string.Join(", ", restored) + " to their values from before this action.");
        }

        if (cleared.Count > 0)
        {
            log.Info("Cleared " + string.Join(", ", cleared) + ".");
        }
    }

    /// <summary>
    /// Puts back the profile sections the main step's overwrite replaced, from the file its state names (only
    /// a file of ours directly under RUNNER_TEMP is read: the state is text from outside), then deletes it.
    /// </summary>
    private void RestoreReplacedProfile(string keptPath)
    {
        var directory = environment.GetVariable("RUNNER_TEMP");
        if (keptPath.Length == 0 || string.IsNullOrEmpty(directory))
        {
            return;
        }

        ReplacedProfile? replaced;
        try
        {
            replaced = ReplacedProfile.Load(keptPath, directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ActionError("Failed to restore the AWS profile this action overwrote: " + exception.Message, ErrorCode.ProfileFiles, exception);
        }

        if (replaced is null)
        {
            log.Warning("Ignoring '" + keptPath + "' in the saved state: it is not a profile this action kept in RUNNER_TEMP.");
            return;
        }

        new ProfileWriter(environment, log).RestoreSections(replaced);
        SafeFiles.TryDelete(keptPath);
        log.Info("Restored AWS profile '" + replaced.ProfileName + "' as it was before this action overwrote it.");
    }

    /// <summary>
    /// Only <c>cleanup</c> matters here, so it is read alone: the post step must still clean up when another
    /// input is invalid (and must not mask the secret inputs again). An invalid <c>cleanup</c> already failed the
    /// main step; putting the variables back is the safe answer then.
    /// </summary>
    private bool CleanupWanted()
    {
        try
        {
            return ActionInputs.Declarations.Cleanup.Read(environment, log);
        }
        catch (InputValidationException exception)
        {
            log.Warning(exception.Message + "\nCleaning up as if it were true.");
            return true;
        }
    }
}
