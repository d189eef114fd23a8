using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace Cac.Action.FileSystem;

/// <summary>
/// An exclusive advisory lock on a lock file, held while the action reads, edits and replaces files that
/// other runs may edit at the same moment (two jobs on one runner writing different profiles into the same
/// ~/.aws files). Only cooperating writers are held off: the AWS CLI takes no lock. See docs/file-safety.md.
/// </summary>
/// <remarks>
/// On Linux and macOS this is <c>flock(2)</c> on the lock file, opened with O_NOFOLLOW; the kernel drops
/// the lock when the process ends, so a crashed run never leaves a stale lock behind, and the lock file
/// itself is left in place (deleting it would let two runs lock two different files). <c>flock</c> is called
/// directly because .NET's own FileShare.None lock on Unix is flock too but can be switched off for the
/// whole process (DOTNET_SYSTEM_IO_DISABLEFILELOCKING), which would silently make this a no-op. On
/// Windows an open with FileShare.None is the lock: the system refuses every other open of the file.
/// </remarks>
public sealed class FileLock : IDisposable
{
    /// <summary>How long to wait for another run to finish with the files before failing.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    // ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION as HRESULTs.
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);

    private readonly IDisposable handle;

    private FileLock(IDisposable handle)
    {
        this.handle = handle;
    }

    /// <summary>The lock file guarding <paramref name="path"/>: beside it, hidden, named after it (<c>.credentials.lock</c>).</summary>
    public static string LockPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, "." + Path.GetFileName(path) + ".lock");

    /// <summary>
    /// Locks every file of <paramref name="paths"/> (duplicates once), in ordinal order so that two runs
    /// locking the same files never wait on each other in a circle. Throws <see cref="TimeoutException"/>
    /// naming the lock file when one stays locked for <paramref name="timeout"/>, and
    /// <see cref="IOException"/> when a lock file cannot be created or opened.
    /// </summary>
    public static FileLock AcquireAll(IEnumerable<string> paths, TimeSpan timeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(time);
        var sorted = new SortedSet<string>(paths, StringComparer.Ordinal);
        var held = new List<IDisposable>();
        try
        {
            var start = time.GetTimestamp();
            foreach (var path in sorted)
            {
                held.Add(Acquire(LockPathFor(path), timeout, time, start));
            }
        }
        catch
        {
            held.ForEach(lockHandle => lockHandle.Dispose());
            throw;
        }

        return new FileLock(new Handles(held));
    }

    public void Dispose() => handle.Dispose();

    private static IDisposable Acquire(string lockPath, TimeSpan timeout, TimeProvider time, long start)
    {
        var platform = PosixPlatform.Current;
        var lockHandle = platform is null ? null : OpenLockFile(lockPath, platform);
        try
        {
            while (true)
            {
                if (platform is null)
                {
                    if (TryShareNone(lockPath) is { } stream)
                    {
                        return stream;
                    }
                }
                else if (PosixFile.TryLockExclusive(lockHandle!, platform))
                {
                    var acquired = lockHandle!;
                    lockHandle = null;
                    return acquired;
                }

                var waited = time.GetElapsedTime(start);
                if (waited >= timeout)
                {
                    throw new TimeoutException(
                        "Another run held the lock " + lockPath + " for more than " + timeout.TotalSeconds + " seconds");
                }

                // Task.Delay on the given clock, so a test's clock decides how long "waiting" took.
                var pause = timeout - waited < PollInterval ? timeout - waited : PollInterval;
                Task.Delay(pause, time).GetAwaiter().GetResult();
            }
        }
        finally
        {
            lockHandle?.Dispose();
        }
    }

    /// <summary>
    /// Creates the lock file if needed (O_EXCL never follows a link), then opens it with O_NOFOLLOW, so a
    /// link planted in its place is refused instead of making us create or open a file elsewhere.
    /// </summary>
    private static SafeFileHandle OpenLockFile(string lockPath, PosixPlatform platform)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = SafeFiles.FileMode;
        }

        try
        {
            using var created = new FileStream(lockPath, options);
        }
        catch (IOException) when (File.Exists(lockPath) || new FileInfo(lockPath).LinkTarget is not null)
        {
            // It exists (or a link is there, which the open below refuses).
        }

        var handle = PosixFile.Open(lockPath, PosixPlatform.ReadOnly | platform.NoFollow | platform.CloseOnExec, out var error);
        if (handle is null)
        {
            throw error == platform.SymbolicLinkLoop
                ? new SymbolicLinkException(lockPath)
                : new IOException(lockPath + ": " + PosixFile.Describe(error));
        }

        return handle;
    }

    /// <summary>Windows: the open itself is the lock; a sharing violation means another run has it.</summary>
    private static FileStream? TryShareNone(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (exception.HResult is SharingViolation or LockViolation)
        {
            return null;
        }
    }

    private sealed class Handles(List<IDisposable> handles) : IDisposable
    {
        public void Dispose()
        {
            for (var i = handles.Count - 1; i >= 0; i--)
            {
                handles[i].Dispose();
            }
        }
    }
}
