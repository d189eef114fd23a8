using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Cac.Action.FileSystem;

/// <summary>
/// Opens a file for reading with O_NOFOLLOW, so a symbolic link swapped in after a check is refused by the
/// kernel instead of followed (.NET's FileOptions has no such flag).
/// </summary>
public static partial class NoFollowFile
{
    private const int ReadOnly = 0;
    private const int NoFollow = 0x20000;
    private const int CloseOnExec = 0x80000;
    private const int NoSuchFile = 2;
    private const int SymbolicLinkLoop = 40;

    /// <summary>Opens <paramref name="path"/>; throws <see cref="SymbolicLinkException"/> when it is a link.</summary>
    public static FileStream OpenRead(string path)
    {
        var descriptor = Open(path, ReadOnly | NoFollow | CloseOnExec);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error == SymbolicLinkLoop)
            {
                throw new SymbolicLinkException(path);
            }

            if (error == NoSuchFile)
            {
                throw new FileNotFoundException("No such file: " + path, path);
            }

            throw new IOException(path + ": " + new Win32Exception(error).Message);
        }

        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
