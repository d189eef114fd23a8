using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Cac.Emulators.Hosting;

/// <summary>
/// How the credential stand-ins apply an <see cref="EndpointFault"/>: the faults that replace the answer run
/// before the request is looked at (like an outage in front of the service), the ones that spoil it run on
/// the real answer.
/// </summary>
internal static class FaultedAnswers
{
    /// <summary>
    /// Applies a fault that replaces the answer and returns true, or returns false (after a delay fault's
    /// wait) when the request should be served. <paramref name="errorAnswer"/> gives the service's error
    /// answer for a status; <paramref name="log"/> gets the status sent (0: none) before anything is sent.
    /// </summary>
    public static async Task<bool> TryReplaceAsync(HttpContext context, EndpointFault? fault, Func<int, ServedAnswer> errorAnswer, Action<int> log, CancellationToken stopping)
    {
        if (ReplacementStatus(fault) is { } status)
        {
            log(status);
        }

        switch (fault?.Kind)
        {
            case EndpointFaultKind.Delay:
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                return false;
            case EndpointFaultKind.DropConnection:
                context.Abort();
                return true;
            case EndpointFaultKind.NoAnswer:
                await HoldAsync(context, stopping).ConfigureAwait(false);
                return true;
            case EndpointFaultKind.Redirect:
                await HostileAnswers.RedirectAsync(context, fault.StatusCode, fault.Location!).ConfigureAwait(false);
                return true;
            case EndpointFaultKind.HttpStatus:
                await WriteAsync(context, errorAnswer(fault.StatusCode), fault: null).ConfigureAwait(false);
                return true;
            case EndpointFaultKind.Body:
                await WriteAsync(context, new ServedAnswer(fault.StatusCode, fault.ContentType ?? "application/json", Encoding.UTF8.GetBytes(fault.Body ?? string.Empty)), fault: null).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The status to log for a fault that replaces the answer (0: none is sent), or null for one that does not.</summary>
    private static int? ReplacementStatus(EndpointFault? fault) => fault?.Kind switch
    {
        EndpointFaultKind.DropConnection or EndpointFaultKind.NoAnswer => 0,
        EndpointFaultKind.HttpStatus or EndpointFaultKind.Redirect or EndpointFaultKind.Body => fault.StatusCode,
        _ => null,
    };

    /// <summary>Writes <paramref name="answer"/>, spoiled by a truncating, dripping or padding fault.</summary>
    public static async Task WriteAsync(HttpContext context, ServedAnswer answer, EndpointFault? fault)
    {
        var body = answer.Body;
        switch (fault?.Kind)
        {
            case EndpointFaultKind.DripBody:
                await HostileAnswers.DripAsync(context, answer.StatusCode, answer.ContentType, body, fault.Delay).ConfigureAwait(false);
                return;
            case EndpointFaultKind.Truncated:
                body = body[..(body.Length / 2)];
                break;
            case EndpointFaultKind.Oversized:
                // Trailing white space keeps JSON and plain text valid: only a size limit stops the client.
                body = [.. body, .. Enumerable.Repeat((byte)' ', Math.Max(0, fault.Size - body.Length))];
                break;
        }

        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task HoldAsync(HttpContext context, CancellationToken stopping)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }
}

/// <summary>An answer a stand-in is about to send.</summary>
internal sealed record ServedAnswer(int StatusCode, string ContentType, byte[] Body)
{
    public (string Name, string Value)[] Headers { get; init; } = [];

    public static ServedAnswer Text(int statusCode, string text, string contentType = "text/plain") => new(statusCode, contentType, Encoding.UTF8.GetBytes(text));

    /// <summary>A JSON object written member by member, in the order the service writes them.</summary>
    public static ServedAnswer Json(int statusCode, Action<Utf8JsonWriter> members, string contentType = "application/json", bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return new ServedAnswer(statusCode, contentType, stream.ToArray());
    }
}
