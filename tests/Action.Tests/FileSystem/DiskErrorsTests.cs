using System.IO;
using System.Runtime.InteropServices;
using Cac.Action.FileSystem;

namespace Cac.Action.Tests.FileSystem;

public sealed class DiskErrorsTests
{
    [Theory]
    [InlineData(28, true)]
    [InlineData(122, true)]
    [InlineData(13, false)]
    [InlineData(5, false)]
    [InlineData(unchecked((int)0x80070070), true)]
    [InlineData(unchecked((int)0x80070027), true)]
    [InlineData(unchecked((int)0x80070005), false)]
    public void ENOSPC_EDQUOT_and_the_Windows_disk_full_errors_are_a_full_disk_on_Linux(int hresult, bool full) =>
        Assert.Equal(full, DiskErrors.IsDiskFull(hresult, PosixPlatform.For(OSPlatform.Linux, Architecture.X64)));

    [Fact]
    public void EDQUOT_has_its_own_number_on_macOS()
    {
        var mac = PosixPlatform.For(OSPlatform.OSX, Architecture.Arm64);

        Assert.True(DiskErrors.IsDiskFull(69, mac));
        Assert.False(DiskErrors.IsDiskFull(122, mac));
    }

    [Fact]
    public void A_wrapped_disk_full_error_is_found()
    {
        var inner = new IOException("No space left on device", 28);

        Assert.True(DiskErrors.IsDiskFull(new IOException("outer", inner)));
        Assert.False(DiskErrors.IsDiskFull(new IOException("Permission denied", 13)));
        Assert.False(DiskErrors.IsDiskFull(null));
    }
}
