using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Cac.Action.FileSystem;

/// <summary>
/// File access for the profile files that never goes through a symbolic link (upstream §4.7): a link in
/// place of a credentials file, or of its directory, could point the action at any file the runner user
/// can write. Failures are <see cref="IOException"/>s carrying upstream's messages; the caller wraps them.
/// </summary>
public static class SafeFiles
{
    /// <summary>Owner read/write only: the files hold credentials.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner only, for directories we create.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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

    /// <summary>Reads <paramref name="path"/> as UTF-8; <c>null</c> when it does not exist.</summary>
    public static string? ReadText(string path)
    {
        RefuseSymbolicLinks(path);
        if (Directory.Exists(path))
        {
            throw new IOException(path + " (path is not a regular file)");
        }

        try
        {
            // Opened with O_NOFOLLOW: a link swapped in after the check above is refused, not followed.
            using var stream = NoFollowFile.OpenRead(path);
            using var reader = new StreamReader(stream, Utf8NoBom, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (DecoderFallbackException exception)
        {
            // Decoding leniently would turn the bad bytes into U+FFFD and write that back over the user's
            // other profiles; refusing leaves the file as it is.
            throw new IOException(path + " (file is not valid UTF-8)", exception);
        }
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

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="content"/> atomically: a temporary file in the
    /// same directory (created exclusively with mode 0600, so it never follows a link nor exists readable
    /// by others), flushed to disk, then renamed over the target. A reader sees the old file or the new one,
    /// never a half-written one, and a crash leaves the old file intact. The rename replaces a link that
    /// appeared after our check instead of writing through it.
    /// </summary>
    public static void WriteAtomically(string path, string content)
    {
        RefuseSymbolicLinks(path);
        if (Directory.Exists(path))
        {
            throw new IOException(path + " (path is not a regular file)");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                var bytes = Utf8NoBom.GetBytes(content);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // The create mode is reduced by the umask; make it exactly 0600.
                File.SetUnixFileMode(temporary, FileMode);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
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
