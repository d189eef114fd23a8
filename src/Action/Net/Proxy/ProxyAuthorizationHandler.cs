using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// Adds the proxy's login to every plain-http request that goes through an http or https proxy with a user,
/// on the first request rather than after a 407 challenge. (https targets go through <see cref="ProxyTunnel"/>,
/// which puts the login on the CONNECT.)
/// </summary>
public sealed class ProxyAuthorizationHandler : DelegatingHandler
{
    private readonly ProxySettings settings;

    public ProxyAuthorizationHandler(HttpMessageHandler inner, ProxySettings settings)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { Scheme: "http" } target && settings.EndpointFor(target) is { SendsBasicLogin: true } endpoint)
        {
            request.Headers.Remove("Proxy-Authorization");
            request.Headers.TryAddWithoutValidation("Proxy-Authorization", endpoint.BasicAuthorization());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
