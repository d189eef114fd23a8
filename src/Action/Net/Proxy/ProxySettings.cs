using System;
using System.Collections.Generic;
using System.Text;
using Cac.Abstractions;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// The resolved proxy configuration for the action's HTTP calls: one proxy per target scheme (either may be
/// absent) and the bypass list. Built by <see cref="ProxyResolver.Resolve"/>; pure data plus the per-request
/// decision, so the handler, the plan and the logs all agree on it.
/// </summary>
public sealed record ProxySettings(ProxyEndpoint? Http, ProxyEndpoint? Https, NoProxyList Bypass)
{
    /// <summary>No proxy: every request goes direct.</summary>
    public static ProxySettings Direct { get; } = new(null, null, NoProxyList.Empty);

    /// <summary>Whether no proxy is configured for any scheme.</summary>
    public bool IsDirect => Http is null && Https is null;

    /// <summary>
    /// The proxy for a request to <paramref name="target"/>, or <c>null</c> to connect directly: for relative
    /// URIs, schemes other than http/https (and ws/wss, which ride on them), and hosts on the bypass list.
    /// </summary>
    public Uri? ProxyFor(Uri target) => EndpointFor(target)?.Address;

    /// <summary>The endpoint (address, credential, source) <see cref="ProxyFor"/> would use, or <c>null</c>.</summary>
    public ProxyEndpoint? EndpointFor(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri)
        {
            return null;
        }

        var endpoint = target.Scheme switch
        {
            "https" or "wss" => Https,
            "http" or "ws" => Http,
            _ => null,
        };
        return endpoint is null || Bypass.Matches(target) ? null : endpoint;
    }

    /// <summary>
    /// Every form of every proxy password, for the caller to mask (<see cref="MaskPasswords"/>) before anything
    /// that might print a proxy URL runs.
    /// </summary>
    public IReadOnlyList<string> Passwords()
    {
        var result = new List<string>();
        foreach (var endpoint in new[] { Http, Https })
        {
            if (endpoint is null)
            {
                continue;
            }

            foreach (var form in endpoint.SecretForms)
            {
                if (!result.Contains(form))
                {
                    result.Add(form);
                }
            }
        }

        return result;
    }

    /// <summary>Registers every proxy password with <paramref name="masker"/>.</summary>
    public void MaskPasswords(ISecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(masker);
        foreach (var password in Passwords())
        {
            masker.AddMask(password);
        }
    }

    /// <summary>
    /// One line for logs and the plan, passwords never included: <c>none</c>,
    /// <c>http://***@proxy:3128 (input 'http-proxy'); bypass: .internal, 10.0.0.0/8 (NO_PROXY)</c>, or
    /// <c>https: ... ; http: ...</c> when the two schemes differ.
    /// </summary>
    public string Describe()
    {
        if (IsDirect)
        {
            return "none";
        }

        var text = new StringBuilder();
        if (ReferenceEquals(Http, Https))
        {
            text.Append(Describe(Http)).Append(" for http and https");
        }
        else
        {
            text.Append("https: ").Append(Describe(Https)).Append("; http: ").Append(Describe(Http));
        }

        if (!Bypass.IsEmpty)
        {
            text.Append("; bypass: ").AppendJoin(", ", Bypass.Entries).Append(" (").Append(Bypass.Source).Append(')');
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    private static string Describe(ProxyEndpoint? endpoint) =>
        endpoint is null ? "direct" : endpoint.Redacted + " (" + endpoint.Source + ")";
}
