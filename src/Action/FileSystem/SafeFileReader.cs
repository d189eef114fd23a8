using System;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Cac.Action.FileSystem;

/// <summary>
/// Reads the small files the action takes input from (token files, profile files) without letting the
/// file decide what happens: the path is opened without blocking (a named pipe cannot hang the open), the
/// opened descriptor must be a regular file (no pipe, device such as /dev/zero, or directory), at most
/// <c>maxBytes</c> are read, and unless links are allowed the kernel refuses a symbolic link (O_NOFOLLOW),
/// so a link swapped in after a check is not followed. See docs/file-safety.md.
/// </summary>
public static class SafeFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file's bytes, or <c>null</c> when nothing exists at <paramref name="path"/> (a dangling link
    /// counts as nothing when links are followed). Throws <see cref="SymbolicLinkException"/> for a link
    /// when <paramref name="followLinks"/> is false, and <see cref="IOException"/> naming the path for
    /// anything but a regular file or more than <paramref name="maxBytes"/> bytes.
    /// </summary>
    public static byte[]? ReadAllBytes(string path, int maxBytes, bool followLinks)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        using var handle = PosixPlatform.Current is { } platform
            ? OpenPosix(path, followLinks, platform)
            : OpenPortable(path, followLinks);
        return handle is null ? null : ReadBounded(handle, path, maxBytes);
    }

    /// <summary>As <see cref="ReadAllBytes"/>, decoded as UTF-8 (a byte order mark is skipped; invalid bytes are refused).</summary>
    public static string? ReadAllText(string path, int maxBytes, bool followLinks)
    {
        var bytes = ReadAllBytes(path, maxBytes, followLinks);
        if (bytes is null)
        {
            return null;
        }

        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException exception)
        {
            // Decoding leniently would turn the bad bytes into U+FFFD, and a profile edit would write that
            // back over the user's other profiles; refusing leaves the file as it is.
            throw new IOException(path + " (file is not valid UTF-8)", exception);
        }
    }

    /// <summary>"64 KiB", "1 MiB": a limit as messages show it.</summary>
    public static string DescribeSize(int bytes) =>
        bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
        : bytes % 1024 == 0 ? bytes / 1024 + " KiB"
        : bytes + " bytes";

    private static SafeFileHandle? OpenPosix(string path, bool followLinks, PosixPlatform platform)
    {
        var flags = PosixPlatform.ReadOnly | platform.NonBlocking | platform.CloseOnExec | (followLinks ? 0 : platform.NoFollow);
        var handle = PosixFile.Open(path, flags, out var error);
        if (handle is null)
        {
            if (error == platform.SymbolicLinkLoop && !followLinks)
            {
                throw new SymbolicLinkException(path);
            }

            if (error is PosixPlatform.NoSuchFile or PosixPlatform.NotADirectory)
            {
                return null;
            }

            throw new IOException(path + ": " + PosixFile.Describe(error));
        }

        var kind = PosixFile.Kind(handle, platform);
        if (kind != FileKind.Regular)
        {
            handle.Dispose();
            throw new IOException(FileKinds.NotRegular(path, kind));
        }

        return handle;
    }

    /// <summary>
    /// Windows (and Unix platforms without a <see cref="PosixPlatform"/> row): .NET's own open, which on
    /// Windows refuses devices and pipes by itself. Links are refused by looking first, the best Windows
    /// offers without native calls.
    /// </summary>
    private static SafeFileHandle? OpenPortable(string path, bool followLinks)
    {
        if (!followLinks && new FileInfo(path).LinkTarget is not null)
        {
            throw new SymbolicLinkException(path);
        }

        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw new IOException(FileKinds.NotRegular(path, FileKind.Directory));
        }
        catch (NotSupportedException exception)
        {
            throw new IOException(FileKinds.NotRegular(path, FileKind.Unknown), exception);
        }
    }

    private static byte[] ReadBounded(SafeFileHandle handle, string path, int maxBytes)
    {
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }

        // One byte more than the limit, so a file that grew since GetLength is still caught.
        var buffer = new byte[(int)length + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    throw TooLarge(path, maxBytes);
                }

                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
            }

            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                return buffer[..total];
            }

            total += read;
        }
    }

    private static IOException TooLarge(string path, int maxBytes) =>
        new(path + " is larger than " + DescribeSize(maxBytes) + ", the most this action reads from such a file");
}
