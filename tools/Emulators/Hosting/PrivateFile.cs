using System;
using System.IO;

namespace Cac.Emulators.Hosting;

/// <summary>Writes a file readable by its owner only (mode 0600 where modes exist), as the AWS CLI leaves its files.</summary>
internal static class PrivateFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(bytes);
    }
}
