using System;
using System.Net;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// <see cref="IWebProxy"/> over <see cref="ProxySettings"/>, for <c>SocketsHttpHandler.Proxy</c> with
/// <c>UseProxy = true</c>. Setting it explicitly also stops .NET from reading HTTP(S)_PROXY/NO_PROXY on its
/// own with rules that differ from ours. An https target behind a proxy with a login is reported as direct:
/// <see cref="ProxyTunnel"/> opens that tunnel itself, so the CONNECT carries the login from the start.
/// </summary>
public sealed class ResolvedWebProxy : IWebProxy
{
    private readonly ProxySettings settings;

    public ResolvedWebProxy(ProxySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        var credentials = new ProxyCredentials(settings);
        Credentials = credentials.HasAny ? credentials : null;
    }

    /// <summary>Per-proxy logins from the proxy URLs; replaceable, as <see cref="IWebProxy"/> requires.</summary>
    public ICredentials? Credentials { get; set; }

    /// <summary>The proxy SocketsHttpHandler should use for <paramref name="destination"/>, or <c>null</c> to connect directly (or through <see cref="ProxyTunnel"/>).</summary>
    public Uri? GetProxy(Uri destination) => ProxyTunnel.TunnelFor(settings, destination) is null ? settings.ProxyFor(destination) : null;

    /// <summary>Whether SocketsHttpHandler should connect to <paramref name="host"/> without a proxy of its own.</summary>
    public bool IsBypassed(Uri host) => GetProxy(host) is null;
}
