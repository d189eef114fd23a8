using System;
using System.Runtime.InteropServices;

namespace Cac.Action.FileSystem;

/// <summary>
/// The numbers <c>open(2)</c>, <c>fstat(2)</c> and <c>flock(2)</c> use on one Unix platform. They are not
/// the same everywhere: O_NOFOLLOW is 0x20000 on Linux x64 but 0x8000 on Linux arm64, macOS differs in
/// most flags and in ELOOP, and <c>struct stat</c> puts <c>st_mode</c> at a different offset on each. Keeping
/// them in this one table (unit-tested row by row) is what lets the rest of the code stay platform-free.
/// </summary>
/// <param name="NoFollow">O_NOFOLLOW: refuse a symbolic link as the last path component (ELOOP).</param>
/// <param name="NonBlocking">O_NONBLOCK: a named pipe opens at once instead of waiting for a writer.</param>
/// <param name="CloseOnExec">O_CLOEXEC.</param>
/// <param name="SymbolicLinkLoop">ELOOP, what O_NOFOLLOW answers for a link.</param>
/// <param name="WouldBlock">EWOULDBLOCK, what a non-blocking flock answers for a held lock.</param>
/// <param name="QuotaExceeded">EDQUOT, a full disk quota (a full disk for our purposes).</param>
/// <param name="StatModeOffset">Offset of <c>st_mode</c> in <c>struct stat</c> (its low 16 bits hold the file type).</param>
/// <param name="StatEntryPoint">The C symbol of <c>fstat</c> with this layout.</param>
internal sealed record PosixPlatform(
    int NoFollow,
    int NonBlocking,
    int CloseOnExec,
    int SymbolicLinkLoop,
    int WouldBlock,
    int QuotaExceeded,
    int StatModeOffset,
    string StatEntryPoint)
{
    // The same on Linux and macOS.
    public const int ReadOnly = 0;
    public const int WriteOnly = 1;
    public const int ReadWrite = 2;
    public const int NoSuchFile = 2;
    public const int NoSuchDeviceOrAddress = 6;
    public const int NotADirectory = 20;
    public const int IsADirectory = 21;
    public const int NoSpaceLeft = 28;
    public const int Interrupted = 4;
    public const int LockExclusive = 2;
    public const int LockNonBlocking = 4;

    /// <summary>Large enough for <c>struct stat</c> on every platform listed (144 bytes at most).</summary>
    public const int StatBufferSize = 256;

    private static readonly Lazy<PosixPlatform?> CurrentPlatform = new(() => For(CurrentOs(), RuntimeInformation.OSArchitecture));

    /// <summary>The row for the running process, or <c>null</c> on Windows and on Unix platforms not listed.</summary>
    public static PosixPlatform? Current => CurrentPlatform.Value;

    /// <summary>The row for <paramref name="os"/> on <paramref name="architecture"/>, or <c>null</c> when it is not one we know.</summary>
    public static PosixPlatform? For(OSPlatform os, Architecture architecture)
    {
        if (os == OSPlatform.Linux)
        {
            // x64 keeps the historical i386 flag values; arm64 uses the generic ones. Both: glibc >= 2.33 and
            // musl export fstat itself with the kernel's struct stat.
            return architecture switch
            {
                Architecture.X64 => new PosixPlatform(0x20000, 0x800, 0x80000, 40, 11, 122, 24, "fstat"),
                Architecture.Arm64 => new PosixPlatform(0x8000, 0x800, 0x80000, 40, 11, 122, 16, "fstat"),
                _ => null,
            };
        }

        if (os == OSPlatform.OSX)
        {
            // The 64-bit-inode struct stat; on x64 its fstat carries the $INODE64 suffix (arm64 has only that one).
            return architecture switch
            {
                Architecture.X64 => new PosixPlatform(0x100, 0x4, 0x1000000, 62, 35, 69, 4, "fstat$INODE64"),
                Architecture.Arm64 => new PosixPlatform(0x100, 0x4, 0x1000000, 62, 35, 69, 4, "fstat"),
                _ => null,
            };
        }

        return null;
    }

    private static OSPlatform CurrentOs() =>
        OperatingSystem.IsLinux() ? OSPlatform.Linux
        : OperatingSystem.IsMacOS() ? OSPlatform.OSX
        : OperatingSystem.IsWindows() ? OSPlatform.Windows
        : OSPlatform.Create("other");
}
