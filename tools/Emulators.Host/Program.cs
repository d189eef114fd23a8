using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cac.Emulators;
using Cac.Emulators.Runner;

namespace Cac.Emulators.Host;

/// <summary>
/// Starts an OIDC stand-in and an STS emulator that trusts it and every role ARN, prints the settings an
/// action run needs, and waits for Ctrl+C. With <c>--self-hosted</c> it also starts the instance metadata,
/// container-credentials and SSO stand-ins (credentials valid for the emulator), writes an SSO login and
/// the sso fixture under a temporary home, and prints their variables. For manual local runs only.
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        await using var oidc = await OidcStandIn.StartAsync();
        await using var sts = await StsEmulator.StartAsync(new StsEmulatorOptions { TrustedOidcIssuers = [oidc] });
        sts.Behavior.TrustUnregisteredRoles = true;

        Console.WriteLine($"ACTIONS_ID_TOKEN_REQUEST_URL={oidc.RequestUrl}");
        Console.WriteLine($"ACTIONS_ID_TOKEN_REQUEST_TOKEN={oidc.RequestToken}");
        Console.WriteLine($"AWS_ENDPOINT_URL_STS={sts.Endpoint}");
        await using var selfHosted = args.Contains("--self-hosted") ? await SelfHostedAsync(sts) : null;
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

    private static async Task<SelfHostedStandIns> SelfHostedAsync(StsEmulator sts)
    {
        var instance = new InstanceMetadataOptions();
        var imds = await InstanceMetadataStandIn.StartAsync(instance with { Credentials = sts.Behavior.IssuerFor(instance.RoleArn, instance.InstanceId) });
        var task = new ContainerCredentialsOptions();
        var container = await ContainerCredentialsStandIn.StartAsync(task with { Credentials = sts.Behavior.IssuerFor(task.RoleArn, task.SessionName) });
        var sso = await SsoStandIn.StartAsync();
        sso.Behavior.AssignRole("111111111111", "Deploy", sts.Behavior.IssuerFor(SsoBehavior.RoleArn("111111111111", "Deploy"), "octocat"));
        var home = new AwsConfigHome(Directory.CreateTempSubdirectory("cac-home-").FullName).Write(AwsCliFixture.Load("sso"));
        home.WriteSsoToken(sso.Behavior.Login("my-sso"));
        home.WriteSsoToken(sso.Behavior.Login());
        var variables = imds.Environment().Concat(container.Environment()).Concat(sso.Environment()).Concat(home.Environment());
        foreach (var (name, value) in variables)
        {
            Console.WriteLine($"{name}={value}");
        }

        Console.WriteLine($"HOME={home.Home}  (profiles: sso, sso-legacy; role Deploy in 111111111111)");
        return new SelfHostedStandIns(imds, container, sso);
    }

    private sealed record SelfHostedStandIns(InstanceMetadataStandIn Imds, ContainerCredentialsStandIn Container, SsoStandIn Sso) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Imds.DisposeAsync();
            await Container.DisposeAsync();
            await Sso.DisposeAsync();
        }
    }
}
