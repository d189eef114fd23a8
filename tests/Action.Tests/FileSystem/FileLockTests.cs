using System.IO;
using System;
using Cac.Action.FileSystem;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.FileSystem;

public sealed class FileLockTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_held_lock_makes_the_next_run_wait_until_the_timeout_then_fail_naming_the_lock_file()
    {
        var credentials = temp.Combine("credentials");
        using var first = FileLock.AcquireAll([credentials], FileLock.DefaultTimeout, TimeProvider.System);

        // Every read of this clock is a second later: the wait ends after about 30 polls, whatever the load.
        var error = Assert.Throws<TimeoutException>(() => FileLock.AcquireAll([credentials], TimeSpan.FromSeconds(30), new LeapingClock(TimeSpan.FromSeconds(1))));

        Assert.Equal("Another run held the lock " + FileLock.LockPathFor(credentials) + " for more than 30 seconds", error.Message);
    }

    [Fact]
    public void A_released_lock_can_be_taken_again_and_its_file_stays_with_mode_0600()
    {
        var credentials = temp.Combine("credentials");
        FileLock.AcquireAll([credentials, credentials], FileLock.DefaultTimeout, TimeProvider.System).Dispose();

        using var again = FileLock.AcquireAll([credentials], TimeSpan.Zero, TimeProvider.System);

        var lockFile = FileLock.LockPathFor(credentials);
        Assert.Equal(temp.Combine(".credentials.lock"), lockFile);
        Assert.True(File.Exists(lockFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(SafeFiles.FileMode, File.GetUnixFileMode(lockFile));
        }
    }

    [Fact]
    public void Locking_several_files_holds_each_of_them()
    {
        var credentials = temp.Combine("credentials");
        var config = temp.Combine("config");
        using var both = FileLock.AcquireAll([credentials, config], FileLock.DefaultTimeout, TimeProvider.System);

        Assert.Throws<TimeoutException>(() => FileLock.AcquireAll([config], TimeSpan.Zero, TimeProvider.System));
        Assert.Throws<TimeoutException>(() => FileLock.AcquireAll([credentials], TimeSpan.Zero, TimeProvider.System));
    }

    [Fact]
    public void A_link_in_place_of_the_lock_file_is_refused_and_its_target_not_created()
    {
        var credentials = temp.Combine("credentials");
        var elsewhere = temp.Combine("elsewhere");
        File.CreateSymbolicLink(FileLock.LockPathFor(credentials), elsewhere);

        Assert.Throws<SymbolicLinkException>(() => FileLock.AcquireAll([credentials], FileLock.DefaultTimeout, TimeProvider.System));

        Assert.False(File.Exists(elsewhere));
    }
}
