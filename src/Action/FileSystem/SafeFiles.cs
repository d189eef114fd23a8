using System;
using System.Collections.Generic;
using System.IO;

namespace Cac.Action.FileSystem;

/// <summary>
/// File access for the profile files that never goes through a symbolic link: a link in place of a
/// credentials file, or of its directory, could point the action at any file the runner user can write.
/// Failures are <see cref="IOException"/>s carrying upstream's messages; the caller wraps them.
/// </summary>
public static class SafeFiles
{
    /// <summary>Owner read/write only: the files hold credentials.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner only, for directories we create.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Refuses <paramref name="path"/> when its immediate parent directory or the path itself is a symbolic link.</summary>
    public static void RefuseSymbolicLinks(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parent = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(parent) && new DirectoryInfo(parent).LinkTarget is not null)
        {
            throw new IOException("Refusing " + path + " (parent directory is a symbolic link)");
        }

        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new IOException("Refusing " + path + " (path is a symbolic link)");
        }
    }

    /// <summary>Refuses a directory that is itself a symbolic link (upstream's check before creating it).</summary>
    public static void RefuseSymbolicLinkDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (new DirectoryInfo(directory).LinkTarget is not null)
        {
            throw new IOException("Refusing " + directory + " (path is a symbolic link)");
        }
    }

    /// <summary>The most read from a profile file: far more than any real one, far less than a runaway file.</summary>
    public const int MaxProfileFileBytes = 1024 * 1024;

    /// <summary>
    /// Reads a profile file as UTF-8; <c>null</c> when it does not exist. Refuses a link (in place of the
    /// file or its directory), anything but a regular file, and more than <see cref="MaxProfileFileBytes"/>.
    /// </summary>
    public static string? ReadText(string path)
    {
        RefuseSymbolicLinks(path);

        // O_NOFOLLOW as well: a link swapped in after the check above is refused, not followed.
        return SafeFileReader.ReadAllText(path, MaxProfileFileBytes, followLinks: false);
    }

    /// <summary>
    /// Creates <paramref name="directory"/> and its missing parents with mode 0700 (existing directories
    /// keep their mode, as with <c>mkdir -p</c>); refuses a directory that is a symbolic link.
    /// </summary>
    public static void EnsureDirectory(string directory)
    {
        RefuseSymbolicLinkDirectory(directory);
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        var missing = new List<string>();
        for (var current = Path.GetFullPath(directory); !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Add(current);
        }

        Directory.CreateDirectory(directory, DirectoryMode);

        // mkdir applies the umask; set the mode explicitly so a lax umask cannot widen nor a strict one
        // lock us out of the directories we made.
        foreach (var created in missing)
        {
            File.SetUnixFileMode(created, DirectoryMode);
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> in one step (see <see cref="StagedReplacement"/>).</summary>
    public static void WriteAtomically(string path, string content)
    {
        using var staged = StagedReplacement.Stage(path, content);
        staged.Commit();
    }

    /// <summary>Deletes <paramref name="path"/> if it can; for clean-up after another error, which is the one worth reporting.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original error is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
