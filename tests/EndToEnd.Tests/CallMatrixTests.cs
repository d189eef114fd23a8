using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cac.Emulators;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests;

/// <summary>Which STS calls each combination of inputs makes (docs/planning.md's decision table), against the emulator.</summary>
public sealed class CallMatrixTests
{
    private static readonly string[] CredentialVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "aws-access-key-id", "aws-secret-access-key", "aws-session-token"];

    [Fact]
    public async Task Oidc_is_one_token_request_and_one_sts_call_and_exports_the_role_credentials()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("audience", "sts.amazonaws.com");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        var token = Assert.Single(scenario.Oidc.Requests);
        Assert.Equal("sts.amazonaws.com", token.Audience);
        var call = Assert.Single(scenario.Sts.Requests);
        Assert.Equal("AssumeRoleWithWebIdentity", call.Action);
        Assert.Equal(LocalAws.DemoRoleArn, call.Parameter("RoleArn"));
        Assert.Equal("GitHubActions", call.Parameter("RoleSessionName"));
        Assert.Equal("3600", call.Parameter("DurationSeconds"));
        Assert.Empty(call.Tags);
        Assert.Null(call.AccessKeyId);

        Assert.Equal(
            ["AWS_DEFAULT_REGION", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"],
            result.Exports.Select(entry => entry.Key));
        Assert.StartsWith("ASIA", result.FinalExports["AWS_ACCESS_KEY_ID"], StringComparison.Ordinal);
        Assert.Equal("us-east-1", result.FinalExports["AWS_REGION"]);
        Assert.Equal("111111111111", result.FinalOutputs["aws-account-id"]);
        Assert.StartsWith("arn:aws:sts::111111111111:assumed-role/local-demo/GitHubActions", result.FinalOutputs["authenticated-arn"], StringComparison.Ordinal);
        Assert.Equal("oidc", result.FinalOutputs["credential-source"]);
        Assert.Equal("aws", result.FinalOutputs["aws-partition"]);
        Assert.Equal("GitHubActions", result.FinalOutputs["role-session-name"]);
        Assert.EndsWith(":GitHubActions", result.FinalOutputs["assumed-role-id"], StringComparison.Ordinal);
        Assert.DoesNotContain("aws-secret-access-key", result.FinalOutputs.Keys);
        Assert.Contains("Assuming role with OIDC", result.Lines);
        Expect.SecretsMaskedFirst(result, CredentialVariables);
        Assert.Contains(result.Masks, mask => mask.StartsWith("eyJ", StringComparison.Ordinal));
        Assert.Contains("| Credential source | `oidc` |", result.Summary, StringComparison.Ordinal);
        Assert.Contains("exported-variables", result.State.Select(entry => entry.Key));
    }

    [Fact]
    public async Task Oidc_with_output_credentials_sets_masked_credential_outputs_and_a_plain_expiration()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole()
            .Input("output-credentials", "true").Input("output-env-credentials", "false");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Empty(result.Exports);
        Assert.StartsWith("ASIA", result.FinalOutputs["aws-access-key-id"], StringComparison.Ordinal);
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", result.FinalOutputs["aws-expiration"]);
        Assert.DoesNotContain("aws-account-id", result.FinalOutputs.Keys);
        Expect.SecretsMaskedFirst(result, CredentialVariables);
    }

    [Fact]
    public async Task Access_keys_without_a_role_are_validated_and_exported()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithAccessKeys()
            .Input("aws-region", "eu-west-1");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        var call = Assert.Single(scenario.Sts.Requests);
        Assert.Equal("GetCallerIdentity", call.Action);
        Assert.Equal(Scenario.UserAccessKeyId, call.AccessKeyId);
        Assert.Equal(Scenario.UserAccessKeyId, result.FinalExports["AWS_ACCESS_KEY_ID"]);
        Assert.Equal(Scenario.UserSecretAccessKey, result.FinalExports["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal(Scenario.UserArn, result.FinalOutputs["authenticated-arn"]);
        Assert.Equal("access-keys", result.FinalOutputs["credential-source"]);
        Assert.Contains("Proceeding with IAM user credentials", result.Lines);
        Expect.SecretsMaskedFirst(result, CredentialVariables);
    }

    [Fact]
    public async Task Access_keys_with_a_role_sign_assume_role_with_the_keys_and_send_session_tags()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithAccessKeys()
            .Input("aws-region", "us-east-1").Input("role-to-assume", LocalAws.DemoRoleArn)
            .Input("role-duration-seconds", "900").Input("custom-tags", "{\"Team\":\"infra\",\"Cost\":42}")
            .Input("transitive-tag-keys", "Repository\nTeam\nNotSent");
        // Keys in the job's environment must not sign the call (upstream signed with the ambient chain).
        scenario.Environment["AWS_ACCESS_KEY_ID"] = "AKIAAMBIENTKEYEXAMPLE";
        scenario.Environment["AWS_SECRET_ACCESS_KEY"] = "ambient-secret-EXAMPLE";

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(["GetCallerIdentity", "AssumeRole"], scenario.StsActions);
        var assume = scenario.Sts.Requests[1];
        Assert.Equal(Scenario.UserAccessKeyId, assume.AccessKeyId);
        Assert.Equal("900", assume.Parameter("DurationSeconds"));
        var tags = assume.Tags.ToDictionary(tag => tag.Key!, tag => tag.Value);
        Assert.Equal("Actions", tags["GitHub"]);
        Assert.Equal("octo-org/octo-repo", tags["Repository"]);
        Assert.Equal("octocat_bot_", tags["Actor"]);
        Assert.Equal("refs/heads/main", tags["Branch"]);
        Assert.Equal("infra", tags["Team"]);
        Assert.Equal("42", tags["Cost"]);
        Assert.Equal(["Repository", "Team"], assume.TransitiveTagKeys);
        Assert.Equal("access-keys", result.FinalOutputs["credential-source"]);
        Assert.StartsWith("ASIA", result.FinalExports["AWS_ACCESS_KEY_ID"], StringComparison.Ordinal);
        Assert.Contains("Assuming role with user credentials", result.Lines);
        Expect.SecretsMaskedFirst(result, CredentialVariables);
    }

    [Fact]
    public async Task Web_identity_token_file_is_trimmed_and_sent_with_assume_role_with_web_identity()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        const string RoleArn = "arn:aws:iam::111111111111:role/eks-runner";
        scenario.Sts.Behavior.RegisterRole(new StsRole(RoleArn) { WebIdentity = new WebIdentityTrust { AcceptUnverifiedTokens = true } });
        File.WriteAllText(Path.Combine(scenario.Process.Workspace, "token.jwt"), "opaque-kubernetes-token\n");
        scenario.Input("role-to-assume", RoleArn).Input("aws-region", "us-east-1").Input("web-identity-token-file", "token.jwt");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        var call = Assert.Single(scenario.Sts.Requests);
        Assert.Equal("AssumeRoleWithWebIdentity", call.Action);
        Assert.Equal("opaque-kubernetes-token", call.Parameter("WebIdentityToken"));
        Assert.Contains("opaque-kubernetes-token", result.Masks);
        Assert.Equal("web-identity-token-file", result.FinalOutputs["credential-source"]);
    }

    [Fact]
    public async Task Web_identity_token_file_that_is_a_symbolic_link_is_refused()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        var target = Path.Combine(scenario.Process.Home, "secret.txt");
        File.WriteAllText(target, "not-a-token");
        File.CreateSymbolicLink(Path.Combine(scenario.Process.Workspace, "token.jwt"), target);
        scenario.WithDemoRole().Input("web-identity-token-file", "token.jwt");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "(path is a symbolic link)", "CAC-E020");
        Assert.Empty(scenario.Sts.Requests);
    }

    [Fact]
    public async Task Role_chaining_assumes_the_role_with_the_jobs_current_credentials()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithJobCredentials();
        scenario.WithDemoRole().Input("role-chaining", "true");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(["GetCallerIdentity", "AssumeRole"], scenario.StsActions);
        Assert.All(scenario.Sts.Requests, request => Assert.Equal(Scenario.UserAccessKeyId, request.AccessKeyId));
        Assert.Empty(scenario.Oidc.Requests);
        Assert.Equal("role-chaining", result.FinalOutputs["credential-source"]);
    }

    [Fact]
    public async Task Role_name_becomes_an_arn_in_the_source_account_and_partition()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithAccessKeys()
            .Input("aws-region", "us-east-1").Input("role-to-assume", "local-demo").Input("role-skip-session-tagging", "true");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        var assume = scenario.Sts.Requests[1];
        Assert.Equal(LocalAws.DemoRoleArn, assume.Parameter("RoleArn"));
        Assert.Empty(assume.Tags);
    }

    [Fact]
    public async Task Ambient_credentials_without_a_role_are_validated_and_not_exported()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.WithJobCredentials();
        scenario.Input("aws-region", "us-east-1");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        var call = Assert.Single(scenario.Sts.Requests);
        Assert.Equal("GetCallerIdentity", call.Action);
        Assert.Equal(["AWS_DEFAULT_REGION", "AWS_REGION"], result.Exports.Select(entry => entry.Key));
        Assert.Equal("111111111111", result.FinalOutputs["aws-account-id"]);
        Assert.Equal("ambient", result.FinalOutputs["credential-source"]);
    }

    [Fact]
    public async Task Ambient_profile_credentials_are_found_in_the_shared_credentials_file()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        var awsDirectory = Directory.CreateDirectory(Path.Combine(scenario.Process.Home, ".aws"));
        File.WriteAllText(Path.Combine(awsDirectory.FullName, "credentials"),
            "# a comment\n[ci]\naws_access_key_id = " + Scenario.UserAccessKeyId + "\naws_secret_access_key = " + Scenario.UserSecretAccessKey + "\n");
        scenario.Environment["AWS_PROFILE"] = "ci";
        scenario.Input("aws-region", "us-east-1").Input("role-to-assume", LocalAws.DemoRoleArn);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(["GetCallerIdentity", "AssumeRole"], scenario.StsActions);
        Assert.Equal(Scenario.UserAccessKeyId, scenario.Sts.Requests[1].AccessKeyId);
        Assert.Contains(result.Lines, line => line.StartsWith("It looks like you might be trying to authenticate with OIDC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Use_existing_credentials_stops_when_the_jobs_credentials_are_valid()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithJobCredentials();
        scenario.Input("aws-region", "us-east-1").Input("role-to-assume", LocalAws.DemoRoleArn).Input("use-existing-credentials", "true");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(["GetCallerIdentity"], scenario.StsActions);
        Assert.Empty(scenario.Oidc.Requests);
        Assert.Contains("::notice::Pre-existing credentials are valid. No need to generate new ones.", result.Lines);
        Assert.Equal(["AWS_DEFAULT_REGION", "AWS_REGION"], result.Exports.Select(entry => entry.Key));
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_calls_nothing()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Input("role-to-assume", "arn:aws-us-gov:iam::111111111111:role/deploy").Input("aws-region", "us-gov-west-1")
            .Input("dry-run", "true").Input("http-proxy", "http://user:hunter2@proxy.example:3128");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Empty(scenario.Sts.Requests);
        Assert.Empty(scenario.Oidc.Requests);
        Assert.Empty(result.Exports);
        Assert.Empty(result.Outputs);
        Assert.Contains("Credential source: oidc", result.Lines);
        Assert.Contains("Region: us-gov-west-1 (partition aws-us-gov)", result.Lines);
        Assert.Contains("hunter2", result.Masks);
        Assert.DoesNotContain("hunter2", string.Join("\n", result.Lines.Where(line => !line.StartsWith("::add-mask::", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allowed_account_ids_are_checked_before_anything_is_exported()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole()
            .Input("allowed-account-ids", "222222222222, 333333333333").Input("mask-aws-account-id", "true");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "does not match any of the expected account IDs: 222222222222, 333333333333", "CAC-E015");
        Assert.Contains("111111111111", result.Masks);
    }

    [Fact]
    public async Task Post_step_clears_exactly_what_the_main_step_exported()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole();
        var main = await scenario.RunAsync();
        Expect.Succeeded(main);
        var post = await scenario.RunPostAsync(main);

        Expect.Succeeded(post);
        Assert.Equal(main.Exports.Select(entry => entry.Key), post.Exports.Select(entry => entry.Key));
        Assert.All(post.Exports, entry => Assert.Equal(string.Empty, entry.Value));
    }

    [Fact]
    public async Task Without_a_job_summary_file_the_run_still_succeeds_and_writes_everything_else()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole();
        scenario.Environment.Remove("GITHUB_STEP_SUMMARY");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(5, result.Exports.Count);
        Assert.Equal(string.Empty, result.Summary);
    }

    [Fact]
    public async Task Post_step_restores_the_values_from_before_the_main_step_and_masks_restored_secrets()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Environment["AWS_REGION"] = "eu-west-1";
        scenario.Environment["AWS_ACCESS_KEY_ID"] = Scenario.UserAccessKeyId;
        scenario.WithDemoRole().Input("force-skip-oidc", "false");
        var main = await scenario.RunAsync();
        Expect.Succeeded(main);
        var post = await scenario.RunPostAsync(main);

        Expect.Succeeded(post);
        Assert.Equal("eu-west-1", post.FinalExports["AWS_REGION"]);
        Assert.Equal(Scenario.UserAccessKeyId, post.FinalExports["AWS_ACCESS_KEY_ID"]);
        Assert.Contains(Scenario.UserAccessKeyId, post.Masks);
        Assert.Equal(string.Empty, post.FinalExports["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal(string.Empty, post.FinalExports["AWS_DEFAULT_REGION"]);
    }

    [Fact]
    public async Task Post_step_does_nothing_when_cleanup_is_off()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("cleanup", "false");
        var main = await scenario.RunAsync();
        Expect.Succeeded(main);
        Assert.Empty(main.State);

        var post = await scenario.RunPostAsync(main);

        Expect.Succeeded(post);
        Assert.Empty(post.Exports);
    }
}
