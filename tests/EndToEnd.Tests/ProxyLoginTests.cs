using System;
using System.Text;
using System.Threading.Tasks;
using Cac.Emulators;

namespace Cac.EndToEnd.Tests;

/// <summary>A proxy with a login: the login goes with the first request, and every form of it is masked.</summary>
public sealed class ProxyLoginTests
{
    [Fact]
    public async Task Every_request_carries_the_proxy_login_so_the_proxy_never_answers_407()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        await using var proxy = await AuthenticatingProxy.StartAsync("ci user", "pr0xy:pass");
        scenario.Input("http-proxy", "http://ci%20user:pr0xy%3Apass@127.0.0.1:" + proxy.Endpoint.Port);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(2, proxy.Requests.Count);
        Assert.All(proxy.Requests, request => Assert.Equal((true, 200), (request.LoginSent, request.StatusCode)));
        Assert.Single(scenario.Sts.Requests);
        Assert.Single(scenario.Oidc.Requests);
    }

    [Fact]
    public async Task The_password_and_the_basic_form_of_the_login_are_masked()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("dry-run", "true").Input("http-proxy", "http://ci%20user:pr0xy%3Apass@proxy.example:3128");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("ci user:pr0xy:pass"));

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Contains("pr0xy:pass", result.Masks);
        Assert.Contains("pr0xy%3Apass", result.Masks);
        Assert.Contains(basic, result.Masks);
        Assert.Contains("Proxy: http://***@proxy.example:3128 (input 'http-proxy') for http and https", result.Lines);
    }
}
