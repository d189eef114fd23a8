using System;
using System.Net;

namespace Cac.Action.Proxy;

/// <summary>
/// <see cref="IWebProxy"/> over <see cref="ProxySettings"/>, for <c>SocketsHttpHandler.Proxy</c> with
/// <c>UseProxy = true</c>. Setting it explicitly also stops .NET from reading HTTP(S)_PROXY/NO_PROXY on its
/// own with rules that differ from ours.
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

    /// <summary>The settings this proxy answers from.</summary>
    public ProxySettings Settings => settings;

    /// <summary>Per-proxy logins from the proxy URLs; replaceable, as <see cref="IWebProxy"/> requires.</summary>
    public ICredentials? Credentials { get; set; }

    /// <summary>The proxy for <paramref name="destination"/>, or <c>null</c> to connect directly.</summary>
    public Uri? GetProxy(Uri destination) => settings.ProxyFor(destination);

    /// <summary>Whether <paramref name="host"/> goes direct (no proxy for its scheme, or on the bypass list).</summary>
    public bool IsBypassed(Uri host) => settings.ProxyFor(host) is null;
}
