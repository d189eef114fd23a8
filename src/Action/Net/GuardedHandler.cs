using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Net;

/// <summary>
/// Sits in front of every request to STS and to GitHub's token service and makes a hostile answer fail
/// fast: a redirect is refused (never followed), the whole answer, headers and body, must arrive within
/// the per-request timeout (a server that trickles its body cannot hold the run), and the body must fit
/// the size limit. The body is read here, into memory, so whatever parses it afterwards (the SDK, the
/// token client) reads a complete, bounded answer and can no longer block on the network.
/// </summary>
public sealed class GuardedHandler : DelegatingHandler
{
    private readonly ResponseLimits limits;
    private readonly TimeProvider time;

    public GuardedHandler(HttpMessageHandler inner, ResponseLimits limits, TimeProvider time)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        this.limits = limits;
        this.time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = new CancellationTokenSource(limits.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                throw new RedirectRefusedException(request.RequestUri, status, response.Headers.Location);
            }

            var body = await ReadBoundedAsync(request.RequestUri, response.Content, linked.Token).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = buffered;
            var result = response;
            response = null;
            return result;
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RequestTimeoutException(request.RequestUri, limits.RequestTimeout, exception);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private async Task<byte[]> ReadBoundedAsync(Uri? endpoint, HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limits.MaxResponseBytes)
        {
            throw new ResponseTooLargeException(endpoint, limits.MaxResponseBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limits.MaxResponseBytes)
                {
                    throw new ResponseTooLargeException(endpoint, limits.MaxResponseBytes);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
