using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cac.Emulators;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests;

/// <summary>The scenarios of upstream's own test suite that concern the credential flow, with the fixes of docs/differences.md.</summary>
public sealed class UpstreamScenarioTests
{
    [Fact]
    public async Task Keys_with_a_token_file_and_a_role_validate_the_keys_then_assume_with_the_token()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        const string RoleArn = "arn:aws:iam::111111111111:role/eks-runner";
        scenario.Sts.Behavior.RegisterRole(new StsRole(RoleArn) { WebIdentity = new WebIdentityTrust { AcceptUnverifiedTokens = true } });
        File.WriteAllText(Path.Combine(scenario.Process.Workspace, "token"), "file-token");
        scenario.WithAccessKeys()
            .Input("aws-region", "us-east-1").Input("role-to-assume", RoleArn).Input("web-identity-token-file", "token");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(["GetCallerIdentity", "AssumeRoleWithWebIdentity"], scenario.StsActions);
        Assert.Equal("file-token", scenario.Sts.Requests[1].Parameter("WebIdentityToken"));
    }

    [Fact]
    public async Task Role_chaining_with_a_token_file_validates_the_job_credentials_then_assumes_with_the_token()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        const string RoleArn = "arn:aws:iam::111111111111:role/eks-runner";
        scenario.Sts.Behavior.RegisterRole(new StsRole(RoleArn) { WebIdentity = new WebIdentityTrust { AcceptUnverifiedTokens = true } });
        File.WriteAllText(Path.Combine(scenario.Process.Workspace, "token"), "file-token");
        scenario.WithJobCredentials();
        scenario.Input("aws-region", "us-east-1").Input("role-to-assume", RoleArn).Input("web-identity-token-file", "token").Input("role-chaining", "true");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(["GetCallerIdentity", "AssumeRoleWithWebIdentity"], scenario.StsActions);
        Assert.Equal("role-chaining", result.FinalOutputs["credential-source"]);
    }

    [Fact]
    public async Task Force_skip_oidc_only_disables_oidc_so_ambient_credentials_still_assume_the_role()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: true);
        scenario.WithJobCredentials();
        scenario.Input("aws-region", "us-east-1").Input("role-to-assume", LocalAws.DemoRoleArn).Input("force-skip-oidc", "true");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Empty(scenario.Oidc.Requests);
        Assert.Equal(["GetCallerIdentity", "AssumeRole"], scenario.StsActions);
        Assert.Equal("ambient", result.FinalOutputs["credential-source"]);
    }

    [Fact]
    public async Task Packed_policy_too_large_drops_the_droppable_tags_and_tries_once_more()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithAccessKeys()
            .Input("aws-region", "us-east-1").Input("role-to-assume", LocalAws.DemoRoleArn)
            .Input("transitive-tag-keys", "Repository\nEventName");
        scenario.Environment["GITHUB_HEAD_REF"] = new string('h', 200);
        scenario.Environment["GITHUB_BASE_REF"] = new string('b', 200);
        scenario.Sts.Behavior.PackedSizeBudget = 600;

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(["GetCallerIdentity", "AssumeRole", "AssumeRole"], scenario.StsActions);
        Assert.Equal("PackedPolicyTooLarge", scenario.Sts.Requests[1].ErrorCode);
        var retried = scenario.Sts.Requests[2];
        var keys = retried.Tags.Select(tag => tag.Key).ToList();
        Assert.Contains("GitHub", keys);
        Assert.Contains("Repository", keys);
        Assert.DoesNotContain("HeadRef", keys);
        Assert.DoesNotContain("EventName", keys);
        Assert.Equal(["Repository"], retried.TransitiveTagKeys);
        Assert.Contains("Session tag size is too large; dropping droppable tags and retrying.", result.Lines);
    }

    [Fact]
    public async Task Keys_without_a_session_token_clear_a_stale_one_from_an_earlier_step()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Environment["AWS_SESSION_TOKEN"] = "stale-token-from-an-earlier-step";
        scenario.WithAccessKeys()
            .Input("aws-region", "us-east-1");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(string.Empty, result.FinalExports["AWS_SESSION_TOKEN"]);
    }

    [Fact]
    public async Task Unset_current_credentials_ignores_the_jobs_keys_and_clears_them()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.WithJobCredentials();
        scenario.Input("aws-region", "us-east-1").Input("unset-current-credentials", "true");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Could not load credentials from any providers", "CAC-E021");
        Assert.Empty(scenario.Sts.Requests);
    }

    [Fact]
    public async Task Mask_aws_account_id_masks_the_account_and_arn_before_the_outputs()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("mask-aws-account-id", "true");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Contains("111111111111", result.Masks);
        Assert.Contains(result.FinalOutputs["authenticated-arn"], result.Masks);
        Assert.DoesNotContain("111111111111", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sts_endpoint_input_wins_over_the_environment()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Environment["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:9/";
        scenario.WithDemoRole()
            .Input("sts-endpoint", scenario.Sts.Endpoint.AbsoluteUri);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Single(scenario.Sts.Requests);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_with_the_network_error_class_after_the_retries()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole()
            .Input("sts-endpoint", "http://127.0.0.1:9/").Input("retry-max-attempts", "2");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Could not assume role with OIDC:", "CAC-E012");
        Assert.Contains("Retry AssumeRole: reached max retries (2); giving up.", result.Lines);
    }

    [Fact]
    public async Task Source_identity_and_external_id_are_sent_with_assume_role()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithAccessKeys()
            .Input("aws-region", "us-east-1").Input("role-to-assume", LocalAws.DemoRoleArn)
            .Input("source-identity", "octocat").Input("role-external-id", "ext-id-1")
            .Input("managed-session-policies", "arn:aws:iam::aws:policy/ReadOnlyAccess\n  \n")
            .Input("inline-session-policy", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        var assume = scenario.Sts.Requests[1];
        Assert.Equal("octocat", assume.Parameter("SourceIdentity"));
        Assert.Equal("ext-id-1", assume.Parameter("ExternalId"));
        Assert.Equal(["arn:aws:iam::aws:policy/ReadOnlyAccess"], assume.PolicyArns);
        Assert.Equal("{\"Version\":\"2012-10-17\",\"Statement\":[]}", assume.Parameter("Policy"));
    }

    [Fact]
    public async Task Calls_go_through_the_proxy_unless_no_proxy_names_the_host()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("retry-max-attempts", "1");
        // Nothing listens on port 9: a call sent to this proxy fails, a bypassed call succeeds.
        scenario.Environment["http_proxy"] = "http://proxy-user:proxy-secret@127.0.0.1:9";

        var proxied = await scenario.RunAsync();
        Expect.FailedWithNothingExported(proxied, "getIDToken call failed", "CAC-E003");
        Assert.Contains("proxy-secret", proxied.Masks);

        scenario.Environment["no_proxy"] = "localhost, 127.0.0.0/8";
        var bypassed = await scenario.RunAsync();
        Expect.Succeeded(bypassed);
    }

    [Fact]
    public async Task Sts_calls_carry_the_workflow_run_in_the_user_agent_and_odd_values_are_left_out_once()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithAccessKeys()
            .Input("aws-region", "us-east-1").Input("role-to-assume", LocalAws.DemoRoleArn);
        scenario.Environment["GITHUB_ACTION"] = "has space";
        scenario.Environment["GITHUB_RUN_ATTEMPT"] = "2";

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.All(scenario.Sts.Requests, request =>
        {
            Assert.Contains("configure-aws-credentials-for-github-actions md/run_id#16412345678 md/attempt#2 exec-env/GitHubActions", request.UserAgent, StringComparison.Ordinal);
            Assert.DoesNotContain("md/action#", request.UserAgent, StringComparison.Ordinal);
        });
        Assert.Single(result.Lines, line => line == "::warning::GITHUB_ACTION has unexpected format; omitting from User-Agent");
    }

    [Fact]
    public async Task Use_existing_credentials_that_sts_rejects_go_on_to_get_new_ones()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Environment["AWS_ACCESS_KEY_ID"] = "AKIAUNKNOWNKEYEXAMPLE";
        scenario.Environment["AWS_SECRET_ACCESS_KEY"] = "unknown-secret-EXAMPLE";
        scenario.WithDemoRole().Input("use-existing-credentials", "true");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Contains("::notice::No valid credentials exist. Running as normal.", result.Lines);
        Assert.Equal(["GetCallerIdentity", "AssumeRoleWithWebIdentity"], scenario.StsActions);
        Assert.Equal("oidc", result.FinalOutputs["credential-source"]);
    }

    [Fact]
    public async Task Ambient_credentials_from_a_service_account_token_file_are_exchanged_and_used_to_chain()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        const string PodRole = "arn:aws:iam::111111111111:role/runner-pod";
        scenario.Sts.Behavior.RegisterRole(new StsRole(PodRole) { WebIdentity = new WebIdentityTrust { AcceptUnverifiedTokens = true } });
        var tokenFile = Path.Combine(scenario.Process.Workspace, "pod-token");
        File.WriteAllText(tokenFile, "projected-service-account-token\n");
        scenario.Environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile;
        scenario.Environment["AWS_ROLE_ARN"] = PodRole;
        scenario.WithDemoRole().Input("role-chaining", "true");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(["AssumeRoleWithWebIdentity", "GetCallerIdentity", "AssumeRole"], scenario.StsActions);
        Assert.Equal("projected-service-account-token", scenario.Sts.Requests[0].Parameter("WebIdentityToken"));
        Assert.Contains("projected-service-account-token", result.Masks);
        Assert.StartsWith("ASIA", scenario.Sts.Requests[2].AccessKeyId, StringComparison.Ordinal);
        Assert.Equal("role-chaining", result.FinalOutputs["credential-source"]);
    }

    [Fact]
    public async Task Ambient_credentials_are_resolved_once_even_when_the_existing_credentials_check_fails()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        const string PodRole = "arn:aws:iam::111111111111:role/runner-pod";
        scenario.Sts.Behavior.RegisterRole(new StsRole(PodRole) { WebIdentity = new WebIdentityTrust { AcceptUnverifiedTokens = true } });
        var tokenFile = Path.Combine(scenario.Process.Workspace, "pod-token");
        File.WriteAllText(tokenFile, "projected-service-account-token");
        scenario.Environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile;
        scenario.Environment["AWS_ROLE_ARN"] = PodRole;
        scenario.WithDemoRole().Input("role-chaining", "true").Input("use-existing-credentials", "true");
        scenario.Sts.Behavior.InjectFault(StsFault.Throttling, count: 1, StsAction.GetCallerIdentity);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Contains("::notice::No valid credentials exist. Running as normal.", result.Lines);
        Assert.Equal(["AssumeRoleWithWebIdentity", "GetCallerIdentity", "GetCallerIdentity", "AssumeRole"], scenario.StsActions);
    }
}
