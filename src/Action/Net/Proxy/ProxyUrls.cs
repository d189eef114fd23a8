using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// Parses proxy URLs the way curl reads them (a missing scheme means <c>http://</c>) and keeps the password
/// out of anything printable: the password, its percent-encoded form and the Basic token made of it are
/// the endpoint's secret forms, all masked before anything is printed.
/// </summary>
public static class ProxyUrls
{
    /// <summary>The accepted form, quoted in every error message about a proxy URL.</summary>
    public const string AcceptedForm =
        "[http://|https://|socks5://|socks4://|socks4a://][user:password@]host[:port], e.g. http://proxy.example.com:3128";

    // What SocketsHttpHandler can talk to; anything else would only fail later, at the first request.
    private static readonly string[] SupportedSchemes = ["http", "https", "socks5", "socks4", "socks4a"];

    /// <summary>
    /// Parses <paramref name="value"/>; on failure <paramref name="error"/> says why without quoting the value
    /// (it may hold a password). <paramref name="source"/> names the input or variable in the endpoint.
    /// </summary>
    internal static bool TryParse(string value, string source, out ProxyEndpoint endpoint, out string error)
    {
        endpoint = null!;
        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            // curl's rule: "proxy:3128" names a host and port, not a URI with scheme "proxy".
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            error = "is not a valid proxy URL";
            return false;
        }

        if (Array.IndexOf(SupportedSchemes, uri.Scheme) < 0)
        {
            error = "uses the unsupported scheme '" + uri.Scheme + "'";
            return false;
        }

        if (uri.Port <= 0)
        {
            error = "has an invalid port";
            return false;
        }

        // Path, query and fragment mean nothing for a proxy; curl ignores them too.
        var address = new Uri(
            uri.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.UriEscaped) + "/",
            UriKind.Absolute);
        var (credential, secretForms) = ReadUserInfo(uri.UserInfo);
        endpoint = new ProxyEndpoint(address, credential, secretForms, source);
        error = string.Empty;
        return true;
    }

    /// <summary><c>scheme://[***@]host:port</c>: the port is always shown, so logs say where traffic goes.</summary>
    internal static string Format(Uri address, bool hasUserInfo) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{address.Scheme}://{(hasUserInfo ? "***@" : string.Empty)}{address.Host}:{address.Port}");

    private static (NetworkCredential? Credential, IReadOnlyList<string> SecretForms) ReadUserInfo(string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return (null, []);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var encodedUser = colon < 0 ? userInfo : userInfo[..colon];
        var encodedPassword = colon < 0 ? string.Empty : userInfo[(colon + 1)..];
        var password = Uri.UnescapeDataString(encodedPassword);
        var credential = new NetworkCredential(Uri.UnescapeDataString(encodedUser), password);

        var forms = new List<string>(3);
        if (password.Length > 0)
        {
            forms.Add(password);
            if (!string.Equals(encodedPassword, password, StringComparison.Ordinal))
            {
                forms.Add(encodedPassword);
            }

            // What goes on the wire in Proxy-Authorization: a proxy or tool that echoes headers must not show it.
            forms.Add(ProxyEndpoint.BasicToken(credential));
        }

        return (credential, forms);
    }
}
