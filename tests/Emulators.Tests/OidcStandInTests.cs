using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

public sealed class OidcStandInTests
{
    [Fact]
    public async Task The_right_bearer_gets_a_GitHub_shaped_token_for_the_requested_audience()
    {
        await using var oidc = await OidcStandIn.StartAsync();

        var (status, body) = await TokenRequests.GetAsync(oidc, "sts.amazonaws.com", oidc.RequestToken);
        var jwt = body.GetProperty("value").GetString()!;
        var claims = TokenRequests.Claims(jwt);

        Assert.Equal(200, status);
        Assert.Equal(jwt.Length, body.GetProperty("count").GetInt32());
        Assert.Contains("?api-version=2.0", oidc.RequestUrl, StringComparison.Ordinal);
        Assert.Equal("sts.amazonaws.com", claims.GetProperty("aud").GetString());
        Assert.Equal("repo:octo-org/octo-repo:ref:refs/heads/main", claims.GetProperty("sub").GetString());
        Assert.Equal("https://token.actions.githubusercontent.com", claims.GetProperty("iss").GetString());
        Assert.Equal("octo-org/octo-repo", claims.GetProperty("repository").GetString());
        Assert.Equal("octo-org", claims.GetProperty("repository_owner").GetString());
        Assert.Equal("branch", claims.GetProperty("ref_type").GetString());
        foreach (var name in new[] { "jti", "sha", "repository_owner_id", "repository_id", "run_id", "run_number", "run_attempt", "actor", "actor_id", "workflow", "workflow_ref", "job_workflow_ref", "event_name", "runner_environment", "nbf" })
        {
            Assert.True(claims.TryGetProperty(name, out _), name);
        }

        Assert.False(claims.TryGetProperty("environment", out _));
        Assert.Equal(300, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        var record = Assert.Single(oidc.Requests);
        Assert.Equal(("sts.amazonaws.com", true, 200), (record.Audience, record.BearerAccepted, record.StatusCode));
    }

    [Fact]
    public async Task Without_an_audience_the_token_is_for_the_repository_owner_like_GitHub()
    {
        await using var oidc = await OidcStandIn.StartAsync();

        var claims = TokenRequests.Claims(await TokenRequests.TokenAsync(oidc, audience: null));

        Assert.Equal("https://github.com/octo-org", claims.GetProperty("aud").GetString());
        Assert.Null(oidc.Requests.Single().Audience);
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_bearer_gets_401_with_a_message(string? bearer)
    {
        await using var oidc = await OidcStandIn.StartAsync();

        var (status, body) = await TokenRequests.GetAsync(oidc, "sts.amazonaws.com", bearer);

        Assert.Equal(401, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        Assert.False(body.TryGetProperty("value", out _));
        Assert.False(oidc.Requests.Single().BearerAccepted);
    }

    [Fact]
    public async Task Environment_pull_request_lifetime_and_claim_overrides_shape_the_token()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        oidc.Behavior.Environment = "prod";
        oidc.Behavior.Lifetime = TimeSpan.FromMinutes(1);
        oidc.Behavior.SetClaim("actor", "hubot");
        oidc.Behavior.SetClaim("custom_number", 7);
        oidc.Behavior.RemoveClaim("workflow");
        var withEnvironment = TokenRequests.Claims(await TokenRequests.TokenAsync(oidc));

        oidc.Behavior.Environment = null;
        oidc.Behavior.EventName = "pull_request";
        oidc.Behavior.ClearClaimOverrides();
        var pullRequest = TokenRequests.Claims(await TokenRequests.TokenAsync(oidc));

        Assert.Equal("repo:octo-org/octo-repo:environment:prod", withEnvironment.GetProperty("sub").GetString());
        Assert.Equal("prod", withEnvironment.GetProperty("environment").GetString());
        Assert.Equal(60, withEnvironment.GetProperty("exp").GetInt64() - withEnvironment.GetProperty("iat").GetInt64());
        Assert.Equal("hubot", withEnvironment.GetProperty("actor").GetString());
        Assert.Equal(7, withEnvironment.GetProperty("custom_number").GetInt32());
        Assert.False(withEnvironment.TryGetProperty("workflow", out _));
        Assert.Equal("repo:octo-org/octo-repo:pull_request", pullRequest.GetProperty("sub").GetString());
        Assert.Equal("octocat", pullRequest.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_signature_verifies_with_the_published_jwks_and_discovery_points_to_it()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        var jwt = await TokenRequests.TokenAsync(oidc);
        using var http = new HttpClient();

        using var discovery = JsonDocument.Parse(await http.GetStringAsync(new Uri(oidc.Endpoint, ".well-known/openid-configuration")));
        var jwksUri = discovery.RootElement.GetProperty("jwks_uri").GetString()!;
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(jwksUri));
        var key = jwks.RootElement.GetProperty("keys").EnumerateArray().Single();
        var parts = jwt.Split('.');
        using var header = JsonDocument.Parse(Decode(parts[0]));
        using var rsa = RSA.Create(new RSAParameters { Modulus = Decode(key.GetProperty("n").GetString()!), Exponent = Decode(key.GetProperty("e").GetString()!) });

        Assert.Equal(oidc.Issuer, discovery.RootElement.GetProperty("issuer").GetString());
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(key.GetProperty("kid").GetString(), header.RootElement.GetProperty("kid").GetString());
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Single(oidc.Requests); // discovery and JWKS fetches are not token requests
    }

    [Fact]
    public async Task TryValidate_accepts_own_tokens_and_rejects_tampered_or_foreign_ones()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        await using var other = await OidcStandIn.StartAsync();
        var jwt = oidc.IssueToken("sts.amazonaws.com");
        var parts = jwt.Split('.');
        var tampered = parts[0] + "." + parts[1] + "." + parts[2][..^4] + (parts[2].EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        Assert.True(oidc.TryValidate(jwt, out var claims, out _));
        Assert.Equal("sts.amazonaws.com", claims["aud"]);
        Assert.False(oidc.TryValidate(tampered, out _, out var tamperedError));
        Assert.Equal("The token signature is invalid.", tamperedError);
        Assert.False(oidc.TryValidate(other.IssueToken(), out _, out _));
        Assert.False(oidc.TryValidate("not-a-jwt", out _, out _));
        Assert.NotEqual(oidc.RequestToken, other.RequestToken);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Status_faults_fail_the_next_N_requests_then_it_recovers(int statusCode)
    {
        await using var oidc = await OidcStandIn.StartAsync();
        oidc.Behavior.InjectFault(OidcFault.Status(statusCode), count: 2);

        var first = await TokenRequests.GetAsync(oidc, "sts.amazonaws.com", oidc.RequestToken);
        var second = await TokenRequests.GetAsync(oidc, "sts.amazonaws.com", oidc.RequestToken);
        var third = await TokenRequests.GetAsync(oidc, "sts.amazonaws.com", oidc.RequestToken);

        Assert.Equal((statusCode, statusCode, 200), (first.Status, second.Status, third.Status));
        Assert.Equal([statusCode, statusCode, 200], oidc.Requests.Select(r => r.StatusCode));
        Assert.Equal(OidcFault.Status(statusCode), oidc.Requests[0].Fault);
    }

    [Fact]
    public async Task A_missing_value_fault_answers_200_without_value()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        oidc.Behavior.InjectFault(OidcFault.MissingValue);

        var (status, body) = await TokenRequests.GetAsync(oidc, "sts.amazonaws.com", oidc.RequestToken);

        Assert.Equal(200, status);
        Assert.False(body.TryGetProperty("value", out _));
    }

    [Fact]
    public async Task A_delay_fault_slows_the_answer()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        oidc.Behavior.InjectFault(OidcFault.Delayed(TimeSpan.FromMilliseconds(400)));

        var watch = Stopwatch.StartNew();
        var (status, _) = await TokenRequests.GetAsync(oidc, "sts.amazonaws.com", oidc.RequestToken);

        Assert.Equal(200, status);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(380), TimeSpan.MaxValue); // a lower bound: load only makes it later
    }

    [Fact]
    public async Task A_drop_fault_aborts_the_connection()
    {
        await using var oidc = await OidcStandIn.StartAsync();
        oidc.Behavior.InjectFault(OidcFault.DropConnection);

        await Assert.ThrowsAsync<HttpRequestException>(() => TokenRequests.GetAsync(oidc, "sts.amazonaws.com", oidc.RequestToken));

        Assert.Equal(0, oidc.Requests.Single().StatusCode);
    }

    private static byte[] Decode(string base64Url)
    {
        var base64 = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64 + new string('=', (4 - base64.Length % 4) % 4));
    }
}
