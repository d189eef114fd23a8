using System;
using System.Threading.Tasks;
using Cac.EndToEnd.Tests.Runner;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests.Container;

/// <summary>
/// The container variant (the packaged container/action.yml) run as the runner runs a container action:
/// main with the image's entry point, post with <c>--entrypoint</c> set to the action's post-entrypoint,
/// each a `docker run` with the runner's flags, mounts and variables (through podman), against the
/// emulators on the host.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ContainerTests : IClassFixture<TestImages>
{
    private readonly TestImages images;

    public ContainerTests(TestImages images)
    {
        this.images = images;
    }

    [Fact]
    public async Task Main_and_post_in_the_container_configure_the_job_and_then_put_it_back()
    {
        await using var aws = await LocalAws.StartAsync();
        using var job = new RunnerJob(aws);
        CleanupRoundTrip.Prepare(job);

        var main = await ContainerActionRunner.RunAsync(job, images.Action, images.Image, entrypoint: null, CleanupRoundTrip.With);
        CleanupRoundTrip.ExpectMain(main, job.ContainerHome);

        var post = await ContainerActionRunner.RunAsync(job, images.Action, images.Image, images.Action.Runs["post-entrypoint"], CleanupRoundTrip.With);
        CleanupRoundTrip.ExpectPost(post, job.ContainerHome);
    }

    [Fact]
    public async Task A_post_entry_point_run_by_a_shell_loses_the_hyphenated_state_so_the_post_step_restores_nothing()
    {
        await using var aws = await LocalAws.StartAsync();
        using var job = new RunnerJob(aws);
        CleanupRoundTrip.Prepare(job);

        var main = await ContainerActionRunner.RunAsync(job, images.Action, images.WithShellScriptPost, entrypoint: null, CleanupRoundTrip.With);
        CleanupRoundTrip.ExpectMain(main, job.ContainerHome);

        // The same check as above fails: dash drops STATE_exported-variables, STATE_previous-*, STATE_created-profile.
        var post = await ContainerActionRunner.RunAsync(job, images.Action, images.WithShellScriptPost, images.Action.Runs["post-entrypoint"], CleanupRoundTrip.With);
        Assert.ThrowsAny<Exception>(() => CleanupRoundTrip.ExpectPost(post, job.ContainerHome));
        Assert.Contains("Nothing to clean up", post.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_libssl_in_the_image_the_main_step_is_one_error_line_naming_it()
    {
        await using var aws = await LocalAws.StartAsync();
        using var job = new RunnerJob(aws);

        var main = await ContainerActionRunner.RunAsync(job, images.Action, images.WithoutLibssl, entrypoint: null, CleanupRoundTrip.With);

        Assert.Equal(1, main.ExitCode);
        var line = Assert.Single(main.Lines);
        Assert.StartsWith("::error::OpenSSL was not found", line, StringComparison.Ordinal);
        Assert.Contains("[CAC-E050]", line, StringComparison.Ordinal);
        Assert.Empty(main.Exports);
        Assert.Empty(aws.Sts.Requests);
        Assert.Empty(aws.Oidc.Requests);
    }

    [Fact]
    public async Task The_image_has_no_shell()
    {
        var run = await TestImages.Podman("run", "--rm", "--entrypoint", "/bin/sh", images.Image, "-c", "true");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("/bin/sh", run.StandardError, StringComparison.Ordinal);
    }
}
