using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// The connection step of the action's handler (<c>SocketsHttpHandler.ConnectCallback</c>). For an https
/// target behind an http or https proxy with a login, it opens the tunnel itself and sends the login on the
/// CONNECT at once: SocketsHttpHandler would first send the CONNECT without it, take the 407, and send it
/// again; a 407 to that CONNECT is a <see cref="ProxyLoginRefusedException"/>, not retried. Every other connection is a plain TCP connection to the endpoint SocketsHttpHandler asked for
/// (the target, or a proxy it speaks to itself).
/// </summary>
public sealed class ProxyTunnel
{
    private const int MaxAnswerHeadBytes = 16 * 1024;

    private readonly ProxySettings settings;

    public ProxyTunnel(ProxySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
    }

    /// <summary>Whether any https target could need a tunnel of ours (otherwise SocketsHttpHandler connects on its own).</summary>
    public static bool IsNeeded(ProxySettings settings) => settings.Https is { SendsBasicLogin: true };

    /// <summary>The proxy endpoint whose tunnel this class opens for <paramref name="target"/>, or null.</summary>
    public static ProxyEndpoint? TunnelFor(ProxySettings settings, Uri target) =>
        target.Scheme == "https" && settings.EndpointFor(target) is { SendsBasicLogin: true } endpoint ? endpoint : null;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.InitialRequestMessage.RequestUri;
        if (target is null || TunnelFor(settings, target) is not { } proxy)
        {
            return await OpenAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
        }

        var stream = await OpenAsync(new DnsEndPoint(proxy.Address.IdnHost, proxy.Address.Port), cancellationToken).ConfigureAwait(false);
        try
        {
            if (proxy.Address.Scheme == "https")
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = proxy.Address.IdnHost }, cancellationToken).ConfigureAwait(false);
            }

            var authority = Authority(context.DnsEndPoint);
            var connect = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\nProxy-Authorization: " + proxy.BasicAuthorization() + "\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(connect), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            var status = await ReadStatusAsync(stream, cancellationToken).ConfigureAwait(false);
            if (status == 407)
            {
                throw new ProxyLoginRefusedException(proxy);
            }

            if (status is < 200 or > 299)
            {
                throw new HttpRequestException("The proxy " + proxy.Redacted + " answered " + status.ToString(CultureInfo.InvariantCulture) + " to CONNECT " + authority);
            }

            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async ValueTask<Stream> OpenAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Authority(DnsEndPoint endpoint) =>
        (endpoint.Host.Contains(':', StringComparison.Ordinal) ? "[" + endpoint.Host + "]" : endpoint.Host) + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the proxy's answer head up to its blank line (nothing past it: the tunnel starts there) and returns the status.</summary>
    private static async Task<int> ReadStatusAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (head.Length >= MaxAnswerHeadBytes || await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new HttpRequestException("The proxy closed the connection or sent an over-long answer to CONNECT");
            }

            head.Append((char)one[0]);
        }

        var text = head.ToString();
        var statusLine = text[..text.IndexOf('\r', StringComparison.Ordinal)];
        var parts = statusLine.Split(' ', 3);
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : throw new HttpRequestException("The proxy answered CONNECT with something other than HTTP");
    }

    private static bool EndsWithBlankLine(StringBuilder head) =>
        head.Length >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
