using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Tests.Net.Proxy;

/// <summary>A TCP server on 127.0.0.1 with an ephemeral port that serves each connection on its own task.</summary>
internal abstract class LoopbackListener : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private Task? loop;

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Cancelled when the server stops.</summary>
    protected CancellationTokenSource Stop { get; } = new();

    public virtual async ValueTask DisposeAsync()
    {
        await Stop.CancelAsync();
        listener.Stop();
        try
        {
            await (loop ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
        }

        Stop.Dispose();
    }

    /// <summary>Starts accepting; call at the end of the derived constructor.</summary>
    protected void Start()
    {
        listener.Start();
        loop = AcceptAsync();
    }

    protected abstract Task ServeAsync(TcpClient client);

    private async Task AcceptAsync()
    {
        while (!Stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(Stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }
}
