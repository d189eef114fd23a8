using System.Diagnostics;
using System.IO;

namespace Cac.Action.Tests.TestSupport;

/// <summary>Files that are not regular files, for the tests that the action refuses them.</summary>
internal static class SpecialFiles
{
    /// <summary>Makes a named pipe at <paramref name="path"/> with mkfifo(1), and returns the path.</summary>
    public static string NamedPipe(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.True(File.Exists(path));
        return path;
    }
}
