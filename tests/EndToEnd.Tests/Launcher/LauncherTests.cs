using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using Cac.EndToEnd.Tests.Runner;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests.Launcher;

/// <summary>
/// The packaged action (artifacts/package, what a release tag holds) run as the runner runs a node action:
/// `node launcher/main.js`, later `node launcher/post.js`, against the emulators.
/// </summary>
public sealed class LauncherTests
{
    [Fact]
    public async Task Main_and_post_through_the_launcher_configure_the_job_and_then_put_it_back()
    {
        await using var aws = await LocalAws.StartAsync();
        using var job = new RunnerJob(aws);
        var action = ActionManifest.Load(ReleasePackage.ActionYml);
        Assert.Equal("node24", action.Runs["using"]);
        CleanupRoundTrip.Prepare(job);

        var main = await NodeActionRunner.RunAsync(job, action, "main", CleanupRoundTrip.With);
        CleanupRoundTrip.ExpectMain(main, job.Home);

        // The first step of the job unpacked the binary into RUNNER_TEMP, the one the manifest names, and
        // recorded it as verified; the post step ran that copy and rewrote neither.
        var files = Directory.GetFiles(Path.Combine(job.Temp, "configure-aws-credentials-csharp"), "*", SearchOption.AllDirectories);
        var unpacked = Assert.Single(files, file => Path.GetFileName(file) == "configure-aws-credentials");
        Assert.Equal([unpacked, unpacked + ".verified"], files.Order(StringComparer.Ordinal));
        Assert.Equal(ManifestDigest(), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(unpacked))));
        var unpackedAt = File.GetLastWriteTimeUtc(unpacked);
        var recordedAt = File.GetLastWriteTimeUtc(unpacked + ".verified");

        var post = await NodeActionRunner.RunAsync(job, action, "post", CleanupRoundTrip.With);
        CleanupRoundTrip.ExpectPost(post, job.Home);
        Assert.Equal(unpackedAt, File.GetLastWriteTimeUtc(unpacked));
        Assert.Equal(recordedAt, File.GetLastWriteTimeUtc(unpacked + ".verified"));
    }

    [Fact]
    public async Task A_corrupt_binary_in_the_package_is_one_error_line_exit_code_1_and_nothing_exported()
    {
        await using var aws = await LocalAws.StartAsync();
        using var job = new RunnerJob(aws);
        var copy = Directory.CreateDirectory(Path.Combine(job.Root, "action")).FullName;
        foreach (var file in Directory.GetFiles(ReleasePackage.Directory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(ReleasePackage.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var compressed = Path.Combine(copy, "bin", "linux-x64.br");
        var bytes = File.ReadAllBytes(compressed);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(compressed, bytes);

        var main = await NodeActionRunner.RunAsync(job, ActionManifest.Load(Path.Combine(copy, "action.yml")), "main", CleanupRoundTrip.With);

        Assert.Equal(1, main.ExitCode);
        var line = Assert.Single(main.Lines);
        Assert.StartsWith("::error::The binary for linux-x64", line, StringComparison.Ordinal);
        Assert.Contains("is corrupt", line, StringComparison.Ordinal);
        Assert.Empty(main.Exports);
        Assert.Empty(main.Outputs);
        Assert.Empty(main.State);
        Assert.Empty(aws.Sts.Requests);
    }

    private static string ManifestDigest()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReleasePackage.Directory, "bin", "manifest.json")));
        return manifest.RootElement.GetProperty("binaries").GetProperty("linux-x64").GetProperty("sha256").GetString()!;
    }
}
