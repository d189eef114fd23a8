using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

public sealed class StsHappyPathTests
{
    [Fact]
    public async Task AssumeRole_signed_with_a_registered_key_returns_credentials_the_sdk_parses()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        using var client = StsClients.AsUser(sts);

        var before = DateTime.UtcNow;
        var response = await client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci-run", DurationSeconds = 900 });

        Assert.Matches(new Regex("^ASIA[A-Z2-7]{16}$"), response.Credentials.AccessKeyId);
        Assert.Equal(40, response.Credentials.SecretAccessKey.Length);
        Assert.InRange(response.Credentials.SessionToken.Length, 101, int.MaxValue);
        var expiration = response.Credentials.Expiration!.Value.ToUniversalTime();
        Assert.InRange(expiration, before.AddSeconds(898), DateTime.UtcNow.AddSeconds(901));
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/deploy/ci-run", response.AssumedRoleUser.Arn);
        Assert.Matches(new Regex("^AROA[A-Z2-7]{17}:ci-run$"), response.AssumedRoleUser.AssumedRoleId);
        Assert.Null(response.PackedPolicySize);
        Assert.False(string.IsNullOrEmpty(response.ResponseMetadata.RequestId));
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_accepts_a_token_from_the_linked_stand_in()
    {
        await using var linked = await Linked.StartAsync();
        Roles.RegisterDeployRole(linked.Sts);
        using var client = StsClients.Anonymous(linked.Sts);

        var response = await client.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = StsClients.RoleArn,
            RoleSessionName = "GitHubActions",
            WebIdentityToken = linked.Oidc.IssueToken("sts.amazonaws.com"),
        });

        Assert.StartsWith("ASIA", response.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal("repo:octo-org/octo-repo:ref:refs/heads/main", response.SubjectFromWebIdentityToken);
        Assert.Equal("sts.amazonaws.com", response.Audience);
        Assert.Equal("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com", response.Provider);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/deploy/GitHubActions", response.AssumedRoleUser.Arn);
        Assert.Null(linked.Sts.Requests[0].AccessKeyId);
    }

    [Fact]
    public async Task GetCallerIdentity_names_the_registered_user()
    {
        await using var sts = await StsEmulator.StartAsync();
        using var client = StsClients.AsUser(sts);

        var identity = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(StsClients.UserArn, identity.Arn);
        Assert.Equal("111111111111", identity.Account);
        Assert.StartsWith("AIDA", identity.UserId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCallerIdentity_signed_with_issued_session_credentials_names_the_assumed_role()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        using var user = StsClients.AsUser(sts);
        var assumed = await user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci-run" });

        using var session = StsClients.Signed(sts, assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken);
        var identity = await session.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(assumed.AssumedRoleUser.Arn, identity.Arn);
        Assert.Equal(assumed.AssumedRoleUser.AssumedRoleId, identity.UserId);
        Assert.Equal("111111111111", identity.Account);
        Assert.True(sts.Requests[^1].HasSessionToken);
        Assert.Equal(assumed.Credentials.AccessKeyId, sts.Requests[^1].AccessKeyId);
    }

    [Fact]
    public async Task Role_chaining_works_when_the_target_trusts_the_first_role_and_caps_the_duration_at_one_hour()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        const string TargetArn = "arn:aws:iam::222222222222:role/path/target";
        sts.Behavior.RegisterRole(new StsRole(TargetArn) { AllowedCallers = [StsClients.RoleArn], MaxSessionDuration = TimeSpan.FromHours(4) });
        using var user = StsClients.AsUser(sts);
        var first = await user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "first" });
        using var chained = StsClients.Signed(sts, first.Credentials.AccessKeyId, first.Credentials.SecretAccessKey, first.Credentials.SessionToken);

        var second = await chained.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = TargetArn, RoleSessionName = "second" });
        var tooLong = await Assert.ThrowsAnyAsync<Amazon.SecurityToken.AmazonSecurityTokenServiceException>(
            () => chained.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = TargetArn, RoleSessionName = "second", DurationSeconds = 7200 }));
        var directUser = await Assert.ThrowsAnyAsync<Amazon.SecurityToken.AmazonSecurityTokenServiceException>(
            () => user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = TargetArn, RoleSessionName = "direct" }));

        Assert.Equal("arn:aws:sts::222222222222:assumed-role/target/second", second.AssumedRoleUser.Arn);
        Assert.Equal("ValidationError", tooLong.ErrorCode);
        Assert.Equal("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", tooLong.Message);
        Assert.Equal("AccessDenied", directUser.ErrorCode);
    }

    [Fact]
    public async Task AssumeRole_with_tags_and_policy_reports_packed_size_and_echoes_source_identity()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        using var client = StsClients.AsUser(sts);

        var response = await client.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = StsClients.RoleArn,
            RoleSessionName = "tagged",
            SourceIdentity = "octocat",
            Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""",
            Tags = [new Tag { Key = "Repository", Value = "octo-org/octo-repo" }],
        });

        Assert.InRange(response.PackedPolicySize!.Value, 1, 100);
        Assert.Equal("octocat", response.SourceIdentity);
    }
}
