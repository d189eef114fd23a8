using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Cac.Action.Net.Proxy;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Net.Proxy;

/// <summary>
/// The proxy's login goes out with the first request, as curl and upstream send it: a plain-http request
/// carries Proxy-Authorization, and the CONNECT of a tunnel does too, so the proxy never has to answer 407.
/// The handler is composed as the action composes it.
/// </summary>
public sealed class PreemptiveProxyLoginTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly string ExpectedLogin = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("al ice:p@ss:word"));

    private static ProxySettings Settings(int proxyPort) =>
        ProxyResolver.Resolve("http://al%20ice:p%40ss%3Aword@127.0.0.1:" + proxyPort, "", new DictionaryEnvironment());

    /// <summary>The action's network handler (see ServiceComposition), trusting the test origin's certificate.</summary>
    private static HttpClient Client(ProxySettings settings)
    {
        var sockets = new SocketsHttpHandler
        {
            Proxy = new ResolvedWebProxy(settings),
            UseProxy = true,
            ConnectCallback = ProxyTunnel.IsNeeded(settings) ? new ProxyTunnel(settings).ConnectAsync : null,
            AllowAutoRedirect = false,
            ConnectTimeout = Timeout,
        };
        sockets.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return new HttpClient(new ProxyAuthorizationHandler(sockets, settings)) { Timeout = Timeout };
    }

    [Fact]
    public async Task A_plain_http_request_carries_the_login_the_first_time()
    {
        await using var proxy = new TinyProxyServer("via-proxy", "al ice", "p@ss:word");
        var target = "http://127.0.0.1:" + UnusedPort() + "/sts";
        using var client = Client(Settings(proxy.Port));

        var body = await client.GetStringAsync(new Uri(target));

        Assert.Equal("via-proxy", body);
        var request = Assert.Single(proxy.Seen);
        Assert.Equal(("GET " + target + " HTTP/1.1", ExpectedLogin), (request.RequestLine, request.ProxyAuthorization));
    }

    [Fact]
    public async Task A_tunnel_is_opened_with_the_login_on_its_first_connect()
    {
        await using var proxy = new TinyProxyServer("unused", "al ice", "p@ss:word");
        await using var origin = new TlsOrigin("through-the-tunnel");
        using var client = Client(Settings(proxy.Port));

        var body = await client.GetStringAsync(new Uri("https://127.0.0.1:" + origin.Port + "/sts"));

        Assert.Equal("through-the-tunnel", body);
        var request = Assert.Single(proxy.Seen);
        Assert.Equal(("CONNECT 127.0.0.1:" + origin.Port + " HTTP/1.1", ExpectedLogin), (request.RequestLine, request.ProxyAuthorization));
    }

    [Fact]
    public async Task A_refused_login_on_the_tunnel_is_one_attempt_and_says_so_without_the_password()
    {
        await using var proxy = new TinyProxyServer("unused", "al ice", "another password");
        await using var origin = new TlsOrigin("never");
        using var client = Client(Settings(proxy.Port));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(new Uri("https://127.0.0.1:" + origin.Port + "/")));

        Assert.Single(proxy.Seen);
        var messages = string.Join(" | ", ExceptionMessages(error));
        Assert.Contains("The proxy http://***@127.0.0.1:" + proxy.Port + " refused the user and password of its URL (407", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss", messages, StringComparison.Ordinal);
        Assert.False(Cac.Action.Aws.TransientErrors.IsTransient(error), "a refused login is asked for again");
    }

    [Fact]
    public void The_basic_form_of_the_login_is_masked_with_the_password()
    {
        var settings = ProxyResolver.Resolve("http://al%20ice:p%40ss%3Aword@proxy:3128", "", new DictionaryEnvironment());
        var masker = new RecordingMasker();

        settings.MaskPasswords(masker);

        Assert.Contains(ExpectedLogin["Basic ".Length..], masker.Masks);
        Assert.Contains("p@ss:word", masker.Masks);
        Assert.Contains("p%40ss%3Aword", masker.Masks);
    }

    private static System.Collections.Generic.IEnumerable<string> ExceptionMessages(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }

    private static int UnusedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return ((System.Net.IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
