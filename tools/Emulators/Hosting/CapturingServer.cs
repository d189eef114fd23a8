using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cac.Emulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cac.Emulators;

/// <summary>One request a <see cref="CapturingServer"/> received.</summary>
/// <param name="Authorization">The Authorization header, or null.</param>
/// <param name="SecurityToken">The X-Amz-Security-Token header, or null.</param>
/// <param name="Body">The request body as text.</param>
public sealed record CapturedRequest(string Method, string PathAndQuery, string? Authorization, string? SecurityToken, string Body);

/// <summary>
/// The "other host" of a redirect: a server on 127.0.0.1 that records every request with the headers that
/// carry credentials, and answers 200 with a fixed body (for instance credentials of an attacker's choosing).
/// A client that never follows redirects leaves <see cref="Requests"/> empty.
/// </summary>
public sealed class CapturingServer : IAsyncDisposable
{
    private readonly RequestLog<CapturedRequest> _log = new();
    private readonly string _contentType;
    private readonly byte[] _answer;
    private LoopbackHttpServer? _server;

    private CapturingServer(string contentType, string answer)
    {
        _contentType = contentType;
        _answer = Encoding.UTF8.GetBytes(answer);
    }

    public Uri Endpoint => _server!.BaseAddress;

    public IReadOnlyList<CapturedRequest> Requests => _log.Snapshot();

    public static async Task<CapturingServer> StartAsync(string contentType = "text/plain", string answer = "", CancellationToken ct = default)
    {
        var server = new CapturingServer(contentType, answer);
        server._server = await LoopbackHttpServer.StartAsync(server.HandleAsync, ct).ConfigureAwait(false);
        return server;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        _log.Add(new CapturedRequest(
            request.Method,
            request.Path + request.QueryString,
            request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
            request.Headers.TryGetValue("X-Amz-Security-Token", out var token) ? token.ToString() : null,
            body));
        context.Response.StatusCode = 200;
        context.Response.ContentType = _contentType;
        await context.Response.Body.WriteAsync(_answer, context.RequestAborted).ConfigureAwait(false);
    }
}
