using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Cac.Emulators.Hosting;

/// <summary>
/// Answers a hostile or broken server gives, shared by the STS emulator and the OIDC stand-in: a redirect
/// elsewhere, and a body that trickles in after prompt headers.
/// </summary>
internal static class HostileAnswers
{
    public static Task RedirectAsync(HttpContext context, int statusCode, Uri location)
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers.Location = location.AbsoluteUri;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>Sends the headers (with the full Content-Length) at once, then one byte of <paramref name="body"/> per <paramref name="perByte"/>.</summary>
    public static async Task DripAsync(HttpContext context, int statusCode, string contentType, byte[] body, TimeSpan perByte)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        for (var i = 0; i < body.Length; i++)
        {
            await Task.Delay(perByte, context.RequestAborted).ConfigureAwait(false);
            await response.Body.WriteAsync(body.AsMemory(i, 1), context.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
