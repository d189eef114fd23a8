using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Cac.Emulators.Tests;

/// <summary>The IMDSv2 stand-in over real HTTP: the token dance, the documents the SDKs parse, and every fault.</summary>
public sealed class InstanceMetadataStandInTests
{
    private const string RoleList = "latest/meta-data/iam/security-credentials/";

    private static KeyValuePair<string, string> Ttl(string seconds) => new(InstanceMetadataStandIn.TtlHeader, seconds);

    private static KeyValuePair<string, string> Token(string token) => new(InstanceMetadataStandIn.TokenHeader, token);

    private static async Task<string> TokenAsync(InstanceMetadataStandIn imds, HttpClient http, string ttl = "21600")
    {
        var (status, body, response) = await Http.SendAsync(http, HttpMethod.Put, new Uri(imds.Endpoint, "latest/api/token"), [Ttl(ttl)]);
        Assert.Equal(200, status);
        Assert.Equal(ttl, response.Headers.GetValues(InstanceMetadataStandIn.TtlHeader).Single());
        return body;
    }

    private static Task<(int Status, string Body, HttpResponseMessage Response)> GetAsync(InstanceMetadataStandIn imds, HttpClient http, string path, string? token) =>
        Http.SendAsync(http, HttpMethod.Get, new Uri(imds.Endpoint, path), token is null ? [] : [Token(token)]);

    [Fact]
    public async Task The_token_then_the_role_name_then_the_credentials_document_the_sdks_parse()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        using var http = Http.Client();

        var token = await TokenAsync(imds, http);
        var (roleStatus, role, _) = await GetAsync(imds, http, RoleList, token);
        var (documentStatus, document, response) = await GetAsync(imds, http, RoleList + role, token);

        Assert.Equal((200, "runner-instance"), (roleStatus, role));
        Assert.Equal(200, documentStatus);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        Assert.Equal(["Code", "LastUpdated", "Type", "AccessKeyId", "SecretAccessKey", "Token", "Expiration"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Success", root.GetProperty("Code").GetString());
        Assert.Equal("AWS-HMAC", root.GetProperty("Type").GetString());
        var served = imds.Behavior.CurrentCredentials;
        Assert.Equal(served.AccessKeyId, root.GetProperty("AccessKeyId").GetString());
        Assert.Equal(served.SessionToken, root.GetProperty("Token").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", root.GetProperty("Expiration").GetString());
        Assert.StartsWith("ASIA", served.AccessKeyId, StringComparison.Ordinal);
        Assert.All(imds.Requests, record => Assert.True(record.TokenAccepted || record.Target == InstanceMetadataPath.Token));
    }

    [Fact]
    public async Task The_extended_document_adds_the_account_and_can_be_missing_as_on_older_instances()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync(new InstanceMetadataOptions { AccountId = "222222222222" });
        using var http = Http.Client();
        var token = await TokenAsync(imds, http);

        var (_, document, _) = await GetAsync(imds, http, "latest/meta-data/iam/security-credentials-extended/runner-instance", token);
        imds.Behavior.ExtendedCredentialsAvailable = false;
        var (missing, _, _) = await GetAsync(imds, http, "latest/meta-data/iam/security-credentials-extended/", token);

        using var json = JsonDocument.Parse(document);
        Assert.Equal("222222222222", json.RootElement.GetProperty("AccountId").GetString());
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task A_get_without_a_token_is_refused_with_401_unless_imdsv1_is_allowed()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        using var http = Http.Client();

        var (refused, _, _) = await GetAsync(imds, http, RoleList, token: null);
        imds.Behavior.RequireToken = false;
        var (v1, role, _) = await GetAsync(imds, http, RoleList, token: null);
        var (wrongToken, _, _) = await GetAsync(imds, http, RoleList, "not-a-token");

        Assert.Equal(401, refused);
        Assert.Equal((200, "runner-instance"), (v1, role));
        Assert.Equal(401, wrongToken);
        Assert.Equal([false, false, true], imds.Requests.Select(r => r.TokenSent));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("21601")]
    [InlineData("-5")]
    [InlineData("six hours")]
    public async Task A_token_request_without_a_valid_ttl_gets_400(string? ttl)
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        using var http = Http.Client();

        var (status, body, _) = await Http.SendAsync(http, HttpMethod.Put, new Uri(imds.Endpoint, "latest/api/token"), ttl is null ? [] : [Ttl(ttl)]);

        Assert.Equal(400, status);
        Assert.Contains("400 - Bad Request", body, StringComparison.Ordinal);
        Assert.Equal(ttl, imds.Requests.Single().RequestedTtl);
    }

    [Fact]
    public async Task A_token_request_through_a_forwarding_proxy_or_with_get_is_refused()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        using var http = Http.Client();
        var url = new Uri(imds.Endpoint, "latest/api/token");

