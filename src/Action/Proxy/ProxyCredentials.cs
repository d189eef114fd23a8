using System;
using System.Net;

namespace Cac.Action.Proxy;

/// <summary>
/// Hands each proxy its own login. SocketsHttpHandler asks with the proxy's URI when the proxy answers 407,
/// and the http and https proxies may be different hosts with different users.
/// </summary>
internal sealed class ProxyCredentials : ICredentials
{
    private readonly ProxySettings settings;

    public ProxyCredentials(ProxySettings settings)
    {
        this.settings = settings;
    }

    /// <summary>Whether any configured proxy has a login; without one the adapter reports no credentials.</summary>
    public bool HasAny => settings.Http?.Credential is not null || settings.Https?.Credential is not null;

    public NetworkCredential? GetCredential(Uri uri, string authType)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return For(settings.Https, uri) ?? For(settings.Http, uri);
    }

    private static NetworkCredential? For(ProxyEndpoint? endpoint, Uri uri) =>
        endpoint?.Credential is { } credential
            && Uri.Compare(endpoint.Address, uri, UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? credential
            : null;
}
