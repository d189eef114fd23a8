using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Cac.Action;
using Cac.Emulators;
using Cac.TestSupport;

namespace Cac.EndToEnd.Tests.InProcess;

/// <summary>
/// The real flow over real HTTP against the emulators, run inside the test process through ActionHost
/// (a dictionary environment and a recording console: no process-wide state), where a test needs a
/// controlled clock or short timeouts.
/// </summary>
public sealed class InProcessFlowTests
{
    private static readonly ActionHostOptions ShortTimeouts = new(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(200));

    // Tests that are not about timeouts use the production ones: a loaded machine can take longer than the
    // short ones to answer, and an extra attempt would change the request counts they assert.
    private static async Task<(int ExitCode, RecordingConsole Console)> RunAsync(Scenario scenario, TimeProvider time, ActionHostOptions? options = null)
    {
        var console = new RecordingConsole();
        var environment = new DictionaryEnvironment(scenario.Environment.Select(pair => new System.Collections.Generic.KeyValuePair<string, string?>(pair.Key, pair.Value)));
        var exitCode = await ActionHost.RunAsync([], environment, console, time, options ?? ShortTimeouts, default);
        return (exitCode, console);
    }

    [Fact]
    public async Task A_retry_fetches_a_fresh_github_token_when_the_first_is_older_than_a_minute()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("audience", "sts.amazonaws.com");
        scenario.Sts.Behavior.InjectFault(StsFault.Throttling, count: 1);

        var (exitCode, console) = await RunAsync(scenario, new LeapingClock(TimeSpan.FromSeconds(61)), ActionHostOptions.Default);

        AssertWith.Equal(0, exitCode, string.Join("\n", console.Lines));
        // Every read of this clock is a minute later, so each attempt finds its token too old: the first
        // fetch, then one fresh token per STS attempt (compare the young-token test: one fetch in all).
        Assert.Equal(3, scenario.Oidc.Requests.Count);
        var webIdentityTokens = scenario.Sts.Requests.Select(request => request.Parameter("WebIdentityToken")).ToList();
        Assert.Equal(2, webIdentityTokens.Count);
        Assert.NotEqual(webIdentityTokens[0], webIdentityTokens[1]);
    }

    [Fact]
    public async Task A_young_github_token_is_reused_on_retry()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("audience", "sts.amazonaws.com");
        scenario.Sts.Behavior.InjectFault(StsFault.Throttling, count: 1);

        var (exitCode, console) = await RunAsync(scenario, TimeProvider.System, ActionHostOptions.Default);

        AssertWith.Equal(0, exitCode, string.Join("\n", console.Lines));
        Assert.Single(scenario.Oidc.Requests);
        Assert.Equal(2, scenario.Sts.Requests.Count);
    }

    [Fact]
    public async Task A_request_slower_than_the_request_timeout_is_abandoned_and_retried()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("audience", "sts.amazonaws.com");
        scenario.Sts.Behavior.InjectFault(StsFault.Delayed(TimeSpan.FromSeconds(5)), count: 1);

        var (exitCode, console) = await RunAsync(scenario, TimeProvider.System);

        // Had the first request been waited out, it would have succeeded after 5 s with no retry: the retry
        // line shows that it was abandoned at the request timeout, and only the second one was answered.
        Assert.Equal(0, exitCode);
        Assert.Contains(console.Lines, line => line.StartsWith("Retry AssumeRole: attempt 1 of 12 failed:", StringComparison.Ordinal) && line.Contains("timed out", StringComparison.Ordinal));
        Assert.Single(scenario.Sts.Requests);
    }

    [Fact]
    public async Task A_github_token_service_slower_than_the_request_timeout_is_retried()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("audience", "sts.amazonaws.com");
        scenario.Oidc.Behavior.InjectFault(OidcFault.Delayed(TimeSpan.FromSeconds(5)), count: 1);

        var (exitCode, console) = await RunAsync(scenario, TimeProvider.System);

        AssertWith.Equal(0, exitCode, string.Join("\n", console.Lines));
        Assert.Contains(console.Lines, line => line.StartsWith("Retry getIDToken: attempt 1 of 12 failed:", StringComparison.Ordinal));
        Assert.Single(scenario.Sts.Requests);
    }
}
