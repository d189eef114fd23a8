using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Tests.Proxy;

/// <summary>One request as the server saw it: the request line and its Proxy-Authorization header (or null).</summary>
internal sealed record SeenRequest(string RequestLine, string? ProxyAuthorization);

/// <summary>
/// A forward proxy just capable enough to prove the handler talks to it: on 127.0.0.1 with an ephemeral
/// port, it records each request line (absolute-form when used as a proxy, origin-form when hit directly),
/// answers 407 with a Basic challenge until the expected Proxy-Authorization arrives, then 200 with
/// <see cref="Body"/>. It never forwards anything, so a test stays offline. One request per connection.
/// </summary>
internal sealed class TinyProxyServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<SeenRequest> seen = new();
    private readonly string? expectedAuthorization;
    private readonly Task loop;

    public TinyProxyServer(string body, string? user = null, string? password = null)
    {
        Body = body;
        if (user is not null)
        {
            expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        }

        listener.Start();
        loop = AcceptAsync();
    }

    public string Body { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public IReadOnlyCollection<SeenRequest> Seen => seen;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync(stop.Token);
            if (requestLine is null)
            {
                return;
            }

            string? authorization = null;
            for (var line = await reader.ReadLineAsync(stop.Token); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(stop.Token))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line[..colon].Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    authorization = line[(colon + 1)..].Trim();
                }
            }

            seen.Enqueue(new SeenRequest(requestLine, authorization));
            var authorized = expectedAuthorization is null || string.Equals(authorization, expectedAuthorization, StringComparison.Ordinal);
            var response = authorized
                ? "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + Body.Length + "\r\nConnection: close\r\n\r\n" + Body
                : "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), stop.Token);
        }
    }
}
