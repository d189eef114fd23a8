using System;
using System.Collections.Generic;
using System.Linq;
using Cac.Action.Errors;
using Cac.Action.Net.Proxy;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Net.Proxy;

public sealed class ProxyResolverTests
{
    private static DictionaryEnvironment Env(params (string Name, string? Value)[] variables) =>
        new(variables.Select(static v => new KeyValuePair<string, string?>(v.Name, v.Value)));

    private static string? ProxyFor(ProxySettings settings, string url) => settings.ProxyFor(new Uri(url))?.ToString();

    // Upstream's proxy test cases (numbered as there), adapted: our http-proxy input serves both schemes, and
    // no-proxy matching follows docs/differences.md, D14.
    [Theory]
    [InlineData("http://proxy:8080", "", "http://example.com", "http://proxy:8080/")] // #99
    [InlineData("https://proxy:8080", "", "https://example.com", "https://proxy:8080/")] // #100
    [InlineData("", "", "http://example.com", null)] // #101
    [InlineData("http://proxy:8080", "example.com", "http://example.com", null)] // #102
    [InlineData("http://proxy:8080", "example.com", "http://other.com", "http://proxy:8080/")] // #102
    [InlineData("http://proxy:8080", "*", "http://example.com", null)] // #104
    [InlineData("http://proxy:8080", "example.com,test.com", "http://test.com", null)] // #105
    [InlineData("http://proxy:8080", "example.com,test.com", "http://other.com", "http://proxy:8080/")] // #105
    [InlineData("http://proxy:8080", "example.com:80", "http://example.com", null)] // #106
    [InlineData("http://proxy:8080", "example.com:80", "http://example.com:8080", "http://proxy:8080/")] // #106
    [InlineData("http://proxy:8080", "*.example.com", "http://sub.example.com", null)] // #107
    [InlineData("http://proxy:8080", "*.example.com", "http://example.com", "http://proxy:8080/")] // #107
    [InlineData("http://proxy:8080", "example.com, ,test.com", "http://test.com", null)] // #108
    [InlineData("http://proxy:8080", "", "https://sts.amazonaws.com", "http://proxy:8080/")] // input serves https too
    [InlineData("http://proxy:8080", "", "ftp://example.com", null)] // unknown schemes go direct
    public void Upstream_resolver_cases(string httpProxy, string noProxy, string url, string? expected)
    {
        var settings = ProxyResolver.Resolve(httpProxy, noProxy, Env());

        Assert.Equal(expected, ProxyFor(settings, url));
    }

    [Fact]
    public void Relative_targets_go_direct() // #103: upstream's "invalid-url" case
    {
        var settings = ProxyResolver.Resolve("http://proxy:8080", "", Env());

        Assert.Null(settings.ProxyFor(new Uri("invalid-url", UriKind.Relative)));
    }

