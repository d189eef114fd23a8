using System;
using System.IO;
using System.Text;

namespace Cac.Action.FileSystem;

/// <summary>
/// New content for a file, written aside and put in place later with one rename: a temporary file in the
/// same directory (created exclusively with mode 0600, so it never follows a link nor exists readable by
/// others), flushed to disk. Writing it is where a full disk shows, before anything is visible; the
/// rename needs no space. A reader sees the old file or the new one, never a half-written one, and the
/// rename replaces a link that appeared after our checks instead of writing through it.
/// </summary>
public sealed class StagedReplacement : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string temporary;
    private bool committed;

    private StagedReplacement(string path, string temporary)
    {
        Path = path;
        this.temporary = temporary;
    }

    /// <summary>The file this replaces.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> beside <paramref name="path"/>; refuses a path that is, or is in, a symbolic link, or a directory.</summary>
    public static StagedReplacement Stage(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        SafeFiles.RefuseSymbolicLinks(path);
        if (Directory.Exists(path))
        {
            throw new IOException(FileKinds.NotRegular(path, FileKind.Directory));
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var temporary = System.IO.Path.Combine(directory, "." + System.IO.Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = SafeFiles.FileMode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Utf8NoBom.GetBytes(content));
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // The create mode is reduced by the umask; make it exactly 0600.
                File.SetUnixFileMode(temporary, SafeFiles.FileMode);
            }
        }
        catch
        {
            SafeFiles.TryDelete(temporary);
            throw;
        }

        return new StagedReplacement(path, temporary);
    }

    /// <summary>Renames the staged content over <see cref="Path"/>.</summary>
    public void Commit()
    {
        File.Move(temporary, Path, overwrite: true);
        committed = true;
    }

    /// <summary>Removes the temporary file when it was never committed.</summary>
    public void Dispose()
    {
        if (!committed)
        {
            SafeFiles.TryDelete(temporary);
        }
    }
}
