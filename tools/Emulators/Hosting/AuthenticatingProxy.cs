using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cac.Emulators.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cac.Emulators;

/// <summary>One request an <see cref="AuthenticatingProxy"/> received, and the status it answered (407 when it asked for the login).</summary>
public sealed record ProxiedRequest(string Method, string Target, bool LoginSent, int StatusCode);

/// <summary>
/// A forward proxy on 127.0.0.1 for plain-http targets on loopback (the emulators): it asks for a Basic
/// login with 407 like a corporate proxy, and forwards requests that carry the right one. The log shows
/// whether a client sent its login with the first request or only after a 407.
/// </summary>
public sealed class AuthenticatingProxy : IAsyncDisposable
{
    private static readonly string[] HopByHop = ["Connection", "Keep-Alive", "Proxy-Authorization", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "Host"];

    private readonly RequestLog<ProxiedRequest> _log = new();
    private readonly HttpClient _forward = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    private readonly string _expected;
    private LoopbackHttpServer? _server;

    private AuthenticatingProxy(string user, string password)
    {
        _expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
    }

    public Uri Endpoint => _server!.BaseAddress;

    public IReadOnlyList<ProxiedRequest> Requests => _log.Snapshot();

    public static async Task<AuthenticatingProxy> StartAsync(string user, string password, CancellationToken ct = default)
    {
        var proxy = new AuthenticatingProxy(user, password);
        proxy._server = await LoopbackHttpServer.StartAsync(proxy.HandleAsync, ct).ConfigureAwait(false);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _forward.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var login = context.Request.Headers["Proxy-Authorization"].ToString();
        var loginSent = login.Length > 0;
        if (!string.Equals(login, _expected, StringComparison.Ordinal))
        {
            _log.Add(new ProxiedRequest(context.Request.Method, target, loginSent, 407));
            context.Response.StatusCode = 407;
            context.Response.Headers["Proxy-Authenticate"] = "Basic realm=\"emulators\"";
            return;
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme != "http" || !uri.IsLoopback)
        {
            _log.Add(new ProxiedRequest(context.Request.Method, target, loginSent, 403));
            context.Response.StatusCode = 403;
            return;
        }

        using var forwarded = new HttpRequestMessage(new HttpMethod(context.Request.Method), uri);
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            forwarded.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers.Where(header => !HopByHop.Contains(header.Key, StringComparer.OrdinalIgnoreCase)))
        {
            if (!forwarded.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                forwarded.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var answer = await _forward.SendAsync(forwarded, context.RequestAborted).ConfigureAwait(false);
        _log.Add(new ProxiedRequest(context.Request.Method, target, loginSent, (int)answer.StatusCode));
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers).Where(header => !HopByHop.Contains(header.Key, StringComparer.OrdinalIgnoreCase)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
