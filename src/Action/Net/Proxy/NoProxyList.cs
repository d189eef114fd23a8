using System;
using System.Collections.Generic;
using System.Net;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// The hosts that bypass the proxy (the <c>no-proxy</c> input or <c>no_proxy</c>/<c>NO_PROXY</c>). Entries are
/// separated by commas or whitespace; empty ones are ignored. Accepted entries: <c>*</c>; <c>host</c> (exact);
/// <c>.suffix</c> and <c>*.suffix</c> (subdomains, not the apex); any of these with <c>:port</c> (only that
/// port); IP literals (IPv6 optionally in brackets, with a port only in brackets); CIDR blocks such as
/// <c>10.0.0.0/8</c> or <c>fd00::/8</c>, which match IP-literal hosts only (no DNS lookups).
/// </summary>
public sealed class NoProxyList
{
    /// <summary>The accepted entry forms, quoted in error messages.</summary>
    public const string AcceptedForm =
        "a comma- or space-separated list of host, .domain, *.domain, host:port, IP address, CIDR block (10.0.0.0/8, fd00::/8) or *";

    private static readonly char[] Separators = [',', ' ', '\t', '\r', '\n'];

    private readonly IReadOnlyList<NoProxyEntry> entries;

    private NoProxyList(IReadOnlyList<NoProxyEntry> entries, IReadOnlyList<string> text, string source)
    {
        this.entries = entries;
        Entries = text;
        Source = source;
    }

    /// <summary>A list that bypasses nothing.</summary>
    public static NoProxyList Empty { get; } = new([], [], string.Empty);

    /// <summary>The entries as written (trimmed, empty ones dropped), for logs.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>Where the list came from (<c>input 'no-proxy'</c>, <c>no_proxy</c>, ...); empty for <see cref="Empty"/>.</summary>
    public string Source { get; }

    /// <summary>Whether the list has no entries (everything goes through the proxy).</summary>
    public bool IsEmpty => entries.Count == 0;

    /// <summary>
    /// Parses <paramref name="value"/>. Returns <c>false</c> and the first bad entry in
    /// <paramref name="invalidEntry"/> when an entry is malformed (<c>10.0.0.0/33</c>, <c>host:99999</c>).
    /// </summary>
    public static bool TryParse(string? value, string source, out NoProxyList list, out string invalidEntry)
    {
        ArgumentNullException.ThrowIfNull(source);
        list = Empty;
        invalidEntry = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var parsed = new List<NoProxyEntry>();
        var text = new List<string>();
        foreach (var item in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!NoProxyEntry.TryParse(item, out var entry))
            {
                invalidEntry = item;
                return false;
            }

            parsed.Add(entry);
            text.Add(item);
        }

        list = new NoProxyList(parsed, text, source);
        return true;
    }

    /// <summary>Parses <paramref name="value"/>, throwing <see cref="ArgumentException"/> on a malformed entry (for tests and constants).</summary>
    public static NoProxyList Parse(string? value, string source = "no-proxy") =>
        TryParse(value, source, out var list, out var invalid)
            ? list
            : throw new ArgumentException("Invalid no-proxy entry '" + invalid + "'.", nameof(value));

    /// <summary>Whether a request to <paramref name="target"/> should go direct. Relative URIs never match.</summary>
    public bool Matches(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (entries.Count == 0 || !target.IsAbsoluteUri || target.Host.Length == 0)
        {
            return false;
        }

        // Uri.Host brackets IPv6 literals and keeps any zone id; strip both so "::1" entries compare.
        var host = target.Host;
        IPAddress? ip = null;
        if (target.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            host = host.Trim('[', ']');
            if (IPAddress.TryParse(host, out var parsed))
            {
                ip = NoProxyEntry.Canonical(parsed);
            }
        }
        else
        {
            host = NoProxyEntry.Normalize(host);
        }

        foreach (var entry in entries)
        {
            if (entry.Matches(host, ip, target.Port))
            {
                return true;
            }
        }

        return false;
    }
}
