using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cac.Emulators.Hosting;

/// <summary>
/// A bare Kestrel server on 127.0.0.1 with an ephemeral port, running one request delegate.
/// The empty builder keeps start-up fast and ignores ASPNETCORE_* settings of the surrounding process.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    private LoopbackHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The bound address, always ending in a slash, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Cancelled when the server starts to stop, so a request held on purpose lets go at once.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public static Task<LoopbackHttpServer> StartAsync(RequestDelegate handler, CancellationToken ct) => StartAsync(handler, IPAddress.Loopback, ct);

    /// <summary>Listens on <paramref name="address"/>, which must be a loopback address (IPv4 or IPv6).</summary>
    public static async Task<LoopbackHttpServer> StartAsync(RequestDelegate handler, IPAddress address, CancellationToken ct)
    {
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("The emulators listen on loopback addresses only.", nameof(address));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, 0));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync(ct).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        var bound = new Uri(addresses.Addresses.First());
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
        return new LoopbackHttpServer(app, new Uri($"http://{host}:{bound.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Stopping must not hang a test on a request that is still being delayed by a fault.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
