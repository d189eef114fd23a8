using System;
using System.Net;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// Hands each SOCKS proxy its own login, which SocketsHttpHandler sends in the SOCKS handshake (the http
/// and https proxies may be different hosts with different users). Logins for http and https proxies are
/// not handed out here: this action sends them itself on the first request (<see cref="ProxyAuthorizationHandler"/>,
/// <see cref="ProxyTunnel"/>), and answering a 407 challenge with the same login again would only be a
/// hidden second request.
/// </summary>
internal sealed class ProxyCredentials : ICredentials
{
    private readonly ProxySettings settings;

    public ProxyCredentials(ProxySettings settings)
    {
        this.settings = settings;
    }

    /// <summary>Whether any configured proxy has a login; without one the adapter reports no credentials.</summary>
    public bool HasAny => IsSocksLogin(settings.Http) || IsSocksLogin(settings.Https);

    public NetworkCredential? GetCredential(Uri uri, string authType)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return For(settings.Https, uri) ?? For(settings.Http, uri);
    }

    private static bool IsSocksLogin(ProxyEndpoint? endpoint) => endpoint is { Credential: not null, SendsBasicLogin: false };

    private static NetworkCredential? For(ProxyEndpoint? endpoint, Uri uri) =>
        IsSocksLogin(endpoint) && endpoint!.Credential is { } credential
            && Uri.Compare(endpoint.Address, uri, UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? credential
            : null;
}
