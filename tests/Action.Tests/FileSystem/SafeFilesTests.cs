using System;
using System.IO;
using Cac.Action.FileSystem;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.FileSystem;

public sealed class SafeFilesTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Missing_directories_are_created_with_mode_0700()
    {
        var directory = temp.Combine("home/runner/custom/path/.aws");

        SafeFiles.EnsureDirectory(directory);

        Assert.True(Directory.Exists(directory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(SafeFiles.DirectoryMode, File.GetUnixFileMode(directory));
            Assert.Equal(SafeFiles.DirectoryMode, File.GetUnixFileMode(temp.Combine("home/runner")));
        }
    }

    [Fact]
    public void An_existing_directory_is_fine_and_keeps_its_mode()
    {
        var directory = temp.Combine(".aws");
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, SafeFiles.DirectoryMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }

        SafeFiles.EnsureDirectory(directory);
        SafeFiles.EnsureDirectory(directory);

        Assert.True(Directory.Exists(directory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(SafeFiles.DirectoryMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(directory));
        }
    }

    [Fact]
    public void A_symbolically_linked_directory_is_refused()
    {
        var real = temp.Combine("real");
        Directory.CreateDirectory(real);
        var link = temp.Combine(".aws");
        Directory.CreateSymbolicLink(link, real);

        var error = Assert.Throws<IOException>(() => SafeFiles.EnsureDirectory(link));

        Assert.Equal("Refusing " + link + " (path is a symbolic link)", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_text()
    {
        var path = temp.Combine("credentials");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("[dev]\n")]);

        Assert.Equal("[dev]\n", SafeFiles.ReadText(path));
    }

    [Fact]
    public void A_missing_file_reads_as_null()
    {
        Assert.Null(SafeFiles.ReadText(temp.Combine("credentials")));
        Assert.Null(SafeFiles.ReadText(temp.Combine("missing/credentials")));
    }

    [Fact]
    public void A_directory_is_not_a_regular_file()
    {
        var path = temp.Combine("credentials");
        Directory.CreateDirectory(path);

        var error = Assert.Throws<IOException>(() => SafeFiles.ReadText(path));

        Assert.Equal(path + " (path is not a regular file: it is a directory)", error.Message);
        Assert.Throws<IOException>(() => SafeFiles.WriteAtomically(path, "x"));
    }

    [Fact]
    public void Invalid_UTF8_is_refused_rather_than_rewritten()
    {
        var path = temp.Combine("credentials");
        File.WriteAllBytes(path, [0x5B, 0xFF, 0x5D]);

        var error = Assert.Throws<IOException>(() => SafeFiles.ReadText(path));

        Assert.Equal(path + " (file is not valid UTF-8)", error.Message);
    }

    [Fact]
    public void Reading_and_writing_refuse_a_symbolically_linked_file()
    {
        var target = temp.Write("target", "original");
        var link = temp.Combine("credentials");
        File.CreateSymbolicLink(link, target);

        Assert.Equal("Refusing " + link + " (path is a symbolic link)", Assert.Throws<IOException>(() => SafeFiles.ReadText(link)).Message);
        Assert.Equal("Refusing " + link + " (path is a symbolic link)", Assert.Throws<IOException>(() => SafeFiles.WriteAtomically(link, "new")).Message);

        Assert.Equal("original", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Reading_and_writing_refuse_a_symbolically_linked_parent()
    {
        var real = temp.Combine("real");
        var target = temp.Write("real/credentials", "original");
        var link = temp.Combine("linked");
        Directory.CreateSymbolicLink(link, real);
        var path = Path.Combine(link, "credentials");

        Assert.Equal("Refusing " + path + " (parent directory is a symbolic link)", Assert.Throws<IOException>(() => SafeFiles.ReadText(path)).Message);
        Assert.Equal("Refusing " + path + " (parent directory is a symbolic link)", Assert.Throws<IOException>(() => SafeFiles.WriteAtomically(path, "new")).Message);

        Assert.Equal("original", File.ReadAllText(target));
    }

    [Fact]
    public void A_write_replaces_the_file_with_mode_0600_and_leaves_no_temporary_file()
    {
        var path = temp.Write("credentials", "old");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        SafeFiles.WriteAtomically(path, "new ✓\n");

        Assert.Equal("new ✓\n"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(temp.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(SafeFiles.FileMode, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_write_is_a_rename_so_an_open_reader_keeps_the_old_content()
    {
        var path = temp.Write("credentials", "old");
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        SafeFiles.WriteAtomically(path, "new");

        using var text = new StreamReader(reader);
        Assert.Equal("old", text.ReadToEnd());
        Assert.Equal("new", File.ReadAllText(path));
    }
}
