using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

/// <summary>The container-credentials stand-in (ECS task role, EKS Pod Identity) over real HTTP.</summary>
public sealed class ContainerCredentialsStandInTests
{
    private static Task<(int Status, string Body, HttpResponseMessage Response)> GetAsync(ContainerCredentialsStandIn container, HttpClient http, string? authorization) =>
        Http.SendAsync(http, HttpMethod.Get, container.FullUri, authorization is null ? [] : [new("Authorization", authorization)]);

    [Fact]
    public async Task Eks_pod_identity_answers_the_document_with_the_account_id()
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync();
        using var http = Http.Client();

        var (status, body, response) = await GetAsync(container, http, container.AuthorizationToken);

        Assert.Equal(200, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["AccessKeyId", "SecretAccessKey", "Token", "AccountId", "Expiration"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("111111111111", json.RootElement.GetProperty("AccountId").GetString());
        Assert.Equal(container.Behavior.CurrentCredentials.SessionToken, json.RootElement.GetProperty("Token").GetString());
        Assert.Equal("/v1/credentials", container.Path);
        Assert.True(container.Requests.Single().Authorized);
    }

    [Fact]
    public async Task Ecs_answers_the_document_with_the_role_arn_at_a_per_task_path()
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync(new ContainerCredentialsOptions { Flavor = ContainerCredentialsFlavor.Ecs, AuthorizationToken = string.Empty });
        using var http = Http.Client();

        var (status, body, _) = await GetAsync(container, http, authorization: null);

        Assert.Equal(200, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("arn:aws:iam::111111111111:role/runner-task", json.RootElement.GetProperty("RoleArn").GetString());
        Assert.StartsWith("/v2/credentials/", container.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS_CONTAINER_AUTHORIZATION_TOKEN", container.Environment().Keys);
    }

    [Fact]
    public async Task A_missing_token_gets_401_and_a_wrong_one_403_both_with_code_and_message()
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync();
        using var http = Http.Client();

        var (missing, missingBody, _) = await GetAsync(container, http, authorization: null);
        var (wrong, wrongBody, _) = await GetAsync(container, http, "Bearer " + container.AuthorizationToken);

        Assert.Equal((401, 403), (missing, wrong));
        using var json = JsonDocument.Parse(wrongBody);
        Assert.Equal("AccessDenied", json.RootElement.GetProperty("Code").GetString());
        Assert.Contains("Message", missingBody, StringComparison.Ordinal);
        Assert.Equal("Bearer " + container.AuthorizationToken, container.Requests[1].Authorization);
    }

    [Fact]
    public async Task Another_path_gets_404()
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync();
        using var http = Http.Client();

        var (status, _, _) = await Http.SendAsync(http, HttpMethod.Get, new Uri(container.FullUri, "/v1/other"), [new("Authorization", container.AuthorizationToken)]);

        Assert.Equal(404, status);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task An_injected_status_is_answered_with_the_agents_error_shape(int statusCode)
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync();
        container.Behavior.InjectFault(EndpointFault.Status(statusCode));
        using var http = Http.Client();

        var (status, body, _) = await GetAsync(container, http, container.AuthorizationToken);
        var (next, _, _) = await GetAsync(container, http, container.AuthorizationToken);

        Assert.Equal((statusCode, 200), (status, next));
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.TryGetProperty("Code", out _));
        Assert.Equal(statusCode, container.Requests[0].StatusCode);
    }

    [Fact]
    public async Task An_oversized_answer_is_valid_json_of_the_asked_size()
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync();
        container.Behavior.InjectFault(EndpointFault.OversizedAnswer(1_000_000));
        using var http = Http.Client();

        var (_, body, response) = await GetAsync(container, http, container.AuthorizationToken);

        Assert.Equal(1_000_000, response.Content.Headers.ContentLength);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(container.Behavior.CurrentCredentials.AccessKeyId, json.RootElement.GetProperty("AccessKeyId").GetString());
    }

    [Fact]
    public async Task Malformed_and_hostile_bodies_come_back_as_given()
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync();
        container.Behavior.InjectFault(EndpointFault.Truncated);
        container.Behavior.InjectFault(EndpointFault.Answer(200, """{"AccessKeyId":"::add-mask::x","SecretAccessKey":"s"}"""));
        using var http = Http.Client();

        var (_, truncated, _) = await GetAsync(container, http, container.AuthorizationToken);
        var (_, hostile, _) = await GetAsync(container, http, container.AuthorizationToken);

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(truncated));
        Assert.Contains("::add-mask::", hostile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_drips_after_prompt_headers()
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync();
        container.Behavior.InjectFault(EndpointFault.Drip(TimeSpan.FromMilliseconds(200)));
        using var http = Http.Client(TimeSpan.FromMilliseconds(600));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GetAsync(container, http, container.AuthorizationToken));

        Assert.Equal(200, container.Requests.Single().StatusCode);
    }

    [Fact]
    public async Task The_token_file_form_is_what_eks_mounts_links_included()
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync();
        var directory = Directory.CreateTempSubdirectory("cac-eks-").FullName;
        try
        {
            var variables = container.EnvironmentWithTokenFile(directory, throughLinks: true);

            var file = variables["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"];
            Assert.NotNull(new FileInfo(file).LinkTarget);
            Assert.Equal(container.AuthorizationToken, await File.ReadAllTextAsync(file));
            Assert.Equal(container.FullUri.AbsoluteUri, variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"]);
            Assert.StartsWith("http://127.0.0.1:", variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Expired_credentials_are_served_when_the_lifetime_is_negative()
    {
        await using var container = await ContainerCredentialsStandIn.StartAsync(new ContainerCredentialsOptions { CredentialLifetime = TimeSpan.FromHours(-1) });

        Assert.InRange(container.Behavior.CurrentCredentials.Expiration, DateTimeOffset.MinValue, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Task_role_credentials_issued_through_the_sts_emulator_can_chain_into_another_role()
    {
        await using var sts = await StsEmulator.StartAsync();
        const string TaskRole = "arn:aws:iam::111111111111:role/runner-task";
        sts.Behavior.RegisterRole(new StsRole(StsClients.RoleArn) { AllowedCallers = [TaskRole] });
        await using var container = await ContainerCredentialsStandIn.StartAsync(new ContainerCredentialsOptions { Credentials = sts.Behavior.IssuerFor(TaskRole, "pod-1") });
        var served = container.Behavior.CurrentCredentials;
        using var client = StsClients.Signed(sts, served.AccessKeyId, served.SecretAccessKey, served.SessionToken);

        var assumed = await client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "chained" });
        var tooLong = await Assert.ThrowsAnyAsync<Amazon.SecurityToken.AmazonSecurityTokenServiceException>(
            () => client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "chained", DurationSeconds = 7200 }));

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/deploy/chained", assumed.AssumedRoleUser.Arn);
        Assert.Equal("ValidationError", tooLong.ErrorCode);
    }
}
