using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Cac.Action.Tests.Net.Proxy;

/// <summary>One request as the server saw it: the request line and its Proxy-Authorization header (or null).</summary>
internal sealed record SeenRequest(string RequestLine, string? ProxyAuthorization);

/// <summary>
/// A forward proxy just capable enough to prove the handler talks to it: on 127.0.0.1 with an ephemeral
/// port, it records each request line (absolute-form when used as a proxy, origin-form when hit directly,
/// CONNECT for a tunnel), answers 407 with a Basic challenge until the expected Proxy-Authorization
/// arrives, then 200 with <see cref="Body"/>, or for an authorised CONNECT relays the tunnel to its
/// target (on loopback only). It never reaches beyond 127.0.0.1, so a test stays offline. One request per
/// connection.
/// </summary>
internal sealed class TinyProxyServer : LoopbackListener
{
    private readonly ConcurrentQueue<SeenRequest> seen = new();
    private readonly string? expectedAuthorization;

    public TinyProxyServer(string body, string? user = null, string? password = null)
    {
        Body = body;
        if (user is not null)
        {
            expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        }

        Start();
    }

    public string Body { get; }

    public IReadOnlyCollection<SeenRequest> Seen => seen;

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var requestLine = await ReadLineAsync(stream);
            if (requestLine is null)
            {
                return;
            }

            string? authorization = null;
            for (var line = await ReadLineAsync(stream); !string.IsNullOrEmpty(line); line = await ReadLineAsync(stream))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line[..colon].Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    authorization = line[(colon + 1)..].Trim();
                }
            }

            seen.Enqueue(new SeenRequest(requestLine, authorization));
            var authorized = expectedAuthorization is null || string.Equals(authorization, expectedAuthorization, StringComparison.Ordinal);
            if (!authorized)
            {
                await WriteAsync(stream, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
            else if (requestLine.StartsWith("CONNECT ", StringComparison.Ordinal))
            {
                await RelayAsync(stream, requestLine.Split(' ')[1]);
            }
            else
            {
                await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + Body.Length + "\r\nConnection: close\r\n\r\n" + Body);
            }
        }
    }

    private async Task RelayAsync(NetworkStream stream, string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (authority[..colon] is not ("127.0.0.1" or "localhost"))
        {
            await WriteAsync(stream, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
            return;
        }

        using var target = new TcpClient();
        await target.ConnectAsync(IPAddress.Loopback, int.Parse(authority[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), Stop.Token);
        await WriteAsync(stream, "HTTP/1.1 200 Connection established\r\n\r\n");
        var upstream = target.GetStream();
        await Task.WhenAny(stream.CopyToAsync(upstream, Stop.Token), upstream.CopyToAsync(stream, Stop.Token));
    }

    private Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), Stop.Token).AsTask();

    /// <summary>Reads one CRLF-ended line byte by byte, so nothing after the request head is consumed.</summary>
    private async Task<string?> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, Stop.Token) == 1)
        {
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }

        return line.Length > 0 ? line.ToString() : null;
    }
}
