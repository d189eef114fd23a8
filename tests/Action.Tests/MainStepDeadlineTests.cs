using System;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Errors;
using Cac.Action.Retries;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Cac.Action.Tests;

/// <summary>
/// action-timeout-s ends the run at its deadline with one error even when what the flow waits on ignores
/// cancellation, or blocks its thread outright: the last resort stops waiting for the flow.
/// </summary>
public sealed class MainStepDeadlineTests : IDisposable
{
    private readonly FakeTimeProvider time = new();
    private readonly RecordingConsole console = new();
    private readonly TempDir directory = new();
    private readonly ManualResetEventSlim release = new();

    public void Dispose()
    {
        release.Set();
        release.Dispose();
        directory.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_deadline_ends_the_run_whatever_the_flow_is_stuck_in(bool blocksItsThread)
    {
        var environment = new DictionaryEnvironment();
        foreach (var name in new[] { "GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STATE" })
        {
            environment.SetVariable(name, directory.Write(name, string.Empty));
        }

        environment.SetVariable(TestInputs.Variable("aws-region"), "us-east-1");
        environment.SetVariable(TestInputs.Variable("action-timeout-s"), "5");
        var log = new ActionLog(console, isDebug: false);
        var stuck = new StuckProvider(blocksItsThread, release);
        var main = new MainStep(environment, log, new FileCommandWriter(environment), time, _ =>
            new FlowServices(environment, log, null!, null!, stuck, new Retrier(1, time, log, () => 0), time, []));

        // Run on the pool so that a step that blocks its caller cannot block this test.
        var run = Task.Run(() => main.RunAsync(CancellationToken.None));
        await stuck.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(5));

        // Generous: without the last resort the run never ends at all.
        var error = await Assert.ThrowsAsync<ActionError>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Action timed out after 5 seconds", error.Message);
        Assert.Same(ErrorCode.ActionTimeout, error.Code);
        Assert.DoesNotContain(console.Lines, line => line.StartsWith("Retry", StringComparison.Ordinal));
    }

    /// <summary>An ambient credential lookup that never answers and never looks at its cancellation token.</summary>
    private sealed class StuckProvider(bool blocksItsThread, ManualResetEventSlim release) : IAmbientCredentialProvider
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => entered.Task;

        public string Name => "stuck provider";

        public Task<AmbientResult> TryResolveAsync(CancellationToken cancellationToken)
        {
            entered.TrySetResult();
            if (blocksItsThread)
            {
                release.Wait(CancellationToken.None);
            }

            return new TaskCompletionSource<AmbientResult>().Task;
        }
    }
}
