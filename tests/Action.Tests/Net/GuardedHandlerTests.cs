using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Net;
using Microsoft.Extensions.Time.Testing;

namespace Cac.Action.Tests.Net;

/// <summary>The guard in front of STS and the token service, driven by a stub server and a fake clock.</summary>
public sealed class GuardedHandlerTests
{
    private static readonly Uri Endpoint = new("https://sts.us-east-1.amazonaws.com/?Action=x");
    private readonly FakeTimeProvider time = new();

    private HttpMessageInvoker Guarded(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> server, long maxBytes = 1024) =>
        new(new GuardedHandler(new StubHandler(server), new ResponseLimits(TimeSpan.FromSeconds(15), maxBytes), time));

    private static Task<HttpResponseMessage> Answer(HttpStatusCode status, HttpContent content, Action<HttpResponseMessage>? shape = null)
    {
        var response = new HttpResponseMessage(status) { Content = content };
        shape?.Invoke(response);
        return Task.FromResult(response);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_is_refused_naming_the_endpoint_and_where_it_pointed(int status)
    {
        using var client = Guarded((_, _) => Answer((HttpStatusCode)status, new StringContent(""), r => r.Headers.Location = new Uri("https://evil.example/steal?x=1")));

        var error = await Assert.ThrowsAsync<RedirectRefusedException>(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Endpoint), default));

        Assert.Equal(
            "https://sts.us-east-1.amazonaws.com/ answered " + status + " with a redirect to https://evil.example/steal; redirects are never followed, so the request and its credentials stay with the endpoint that was configured",
            error.Message);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_fails_before_the_body_is_read()
    {
        var body = new ReadCountingStream(new byte[2048]);
        using var client = Guarded((_, _) => Answer(HttpStatusCode.OK, new StreamContent(body), r => r.Content.Headers.ContentLength = 2048));

        var error = await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, Endpoint), default));

        Assert.Equal("The answer from https://sts.us-east-1.amazonaws.com/ is larger than 1 KiB, the most this action reads from it", error.Message);
        Assert.Equal(0, body.Reads);
    }

    [Fact]
    public async Task An_undeclared_body_over_the_limit_is_cut_off_at_the_limit()
    {
        using var client = Guarded((_, _) => Answer(HttpStatusCode.OK, new StreamContent(new MemoryStream(new byte[1025]))));

        var error = await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, Endpoint), default));

        Assert.Equal(1024, error.Limit);
    }

    [Fact]
    public async Task A_body_that_never_ends_times_out_with_the_request_timeout_not_a_cancellation()
    {
        using var client = Guarded((_, _) => Answer(HttpStatusCode.OK, new StreamContent(new NeverEndingStream())));

        var sending = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, Endpoint), default);
        await Task.Delay(50);
        Assert.False(sending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<RequestTimeoutException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("The request to https://sts.us-east-1.amazonaws.com/ timed out after 15 s (answer headers and body)", error.Message);
        Assert.IsAssignableFrom<TimeoutException>(error);
    }

    [Fact]
    public async Task Headers_that_never_come_time_out_the_same_way()
    {
        using var client = Guarded(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            throw new InvalidOperationException("unreachable");
        });

        var sending = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, Endpoint), default);
        time.Advance(TimeSpan.FromSeconds(15));

        await Assert.ThrowsAsync<RequestTimeoutException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        using var client = Guarded((_, _) => Answer(HttpStatusCode.OK, new StreamContent(new NeverEndingStream())));
        using var deadline = new CancellationTokenSource();

        var sending = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, Endpoint), deadline.Token);
        await deadline.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsNotType<RequestTimeoutException>(error);
    }

    [Fact]
    public async Task A_complete_answer_is_handed_on_in_memory_with_its_headers()
    {
        using var client = Guarded((_, _) => Answer(HttpStatusCode.BadRequest, new StringContent("<Error/>", Encoding.UTF8, "text/xml"), r => r.Headers.TryAddWithoutValidation("Retry-After", "3")));

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, Endpoint), default);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<Error/>", await response.Content.ReadAsStringAsync());
    }

    private sealed class StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> server) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => server(request, cancellationToken);
    }

    /// <summary>A body that sends nothing and never ends, until the reader gives up.</summary>
    private sealed class NeverEndingStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("reads are asynchronous");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class ReadCountingStream(byte[] content) : MemoryStream(content)
    {
        public int Reads { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return base.Read(buffer, offset, count);
        }
    }
}
