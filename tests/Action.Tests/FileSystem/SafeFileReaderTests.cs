using System;
using System.IO;
using System.Threading.Tasks;
using Cac.Action.FileSystem;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.FileSystem;

public sealed class SafeFileReaderTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_regular_file_is_read_and_a_link_to_it_is_refused_by_the_kernel_unless_links_are_followed()
    {
        var target = temp.Write("target", "content");
        var link = temp.Combine("link");
        File.CreateSymbolicLink(link, target);

        Assert.Equal("content", SafeFileReader.ReadAllText(target, 100, followLinks: false));
        Assert.Equal("Refusing " + link + " (path is a symbolic link)",
            Assert.Throws<SymbolicLinkException>(() => SafeFileReader.ReadAllText(link, 100, followLinks: false)).Message);
        Assert.Equal("content", SafeFileReader.ReadAllText(link, 100, followLinks: true));
    }

    [Fact]
    public void Nothing_there_reads_as_null_a_dangling_link_too_when_links_are_followed()
    {
        var dangling = temp.Combine("dangling");
        File.CreateSymbolicLink(dangling, temp.Combine("nowhere"));

        Assert.Null(SafeFileReader.ReadAllBytes(temp.Combine("missing"), 100, followLinks: false));
        Assert.Null(SafeFileReader.ReadAllBytes(temp.Combine("missing/dir/file"), 100, followLinks: false));
        Assert.Null(SafeFileReader.ReadAllBytes(dangling, 100, followLinks: true));
        Assert.Throws<SymbolicLinkException>(() => SafeFileReader.ReadAllBytes(dangling, 100, followLinks: false));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_named_pipe_is_refused_at_once_instead_of_waiting_for_a_writer(bool followLinks)
    {
        var pipe = SpecialFiles.NamedPipe(temp.Combine("pipe"));

        // On a thread of its own, so that a read that blocks (the defect) fails the test instead of hanging it.
        var read = Task.Factory.StartNew(() => SafeFileReader.ReadAllBytes(pipe, 100, followLinks), TaskCreationOptions.LongRunning);
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(read, finished);
        var error = await Assert.ThrowsAsync<IOException>(() => read);
        Assert.Equal(pipe + " (path is not a regular file: it is a named pipe (FIFO))", error.Message);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    public void A_device_is_not_read(string device)
    {
        var error = Assert.Throws<IOException>(() => SafeFileReader.ReadAllBytes(device, 100, followLinks: true));

        Assert.Equal(device + " (path is not a regular file: it is a character device)", error.Message);
    }

    [Fact]
    public void A_link_to_a_device_is_refused_when_links_are_followed()
    {
        var link = temp.Combine("token");
        File.CreateSymbolicLink(link, "/dev/zero");

        var error = Assert.Throws<IOException>(() => SafeFileReader.ReadAllBytes(link, 100, followLinks: true));

        Assert.Equal(link + " (path is not a regular file: it is a character device)", error.Message);
    }

    [Fact]
    public void A_directory_is_not_read()
    {
        var error = Assert.Throws<IOException>(() => SafeFileReader.ReadAllBytes(temp.Path, 100, followLinks: false));

        Assert.Equal(temp.Path + " (path is not a regular file: it is a directory)", error.Message);
    }

    [Fact]
    public void The_limit_is_inclusive_and_one_byte_more_is_refused_naming_the_limit()
    {
        var atLimit = temp.Write("at", new string('a', 2048));
        var over = temp.Write("over", new string('a', 2049));

        Assert.Equal(2048, SafeFileReader.ReadAllBytes(atLimit, 2048, followLinks: false)!.Length);
        var error = Assert.Throws<IOException>(() => SafeFileReader.ReadAllBytes(over, 2048, followLinks: false));
        Assert.Equal(over + " is larger than 2 KiB, the most this action reads from such a file", error.Message);
    }

    [Fact]
    public void Text_skips_a_byte_order_mark_and_refuses_invalid_UTF8()
    {
        var bom = temp.Combine("bom");
        File.WriteAllBytes(bom, [0xEF, 0xBB, 0xBF, (byte)'x']);
        var invalid = temp.Combine("invalid");
        File.WriteAllBytes(invalid, [0x5B, 0xFF, 0x5D]);

        Assert.Equal("x", SafeFileReader.ReadAllText(bom, 100, followLinks: false));
        Assert.Equal(invalid + " (file is not valid UTF-8)", Assert.Throws<IOException>(() => SafeFileReader.ReadAllText(invalid, 100, followLinks: false)).Message);
    }

    [Theory]
    [InlineData(65536, "64 KiB")]
    [InlineData(1048576, "1 MiB")]
    [InlineData(1000, "1000 bytes")]
    public void Sizes_are_described_in_the_largest_whole_unit(int bytes, string expected) =>
        Assert.Equal(expected, SafeFileReader.DescribeSize(bytes));
}
