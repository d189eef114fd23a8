using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using System;
using Cac.Emulators.Runner;
using Cac.TestSupport;

namespace Cac.EndToEnd.Tests;

/// <summary>
/// A real full disk: a file the run writes sits on a 4 KiB tmpfs, mounted in a user and mount namespace
/// of the run's own (no privileges needed, nothing outside the run sees it), that already holds 4000
/// bytes of it, so whatever the run adds finds 96 bytes of room.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FullDiskTests
{
    /// <summary>4000 bytes of an earlier step's pair, valid for the runner.</summary>
    private static readonly string EarlierPair = "EARLIER<<D\n" + new string('x', 4000 - 14) + "\nD\n";

    /// <summary>
    /// The runner applies every complete pair before a cut-off one, so a block cut off part-way must be
    /// cut back: GITHUB_ENV ends up byte for byte as it was.
    /// </summary>
    [Fact]
    public async Task A_block_cut_off_by_a_full_disk_is_cut_back_so_the_runner_finds_no_pair_of_it()
    {
        var run = await RunOnSmallDiskAsync("set_env", EarlierPair, (environment, file) => environment["GITHUB_ENV"] = file);

        AssertWith.Equal(1, run.Result.ExitCode, run.Describe());
        Assert.Contains(run.Result.Lines, line => line.StartsWith("::error::Unable to write file command GITHUB_ENV to " + run.File + ": No space left on device", StringComparison.Ordinal));
        Assert.Contains(run.Result.Lines, line => line.StartsWith("::error::", StringComparison.Ordinal) && line.Contains("[CAC-E041]", StringComparison.Ordinal));
        Assert.Equal(EarlierPair, run.FileAfter);
        Assert.Empty(run.Result.Outputs);
        Assert.Empty(run.Result.State);
    }

    /// <summary>The profile files on a full disk: a full-disk error (not one about the profile's name), and nothing handed out.</summary>
    [Fact]
    public async Task A_full_disk_under_the_profile_files_is_reported_as_such_and_hands_out_nothing()
    {
        var credentials = "# team profiles\n" + EarlierPair.Replace("EARLIER<<D\n", "#", StringComparison.Ordinal).Replace("\nD\n", "\n#\n", StringComparison.Ordinal);
        var run = await RunOnSmallDiskAsync("credentials", credentials, (environment, file) =>
        {
            environment["AWS_SHARED_CREDENTIALS_FILE"] = file;
            LocalAws.SetInput(environment, "aws-profile", "dev");
            LocalAws.SetInput(environment, "output-env-credentials", "true");
        });

        Expect.FailedWithNothingExported(run.Result, "Failed to write AWS profile 'dev': No space left on device", "CAC-E041");
        Assert.Equal(credentials, run.FileAfter);
        Assert.Equal(".credentials.lock\ncredentials\n", run.Listing);
    }

    private static async Task<SmallDiskRun> RunOnSmallDiskAsync(string fileName, string content, Action<Dictionary<string, string>, string> configure)
    {
        await using var aws = await LocalAws.StartAsync();
        var directory = Directory.CreateTempSubdirectory("cac-tmpfs-").FullName;
        try
        {
            var mountPoint = Directory.CreateDirectory(Path.Combine(directory, "disk")).FullName;
            var seed = Path.Combine(directory, "seed");
            File.WriteAllText(seed, content);
            var after = Path.Combine(directory, "after");
            var listing = Path.Combine(directory, "listing");

            // bash, not sh: dash drops variables whose names are not shell identifiers (INPUT_AWS-REGION)
            // from the environment it passes on.
            using var process = new ActionProcess(LocalAws.FindPublishedExecutable(),
            [
                "unshare", "--user", "--map-root-user", "--mount", "bash", "-c",
                "mount -t tmpfs -o size=4k tmpfs \"$CAC_DISK\" && cp \"$CAC_SEED\" \"$CAC_FILE\" || exit 99; " +
                "\"$0\"; rc=$?; cp \"$CAC_FILE\" \"$CAC_AFTER\"; ls -A \"$CAC_DISK\" > \"$CAC_LISTING\"; exit $rc",
            ]);
            var file = Path.Combine(mountPoint, fileName);
            var environment = aws.OidcEnvironment(process);
            LocalAws.SetInput(environment, "role-to-assume", LocalAws.DemoRoleArn);
            LocalAws.SetInput(environment, "aws-region", "us-east-1");
            environment["CAC_DISK"] = mountPoint;
            environment["CAC_SEED"] = seed;
            environment["CAC_FILE"] = file;
            environment["CAC_AFTER"] = after;
            environment["CAC_LISTING"] = listing;
            configure(environment, file);

            var result = await process.RunAsync(environment);
            if (result.ExitCode == 99)
            {
                Assert.Fail("the tmpfs could not be set up (unshare --user --mount)\n" + result.StandardError);
            }

            return new SmallDiskRun(result, file, File.ReadAllText(after), File.ReadAllText(listing));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The run, the file on the small disk, its content afterwards, and what the disk held afterwards (ls -A).</summary>
    private sealed record SmallDiskRun(ActionRunResult Result, string File, string FileAfter, string Listing)
    {
        public string Describe() => "exit code " + Result.ExitCode + "\n" + Result.StandardOutput + Result.StandardError;
    }
}
