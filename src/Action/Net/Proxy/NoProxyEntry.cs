using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// One parsed <c>no-proxy</c> entry. Host names compare without case and without a trailing dot; an entry
/// without a port matches every port, an entry with one only that port.
/// </summary>
internal sealed class NoProxyEntry
{
    private readonly EntryKind kind;
    private readonly string hostPattern;
    private readonly IPAddress? address;
    private readonly int prefixLength;
    private readonly int? port;

    private NoProxyEntry(EntryKind kind, string hostPattern, IPAddress? address, int prefixLength, int? port)
    {
        this.kind = kind;
        this.hostPattern = hostPattern;
        this.address = address;
        this.prefixLength = prefixLength;
        this.port = port;
    }

    private enum EntryKind
    {
        /// <summary><c>*</c>: every host.</summary>
        Any,

        /// <summary><c>example.com</c>: that host only, not its subdomains (as upstream and curl's exact form).</summary>
        Exact,

        /// <summary><c>.example.com</c> or <c>*.example.com</c>: subdomains only, not the apex.</summary>
        Subdomains,

        /// <summary><c>*example.com</c>: any host ending in the text (upstream's rule, kept for compatibility).</summary>
        Suffix,

        /// <summary>An IP literal or CIDR block; matches IP-literal targets only.</summary>
        Network,
    }

    /// <summary>Parses one non-empty entry; <c>false</c> when it is not a host, IP, CIDR block or wildcard.</summary>
    public static bool TryParse(string text, out NoProxyEntry entry)
    {
        entry = null!;
        if (!TrySplitPort(text, out var host, out var port, out var prefix))
        {
            return false;
        }

        if (prefix is not null || IPAddress.TryParse(host, out _))
        {
            return TryParseNetwork(host, prefix, port, out entry);
        }

        host = Normalize(host);
        if (host.Length == 0 || host.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        if (host == "*")
        {
            entry = new NoProxyEntry(EntryKind.Any, string.Empty, null, 0, port);
        }
        else if (host.StartsWith("*.", StringComparison.Ordinal) || host.StartsWith('.'))
        {
            var suffix = host[host.IndexOf('.', StringComparison.Ordinal)..];
            if (suffix.Length < 2)
            {
                return false;
            }

            entry = new NoProxyEntry(EntryKind.Subdomains, suffix, null, 0, port);
        }
        else if (host.StartsWith('*'))
        {
            entry = new NoProxyEntry(EntryKind.Suffix, host[1..], null, 0, port);
        }
        else
        {
            entry = new NoProxyEntry(EntryKind.Exact, host, null, 0, port);
        }

        return !entry.hostPattern.Contains('*', StringComparison.Ordinal);
    }

    /// <summary>Whether a request to <paramref name="host"/> (normalized, IP literals unbracketed) on <paramref name="targetPort"/> goes direct.</summary>
    public bool Matches(string host, IPAddress? ip, int targetPort)
    {
        if (port is { } wanted && wanted != targetPort)
        {
            return false;
        }

        return kind switch
        {
            EntryKind.Any => true,
            EntryKind.Exact => string.Equals(host, hostPattern, StringComparison.OrdinalIgnoreCase),
            EntryKind.Subdomains => host.Length > hostPattern.Length && host.EndsWith(hostPattern, StringComparison.OrdinalIgnoreCase),
            EntryKind.Suffix => host.EndsWith(hostPattern, StringComparison.OrdinalIgnoreCase),
            EntryKind.Network => ip is not null && InNetwork(ip),
            _ => false,
        };
    }

    /// <summary>Lower case, no trailing dot (<c>example.com.</c> is the same host), so matching is a string compare.</summary>
    internal static string Normalize(string host) => host.TrimEnd('.').ToLowerInvariant();

    /// <summary>IPv4-mapped IPv6 addresses compare as IPv4, so <c>::ffff:10.0.0.1</c> falls in <c>10.0.0.0/8</c>.</summary>
    internal static IPAddress Canonical(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

    private static bool TrySplitPort(string text, out string host, out int? port, out string? prefix)
    {
        host = text;
        port = null;
        prefix = null;
        string? portText = null;
        if (text.StartsWith('['))
        {
            // [v6], [v6]:port or [v6]/prefix.
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.StartsWith(':'))
            {
                portText = rest[1..];
            }
            else if (rest.StartsWith('/'))
            {
                prefix = rest[1..];
            }
            else if (rest.Length > 0)
            {
                return false;
            }
        }
        else if (text.Contains('/', StringComparison.Ordinal))
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            host = text[..slash];
            prefix = text[(slash + 1)..];
        }
        else if (text.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            && colon == text.LastIndexOf(':'))
        {
            // Exactly one colon is host:port; more than one is a bare IPv6 literal, which has no port.
            host = text[..colon];
            portText = text[(colon + 1)..];
        }

        if (portText is null)
        {
            return host.Length > 0;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            return false;
        }

        port = number;
        return host.Length > 0;
    }

    private static bool TryParseNetwork(string host, string? prefix, int? port, out NoProxyEntry entry)
    {
        entry = null!;
        if (!IPAddress.TryParse(host, out var parsed) || (prefix is not null && port is not null))
        {
            return false;
        }

        var ip = Canonical(parsed);
        var bits = ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = bits;
        if (prefix is not null
            && (!int.TryParse(prefix, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > bits))
        {
            return false;
        }

        entry = new NoProxyEntry(EntryKind.Network, string.Empty, ip, length, port);
        return true;
    }

    private bool InNetwork(IPAddress ip)
    {
        var target = Canonical(ip);
        if (target.AddressFamily != address!.AddressFamily)
        {
            return false;
        }

        // Compare the first prefixLength bits; host bits set in the entry (10.1.2.3/8) are ignored, as curl does.
        var wanted = address.GetAddressBytes();
        var actual = target.GetAddressBytes();
        var whole = prefixLength / 8;
        for (var i = 0; i < whole; i++)
        {
            if (wanted[i] != actual[i])
            {
                return false;
            }
        }

        var rest = prefixLength % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (wanted[whole] & mask) == (actual[whole] & mask);
    }
}
