using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Cac.Action.Tests.Credentials.Tokens;

public sealed class GitHubTokenClientTests : IDisposable
{
    // Not real tokens: only their shape (a JWT has two dots) matters here.
    private const string RequestToken = "test-request-token";
    private const string IdToken = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.c2ln";
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>Stopped at <see cref="Now"/>: the request timeout fires only when a test advances it.</summary>
    private readonly FakeTimeProvider time = new(Now);

    private readonly RecordingMasker masker = new();
    private readonly List<SocketsHttpHandler> handlers = [];

    public void Dispose()
    {
        foreach (var handler in handlers)
        {
            handler.Dispose();
        }
    }

    [Fact]
    public async Task Sends_the_request_the_toolkit_sends_and_returns_the_token()
    {
        await using var server = new LocalHttpServer(new ServerReply(200, "{\"count\":1,\"value\":\"" + IdToken + "\"}"));
        using var client = CreateClient(Environment(server.BaseUrl + "/idtoken?api-version=2.0"));

        var token = await client.GetIdTokenAsync("sts.amazonaws.com", CancellationToken.None);

        Assert.Equal(IdToken, token.Value.Reveal());
        Assert.Equal("***", token.Value.ToString());
        Assert.Equal(Now, token.FetchedAt);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/idtoken?api-version=2.0&audience=sts.amazonaws.com", request.Target);
        Assert.Equal("Bearer " + RequestToken, request.Headers["authorization"]);
        Assert.Equal("application/json", request.Headers["accept"]);
        Assert.Equal("actions/oidc-client", request.Headers["user-agent"]);
    }

    [Fact]
    public async Task The_token_and_the_request_token_are_masked_before_the_token_is_returned()
    {
        await using var server = new LocalHttpServer(new ServerReply(200, "{\"value\":\"" + IdToken + "\"}"));
        using var client = CreateClient(Environment(server.BaseUrl + "/t?x=1"));

        await client.GetIdTokenAsync("sts.amazonaws.com", CancellationToken.None);

        Assert.Equal([RequestToken, IdToken], masker.Masks);
    }

    [Theory]
    [InlineData("/t?x=1", "api://my app&more", "/t?x=1&audience=api%3A%2F%2Fmy%20app%26more")] // the audience is URL-encoded
    [InlineData("/t?x=1", "", "/t?x=1")] // an empty audience adds no parameter
    [InlineData("/t", "sts.amazonaws.com", "/t?audience=sts.amazonaws.com")] // a URL without a query gets a question mark
    public async Task The_audience_is_added_to_the_request_url(string path, string audience, string expected)
    {
        await using var server = new LocalHttpServer(new ServerReply(200, "{\"value\":\"" + IdToken + "\"}"));
        using var client = CreateClient(Environment(server.BaseUrl + path));

        await client.GetIdTokenAsync(audience, CancellationToken.None);

        Assert.Equal(expected, Assert.Single(server.Requests).Target);
    }

    [Fact]
    public async Task The_orchestration_id_is_sanitised_into_the_user_agent()
    {
        await using var server = new LocalHttpServer(new ServerReply(200, "{\"value\":\"" + IdToken + "\"}"));
        var environment = Environment(server.BaseUrl + "/t?x=1");
        environment.SetVariable("ACTIONS_ORCHESTRATION_ID", "Run 42/job:a_b.c-d");
        using var client = CreateClient(environment);

        await client.GetIdTokenAsync("sts.amazonaws.com", CancellationToken.None);

        Assert.Equal("actions/oidc-client actions_orchestration_id/Run_42_job_a_b.c-d", Assert.Single(server.Requests).Headers["user-agent"]);
    }

    [Theory]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    public async Task Error_statuses_fail_with_the_toolkit_text_and_a_classification(int status, bool transient)
    {
        await using var server = new LocalHttpServer(new ServerReply(status, "{\"message\":\"Something went wrong\"}"));
        using var client = CreateClient(Environment(server.BaseUrl + "/t?x=1"));

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => client.GetIdTokenAsync("sts.amazonaws.com", CancellationToken.None));

