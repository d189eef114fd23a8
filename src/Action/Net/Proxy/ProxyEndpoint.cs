using System;
using System.Collections.Generic;
using System.Net;

namespace Cac.Action.Net.Proxy;

/// <summary>
/// One configured proxy: where it is, who to log in as, and where the setting came from (for messages).
/// A class rather than a record so that no generated <c>ToString</c> can ever print the password.
/// </summary>
public sealed class ProxyEndpoint
{
    internal ProxyEndpoint(Uri address, NetworkCredential? credential, IReadOnlyList<string> secretForms, string source)
    {
        Address = address;
        Credential = credential;
        SecretForms = secretForms;
        Source = source;
    }

    /// <summary>The proxy as <c>scheme://host:port/</c>, without user information (that is in <see cref="Credential"/>).</summary>
    public Uri Address { get; }

    /// <summary>The URL-decoded user and password from the proxy URL, or <c>null</c> when it had none.</summary>
    public NetworkCredential? Credential { get; }

    /// <summary>Where the URL came from, as users name it: <c>input 'http-proxy'</c> or <c>HTTPS_PROXY</c>.</summary>
    public string Source { get; }

    /// <summary>
    /// The password as decoded and as percent-encoded (the encoded form is what the raw variable holds, and a
    /// tool that echoes the variable must not show it either), and the Basic token sent to the proxy.
    /// </summary>
    internal IReadOnlyList<string> SecretForms { get; }

    /// <summary>
    /// Whether this action sends the login itself, on the first request (curl and upstream's proxy agent do
    /// the same), rather than waiting for a 407 challenge: for http and https proxies with a user. SOCKS
    /// proxies take the login in their own handshake.
    /// </summary>
    internal bool SendsBasicLogin => Credential is not null && Address.Scheme is "http" or "https";

    /// <summary>The Proxy-Authorization value for this endpoint's login.</summary>
    internal string BasicAuthorization() => "Basic " + BasicToken(Credential!);

    /// <summary><c>base64(user:password)</c>, UTF-8, as RFC 7617 and .NET's own Basic scheme encode it.</summary>
    internal static string BasicToken(NetworkCredential credential) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Password));

    /// <summary>The address with any user information shown as <c>***</c>; safe to print.</summary>
    public string Redacted => ProxyUrls.Format(Address, Credential is not null);

    /// <inheritdoc />
    public override string ToString() => Redacted;
}
