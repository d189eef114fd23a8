using System;
using System.IO;
using System.Threading.Tasks;
using Cac.Action.FileSystem;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.FileSystem;

public sealed class AppendTargetTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_block_goes_after_the_old_end_and_rolling_back_cuts_the_file_to_its_old_length()
    {
        var path = temp.Write("set_env", "EARLIER=1\n");
        using var target = AppendTarget.Open(path);

        target.Append("A<<D\nvalue\nD\n"u8);
        Assert.Equal("EARLIER=1\nA<<D\nvalue\nD\n", File.ReadAllText(path));

        target.RollBack();
        Assert.Equal("EARLIER=1\n", File.ReadAllText(path));
    }

    [Fact]
    public void Two_targets_on_one_file_both_append_and_rolling_both_back_restores_it()
    {
        var path = temp.Write("shared", "EARLIER=1\n");
        using var first = AppendTarget.Open(path);
        using var second = AppendTarget.Open(path);

        first.Append("A=1\n"u8);
        second.Append("B=2\n"u8);
        Assert.Equal("EARLIER=1\nA=1\nB=2\n", File.ReadAllText(path));

        second.RollBack();
        first.RollBack();
        Assert.Equal("EARLIER=1\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_full_disk_fails_the_append_as_a_full_disk()
    {
        using var target = AppendTarget.Open("/dev/full");

        var error = Assert.Throws<IOException>(() => target.Append("A<<D\nvalue\nD\n"u8));

        Assert.True(DiskErrors.IsDiskFull(error), error.Message);
        target.RollBack();
    }

    [Fact]
    public void A_character_device_is_accepted_as_a_sink()
    {
        using var target = AppendTarget.Open("/dev/null");

        target.Append("x"u8);
        target.RollBack();

        Assert.Equal(FileKind.CharacterDevice, target.Kind);
    }

    [Fact]
    public void A_dangling_link_is_named_as_such()
    {
        var link = temp.Combine("set_env");
        var target = temp.Combine("deleted");
        File.CreateSymbolicLink(link, target);

        var error = Assert.Throws<IOException>(() => AppendTarget.Open(link));

        Assert.Equal(link + " is a symbolic link to " + target + ", which does not exist", error.Message);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void A_missing_file_is_not_created()
    {
        var path = temp.Combine("set_env");

        Assert.Throws<FileNotFoundException>(() => AppendTarget.Open(path));

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_directory_is_not_a_regular_file()
    {
        var error = Assert.Throws<IOException>(() => AppendTarget.Open(temp.Path));

        Assert.Equal(temp.Path + " (path is not a regular file: it is a directory)", error.Message);
    }

    [Fact]
    public async Task A_named_pipe_is_refused_at_once_instead_of_waiting_for_a_reader()
    {
        var pipe = SpecialFiles.NamedPipe(temp.Combine("pipe"));

        var open = Task.Factory.StartNew(() => AppendTarget.Open(pipe), TaskCreationOptions.LongRunning);
        var finished = await Task.WhenAny(open, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(open, finished);
        var error = await Assert.ThrowsAsync<IOException>(() => open);
        Assert.Equal(pipe + " (path is not a regular file: it is a named pipe (FIFO))", error.Message);
    }
}
