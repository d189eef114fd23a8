namespace Cac.Action.FileSystem;

/// <summary>What an opened path turned out to be, as <c>fstat</c> reports it.</summary>
public enum FileKind
{
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    NamedPipe,
    Socket,
    SymbolicLink,
    Unknown,
}

/// <summary>Reading the file type out of <c>st_mode</c>, and naming it in messages.</summary>
public static class FileKinds
{
    private const int TypeMask = 0xF000;

    /// <summary>The kind encoded in the type bits of <paramref name="mode"/> (the values are the same on Linux and macOS).</summary>
    public static FileKind FromMode(int mode) => (mode & TypeMask) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.NamedPipe,
        0xC000 => FileKind.Socket,
        0xA000 => FileKind.SymbolicLink,
        _ => FileKind.Unknown,
    };

    /// <summary>"a directory", "a named pipe (FIFO)", ...: for "(path is not a regular file: it is ...)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.SymbolicLink => "a symbolic link",
        _ => "not a file this action can use",
    };

    /// <summary>Upstream's "(path is not a regular file)" message, with what the path is instead.</summary>
    public static string NotRegular(string path, FileKind kind) =>
        path + " (path is not a regular file: it is " + Describe(kind) + ")";
}
