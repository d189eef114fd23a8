using System;
using System.Collections.Generic;
using Cac.Action.Net.Proxy;
using Cac.TestSupport;

namespace Cac.Action.Tests.Net.Proxy;

public sealed class ResolvedWebProxyTests
{
    private static ResolvedWebProxy Create(string httpProxy, string noProxy, params (string Name, string Value)[] variables)
    {
        var environment = new DictionaryEnvironment();
        foreach (var (name, value) in variables)
        {
            environment.SetVariable(name, value);
        }

        return new ResolvedWebProxy(ProxyResolver.Resolve(httpProxy, noProxy, environment));
    }

    [Theory]
    [InlineData("https://sts.amazonaws.com/", "http://proxy:3128/", false)]
    [InlineData("http://169.254.169.254/latest", null, true)]
    [InlineData("https://api.internal/", null, true)]
    public void GetProxy_and_IsBypassed_agree_with_the_settings(string url, string? proxy, bool bypassed)
    {
        var adapter = Create("http://proxy:3128", "169.254.169.254, .internal");

        Assert.Equal(proxy, adapter.GetProxy(new Uri(url))?.ToString());
        Assert.Equal(bypassed, adapter.IsBypassed(new Uri(url)));
    }

    [Fact]
    public void A_direct_configuration_bypasses_everything()
    {
        var adapter = new ResolvedWebProxy(ProxySettings.Direct);

        Assert.True(adapter.IsBypassed(new Uri("https://sts.amazonaws.com")));
        Assert.Null(adapter.GetProxy(new Uri("https://sts.amazonaws.com")));
        Assert.Null(adapter.Credentials);
    }

    [Fact]
    public void Proxies_without_logins_report_no_credentials()
    {
        Assert.Null(Create("http://proxy:3128", "").Credentials);
    }

    [Fact]
    public void Each_socks_proxy_gets_its_own_login_for_its_handshake()
    {
        var adapter = Create("", "", ("HTTPS_PROXY", "socks5://alice:one@secure:1"), ("HTTP_PROXY", "socks5://bob:two@plain:2"));
        var credentials = adapter.Credentials!;

        var forHttps = credentials.GetCredential(adapter.GetProxy(new Uri("https://sts.amazonaws.com"))!, "Basic");
        var forHttp = credentials.GetCredential(adapter.GetProxy(new Uri("http://example.com"))!, "Basic");

        Assert.Equal(("alice", "one"), (forHttps!.UserName, forHttps.Password));
        Assert.Equal(("bob", "two"), (forHttp!.UserName, forHttp.Password));
        Assert.Null(credentials.GetCredential(new Uri("http://elsewhere:3/"), "Basic"));
    }

    [Fact]
    public void An_http_proxys_login_is_never_handed_to_a_407_challenge()
    {
        // It is sent with the first request instead; answering a challenge with it would be a second request.
        Assert.Null(Create("http://u:p@proxy:3128", "").Credentials);
    }

    [Fact]
    public void An_https_target_behind_a_proxy_with_a_login_is_tunnelled_by_the_action_itself()
    {
        var adapter = Create("http://u:p@proxy:3128", "");

        Assert.Null(adapter.GetProxy(new Uri("https://sts.amazonaws.com/")));
        Assert.True(adapter.IsBypassed(new Uri("https://sts.amazonaws.com/")));
        Assert.Equal("http://proxy:3128/", adapter.GetProxy(new Uri("http://sts.example/"))?.ToString());
        Assert.Equal("http://proxy:3128/", Create("http://proxy:3128", "").GetProxy(new Uri("https://sts.amazonaws.com/"))?.ToString());
    }

    [Fact]
    public void Credentials_can_be_replaced_as_IWebProxy_allows()
    {
        var adapter = Create("http://u:p@proxy:3128", "");
        var replacement = new System.Net.NetworkCredential("x", "y");

        adapter.Credentials = replacement;

        Assert.Same(replacement, adapter.Credentials);
    }
}
