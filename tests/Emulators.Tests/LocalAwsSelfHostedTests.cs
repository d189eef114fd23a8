using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Amazon.SSO;
using Amazon.SSO.Model;
using Cac.Emulators.Runner;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

/// <summary>LocalAws with a self-hosted runner's surroundings: the variables a run gets reach working stand-ins.</summary>
public sealed class LocalAwsSelfHostedTests
{
    [Fact]
    public async Task Without_stand_ins_a_self_hosted_run_never_probes_instance_metadata()
    {
        await using var aws = await LocalAws.StartAsync();
        using var process = new ActionProcess("/nonexistent/action");

        var environment = aws.SelfHostedEnvironment(process);

        Assert.Equal("self-hosted", environment["RUNNER_ENVIRONMENT"]);
        Assert.Equal("true", environment["AWS_EC2_METADATA_DISABLED"]);
        Assert.Equal(Path.Combine(process.Home, ".aws", "config"), environment["AWS_CONFIG_FILE"]);
        Assert.False(environment.ContainsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
    }

    [Fact]
    public async Task Instance_and_task_credentials_reached_through_the_variables_can_assume_the_demo_role()
    {
        await using var aws = await LocalAws.StartAsync();
        await aws.StartInstanceMetadataAsync();
        await aws.StartContainerCredentialsAsync();
        using var process = new ActionProcess("/nonexistent/action");
        var environment = aws.SelfHostedEnvironment(process);
        using var http = Http.Client();

        var endpoint = new Uri(environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"]);
        var (_, token, _) = await Http.SendAsync(http, HttpMethod.Put, new Uri(endpoint, "latest/api/token"), [new(InstanceMetadataStandIn.TtlHeader, "300")]);
        var (_, role, _) = await Http.SendAsync(http, HttpMethod.Get, new Uri(endpoint, "latest/meta-data/iam/security-credentials/"), [new(InstanceMetadataStandIn.TokenHeader, token)]);
        var (_, document, _) = await Http.SendAsync(http, HttpMethod.Get, new Uri(endpoint, "latest/meta-data/iam/security-credentials/" + role), [new(InstanceMetadataStandIn.TokenHeader, token)]);
        var (_, task, _) = await Http.SendAsync(http, HttpMethod.Get, new Uri(environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"]), [new("Authorization", environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"])]);

        Assert.Equal("false", environment["AWS_EC2_METADATA_DISABLED"]);
        foreach (var json in new[] { document, task })
        {
            using var parsed = JsonDocument.Parse(json);
            var root = parsed.RootElement;
            using var sts = StsClients.Signed(aws.Sts, root.GetProperty("AccessKeyId").GetString()!, root.GetProperty("SecretAccessKey").GetString()!, root.GetProperty("Token").GetString());
            var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = LocalAws.DemoRoleArn, RoleSessionName = "chained" });
            Assert.NotNull(assumed.Credentials);
        }
    }

    [Fact]
    public async Task An_sso_profile_from_the_fixture_and_a_cached_login_give_role_credentials_sts_accepts()
    {
        await using var aws = await LocalAws.StartAsync();
        var sso = await aws.StartSsoAsync();
        aws.AssignSsoRole("111111111111", "Deploy");
        using var process = new ActionProcess("/nonexistent/action");
        var home = LocalAws.ConfigHome(process).Write(AwsCliFixture.Load("sso"));
        var cached = home.WriteSsoToken(sso.Behavior.Login("my-sso"));
        var environment = aws.SelfHostedEnvironment(process);

        using var cache = JsonDocument.Parse(await File.ReadAllTextAsync(cached));
        using var portal = new AmazonSSOClient(new AnonymousAWSCredentials(), new AmazonSSOConfig { ServiceURL = environment["AWS_ENDPOINT_URL_SSO"], AuthenticationRegion = "us-east-1" });
        var credentials = (await portal.GetRoleCredentialsAsync(new GetRoleCredentialsRequest
        {
            AccessToken = cache.RootElement.GetProperty("accessToken").GetString(),
            AccountId = "111111111111",
            RoleName = "Deploy",
        })).RoleCredentials;
        using var sts = StsClients.Signed(aws.Sts, credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(Path.Combine(process.Home, ".aws", "sso", "cache", SsoTokenCache.FileName("my-sso")), cached);
        Assert.EndsWith(":assumed-role/AWSReservedSSO_Deploy_0123456789abcdef/octocat", identity.Arn, StringComparison.Ordinal);
    }
}
