using System;

namespace Cac.Action.Runner;

/// <summary>A file command could not be written: a missing variable or file, or a name or value that would corrupt the file.</summary>
public sealed class FileCommandException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public FileCommandException()
        : base("A file command could not be written.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public FileCommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the I/O error behind it.</summary>
    public FileCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
