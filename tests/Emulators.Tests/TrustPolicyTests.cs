using System;
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

public sealed class TrustPolicyTests
{
    private static Task<AssumeRoleWithWebIdentityResponse> AssumeWithTokenAsync(StsEmulator sts, string token)
    {
        using var client = StsClients.Anonymous(sts);
        return client.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = StsClients.RoleArn,
            RoleSessionName = "GitHubActions",
            WebIdentityToken = token,
        });
    }

    [Fact]
    public async Task A_subject_outside_the_trust_policy_is_denied()
    {
        await using var linked = await Linked.StartAsync();
        Roles.RegisterDeployRole(linked.Sts);
        linked.Oidc.Behavior.Repository = "octo-org/other-repo";

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => AssumeWithTokenAsync(linked.Sts, linked.Oidc.IssueToken("sts.amazonaws.com")));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal("Not authorized to perform sts:AssumeRoleWithWebIdentity", error.Message);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task An_environment_subject_matches_an_environment_pattern_only()
    {
        await using var linked = await Linked.StartAsync();
        Roles.RegisterDeployRole(linked.Sts, role => role with
        {
            WebIdentity = role.WebIdentity! with { SubjectPatterns = ["repo:octo-org/octo-repo:environment:prod*"] },
        });

        await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => AssumeWithTokenAsync(linked.Sts, linked.Oidc.IssueToken("sts.amazonaws.com")));
        linked.Oidc.Behavior.Environment = "production";
        var response = await AssumeWithTokenAsync(linked.Sts, linked.Oidc.IssueToken("sts.amazonaws.com"));

        Assert.Equal("repo:octo-org/octo-repo:environment:production", response.SubjectFromWebIdentityToken);
    }

    [Fact]
    public async Task A_wrong_audience_gives_InvalidIdentityToken()
    {
        await using var linked = await Linked.StartAsync();
        Roles.RegisterDeployRole(linked.Sts);
        linked.Oidc.Behavior.UseWrongAudience = true;

        var error = await Assert.ThrowsAsync<InvalidIdentityTokenException>(() => AssumeWithTokenAsync(linked.Sts, linked.Oidc.IssueToken("sts.amazonaws.com")));

        Assert.Equal("Incorrect token audience", error.Message);
    }

    [Fact]
    public async Task An_expired_token_gives_ExpiredTokenException()
    {
        await using var linked = await Linked.StartAsync();
        Roles.RegisterDeployRole(linked.Sts);
        linked.Oidc.Behavior.IssueTimeOffset = TimeSpan.FromHours(-1);

        var error = await Assert.ThrowsAsync<ExpiredTokenException>(() => AssumeWithTokenAsync(linked.Sts, linked.Oidc.IssueToken("sts.amazonaws.com")));

        Assert.Matches(@"^Token expired: current date/time \d+ must be before the expiration date/time \d+$", error.Message);
    }

    [Fact]
    public async Task A_token_from_an_unlinked_issuer_is_rejected()
    {
        await using var linked = await Linked.StartAsync();
        await using var stranger = await OidcStandIn.StartAsync();
        Roles.RegisterDeployRole(linked.Sts);

        var error = await Assert.ThrowsAsync<InvalidIdentityTokenException>(() => AssumeWithTokenAsync(linked.Sts, stranger.IssueToken("sts.amazonaws.com")));

        Assert.Equal("No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com", error.Message);
    }

    [Fact]
    public async Task A_tampered_token_fails_signature_verification()
    {
        await using var linked = await Linked.StartAsync();
        Roles.RegisterDeployRole(linked.Sts);
        var parts = linked.Oidc.IssueToken("sts.amazonaws.com").Split('.');
        var forgedPayload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            """{"sub":"repo:octo-org/octo-repo:ref:refs/heads/main","aud":"sts.amazonaws.com","iss":"https://token.actions.githubusercontent.com","exp":4102444800}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var error = await Assert.ThrowsAsync<InvalidIdentityTokenException>(() => AssumeWithTokenAsync(linked.Sts, $"{parts[0]}.{forgedPayload}.{parts[2]}"));

        Assert.StartsWith("The web identity token that was passed could not be validated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opaque_token_passes_only_where_the_role_accepts_unverified_tokens()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        const string KubernetesStyleToken = "opaque-service-account-token-from-a-file";

        var rejected = await Assert.ThrowsAsync<InvalidIdentityTokenException>(() => AssumeWithTokenAsync(sts, KubernetesStyleToken));
        Roles.RegisterDeployRole(sts, role => role with { WebIdentity = role.WebIdentity! with { AcceptUnverifiedTokens = true } });
        var accepted = await AssumeWithTokenAsync(sts, KubernetesStyleToken);

        Assert.StartsWith("The ID Token provided is not a valid JWT.", rejected.Message, StringComparison.Ordinal);
        Assert.StartsWith("ASIA", accepted.Credentials.AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_set_to_deny_all_answers_AccessDenied_to_both_assume_actions()
    {
        await using var linked = await Linked.StartAsync();
        Roles.RegisterDeployRole(linked.Sts, role => role with { DenyAll = true });
        using var user = StsClients.AsUser(linked.Sts);

        var web = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => AssumeWithTokenAsync(linked.Sts, linked.Oidc.IssueToken("sts.amazonaws.com")));
        var keyed = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci" }));

        Assert.Equal("AccessDenied", web.ErrorCode);
        Assert.Equal($"User: {StsClients.UserArn} is not authorized to perform: sts:AssumeRole on resource: {StsClients.RoleArn}", keyed.Message);
    }

    [Fact]
    public async Task AssumeRole_by_a_caller_outside_AllowedCallers_or_without_the_external_id_is_denied()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts, role => role with { AllowedCallers = ["arn:aws:iam::111111111111:user/someone-else"] });
        using var user = StsClients.AsUser(sts);

        var notTrusted = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci" }));
        Roles.RegisterDeployRole(sts, role => role with { AllowedCallers = ["arn:aws:iam::111111111111:user/*"], RequiredExternalId = "partner-42" });
        var noExternalId = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci" }));
        var withExternalId = await user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci", ExternalId = "partner-42" });

        Assert.Equal("AccessDenied", notTrusted.ErrorCode);
        Assert.Equal("AccessDenied", noExternalId.ErrorCode);
        Assert.NotNull(withExternalId.Credentials);
    }

    [Fact]
    public async Task An_unregistered_role_is_denied_unless_the_emulator_trusts_unregistered_roles()
    {
        await using var linked = await Linked.StartAsync();

        var denied = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => AssumeWithTokenAsync(linked.Sts, linked.Oidc.IssueToken()));
        linked.Sts.Behavior.TrustUnregisteredRoles = true;
        var allowed = await AssumeWithTokenAsync(linked.Sts, linked.Oidc.IssueToken());

        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Equal("https://github.com/octo-org", allowed.Audience);
    }
}
