using System;
using System.Net.Http;
using System.Threading.Tasks;
using Cac.Action.Net.Proxy;
using Cac.TestSupport;

namespace Cac.Action.Tests.Net.Proxy;

/// <summary>The adapter driving a real <see cref="SocketsHttpHandler"/> against a proxy on loopback.</summary>
public sealed class ResolvedWebProxyHttpTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Bypassed_hosts_are_reached_directly()
    {
        await using var proxy = new TinyProxyServer("via-proxy");
        await using var origin = new TinyProxyServer("direct");
        var settings = ProxyResolver.Resolve("127.0.0.1:" + proxy.Port, "", new DictionaryEnvironment([new("NO_PROXY", "127.0.0.0/8")]));

        var body = await GetAsync(settings, "http://127.0.0.1:" + origin.Port + "/path");

        Assert.Equal("direct", body);
        Assert.Empty(proxy.Seen);
        Assert.Equal("GET /path HTTP/1.1", Assert.Single(origin.Seen).RequestLine);
    }

    private static async Task<string> GetAsync(ProxySettings settings, string url)
    {
        using var handler = new SocketsHttpHandler { Proxy = new ResolvedWebProxy(settings), UseProxy = true, ConnectTimeout = Timeout };
        using var client = new HttpClient(handler) { Timeout = Timeout };
        return await client.GetStringAsync(new Uri(url));
    }
}
