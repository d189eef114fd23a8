using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Tests.TestSupport;

/// <summary>What the server saw: the request line's target and the headers (names lower-cased).</summary>
internal sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers);

/// <summary>How the server answers one request.</summary>
internal sealed record ServerReply(int Status, string Body)
{
    /// <summary>Waits this long before answering (to trip the client's timeout).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Resets the connection instead of answering.</summary>
    public bool DropConnection { get; init; }
}

/// <summary>
/// A minimal HTTP/1.1 responder on 127.0.0.1 with an ephemeral port: it reads one request per connection,
/// records it and answers as told. Enough to test an HTTP client end to end, sockets included.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Func<ReceivedRequest, ServerReply> respond;
    private readonly ConcurrentQueue<ReceivedRequest> requests = new();
    private readonly Task acceptLoop;

    public LocalHttpServer(Func<ReceivedRequest, ServerReply> respond)
    {
        this.respond = respond;
        listener.Start();
        BaseUrl = "http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public LocalHttpServer(ServerReply reply)
        : this(_ => reply)
    {
    }

    /// <summary><c>http://127.0.0.1:port</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public IReadOnlyCollection<ReceivedRequest> Requests => requests;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping is the point.
        }

        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, stopping.Token);
                if (request is null)
                {
                    return;
                }

                requests.Enqueue(request);
                var reply = respond(request);
                if (reply.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Delay, stopping.Token);
                }

                if (reply.DropConnection)
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }

                var body = Encoding.UTF8.GetBytes(reply.Body);
                var head = "HTTP/1.1 " + reply.Status.ToString(CultureInfo.InvariantCulture) + " Status\r\n" +
                           "Content-Type: application/json; charset=utf-8\r\n" +
                           "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n" +
                           "Connection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stopping.Token);
                await stream.WriteAsync(body, stopping.Token);
                await stream.FlushAsync(stopping.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (a timeout test) or the server is stopping.
        }
    }

    private static async Task<ReceivedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[1024];
        while (!EndsWithBlankLine(buffer))
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines[1..])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        return new ReceivedRequest(requestLine[0], requestLine[1], headers);
    }

    private static bool EndsWithBlankLine(List<byte> buffer) =>
        buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n';
}
