using Cac.Action.Proxy;

namespace Cac.Action.Tests.Proxy;

public sealed class ProxyUrlsTests
{
    [Theory]
    [InlineData("http://user:pass@proxy:3128", "pass")]
    [InlineData("user:p%40ss@proxy:3128", "p@ss")]
    [InlineData("http://user@proxy:3128", "")]
    [InlineData("http://proxy:3128", "")]
    [InlineData("not a url at all", "")]
    public void Password_returns_the_decoded_password(string url, string expected)
    {
        Assert.Equal(expected, ProxyUrls.Password(url));
    }

    [Theory]
    [InlineData("http://user:pass@proxy:3128", "http://***@proxy:3128")]
    [InlineData("user:pass@proxy:3128", "http://***@proxy:3128")]
    [InlineData("http://proxy:3128/", "http://proxy:3128")]
    [InlineData("https://proxy", "https://proxy:443")]
    // Unparseable values may still hold a password: everything before the last @ goes.
    [InlineData("ftp://user:secret@host", "***@host")]
    [InlineData("http://us er:secret@pro xy", "***@pro xy")]
    [InlineData("garbage", "http://garbage:80")]
    [InlineData("http://", "http://")]
    public void Redact_hides_user_information(string url, string expected)
    {
        Assert.Equal(expected, ProxyUrls.Redact(url));
    }
}
