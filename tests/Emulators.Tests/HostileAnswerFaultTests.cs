using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Cac.Emulators.Tests;

/// <summary>The faults a hostile or broken endpoint shows: redirects, trickling bodies, huge answers, odd throttling.</summary>
public sealed class HostileAnswerFaultTests
{
    private static FormUrlEncodedContent CallerIdentityForm() => new([new("Action", "GetCallerIdentity"), new("Version", "2011-06-15")]);

    private static HttpClient RawClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_redirect_fault_answers_with_its_status_and_location_only()
    {
        await using var sts = await StsEmulator.StartAsync();
        await using var elsewhere = await CapturingServer.StartAsync();
        sts.Behavior.InjectFault(StsFault.RedirectTo(elsewhere.Endpoint, 308));
        using var http = RawClient();

        using var response = await http.PostAsync(sts.Endpoint, CallerIdentityForm());

        Assert.Equal(308, (int)response.StatusCode);
        Assert.Equal(elsewhere.Endpoint, response.Headers.Location);
        Assert.Equal(308, sts.Requests.Single().StatusCode);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_client_that_follows_redirects_hands_its_request_to_the_other_host()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        await using var elsewhere = await CapturingServer.StartAsync("application/json", "{\"value\":\"forged\"}");
        oidc.Behavior.InjectFault(OidcFault.RedirectTo(elsewhere.Endpoint));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, oidc.RequestUrl);
        request.Headers.Authorization = new("Bearer", oidc.RequestToken);

        using var response = await http.SendAsync(request);

        Assert.Equal("{\"value\":\"forged\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal(307, oidc.Requests.Single().StatusCode);
        Assert.Single(elsewhere.Requests);
    }

    [Fact]
    public async Task A_dripped_body_has_prompt_headers_and_arrives_one_byte_at_a_time()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.InjectFault(StsFault.Drip(TimeSpan.FromMilliseconds(300)));
        using var http = RawClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, sts.Endpoint) { Content = CallerIdentityForm() };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64];
        var watch = Stopwatch.StartNew();
        var first = await body.ReadAsync(buffer);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.InRange(response.Content.Headers.ContentLength ?? 0, 101, long.MaxValue);
        Assert.Equal(1, first);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.MaxValue); // a lower bound: load only makes it later
    }

    [Fact]
    public async Task A_dripped_token_answer_is_the_real_answer_in_the_end()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        oidc.Behavior.InjectFault(OidcFault.Drip(TimeSpan.FromMilliseconds(1)));

        var token = await TokenRequests.TokenAsync(oidc);

        Assert.True(oidc.TryValidate(token, out _, out var error), error);
    }

    [Fact]
    public async Task An_oversized_sts_answer_is_still_a_valid_answer()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.InjectFault(StsFault.OversizedAnswer(3 * 1024 * 1024));
        using var client = StsClients.AsUser(sts);

        var identity = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(StsClients.UserArn, identity.Arn);
    }

    [Fact]
    public async Task A_doctype_answer_starts_with_its_dtd_and_is_still_a_valid_answer()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.InjectFault(StsFault.DoctypeAnswer, count: 2);
        using var http = new HttpClient();
        using var client = StsClients.AsUser(sts);

        using var response = await http.PostAsync(sts.Endpoint, CallerIdentityForm());
        var raw = await response.Content.ReadAsStringAsync();
        var identity = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.StartsWith("<!DOCTYPE ", raw, StringComparison.Ordinal);
        Assert.Contains("<!ENTITY lol ", raw, StringComparison.Ordinal);
        Assert.Equal(StsClients.UserArn, identity.Arn);
    }

    [Fact]
    public async Task An_oversized_token_answer_has_the_size_asked_for_and_the_token()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        oidc.Behavior.InjectFault(OidcFault.OversizedAnswer(2 * 1024 * 1024));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, oidc.RequestUrl);
        request.Headers.Authorization = new("Bearer", oidc.RequestToken);

        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.InRange(bytes.Length, (2 * 1024 * 1024) - 16, (2 * 1024 * 1024) + 16);
        using var json = System.Text.Json.JsonDocument.Parse(bytes);
        Assert.True(oidc.TryValidate(json.RootElement.GetProperty("value").GetString()!, out _, out var error), error);
    }

    [Fact]
    public async Task A_throttling_fault_can_carry_any_message_and_a_retry_after()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.InjectFault(StsFault.ThrottlingWith("Rate exceeded\n::stop-commands::pwned", TimeSpan.FromSeconds(3)));
        using var http = RawClient();

        using var response = await http.PostAsync(sts.Endpoint, CallerIdentityForm());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Contains("<Code>Throttling</Code>", body, StringComparison.Ordinal);
        Assert.Contains("Rate exceeded\n::stop-commands::pwned", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rate_limit_admits_a_burst_then_its_rate_and_refuses_the_rest_with_stss_throttling_error()
    {
        var time = new FakeTimeProvider();
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.RateLimit = new StsRateLimit(2) { Time = time };
        using var client = StsClients.AsUser(sts);

        await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var refused = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        time.Advance(TimeSpan.FromMilliseconds(500));
        await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal(("Throttling", "Rate exceeded", HttpStatusCode.BadRequest), (refused.ErrorCode, refused.Message, refused.StatusCode));
        Assert.Equal([200, 200, 400, 200, 400], sts.Requests.Select(r => r.StatusCode));
        Assert.All(sts.Requests, record => Assert.Null(record.Fault));
    }

    [Fact]
    public async Task The_rate_limit_can_send_a_retry_after()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.RateLimit = new StsRateLimit(1) { Time = new FakeTimeProvider(), RetryAfter = TimeSpan.FromSeconds(2) };
        using var http = RawClient();

        using var admitted = await http.PostAsync(sts.Endpoint, CallerIdentityForm());
        using var refused = await http.PostAsync(sts.Endpoint, CallerIdentityForm());

        Assert.Null(admitted.Headers.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("<Code>Throttling</Code>", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
