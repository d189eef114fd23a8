using System;
using System.Threading.Tasks;
using Cac.Emulators;

namespace Cac.Emulators.Tests.Support;

/// <summary>An emulator and a stand-in whose tokens it trusts, disposed together.</summary>
internal sealed class Linked : IAsyncDisposable
{
    private Linked(StsEmulator sts, OidcStandIn oidc)
    {
        Sts = sts;
        Oidc = oidc;
    }

    public StsEmulator Sts { get; }

    public OidcStandIn Oidc { get; }

    public static async Task<Linked> StartAsync()
    {
        var oidc = await OidcStandIn.StartAsync();
        var sts = await StsEmulator.StartAsync(new StsEmulatorOptions { TrustedOidcIssuers = [oidc] });
        return new Linked(sts, oidc);
    }

    public async ValueTask DisposeAsync()
    {
        await Sts.DisposeAsync();
        await Oidc.DisposeAsync();
    }
}
