using System;
using Cac.Abstractions;
using Cac.Action.Errors;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// Decides the proxy configuration from the inputs and the environment (docs/differences.md, D14 and D15): the
/// <c>http-proxy</c> input wins for both schemes; otherwise <c>https_proxy</c>/<c>HTTPS_PROXY</c> serve https
/// targets and <c>http_proxy</c>/<c>HTTP_PROXY</c> http targets, lower case first as curl reads them. The
/// <c>no-proxy</c> input, else <c>no_proxy</c>/<c>NO_PROXY</c>, lists the hosts that go direct.
/// </summary>
public static class ProxyResolver
{
    private const string HttpProxyInput = "input 'http-proxy'";
    private const string NoProxyInput = "input 'no-proxy'";

    /// <summary>
    /// Resolves the settings. Blank values count as unset. Throws <see cref="ActionError"/>
    /// (<see cref="ErrorCode.InvalidInput"/>) naming the input or variable when a proxy URL or no-proxy entry is
    /// malformed; the message never quotes a proxy URL, which may hold a password.
    /// </summary>
    public static ProxySettings Resolve(string httpProxyInput, string noProxyInput, IActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(httpProxyInput);
        ArgumentNullException.ThrowIfNull(noProxyInput);
        ArgumentNullException.ThrowIfNull(environment);

        ProxyEndpoint? http;
        ProxyEndpoint? https;
        if (!string.IsNullOrWhiteSpace(httpProxyInput))
        {
            // Upstream sends both http and https targets through the input's proxy; one endpoint object for both.
            http = https = ParseEndpoint(httpProxyInput, HttpProxyInput);
        }
        else
        {
            https = FromEnvironment(environment, "https_proxy", "HTTPS_PROXY");
            http = FromEnvironment(environment, "http_proxy", "HTTP_PROXY");
        }

        if (http is null && https is null)
        {
            // Nothing to bypass; do not fail a run over a malformed NO_PROXY that would have no effect.
            return ProxySettings.Direct;
        }

        return new ProxySettings(http, https, ResolveBypass(noProxyInput, environment));
    }

    private static ProxyEndpoint? FromEnvironment(IActionEnvironment environment, string lowerName, string upperName)
    {
        foreach (var name in new[] { lowerName, upperName })
        {
            var value = environment.GetVariable(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return ParseEndpoint(value, name);
            }
        }

        return null;
    }

    private static NoProxyList ResolveBypass(string noProxyInput, IActionEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(noProxyInput))
        {
            return ParseBypass(noProxyInput, NoProxyInput);
        }

        foreach (var name in new[] { "no_proxy", "NO_PROXY" })
        {
            var value = environment.GetVariable(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return ParseBypass(value, name);
            }
        }

        return NoProxyList.Empty;
    }

    private static ProxyEndpoint ParseEndpoint(string value, string source)
    {
        if (ProxyUrls.TryParse(value, source, out var endpoint, out var error))
        {
            return endpoint;
        }

        throw new ActionError(
            Subject(source) + " " + error + "; expected " + ProxyUrls.AcceptedForm,
            ErrorCode.InvalidInput);
    }

    private static NoProxyList ParseBypass(string value, string source)
    {
        if (NoProxyList.TryParse(value, source, out var list, out var invalid))
        {
            return list;
        }

        // No-proxy entries hold no secrets, so the bad one is quoted to make it easy to find.
        throw new ActionError(
            Subject(source) + " has an invalid entry '" + invalid + "'; expected " + NoProxyList.AcceptedForm,
            ErrorCode.InvalidInput);
    }

    private static string Subject(string source) =>
        source.StartsWith("input ", StringComparison.Ordinal)
            ? char.ToUpperInvariant(source[0]) + source[1..]
            : "Environment variable " + source;
}
