using System;
using System.Collections.Generic;
using System.IO;
using Cac.Action.Errors;
using Cac.Action.FileSystem;
using Cac.Action.Runner;

namespace Cac.Action.Profiles;

/// <summary>
/// A profile write that <see cref="ProfileWriter.Prepare"/> checked and wrote aside: committing renames
/// the new files into place, rolling back puts back what the files held before (or removes a file this
/// run created). The lock on the files is held from the read until disposal, so a rollback cannot undo
/// another run's profile written in between.
/// </summary>
public sealed class StagedProfileWrite : IStagedWrite, IDisposable
{
    private readonly ActionLog log;
    private readonly string profileName;
    private readonly FileLock held;
    private readonly IReadOnlyList<StagedProfileFile> files;
    private readonly List<StagedProfileFile> committed = [];

    internal StagedProfileWrite(ActionLog log, string profileName, FileLock held, IReadOnlyList<StagedProfileFile> files, ProfileWriteResult result, ReplacedProfile? replaced)
    {
        Replaced = replaced;
        this.log = log;
        this.profileName = profileName;
        this.held = held;
        this.files = files;
        Result = result;
    }

    /// <summary>What the write changes, for the post step to remove later.</summary>
    public ProfileWriteResult Result { get; }

    /// <summary>The sections this write replaces, for the post step to put back; <c>null</c> when it creates the profile.</summary>
    public ReplacedProfile? Replaced { get; }

    /// <summary>The profile's name when this run creates it (the post step removes only such profiles).</summary>
    public string? CreatedProfile => Result.ReplacedExisting ? null : profileName;

    public void Commit()
    {
        try
        {
            foreach (var file in files)
            {
                log.Info(file.LogLine + profileName);
                if (file.Replacement is { } replacement)
                {
                    log.Debug("Writing profile to " + replacement.Path);
                    committed.Add(file);
                    replacement.Commit();
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ActionError("Failed to write AWS profile '" + profileName + "': " + exception.Message, ErrorCode.ProfileFiles, exception);
        }

        log.Info("✓ Successfully configured AWS profile: " + profileName);
    }

    public void RollBack()
    {
        for (var i = committed.Count - 1; i >= 0; i--)
        {
            var path = committed[i].Replacement!.Path;
            if (committed[i].Before is { } before)
            {
                SafeFiles.WriteAtomically(path, before);
            }
            else
            {
                File.Delete(path);
            }

            log.Info("Put " + path + " back as it was before this step.");
        }

        committed.Clear();
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            file.Replacement?.Dispose();
        }

        held.Dispose();
    }
}

/// <summary>One of the profile files: its content before, and its new content written aside (none when the other file holds both).</summary>
internal sealed record StagedProfileFile(string LogLine, string? Before, StagedReplacement? Replacement);
