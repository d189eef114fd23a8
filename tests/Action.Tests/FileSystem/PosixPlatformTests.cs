using System;
using System.IO;
using System.Runtime.InteropServices;
using Cac.Action.FileSystem;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.FileSystem;

/// <summary>
/// The per-platform numbers, row by row (from the system headers), and, on the platform the tests run on,
/// that its row makes the kernel do what the code expects.
/// </summary>
public sealed class PosixPlatformTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Linux_x64_keeps_the_historical_flags_and_its_own_stat_layout()
    {
        var row = PosixPlatform.For(OSPlatform.Linux, Architecture.X64)!;

        Assert.Equal((0x20000, 0x800, 0x80000, 40, 11, 122, 24, "fstat"),
            (row.NoFollow, row.NonBlocking, row.CloseOnExec, row.SymbolicLinkLoop, row.WouldBlock, row.QuotaExceeded, row.StatModeOffset, row.StatEntryPoint));
    }

    [Fact]
    public void Linux_arm64_has_another_O_NOFOLLOW_and_stat_layout()
    {
        var row = PosixPlatform.For(OSPlatform.Linux, Architecture.Arm64)!;

        // 0x20000 there is O_LARGEFILE: using the x64 value would silently follow links.
        Assert.Equal((0x8000, 0x800, 0x80000, 40, 16), (row.NoFollow, row.NonBlocking, row.CloseOnExec, row.SymbolicLinkLoop, row.StatModeOffset));
    }

    [Theory]
    [InlineData(Architecture.X64, "fstat$INODE64")]
    [InlineData(Architecture.Arm64, "fstat")]
    public void MacOS_has_its_own_flags_errors_and_64_bit_inode_stat(Architecture architecture, string entryPoint)
    {
        var row = PosixPlatform.For(OSPlatform.OSX, architecture)!;

        Assert.Equal((0x100, 0x4, 0x1000000, 62, 35, 69, 4, entryPoint),
            (row.NoFollow, row.NonBlocking, row.CloseOnExec, row.SymbolicLinkLoop, row.WouldBlock, row.QuotaExceeded, row.StatModeOffset, row.StatEntryPoint));
    }

    [Fact]
    public void Windows_and_unknown_platforms_have_no_row()
    {
        Assert.Null(PosixPlatform.For(OSPlatform.Windows, Architecture.X64));
        Assert.Null(PosixPlatform.For(OSPlatform.Linux, Architecture.S390x));
        Assert.Null(PosixPlatform.For(OSPlatform.FreeBSD, Architecture.X64));
    }

    [Fact]
    public void The_running_platform_has_its_row()
    {
        Assert.Equal(
            PosixPlatform.For(OperatingSystem.IsMacOS() ? OSPlatform.OSX : OSPlatform.Linux, RuntimeInformation.OSArchitecture),
            PosixPlatform.Current);
    }

    [Fact]
    public void Here_O_NOFOLLOW_makes_the_kernel_refuse_a_link_with_ELOOP()
    {
        var platform = Unix();
        var link = temp.Combine("link");
        File.CreateSymbolicLink(link, temp.Write("target", "x"));

        using var handle = PosixFile.Open(link, PosixPlatform.ReadOnly | platform.NoFollow, out var error);

        Assert.Null(handle);
        Assert.Equal(platform.SymbolicLinkLoop, error);
    }

    [Fact]
    public void Here_fstat_tells_the_kind_of_the_opened_file()
    {
        var platform = Unix();
        var pipe = SpecialFiles.NamedPipe(temp.Combine("pipe"));
        foreach (var (path, kind) in new[]
        {
            (temp.Write("file", "x"), FileKind.Regular),
            (temp.Path, FileKind.Directory),
            ("/dev/null", FileKind.CharacterDevice),
            (pipe, FileKind.NamedPipe),
        })
        {
            using var handle = PosixFile.Open(path, PosixPlatform.ReadOnly | platform.NonBlocking, out _);
            Assert.NotNull(handle);
            Assert.Equal(kind, PosixFile.Kind(handle, platform));
        }
    }

    [Theory]
    [InlineData(0x81A4, FileKind.Regular)]
    [InlineData(0x41ED, FileKind.Directory)]
    [InlineData(0x21B6, FileKind.CharacterDevice)]
    [InlineData(0x61B0, FileKind.BlockDevice)]
    [InlineData(0x11A4, FileKind.NamedPipe)]
    [InlineData(0xC1ED, FileKind.Socket)]
    [InlineData(0xA1FF, FileKind.SymbolicLink)]
    [InlineData(0x01A4, FileKind.Unknown)]
    public void The_type_bits_of_st_mode_name_the_kind(int mode, FileKind kind) => Assert.Equal(kind, FileKinds.FromMode(mode));

    private static PosixPlatform Unix() =>
        PosixPlatform.Current ?? throw new PlatformNotSupportedException("these checks are for Linux and macOS");
}
