using System;
using System.Threading;
using System.Threading.Tasks;
using Cac.Emulators;

namespace Cac.Emulators.Host;

/// <summary>
/// Starts an OIDC stand-in and an STS emulator that trusts it and every role ARN, prints the settings an
/// action run needs, and waits for Ctrl+C. For manual local runs only.
/// </summary>
internal static class Program
{
    public static async Task Main()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        await using var sts = await StsEmulator.StartAsync(new StsEmulatorOptions { TrustedOidcIssuers = [oidc] });
        sts.Behavior.TrustUnregisteredRoles = true;

        Console.WriteLine($"ACTIONS_ID_TOKEN_REQUEST_URL={oidc.RequestUrl}");
        Console.WriteLine($"ACTIONS_ID_TOKEN_REQUEST_TOKEN={oidc.RequestToken}");
        Console.WriteLine($"AWS_ENDPOINT_URL_STS={sts.Endpoint}");
        Console.WriteLine("Any role ARN is assumable with a stand-in token. Press Ctrl+C to stop.");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine($"Served {sts.Requests.Count} STS and {oidc.Requests.Count} token requests.");
    }
}
