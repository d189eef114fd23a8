using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Amazon.SSO;
using Amazon.SSO.Model;
using Amazon.SSOOIDC;
using Amazon.SSOOIDC.Model;
using Cac.Emulators.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Cac.Emulators.Tests;

/// <summary>The SSO stand-in driven by the AWS SDK for .NET's own SSO and SSO OIDC clients over real HTTP.</summary>
public sealed class SsoStandInTests
{
    private const string Account = "111111111111";

    private static AmazonSSOClient Portal(SsoStandIn sso) =>
        new(new AnonymousAWSCredentials(), new AmazonSSOConfig { ServiceURL = sso.Endpoint.AbsoluteUri, AuthenticationRegion = sso.Region, MaxErrorRetry = 0 });

    private static AmazonSSOOIDCClient Oidc(SsoStandIn sso) =>
        new(new AnonymousAWSCredentials(), new AmazonSSOOIDCConfig { ServiceURL = sso.Endpoint.AbsoluteUri, AuthenticationRegion = sso.Region, MaxErrorRetry = 0 });

    private static GetRoleCredentialsRequest Request(string accessToken, string role = "Deploy") =>
        new() { AccessToken = accessToken, AccountId = Account, RoleName = role };

    [Fact]
    public async Task GetRoleCredentials_with_the_cached_token_returns_the_assigned_roles_credentials()
    {
        await using var sso = await SsoStandIn.StartAsync();
        sso.Behavior.AssignRole(Account, "Deploy");
        var login = sso.Behavior.Login();
        using var portal = Portal(sso);

        var response = await portal.GetRoleCredentialsAsync(Request(login.AccessToken));

        var credentials = response.RoleCredentials;
        Assert.StartsWith("ASIA", credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.NotEmpty(credentials.SessionToken);
        var expiration = DateTimeOffset.FromUnixTimeMilliseconds(credentials.Expiration!.Value);
        Assert.InRange(expiration, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(65));
        var record = sso.Requests.Single();
        Assert.Equal((SsoOperation.GetRoleCredentials, "Deploy", Account, true), (record.Operation, record.RoleName, record.AccountId, record.BearerTokenSent));
        Assert.Equal("/federation/credentials?account_id=111111111111&role_name=Deploy", record.PathAndQuery.Replace("role_name=Deploy&account_id=111111111111", "account_id=111111111111&role_name=Deploy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_wire_answer_has_epoch_milliseconds_under_roleCredentials()
    {
        await using var sso = await SsoStandIn.StartAsync();
        sso.Behavior.AssignRole(Account, "Deploy");
        var login = sso.Behavior.Login();
        using var http = Http.Client();

        var (status, body, response) = await Http.SendAsync(http, HttpMethod.Get, new Uri(sso.Endpoint, "federation/credentials?role_name=Deploy&account_id=" + Account), [new(SsoStandIn.BearerHeader, login.AccessToken)]);

        Assert.Equal(200, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(body);
        var role = json.RootElement.GetProperty("roleCredentials");
        Assert.Equal(["accessKeyId", "secretAccessKey", "sessionToken", "expiration"], role.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, role.GetProperty("expiration").ValueKind);
    }

    [Fact]
    public async Task A_wrong_token_is_the_real_UnauthorizedException()
    {
        await using var sso = await SsoStandIn.StartAsync();
        sso.Behavior.AssignRole(Account, "Deploy");
        using var portal = Portal(sso);

        var error = await Assert.ThrowsAsync<UnauthorizedException>(() => portal.GetRoleCredentialsAsync(Request("not-a-token")));

        Assert.Equal("Session token not found or invalid", error.Message);
        Assert.Equal(401, (int)error.StatusCode);
        Assert.Equal("UnauthorizedException", sso.Requests.Single().ErrorType);
    }

    [Fact]
    public async Task An_expired_or_revoked_token_is_unauthorized_too()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sso = await SsoStandIn.StartAsync(new SsoStandInOptions { Time = time });
        sso.Behavior.AssignRole(Account, "Deploy");
        var expiring = sso.Behavior.Login(lifetime: TimeSpan.FromMinutes(10));
        var revoked = sso.Behavior.Login();
        using var portal = Portal(sso);

        time.Advance(TimeSpan.FromMinutes(11));
        await Assert.ThrowsAsync<UnauthorizedException>(() => portal.GetRoleCredentialsAsync(Request(expiring.AccessToken)));
        sso.Behavior.RevokeAccessTokens();
        await Assert.ThrowsAsync<UnauthorizedException>(() => portal.GetRoleCredentialsAsync(Request(revoked.AccessToken)));
    }

    [Fact]
    public async Task A_role_the_user_is_not_assigned_is_forbidden()
    {
        await using var sso = await SsoStandIn.StartAsync();
        var login = sso.Behavior.Login();
        using var portal = Portal(sso);

        var error = await Assert.ThrowsAnyAsync<AmazonSSOException>(() => portal.GetRoleCredentialsAsync(Request(login.AccessToken, "Admin")));

        Assert.Equal("ForbiddenException", error.ErrorCode);
        Assert.Equal("No access", error.Message);
    }

    [Theory]
    [InlineData(429, "TooManyRequestsException")]
    [InlineData(500, "InternalServerException")]
    public async Task Injected_statuses_carry_the_services_error_type(int status, string type)
    {
        await using var sso = await SsoStandIn.StartAsync();
        sso.Behavior.AssignRole(Account, "Deploy");
        sso.Behavior.InjectFault(EndpointFault.Status(status), operation: SsoOperation.GetRoleCredentials);
        var login = sso.Behavior.Login();
        using var portal = Portal(sso);

        var error = await Assert.ThrowsAnyAsync<AmazonSSOException>(() => portal.GetRoleCredentialsAsync(Request(login.AccessToken)));
        var retried = await portal.GetRoleCredentialsAsync(Request(login.AccessToken));

        Assert.Equal(type, error.ErrorCode);
        Assert.Equal(status, sso.Requests[0].StatusCode);
        Assert.NotNull(retried.RoleCredentials);
    }

    [Fact]
    public async Task A_refresh_token_renews_the_session_once()
    {
        await using var sso = await SsoStandIn.StartAsync();
        sso.Behavior.AssignRole(Account, "Deploy");
        var login = sso.Behavior.Login("my-sso");
        using var oidc = Oidc(sso);
        using var portal = Portal(sso);
        var refresh = new CreateTokenRequest { GrantType = "refresh_token", ClientId = login.ClientId, ClientSecret = login.ClientSecret, RefreshToken = login.RefreshToken };

        var renewed = await oidc.CreateTokenAsync(refresh);
        var reused = await Assert.ThrowsAsync<InvalidGrantException>(() => oidc.CreateTokenAsync(refresh));
        var credentials = await portal.GetRoleCredentialsAsync(Request(renewed.AccessToken));

        Assert.Equal("Bearer", renewed.TokenType);
        Assert.Equal(28800, renewed.ExpiresIn);
        Assert.NotEqual(login.RefreshToken, renewed.RefreshToken);
        Assert.Equal(("invalid_grant", "Invalid refresh token provided"), (reused.Error, reused.Error_description));
        Assert.NotNull(credentials.RoleCredentials);
        Assert.Equal("refresh_token", sso.Requests[0].GrantType);
    }

    [Fact]
    public async Task A_refresh_with_the_wrong_client_is_InvalidClientException()
    {
        await using var sso = await SsoStandIn.StartAsync();
        var login = sso.Behavior.Login("my-sso");
        using var oidc = Oidc(sso);

        await Assert.ThrowsAsync<InvalidClientException>(() => oidc.CreateTokenAsync(
            new CreateTokenRequest { GrantType = "refresh_token", ClientId = login.ClientId, ClientSecret = "wrong", RefreshToken = login.RefreshToken }));
    }

    [Fact]
    public async Task Role_credentials_issued_through_the_sts_emulator_are_the_permission_sets_role()
    {
        await using var sts = await StsEmulator.StartAsync();
        await using var sso = await SsoStandIn.StartAsync();
        sso.Behavior.AssignRole(Account, "Deploy", sts.Behavior.IssuerFor(SsoBehavior.RoleArn(Account, "Deploy"), "octocat"));
        var login = sso.Behavior.Login();
        using var portal = Portal(sso);
        var credentials = (await portal.GetRoleCredentialsAsync(Request(login.AccessToken))).RoleCredentials;
        using var client = StsClients.Signed(sts, credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);

        var identity = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Deploy_0123456789abcdef/octocat", identity.Arn);
    }

    [Fact]
    public void The_cache_file_is_named_after_the_sha1_of_the_session_name_or_the_start_url()
    {
        // Values computed by botocore's own SSOTokenLoader (the AWS CLI's cache key) for the same inputs.
        Assert.Equal("0ad374308c5a4e22f723adf10145eafad7c4031c.json", SsoTokenCache.FileName("my-sso"));
        Assert.Equal("c7aaaf71fcc8777ae2475525ed049d39fe16c484.json", SsoTokenCache.FileName("https://my-sso-portal.awsapps.com/start"));
    }

    [Fact]
    public void A_legacy_login_is_written_with_the_four_fields_in_the_clis_order_and_spacing()
    {
        var token = new SsoCachedToken("https://d-0123456789.awsapps.com/start", "us-east-1", "aoaEXAMPLE", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), SessionName: null);

        Assert.Equal(
            """{"startUrl": "https://d-0123456789.awsapps.com/start", "region": "us-east-1", "accessToken": "aoaEXAMPLE", "expiresAt": "2030-01-02T03:04:05Z"}""",
            SsoTokenCache.Serialize(token));
        Assert.EndsWith("T03:04:05UTC\"}", SsoTokenCache.Serialize(token, SsoTimestampStyle.UtcSuffix), StringComparison.Ordinal);
        Assert.EndsWith("T03:04:05+00:00\"}", SsoTokenCache.Serialize(token, SsoTimestampStyle.Offset), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_login_writes_the_refresh_fields_to_a_private_file_under_home()
    {
        await using var sso = await SsoStandIn.StartAsync();
        var home = Directory.CreateTempSubdirectory("cac-home-").FullName;
        try
        {
            var login = sso.Behavior.Login("my-sso");

            var path = SsoTokenCache.Write(home, login);

            Assert.Equal(Path.Combine(home, ".aws", "sso", "cache", SsoTokenCache.FileName("my-sso")), path);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            Assert.Equal(
                ["startUrl", "region", "accessToken", "expiresAt", "receivedAt", "clientId", "clientSecret", "registrationExpiresAt", "refreshToken"],
                json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(login.RefreshToken, json.RootElement.GetProperty("refreshToken").GetString());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
