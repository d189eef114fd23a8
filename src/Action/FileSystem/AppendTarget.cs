using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace Cac.Action.FileSystem;

/// <summary>
/// An existing file opened for appending one block and, if something later fails, cutting it back to
/// the length it had when opened. Opening never blocks (a named pipe is refused, not waited on) and never
/// creates the file. A regular file is what the runner gives; a character device such as /dev/null is
/// accepted as a sink (there is nothing to cut back there). Links are followed, as the toolkit does.
/// </summary>
public sealed class AppendTarget : IDisposable
{
    private readonly SafeFileHandle handle;

    private AppendTarget(string path, SafeFileHandle handle, FileKind kind)
    {
        Path = path;
        this.handle = handle;
        Kind = kind;
        OriginalLength = kind == FileKind.Regular ? RandomAccess.GetLength(handle) : 0;
    }

    public string Path { get; }

    public FileKind Kind { get; }

    /// <summary>The length when opened: where the block goes, and what <see cref="RollBack"/> restores.</summary>
    public long OriginalLength { get; }

    /// <summary>Opens <paramref name="path"/>; throws <see cref="IOException"/> with a message naming it and saying what is wrong.</summary>
    public static AppendTarget Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var (handle, kind) = PosixPlatform.Current is { } platform ? OpenPosix(path, platform) : OpenPortable(path);
        if (kind is not (FileKind.Regular or FileKind.CharacterDevice))
        {
            handle.Dispose();
            throw new IOException(FileKinds.NotRegular(path, kind));
        }

        return new AppendTarget(path, handle, kind);
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> at the current end in one call (the runtime loops over short
    /// writes). The end is taken now rather than when opened, so two variables naming the same file both
    /// append. On failure part of it may be there: call <see cref="RollBack"/>.
    /// </summary>
    public void Append(ReadOnlySpan<byte> bytes) =>
        RandomAccess.Write(handle, bytes, Kind == FileKind.Regular ? RandomAccess.GetLength(handle) : 0);

    /// <summary>Cuts a regular file back to <see cref="OriginalLength"/>, removing whatever this run appended.</summary>
    public void RollBack()
    {
        if (Kind == FileKind.Regular)
        {
            RandomAccess.SetLength(handle, OriginalLength);
        }
    }

    public void Dispose() => handle.Dispose();

    private static (SafeFileHandle Handle, FileKind Kind) OpenPosix(string path, PosixPlatform platform)
    {
        var handle = PosixFile.Open(path, PosixPlatform.WriteOnly | platform.NonBlocking | platform.CloseOnExec, out var error);
        if (handle is not null)
        {
            return (handle, PosixFile.Kind(handle, platform));
        }

        throw error switch
        {
            PosixPlatform.NoSuchFile => Missing(path),
            // O_NONBLOCK | O_WRONLY on a pipe nobody reads: ENXIO instead of waiting forever.
            PosixPlatform.NoSuchDeviceOrAddress => new IOException(FileKinds.NotRegular(path, FileKind.NamedPipe)),
            PosixPlatform.IsADirectory => new IOException(FileKinds.NotRegular(path, FileKind.Directory)),
            _ => new IOException(path + ": " + PosixFile.Describe(error)),
        };
    }

    private static (SafeFileHandle Handle, FileKind Kind) OpenPortable(string path)
    {
        try
        {
            return (File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite), FileKind.Regular);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Missing(path);
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw new IOException(FileKinds.NotRegular(path, FileKind.Directory));
        }
        catch (NotSupportedException exception)
        {
            throw new IOException(FileKinds.NotRegular(path, FileKind.Unknown), exception);
        }
    }

    /// <summary>A missing file, or a link whose target is missing (which File.Exists reports as existing).</summary>
    private static IOException Missing(string path) =>
        new FileInfo(path).LinkTarget is { } target
            ? new IOException(path + " is a symbolic link to " + target + ", which does not exist")
            : new FileNotFoundException(path + " does not exist", path);
}
