using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Errors;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Credentials.Ambient;

/// <summary>The chain's contract: first credentials win, declines are logged and listed, a failure ends the chain.</summary>
public sealed class AmbientCredentialChainTests
{
    private readonly RecordingConsole console = new();
    private readonly List<string> asked = [];

    private AmbientCredentialChain Chain(params IAmbientCredentialProvider[] providers) =>
        new(providers, new ActionLog(console, isDebug: true));

    private Provider Declining(string name, string reason) => new(name, asked, () => AmbientResult.Declined(reason));

    private Provider Finding(string name) =>
        new(name, asked, () => AmbientResult.Found(AmbientCredentials.Create("AKIAIOSFODNN7EXAMPLE", "secret-EXAMPLE", string.Empty, name, new RecordingMasker())));

    [Fact]
    public async Task The_first_provider_with_credentials_wins_and_later_ones_are_not_asked()
    {
        var result = await Chain(Declining("first", "not set"), Finding("second"), Finding("third")).TryResolveAsync(CancellationToken.None);

        Assert.Equal("second", result.Credentials?.Provider);
        Assert.Equal(["first", "second"], asked);
        Assert.Contains("::debug::Ambient credentials: first declined: not set", console.Lines);
    }

    [Fact]
    public async Task When_all_decline_the_reason_lists_each_in_order()
    {
        var result = await Chain(Declining("a", "one"), Declining("b", "two")).TryResolveAsync(CancellationToken.None);

        Assert.Null(result.Credentials);
        Assert.Equal("tried a (one); b (two)", result.Reason);
    }

    [Fact]
    public async Task A_provider_that_fails_ends_the_chain_with_its_error()
    {
        var failing = new Provider("broken", asked, () => throw new ActionError("configured but broken", ErrorCode.AmbientProfile));

        var error = await Assert.ThrowsAsync<ActionError>(() => Chain(failing, Finding("later")).TryResolveAsync(CancellationToken.None));

        Assert.Equal("configured but broken", error.Message);
        Assert.Equal(["broken"], asked);
    }

    private sealed class Provider(string name, List<string> asked, Func<AmbientResult> answer) : IAmbientCredentialProvider
    {
        public string Name => name;

        public Task<AmbientResult> TryResolveAsync(CancellationToken cancellationToken)
        {
            asked.Add(name);
            return Task.FromResult(answer());
        }
    }
}
