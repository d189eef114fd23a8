using System;
using System.IO;

namespace Cac.Action.Tests.Toolkit;

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cac-toolkit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Creates an empty file named <paramref name="name"/> and returns its path.</summary>
    public string CreateFile(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, []);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