    [Theory]
    // Lower case first, as curl; each scheme reads only its own pair.
    [InlineData("https://sts.amazonaws.com", "http://lower-https:1/", "https_proxy=http://lower-https:1", "HTTPS_PROXY=http://upper-https:2", "http_proxy=http://lower-http:3")]
    [InlineData("https://sts.amazonaws.com", "http://upper-https:2/", "HTTPS_PROXY=http://upper-https:2", "http_proxy=http://lower-http:3", "HTTP_PROXY=http://upper-http:4")]
    [InlineData("http://example.com", "http://lower-http:3/", "https_proxy=http://lower-https:1", "http_proxy=http://lower-http:3", "HTTP_PROXY=http://upper-http:4")]
    [InlineData("http://example.com", "http://upper-http:4/", "HTTPS_PROXY=http://upper-https:2", "HTTP_PROXY=http://upper-http:4")]
    // Upstream copied HTTPS_PROXY over HTTP_PROXY; we keep schemes apart (docs/differences.md, D15).
    [InlineData("http://example.com", null, "HTTPS_PROXY=http://upper-https:2")]
    [InlineData("https://sts.amazonaws.com", null, "HTTP_PROXY=http://upper-http:4")]
    // Blank values count as unset.
    [InlineData("https://sts.amazonaws.com", "http://upper-https:2/", "https_proxy=  ", "HTTPS_PROXY=http://upper-https:2")]
    public void Environment_proxies_follow_standard_resolution(string url, string? expected, params string[] variables)
    {
        var environment = Env(variables.Select(static v => (v[..v.IndexOf('=', StringComparison.Ordinal)], (string?)v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToArray());

        var settings = ProxyResolver.Resolve("", "", environment);

        Assert.Equal(expected, ProxyFor(settings, url));
    }

    [Fact]
    public void The_input_wins_over_every_variable_for_both_schemes()
    {
        var environment = Env(("https_proxy", "http://env:1"), ("HTTPS_PROXY", "http://env:2"), ("http_proxy", "http://env:3"), ("HTTP_PROXY", "http://env:4"));

        var settings = ProxyResolver.Resolve("http://input:3128", "", environment);

        Assert.Equal("http://input:3128/", ProxyFor(settings, "https://sts.amazonaws.com"));
        Assert.Equal("http://input:3128/", ProxyFor(settings, "http://example.com"));
        Assert.Same(settings.Http, settings.Https);
        Assert.Equal("input 'http-proxy'", settings.Https!.Source);
    }

    [Fact]
    public void No_proxy_anywhere_is_direct()
    {
        var settings = ProxyResolver.Resolve("", "", Env(("NO_PROXY", "example.com")));

        Assert.True(settings.IsDirect);
        Assert.Same(ProxySettings.Direct, settings);
        Assert.Equal("none", settings.Describe());
        Assert.Null(ProxyFor(settings, "https://sts.amazonaws.com"));
    }

    [Theory]
    [InlineData("example.com", "no_proxy=other.com", "NO_PROXY=other.com")] // input beats both variables
    [InlineData("", "no_proxy=example.com", "NO_PROXY=other.com")] // lower case first
    [InlineData("", "no_proxy= ", "NO_PROXY=example.com")] // blank counts as unset
    public void No_proxy_comes_from_the_input_then_the_variables(string noProxy, string lower, string upper)
    {
        var environment = Env(
            ("HTTPS_PROXY", "http://proxy:3128"),
            (lower[..lower.IndexOf('=', StringComparison.Ordinal)], lower[(lower.IndexOf('=', StringComparison.Ordinal) + 1)..]),
            (upper[..upper.IndexOf('=', StringComparison.Ordinal)], upper[(upper.IndexOf('=', StringComparison.Ordinal) + 1)..]));

        var settings = ProxyResolver.Resolve("", noProxy, environment);

        Assert.Null(ProxyFor(settings, "https://example.com"));
        Assert.Equal("http://proxy:3128/", ProxyFor(settings, "https://other.org"));
    }

    [Fact]
    public void No_proxy_variables_also_apply_to_the_input_proxy()
    {
        var settings = ProxyResolver.Resolve("http://proxy:3128", "", Env(("NO_PROXY", ".internal, 10.0.0.0/8")));

        Assert.Null(ProxyFor(settings, "https://sts.corp.internal"));
        Assert.Null(ProxyFor(settings, "https://10.1.2.3"));
        Assert.Equal("http://proxy:3128/", ProxyFor(settings, "https://sts.amazonaws.com"));
    }

    [Theory]
    [InlineData("proxy:3128", "http://proxy:3128/")]
    [InlineData("proxy.example.com", "http://proxy.example.com/")]
    [InlineData("HTTP://Proxy.Example.COM:3128/ignored/path?q=1", "http://proxy.example.com:3128/")]
    [InlineData("https://proxy:8443", "https://proxy:8443/")]
    [InlineData("https://proxy", "https://proxy/")]
    [InlineData("socks5://proxy:1080", "socks5://proxy:1080/")]
    [InlineData("  http://proxy:3128  ", "http://proxy:3128/")]
    [InlineData("user:pass@proxy:3128", "http://proxy:3128/")]
    [InlineData("http://[::1]:3128", "http://[::1]:3128/")]
    [InlineData("10.0.0.5:3128", "http://10.0.0.5:3128/")]
    public void Proxy_urls_are_normalized(string value, string expected)
    {
        var settings = ProxyResolver.Resolve(value, "", Env());

        Assert.Equal(expected, settings.Http!.Address.ToString());
    }

    [Fact]
    public void Credentials_are_url_decoded_and_kept_out_of_the_address()
    {
        var settings = ProxyResolver.Resolve("http://us%40er:p%40ss%3Aw%20rd@proxy:3128", "", Env());

        var endpoint = settings.Http!;
        Assert.Equal("us@er", endpoint.Credential!.UserName);
        Assert.Equal("p@ss:w rd", endpoint.Credential.Password);
        Assert.Equal("http://proxy:3128/", endpoint.Address.ToString());
        Assert.Empty(endpoint.Address.UserInfo);
    }

    [Fact]
    public void A_user_without_password_still_gets_a_credential()
    {
        var endpoint = ProxyResolver.Resolve("http://alice@proxy:3128", "", Env()).Http!;

        Assert.Equal("alice", endpoint.Credential!.UserName);
        Assert.Equal(string.Empty, endpoint.Credential.Password);
    }

    [Fact]
    public void Passwords_lists_decoded_encoded_and_basic_forms_of_every_proxy_once()
    {
        var environment = Env(("HTTPS_PROXY", "http://a:s%2Fecret@proxy-a:1"), ("HTTP_PROXY", "http://b:plain@proxy-b:2"));
        var settings = ProxyResolver.Resolve("", "", environment);
        var masker = new RecordingMasker();

        settings.MaskPasswords(masker);

        // base64("a:s/ecret") and base64("b:plain"): the Proxy-Authorization tokens.
        Assert.Equal(["YTpzL2VjcmV0", "YjpwbGFpbg==", "plain", "s%2Fecret", "s/ecret"], settings.Passwords().Order(StringComparer.Ordinal));
        Assert.Equal(settings.Passwords(), masker.Masks);
    }

    [Fact]
    public void The_same_proxy_for_both_schemes_is_masked_once()
    {
        var settings = ProxyResolver.Resolve("http://u:pw@proxy:3128", "", Env());

        Assert.Equal(["pw", "dTpwdw=="], settings.Passwords());
    }

    [Fact]
    public void Proxies_without_passwords_have_nothing_to_mask()
    {
        Assert.Empty(ProxyResolver.Resolve("http://alice@proxy:3128", "", Env()).Passwords());
        Assert.Empty(ProxySettings.Direct.Passwords());
    }

    [Theory]
    [InlineData("http://u:pw@proxy:3128", "", "http://***@proxy:3128 (input 'http-proxy') for http and https")]
    [InlineData("https://proxy", "", "https://proxy:443 (input 'http-proxy') for http and https")]
    [InlineData("http://proxy:3128", ".internal 10.0.0.0/8", "http://proxy:3128 (input 'http-proxy') for http and https; bypass: .internal, 10.0.0.0/8 (input 'no-proxy')")]
    public void Describe_names_the_proxy_and_its_source_without_the_password(string httpProxy, string noProxy, string expected)
    {
        var settings = ProxyResolver.Resolve(httpProxy, noProxy, Env());

        Assert.Equal(expected, settings.Describe());
        Assert.Equal(expected, settings.ToString());
    }

    [Fact]
    public void Describe_lists_each_scheme_when_they_differ()
    {
        var environment = Env(("HTTPS_PROXY", "http://u:secret@secure:1"), ("no_proxy", "localhost"));

        var text = ProxyResolver.Resolve("", "", environment).Describe();

        Assert.Equal("https: http://***@secure:1 (HTTPS_PROXY); http: direct; bypass: localhost (no_proxy)", text);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://", "Input 'http-proxy' is not a valid proxy URL")]
    [InlineData("http://user:secret@", "Input 'http-proxy' is not a valid proxy URL")]
    [InlineData("ftp://user:secret@proxy:21", "Input 'http-proxy' uses the unsupported scheme 'ftp'")]
    [InlineData("http://user:secret@proxy:99999", "Input 'http-proxy' is not a valid proxy URL")]
    [InlineData("http://user:secret@proxy:0", "Input 'http-proxy' has an invalid port")]
    [InlineData("http://pro xy:3128", "Input 'http-proxy' is not a valid proxy URL")]
    public void Invalid_input_urls_fail_with_the_accepted_form_and_without_the_value(string value, string start)
    {
        var error = Assert.Throws<ActionError>(() => ProxyResolver.Resolve(value, "", Env()));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
        Assert.Contains(ProxyUrls.AcceptedForm, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https_proxy")]
    [InlineData("HTTPS_PROXY")]
    [InlineData("http_proxy")]
    [InlineData("HTTP_PROXY")]
    public void Invalid_variable_urls_name_the_variable(string name)
    {
        var error = Assert.Throws<ActionError>(() => ProxyResolver.Resolve("", "", Env((name, "gopher://u:secret@proxy:70"))));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.StartsWith("Environment variable " + name + " uses the unsupported scheme 'gopher'; expected ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_shadowed_by_the_input_is_not_validated()
    {
        var settings = ProxyResolver.Resolve("http://proxy:3128", "", Env(("HTTPS_PROXY", "gopher://bad")));

        Assert.Equal("http://proxy:3128/", ProxyFor(settings, "https://example.com"));
    }

    [Theory]
    [InlineData("10.0.0.0/33", "", "Input 'no-proxy' has an invalid entry '10.0.0.0/33'; expected ")]
    [InlineData("", "example.com:99999", "Environment variable no_proxy has an invalid entry 'example.com:99999'; expected ")]
    public void Invalid_no_proxy_entries_name_their_source(string noProxy, string lower, string start)
    {
        var environment = Env(("HTTPS_PROXY", "http://proxy:3128"), ("no_proxy", lower));

        var error = Assert.Throws<ActionError>(() => ProxyResolver.Resolve("", noProxy, environment));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(NoProxyList.AcceptedForm, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_no_proxy_is_ignored_when_there_is_no_proxy()
    {
        Assert.True(ProxyResolver.Resolve("", "", Env(("NO_PROXY", "10.0.0.0/99"))).IsDirect);
    }

    [Fact]
    public void The_no_proxy_input_hides_a_malformed_variable()
    {
        var settings = ProxyResolver.Resolve("http://proxy:3128", "example.com", Env(("NO_PROXY", "10.0.0.0/99")));

        Assert.Null(ProxyFor(settings, "http://example.com"));
    }
}
