using System;
using System.IO;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;
using Cac.Action.Profiles;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Profiles;

/// <summary>The profile files: only small regular files are edited, under a lock, staged so they can be taken back.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProfileWriterSafetyTests : IDisposable
{
    private readonly TempDir temp = new();
    private readonly RecordingConsole console = new();
    private readonly ActionLog masker;
    private readonly DictionaryEnvironment environment;

    public ProfileWriterSafetyTests()
    {
        environment = Env.Of(("HOME", temp.Combine("home")));
        // The secrets' own mask lines go elsewhere: these tests read the writer's log.
        masker = new ActionLog(new RecordingConsole(), isDebug: false);
    }

    public void Dispose() => temp.Dispose();

    private string CredentialsPath => temp.Combine("home/.aws/credentials");

    private string ConfigPath => temp.Combine("home/.aws/config");

    private ProfileWriter Writer(TimeProvider? time = null) => new(environment, new ActionLog(console, isDebug: false), time);

    private StagedProfileWrite Prepare(string name = "dev") =>
        Writer().Prepare(name, "us-east-1", Secret.Create(TestInputs.AccessKeyId, masker), Secret.Create(TestInputs.SecretAccessKey, masker), Secret.Empty, overwrite: false);

    [Fact]
    public async Task A_named_pipe_as_the_credentials_file_is_refused_at_once()
    {
        Directory.CreateDirectory(temp.Combine("home/.aws"));
        SpecialFiles.NamedPipe(CredentialsPath);

        var write = Task.Run(() => Prepare());
        Assert.Same(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(60))));

        var error = await Assert.ThrowsAsync<ActionError>(() => write);
        Assert.Same(ErrorCode.ProfileFiles, error.Code);
        Assert.Equal("Failed to write AWS profile 'dev': " + CredentialsPath + " (path is not a regular file: it is a named pipe (FIFO))", error.Message);
    }

    [Fact]
    public void A_profile_file_over_the_limit_is_refused_and_left_alone()
    {
        var large = "[other]\n" + new string('#', SafeFiles.MaxProfileFileBytes) + "\n";
        temp.Write("home/.aws/config", large);

        var error = Assert.Throws<ActionError>(() => Prepare());

        Assert.Equal("Failed to write AWS profile 'dev': " + ConfigPath + " is larger than 1 MiB, the most this action reads from such a file", error.Message);
        Assert.Equal(large, File.ReadAllText(ConfigPath));
        Assert.False(File.Exists(CredentialsPath));
    }

    [Fact]
    public void Files_locked_by_another_run_for_too_long_fail_with_their_own_code()
    {
        Directory.CreateDirectory(temp.Combine("home/.aws"));
        using var other = FileLock.AcquireAll([ConfigPath], FileLock.DefaultTimeout, TimeProvider.System);

        var error = Assert.Throws<ActionError>(() => Writer(new LeapingClock(TimeSpan.FromSeconds(1))).Prepare("dev", "us-east-1", Secret.Empty, Secret.Empty, Secret.Empty, false));

        Assert.Same(ErrorCode.ProfileFilesLocked, error.Code);
        Assert.Equal("Failed to write AWS profile 'dev': Another run held the lock " + FileLock.LockPathFor(ConfigPath) + " for more than 30 seconds", error.Message);
        Assert.False(File.Exists(CredentialsPath));
    }

    [Fact]
    public void Nothing_is_visible_until_commit_and_a_dropped_stage_leaves_no_trace()
    {
        var before = temp.Write("home/.aws/credentials", "[personal]\nx = 1\n");

        using (Prepare())
        {
            Assert.Equal("[personal]\nx = 1\n", File.ReadAllText(before));
            Assert.False(File.Exists(ConfigPath));
        }

        Assert.Empty(Directory.GetFiles(temp.Combine("home/.aws"), "*.tmp"));
        Assert.Equal("[personal]\nx = 1\n", File.ReadAllText(before));
    }

    [Fact]
    public void Rolling_back_a_commit_puts_back_an_existing_file_and_removes_a_new_one()
    {
        temp.Write("home/.aws/credentials", "# mine\n[personal]\nx = 1\n");

        using (var staged = Prepare())
        {
            staged.Commit();
            Assert.Contains("[dev]", File.ReadAllText(CredentialsPath), StringComparison.Ordinal);
            Assert.True(File.Exists(ConfigPath));

            staged.RollBack();
        }

        Assert.Equal("# mine\n[personal]\nx = 1\n", File.ReadAllText(CredentialsPath));
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public void The_lock_is_held_from_the_read_until_the_stage_is_disposed()
    {
        using (Prepare())
        {
            Assert.Throws<TimeoutException>(() => FileLock.AcquireAll([CredentialsPath], TimeSpan.Zero, TimeProvider.System));
        }

        FileLock.AcquireAll([CredentialsPath, ConfigPath], TimeSpan.Zero, TimeProvider.System).Dispose();
        Assert.DoesNotContain(console.Lines, line => line.Contains(TestInputs.SecretAccessKey, StringComparison.Ordinal));
    }
}
