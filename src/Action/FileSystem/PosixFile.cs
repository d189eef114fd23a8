using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Cac.Action.FileSystem;

/// <summary>
/// The few libc calls .NET does not offer: <c>open</c> with O_NOFOLLOW and O_NONBLOCK, <c>fstat</c> on the
/// opened descriptor (the file type of what was really opened, not of what a path named a moment before),
/// and <c>flock</c> without .NET's process-wide switch that can turn file locking off. Numbers come from
/// <see cref="PosixPlatform"/>.
/// </summary>
internal static partial class PosixFile
{
    /// <summary>
    /// Opens <paramref name="path"/> with <paramref name="flags"/> (never O_CREAT: the variadic mode argument
    /// of open(2) is passed on the stack on Apple arm64, which a plain P/Invoke cannot do). Returns the
    /// handle, or <c>null</c> with the errno in <paramref name="error"/>.
    /// </summary>
    public static SafeFileHandle? Open(string path, int flags, out int error)
    {
        while (true)
        {
            var descriptor = OpenNative(path, flags);
            if (descriptor >= 0)
            {
                error = 0;
                return new SafeFileHandle(descriptor, ownsHandle: true);
            }

            error = Marshal.GetLastPInvokeError();
            if (error != PosixPlatform.Interrupted)
            {
                return null;
            }
        }
    }

    /// <summary>The type of the file behind <paramref name="handle"/>.</summary>
    public static unsafe FileKind Kind(SafeFileHandle handle, PosixPlatform platform)
    {
        var buffer = stackalloc byte[PosixPlatform.StatBufferSize];
        var result = platform.StatEntryPoint == "fstat$INODE64" ? FStatInode64(handle, buffer) : FStat(handle, buffer);
        if (result != 0)
        {
            throw new IOException("fstat failed: " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        }

        // Little-endian on every listed platform: the low 16 bits of st_mode (u16 on macOS, u32 on Linux).
        return FileKinds.FromMode(buffer[platform.StatModeOffset] | (buffer[platform.StatModeOffset + 1] << 8));
    }

    /// <summary>Takes an exclusive advisory lock without waiting; <c>false</c> when another open file holds one.</summary>
    public static bool TryLockExclusive(SafeFileHandle handle, PosixPlatform platform)
    {
        while (true)
        {
            if (Flock(handle, PosixPlatform.LockExclusive | PosixPlatform.LockNonBlocking) == 0)
            {
                return true;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == platform.WouldBlock)
            {
                return false;
            }

            if (error != PosixPlatform.Interrupted)
            {
                throw new IOException("flock failed: " + Marshal.GetPInvokeErrorMessage(error));
            }
        }
    }

    /// <summary>The C library's text for <paramref name="error"/> ("No space left on device").</summary>
    public static string Describe(int error) => Marshal.GetPInvokeErrorMessage(error);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static unsafe partial int FStat(SafeFileHandle handle, byte* buffer);

    [LibraryImport("libc", EntryPoint = "fstat$INODE64", SetLastError = true)]
    private static unsafe partial int FStatInode64(SafeFileHandle handle, byte* buffer);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle handle, int operation);
}
