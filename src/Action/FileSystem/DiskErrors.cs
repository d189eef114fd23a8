using System;
using System.IO;

namespace Cac.Action.FileSystem;

/// <summary>Recognises a write that failed because the disk (or the user's quota on it) is full.</summary>
public static class DiskErrors
{
    // Windows: ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HRESULTs.
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>
    /// Whether <paramref name="exception"/>, or one it wraps, is ENOSPC / EDQUOT (on Unix .NET puts the
    /// errno in HResult) or the Windows disk-full errors.
    /// </summary>
    public static bool IsDiskFull(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is IOException io && IsDiskFull(io.HResult, PosixPlatform.Current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The test on one error number. Windows HRESULTs are negative and Unix errnos small, so one test
    /// serves both; EDQUOT is the one number that differs between Unix platforms.
    /// </summary>
    internal static bool IsDiskFull(int hresult, PosixPlatform? platform) =>
        hresult is WindowsDiskFull or WindowsHandleDiskFull or PosixPlatform.NoSpaceLeft
        || (platform is not null && hresult == platform.QuotaExceeded);
}