        var (forwarded, _, _) = await Http.SendAsync(http, HttpMethod.Put, url, [Ttl("60"), new("X-Forwarded-For", "10.0.0.1")]);
        var (get, _, _) = await Http.SendAsync(http, HttpMethod.Get, url, [Ttl("60")]);

        Assert.Equal((403, 405), (forwarded, get));
    }

    [Fact]
    public async Task A_token_expires_after_its_ttl()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var imds = await InstanceMetadataStandIn.StartAsync(new InstanceMetadataOptions { Time = time });
        using var http = Http.Client();
        var token = await TokenAsync(imds, http, "60");

        var (fresh, _, _) = await GetAsync(imds, http, RoleList, token);
        time.Advance(TimeSpan.FromSeconds(61));
        var (stale, _, _) = await GetAsync(imds, http, RoleList, token);

        Assert.Equal((200, 401), (fresh, stale));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    public async Task A_refused_token_request_is_an_imdsv1_only_setup_when_v1_is_allowed(int status)
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        imds.Behavior.RequireToken = false;
        imds.Behavior.InjectFault(EndpointFault.Status(status), target: InstanceMetadataPath.Token);
        using var http = Http.Client();

        var (refused, _, _) = await Http.SendAsync(http, HttpMethod.Put, new Uri(imds.Endpoint, "latest/api/token"), [Ttl("21600")]);
        var (v1, role, _) = await GetAsync(imds, http, RoleList, token: null);

        Assert.Equal(status, refused);
        Assert.Equal((200, "runner-instance"), (v1, role));
        Assert.Equal(status, imds.Requests[0].StatusCode);
        Assert.Equal(EndpointFault.Status(status), imds.Requests[0].Fault);
    }

    [Fact]
    public async Task An_instance_without_a_profile_and_a_wrong_role_name_get_404()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        using var http = Http.Client();
        var token = await TokenAsync(imds, http);

        var (wrongRole, _, _) = await GetAsync(imds, http, RoleList + "someone-else", token);
        imds.Behavior.RoleName = null;
        var (noProfile, body, _) = await GetAsync(imds, http, RoleList, token);

        Assert.Equal((404, 404), (wrongRole, noProfile));
        Assert.Contains("404 - Not Found", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fault_can_target_the_credentials_document_only()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        imds.Behavior.InjectFault(EndpointFault.Status(404), target: InstanceMetadataPath.Credentials);
        using var http = Http.Client();
        var token = await TokenAsync(imds, http);

        var (role, _, _) = await GetAsync(imds, http, RoleList, token);
        var (first, _, _) = await GetAsync(imds, http, RoleList + "runner-instance", token);
        var (second, _, _) = await GetAsync(imds, http, RoleList + "runner-instance", token);

        Assert.Equal((200, 404, 200), (role, first, second));
    }

    [Fact]
    public async Task A_truncated_document_is_not_json()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        imds.Behavior.InjectFault(EndpointFault.Truncated, target: InstanceMetadataPath.Credentials);
        using var http = Http.Client();
        var token = await TokenAsync(imds, http);

        var (status, body, _) = await GetAsync(imds, http, RoleList + "runner-instance", token);

        Assert.Equal(200, status);
        Assert.StartsWith("{", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task An_error_document_with_200_is_what_ec2_sends_when_it_cannot_assume_the_role()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        const string Error = """{"Code":"AssumeRoleUnauthorizedAccess","Message":"EC2 cannot assume the role runner-instance.","LastUpdated":"2024-01-01T00:00:00Z"}""";
        imds.Behavior.InjectFault(EndpointFault.Answer(200, Error, "text/plain"), target: InstanceMetadataPath.Credentials);
        using var http = Http.Client();
        var token = await TokenAsync(imds, http);

        var (status, body, _) = await GetAsync(imds, http, RoleList + "runner-instance", token);

        Assert.Equal((200, Error), (status, body));
    }

    [Fact]
    public async Task Expired_credentials_are_served_when_the_lifetime_is_negative()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        var before = imds.Behavior.CurrentCredentials;
        imds.Behavior.CredentialLifetime = TimeSpan.FromMinutes(-5);
        using var http = Http.Client();
        var token = await TokenAsync(imds, http);

        var (_, body, _) = await GetAsync(imds, http, RoleList + "runner-instance", token);

        using var json = JsonDocument.Parse(body);
        var expiration = DateTimeOffset.Parse(json.RootElement.GetProperty("Expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiration, DateTimeOffset.MinValue, DateTimeOffset.UtcNow);
        Assert.NotEqual(before.AccessKeyId, json.RootElement.GetProperty("AccessKeyId").GetString());
    }

    [Fact]
    public async Task The_same_credentials_are_served_until_rotated()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();

        var first = imds.Behavior.CurrentCredentials;
        var again = imds.Behavior.CurrentCredentials;
        imds.Behavior.RotateCredentials();
        var rotated = imds.Behavior.CurrentCredentials;

        Assert.Same(first, again);
        Assert.NotEqual(first.AccessKeyId, rotated.AccessKeyId);
    }

    [Fact]
    public async Task A_lost_token_answer_never_arrives_as_with_a_hop_limit_of_one()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        imds.Behavior.InjectFault(EndpointFault.NoAnswer, target: InstanceMetadataPath.Token);
        using var http = Http.Client(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.PutAsync(new Uri(imds.Endpoint, "latest/api/token"), null));

        Assert.Equal(0, imds.Requests.Single().StatusCode);
    }

    [Fact]
    public async Task A_stand_in_holding_a_request_still_stops_promptly()
    {
        var imds = await InstanceMetadataStandIn.StartAsync();
        imds.Behavior.InjectFault(EndpointFault.NoAnswer);
        using var http = Http.Client(TimeSpan.FromMinutes(5));
        var pending = http.GetAsync(new Uri(imds.Endpoint, RoleList));
        while (imds.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        await imds.DisposeAsync();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task A_slow_answer_comes_after_its_delay()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        imds.Behavior.InjectFault(EndpointFault.Delayed(TimeSpan.FromMilliseconds(300)), target: InstanceMetadataPath.Token);
        using var http = Http.Client();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await TokenAsync(imds, http);

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(290), TimeSpan.MaxValue); // a lower bound: load only makes it later
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        imds.Behavior.InjectFault(EndpointFault.DropConnection, target: InstanceMetadataPath.RoleName);
        using var http = Http.Client();
        var token = await TokenAsync(imds, http);

        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(imds, http, RoleList, token));

        Assert.Equal(0, imds.Requests[^1].StatusCode);
    }

    [Fact]
    public async Task The_region_comes_from_placement_and_the_identity_document()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync(new InstanceMetadataOptions { Region = "eu-west-3" });
        using var http = Http.Client();
        var token = await TokenAsync(imds, http);

        var (_, region, _) = await GetAsync(imds, http, "latest/meta-data/placement/region", token);
        var (_, zone, _) = await GetAsync(imds, http, "latest/meta-data/placement/availability-zone/", token);
        var (_, document, _) = await GetAsync(imds, http, "latest/dynamic/instance-identity/document", token);

        Assert.Equal(("eu-west-3", "eu-west-3a"), (region, zone));
        using var json = JsonDocument.Parse(document);
        Assert.Equal("eu-west-3", json.RootElement.GetProperty("region").GetString());
        Assert.Equal("i-0123456789abcdef0", json.RootElement.GetProperty("instanceId").GetString());
    }

    [Fact]
    public async Task It_can_listen_on_the_ipv6_loopback_for_an_ipv6_endpoint()
    {
        await using var imds = await InstanceMetadataStandIn.StartAsync(new InstanceMetadataOptions { ListenAddress = IPAddress.IPv6Loopback });
        using var http = Http.Client();

        var token = await TokenAsync(imds, http);

        Assert.Equal("[::1]", imds.Endpoint.Host);
        Assert.NotEmpty(token);
        Assert.Equal(imds.Endpoint.AbsoluteUri, imds.Environment()["AWS_EC2_METADATA_SERVICE_ENDPOINT"]);
    }

    [Fact]
    public async Task Credentials_issued_through_the_sts_emulator_sign_its_calls_as_the_instance_role()
    {
        await using var sts = await StsEmulator.StartAsync();
        var options = new InstanceMetadataOptions();
        await using var imds = await InstanceMetadataStandIn.StartAsync(new InstanceMetadataOptions { Credentials = sts.Behavior.IssuerFor(options.RoleArn, options.InstanceId) });
        var served = imds.Behavior.CurrentCredentials;
        using var client = StsClients.Signed(sts, served.AccessKeyId, served.SecretAccessKey, served.SessionToken);

        var identity = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/runner-instance/i-0123456789abcdef0", identity.Arn);
        Assert.Equal(served.PrincipalArn, identity.Arn);
    }

    [Fact]
    public async Task Unknown_credentials_are_refused_by_the_sts_emulator()
    {
        await using var sts = await StsEmulator.StartAsync();
        await using var imds = await InstanceMetadataStandIn.StartAsync();
        var served = imds.Behavior.CurrentCredentials;
        using var client = StsClients.Signed(sts, served.AccessKeyId, served.SecretAccessKey, served.SessionToken);

        var error = await Assert.ThrowsAnyAsync<Amazon.SecurityToken.AmazonSecurityTokenServiceException>(() => client.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }
}
