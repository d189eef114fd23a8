using System;
using System.Threading.Tasks;
using Cac.Emulators;

namespace Cac.EndToEnd.Tests;

/// <summary>A Retry-After from STS is honoured (the throttling schedule itself is pinned by unit tests on a fake clock).</summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task A_retry_after_from_sts_is_honoured()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Sts.Behavior.InjectFault(StsFault.ThrottlingWith(retryAfter: TimeSpan.FromSeconds(2)), count: 1);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        var retry = Assert.Single(result.Lines, line => line.StartsWith("Retry AssumeRole: attempt 1 of 12 failed: Rate exceeded.", StringComparison.Ordinal));
        Assert.EndsWith("(the server asked for 2 s).", retry, StringComparison.Ordinal);
        var requests = scenario.Sts.Requests;
        Assert.Equal(2, requests.Count);
        // A lower bound only: a loaded machine can make the retry later, never earlier.
        Assert.InRange(requests[1].Time - requests[0].Time, TimeSpan.FromSeconds(1.9), TimeSpan.MaxValue);
    }
}
