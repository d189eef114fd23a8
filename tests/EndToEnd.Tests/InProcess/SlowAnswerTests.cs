using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cac.Action;
using Cac.Emulators;
using Cac.TestSupport;

namespace Cac.EndToEnd.Tests.InProcess;

/// <summary>
/// The per-request timeout covers the whole answer, body included: a server that sends its headers at once
/// and then one byte at a time is abandoned at the timeout, reported as a timeout, and retried.
/// </summary>
public sealed class SlowAnswerTests
{
    private static readonly ActionHostOptions ShortTimeouts = new(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(200));

    private static async Task<(int ExitCode, RecordingConsole Console)> RunAsync(Scenario scenario)
    {
        var console = new RecordingConsole();
        var environment = new DictionaryEnvironment(scenario.Environment.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));

        // Generous: a run that ignores its timeouts hangs forever, and this turns that into a failure.
        var exitCode = await ActionHost.RunAsync([], environment, console, TimeProvider.System, ShortTimeouts, default).WaitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, console);
    }

    [Fact]
    public async Task An_sts_answer_dripping_after_its_headers_times_out_as_a_timeout_and_is_retried()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Sts.Behavior.InjectFault(StsFault.Drip(TimeSpan.FromMilliseconds(200)), count: 1);

        var (exitCode, console) = await RunAsync(scenario);

        AssertWith.Equal(0, exitCode, string.Join("\n", console.Lines));
        var retry = Assert.Single(console.Lines, line => line.StartsWith("Retry AssumeRole: attempt 1 of 12 failed:", StringComparison.Ordinal));
        Assert.Contains("timed out after 0.4 s (answer headers and body)", retry, StringComparison.Ordinal);
        Assert.Equal(StsFault.Drip(TimeSpan.FromMilliseconds(200)), scenario.Sts.Requests[0].Fault);
        Assert.Equal(200, scenario.Sts.Requests[^1].StatusCode);
    }

    [Fact]
    public async Task An_sts_answer_that_never_finishes_fails_as_a_timeout_after_every_attempt()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Input("retry-max-attempts", "2");
        scenario.Sts.Behavior.InjectFault(StsFault.Drip(TimeSpan.FromSeconds(1)), count: 5);

        var (exitCode, console) = await RunAsync(scenario);

        Assert.Equal(1, exitCode);
        var error = Assert.Single(console.Lines, line => line.StartsWith("::error::", StringComparison.Ordinal));
        Assert.Contains("Could not assume role with OIDC: The request to " + scenario.Sts.Endpoint.AbsoluteUri + " timed out after 0.4 s", error, StringComparison.Ordinal);
        Assert.Contains("[CAC-E012]", error, StringComparison.Ordinal);
        Assert.Equal(2, scenario.Sts.Requests.Count);
    }
}
