using System.IO;

namespace Cac.Action.FileSystem;

/// <summary>The path named a symbolic link where the action refuses to follow one.</summary>
public sealed class SymbolicLinkException : IOException
{
    public SymbolicLinkException()
    {
    }

    public SymbolicLinkException(string path)
        : base("Refusing " + path + " (path is a symbolic link)")
    {
    }

    public SymbolicLinkException(string message, System.Exception innerException)
        : base(message, innerException)
    {
    }
}