        Assert.Equal(
            "Failed to get ID Token. \n \n        Error Code : " + status + "\n \n        Error Message: Something went wrong",
            error.Message);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal([RequestToken], masker.Masks);
    }

    [Theory]
    [InlineData("{\"message\":\"from json\"}", "from json")]
    [InlineData("plain text body", "plain text body")]
    [InlineData("{\"error\":\"no message field\"}", "{\"error\":\"no message field\"}")]
    [InlineData("{\"message\":\"\"}", "{\"message\":\"\"}")]
    [InlineData("{\"message\":42}", "{\"message\":42}")]
    [InlineData("", "Failed request: (500)")]
    public async Task The_error_message_comes_from_json_then_the_raw_body_then_the_status(string body, string message)
    {
        await using var server = new LocalHttpServer(new ServerReply(500, body));
        using var client = CreateClient(Environment(server.BaseUrl + "/t?x=1"));

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => client.GetIdTokenAsync("a", CancellationToken.None));

        Assert.EndsWith("Error Message: " + message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_token_echoed_by_the_server_does_not_reach_the_message()
    {
        await using var server = new LocalHttpServer(new ServerReply(401, "bad token " + RequestToken));
        using var client = CreateClient(Environment(server.BaseUrl + "/t?x=1"));

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => client.GetIdTokenAsync("a", CancellationToken.None));

        Assert.DoesNotContain(RequestToken, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Error Message: bad token ***", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"value\":\"\"}")]
    [InlineData("{\"value\":null}")]
    [InlineData("{\"value\":123}")]
    [InlineData("[]")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task A_success_without_a_token_is_a_permanent_error(string body)
    {
        await using var server = new LocalHttpServer(new ServerReply(200, body));
        using var client = CreateClient(Environment(server.BaseUrl + "/t?x=1"));

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => client.GetIdTokenAsync("a", CancellationToken.None));

        Assert.Equal("Response json body do not have ID Token field", error.Message);
        Assert.False(error.IsTransient);
        Assert.Equal([RequestToken], masker.Masks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_missing_url_variable_fails_before_anything_else(string? url)
    {
        var environment = new DictionaryEnvironment([new KeyValuePair<string, string?>("ACTIONS_ID_TOKEN_REQUEST_URL", url)]);
        using var client = CreateClient(environment);

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => client.GetIdTokenAsync("a", CancellationToken.None));

        Assert.Equal("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable", error.Message);
        Assert.False(error.IsTransient);
        Assert.Null(error.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_missing_request_token_variable_fails_without_a_request(string? token)
    {
        await using var server = new LocalHttpServer(new ServerReply(200, "{\"value\":\"" + IdToken + "\"}"));
        var environment = Environment(server.BaseUrl + "/t?x=1");
        environment.SetVariable("ACTIONS_ID_TOKEN_REQUEST_TOKEN", token);
        using var client = CreateClient(environment);

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => client.GetIdTokenAsync("a", CancellationToken.None));

        Assert.Equal("Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable", error.Message);
        Assert.False(error.IsTransient);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_a_permanent_error()
    {
        using var client = CreateClient(Environment("not a url"));

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => client.GetIdTokenAsync("a", CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.StartsWith("ACTIONS_ID_TOKEN_REQUEST_URL is not an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_is_a_quick_transient_error()
    {
        await using var server = new LocalHttpServer(new ServerReply(200, "{\"value\":\"" + IdToken + "\"}") { Delay = TimeSpan.FromSeconds(30) });
        using var client = CreateClient(Environment(server.BaseUrl + "/t?x=1"), TimeSpan.FromMilliseconds(300));

        // The server answers after 30 s of real time; the client's timeout runs on the fake clock, moved on here.
        var fetching = client.GetIdTokenAsync("a", CancellationToken.None);
        for (var i = 0; i < 3000 && !fetching.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(fetching, Task.Delay(10));
        }

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => fetching);

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Equal("Failed to get ID Token: the request timed out after 0.3 seconds", error.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_a_token_error()
    {
        await using var server = new LocalHttpServer(new ServerReply(200, "{}") { Delay = TimeSpan.FromSeconds(30) });
        using var client = CreateClient(Environment(server.BaseUrl + "/t?x=1"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetIdTokenAsync("a", cancellation.Token));
    }

    [Fact]
    public async Task A_dropped_connection_is_transient()
    {
        await using var server = new LocalHttpServer(new ServerReply(200, "") { DropConnection = true });
        using var client = CreateClient(Environment(server.BaseUrl + "/t?x=1"));

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => client.GetIdTokenAsync("a", CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.StartsWith("Failed to get ID Token: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RequestToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        var unused = new TcpListener(IPAddress.Loopback, 0);
        unused.Start();
        var port = ((IPEndPoint)unused.LocalEndpoint).Port;
        unused.Stop();
        using var client = CreateClient(Environment("http://127.0.0.1:" + port + "/t?x=1"));

        var error = await Assert.ThrowsAsync<GitHubTokenException>(() => client.GetIdTokenAsync("a", CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
    }

    private static DictionaryEnvironment Environment(string url) => new(
    [
        new KeyValuePair<string, string?>("ACTIONS_ID_TOKEN_REQUEST_URL", url),
        new KeyValuePair<string, string?>("ACTIONS_ID_TOKEN_REQUEST_TOKEN", RequestToken),
    ]);

    private GitHubTokenClient CreateClient(DictionaryEnvironment environment, TimeSpan? timeout = null)
    {
        // No proxy: the machine's proxy variables must not route loopback test traffic elsewhere.
        var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) };
        handlers.Add(handler);
        return new GitHubTokenClient(handler, environment, masker, time, timeout);
    }
}
