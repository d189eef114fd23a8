using System;
using Cac.Action.Net.Proxy;

namespace Cac.Action.Tests.Net.Proxy;

public sealed class NoProxyListTests
{
    [Theory]
    // As upstream's proxy tests: exact hosts, lists, empty entries.
    [InlineData("example.com", "http://example.com", true)]
    [InlineData("example.com", "http://other.com", false)]
    [InlineData("example.com,test.com", "http://example.com", true)]
    [InlineData("example.com,test.com", "http://test.com", true)]
    [InlineData("example.com,test.com", "http://other.com", false)]
    [InlineData("example.com, ,test.com", "http://example.com", true)]
    [InlineData("example.com, ,test.com", "http://test.com", true)]
    [InlineData(",,example.com,,", "http://example.com", true)]
    // Exact entries do not reach subdomains (as upstream).
    [InlineData("example.com", "http://sub.example.com", false)]
    // #104: a lone * bypasses everything; here also as one entry among others.
    [InlineData("*", "http://example.com", true)]
    [InlineData("*", "https://10.1.2.3:8443/x", true)]
    [InlineData("foo.com, *", "http://example.com", true)]
    // #106: host:port matches only that port; the scheme's default port counts.
    [InlineData("example.com:80", "http://example.com", true)]
    [InlineData("example.com:80", "http://example.com:8080", false)]
    [InlineData("example.com:443", "https://example.com/path", true)]
    [InlineData("example.com:443", "http://example.com", false)]
    [InlineData("*:8443", "https://anything.test:8443", true)]
    [InlineData("*:8443", "https://anything.test", false)]
    // docs/differences.md, D14: entries without a port match any port (upstream compared host-with-port).
    [InlineData("example.com", "http://example.com:8080", true)]
    [InlineData(".example.com", "https://sub.example.com:8443", true)]
    // #107: *.suffix and .suffix are subdomains only.
    [InlineData("*.example.com", "http://sub.example.com", true)]
    [InlineData("*.example.com", "http://a.b.example.com", true)]
    [InlineData("*.example.com", "http://example.com", false)]
    [InlineData("*.example.com", "http://other.com", false)]
    [InlineData("*.example.com", "http://badexample.com", false)]
    [InlineData(".example.com", "http://sub.example.com", true)]
    [InlineData(".example.com", "http://example.com", false)]
    // *suffix without a dot keeps upstream's plain ends-with rule.
    [InlineData("*example.com", "http://example.com", true)]
    [InlineData("*example.com", "http://myexample.com", true)]
    [InlineData("*example.com", "http://example.org", false)]
    // D14: case-insensitive, trailing dots ignored.
    [InlineData("EXAMPLE.com", "http://example.COM", true)]
    [InlineData("*.Example.COM", "http://API.example.com", true)]
    [InlineData("example.com.", "http://example.com", true)]
    [InlineData("example.com", "http://example.com./", true)]
    // Separators: commas and any whitespace.
    [InlineData("a.test b.test\tc.test\nexample.com", "http://example.com", true)]
    [InlineData("  a.test ,  example.com  ", "http://example.com", true)]
    // IP literals and CIDR (IPv4).
    [InlineData("127.0.0.1", "http://127.0.0.1:8080", true)]
    [InlineData("127.0.0.1:8080", "http://127.0.0.1:8080", true)]
    [InlineData("127.0.0.1:8080", "http://127.0.0.1:9090", false)]
    [InlineData("10.0.0.0/8", "http://10.200.3.4", true)]
    [InlineData("10.0.0.0/8", "http://11.0.0.1", false)]
    [InlineData("192.168.1.0/24", "http://192.168.1.255", true)]
    [InlineData("192.168.1.0/24", "http://192.168.2.1", false)]
    [InlineData("172.16.0.0/12", "http://172.31.255.255", true)]
    [InlineData("172.16.0.0/12", "http://172.32.0.0", false)]
    [InlineData("10.1.2.3/8", "http://10.9.9.9", true)]
    [InlineData("0.0.0.0/0", "http://8.8.8.8", true)]
    [InlineData("169.254.169.254/32", "http://169.254.169.254/latest", true)]
    [InlineData("169.254.169.254/32", "http://169.254.169.253/latest", false)]
    // CIDR matches IP-literal hosts only: no DNS lookups.
    [InlineData("10.0.0.0/8", "http://internal.test", false)]
    [InlineData("0.0.0.0/0", "http://example.com", false)]
    // IPv6: bare, bracketed, with ports, CIDR; families never cross.
    [InlineData("::1", "http://[::1]:8080", true)]
    [InlineData("[::1]", "http://[::1]", true)]
    [InlineData("[::1]:8080", "http://[::1]:8080", true)]
    [InlineData("[::1]:8080", "http://[::1]:9090", false)]
    [InlineData("::1", "http://[0:0:0:0:0:0:0:1]", true)]
    [InlineData("fd00::/8", "http://[fd12:3456::1]", true)]
    [InlineData("fd00::/8", "http://[fe80::1]", false)]
    [InlineData("[fd00::]/8", "http://[fdff::1]", true)]
    [InlineData("2001:db8::/32", "https://[2001:db8:ffff::1]:443", true)]
    [InlineData("2001:db8::/32", "https://[2001:db9::1]", false)]
    [InlineData("::/0", "http://127.0.0.1", false)]
    [InlineData("0.0.0.0/0", "http://[::1]", false)]
    // IPv4-mapped IPv6 targets compare as IPv4.
    [InlineData("10.0.0.0/8", "http://[::ffff:10.0.0.1]", true)]
    // Hosts that merely look like entries.
    [InlineData("localhost", "http://localhost:3000", true)]
    [InlineData("localhost", "http://localhost.example.com", false)]
    public void Matches_follows_the_entry_rules(string noProxy, string url, bool bypass)
    {
        var list = NoProxyList.Parse(noProxy);

        Assert.Equal(bypass, list.Matches(new Uri(url)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(", ,\t,")]
    [InlineData(null)]
    public void Blank_lists_are_empty_and_match_nothing(string? noProxy)
    {
        var list = NoProxyList.Parse(noProxy);

        Assert.True(list.IsEmpty);
        Assert.Empty(list.Entries);
        Assert.False(list.Matches(new Uri("http://example.com")));
    }

    [Fact]
    public void Relative_uris_never_match()
    {
        Assert.False(NoProxyList.Parse("*").Matches(new Uri("/path", UriKind.Relative)));
    }

    [Fact]
    public void Entries_keep_their_written_form_and_source()
    {
        Assert.True(NoProxyList.TryParse(" a.test,, .b.test  10.0.0.0/8 ", "NO_PROXY", out var list, out _));

        Assert.Equal(["a.test", ".b.test", "10.0.0.0/8"], list.Entries);
        Assert.Equal("NO_PROXY", list.Source);
    }

    [Theory]
    [InlineData("10.0.0.0/33", "10.0.0.0/33")]
    [InlineData("fd00::/129", "fd00::/129")]
    [InlineData("10.0.0.0/x", "10.0.0.0/x")]
    [InlineData("example.com/8", "example.com/8")]
    [InlineData("ok.test,example.com:99999", "example.com:99999")]
    [InlineData("example.com:0", "example.com:0")]
    [InlineData("example.com:http", "example.com:http")]
    [InlineData(":8080", ":8080")]
    [InlineData("[::1", "[::1")]
    [InlineData("[::1]x", "[::1]x")]
    [InlineData("[::1]:80/8", "[::1]:80/8")]
    [InlineData("a*b.com", "a*b.com")]
    [InlineData("1::2::3", "1::2::3")]
    [InlineData(".", ".")]
    public void Malformed_entries_are_reported(string noProxy, string bad)
    {
        Assert.False(NoProxyList.TryParse(noProxy, "no_proxy", out _, out var invalid));
        Assert.Equal(bad, invalid);
    }
}
