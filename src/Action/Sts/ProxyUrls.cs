using System;

namespace Cac.Action.Sts;

/// <summary>Proxy URL helpers: the password part of a proxy URL is a secret and never printed.</summary>
public static class ProxyUrls
{
    /// <summary>The password in <c>scheme://user:password@host</c>, or empty.</summary>
    public static string Password(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return string.Empty;
        }

        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? string.Empty : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
    }

    /// <summary>The URL with any user information replaced, safe to print.</summary>
    public static string Redact(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return url;
        }

        var builder = new UriBuilder(uri) { UserName = "***", Password = string.Empty };
        return builder.Uri.ToString();
    }
}
