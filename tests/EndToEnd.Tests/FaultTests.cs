using System;
using System.Threading.Tasks;
using Cac.Emulators;

namespace Cac.EndToEnd.Tests;

/// <summary>Transient failures are retried with backoff; everything else fails at once.</summary>
public sealed class FaultTests
{
    private static async Task<Scenario> OidcScenarioAsync()
    {
        var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input("audience", "sts.amazonaws.com");
        return scenario;
    }

    [Theory]
    [InlineData("throttling")]
    [InlineData("503")]
    [InlineData("500")]
    [InlineData("drop")]
    [InlineData("idp")]
    public async Task A_transient_sts_failure_is_retried_until_it_succeeds(string fault)
    {
        await using var scenario = await OidcScenarioAsync();
        var injected = fault switch
        {
            "throttling" => StsFault.Throttling,
            "503" => StsFault.ServiceUnavailable,
            "500" => StsFault.InternalFailure,
            "idp" => StsFault.IdpCommunicationError,
            _ => StsFault.DropConnection,
        };
        scenario.Sts.Behavior.InjectFault(injected, count: 2);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(3, scenario.Sts.Requests.Count);
        Assert.Contains(result.Lines, line => line.StartsWith("Retry AssumeRole: attempt 1 of 12 failed:", StringComparison.Ordinal));
        Assert.Contains(result.Lines, line => line.StartsWith("Retry AssumeRole: attempt 2 of 12 failed:", StringComparison.Ordinal));
        Assert.StartsWith("ASIA", result.FinalExports["AWS_ACCESS_KEY_ID"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_stop_at_retry_max_attempts_with_no_sleep_after_the_last()
    {
        await using var scenario = await OidcScenarioAsync();
        scenario.Input("retry-max-attempts", "3");
        scenario.Sts.Behavior.InjectFault(StsFault.Throttling, count: 10);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Could not assume role with OIDC: Rate exceeded", "CAC-E011");
        Assert.Equal(3, scenario.Sts.Requests.Count);
        Assert.Contains("Retry AssumeRole: reached max retries (3); giving up.", result.Lines);
    }

    [Fact]
    public async Task Disable_retry_makes_one_attempt()
    {
        await using var scenario = await OidcScenarioAsync();
        scenario.Input("disable-retry", "true");
        scenario.Sts.Behavior.InjectFault(StsFault.ServiceUnavailable, count: 1);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Could not assume role with OIDC:", "CAC-E012");
        Assert.Single(scenario.Sts.Requests);
    }

    [Fact]
    public async Task A_trust_policy_mismatch_fails_at_once_and_prints_the_token_claims_and_a_matching_condition()
    {
        await using var scenario = await OidcScenarioAsync();
        const string RoleArn = "arn:aws:iam::111111111111:role/prod-only";
        scenario.Sts.Behavior.RegisterRole(new StsRole(RoleArn)
        {
            WebIdentity = new WebIdentityTrust { SubjectPatterns = ["repo:octo-org/octo-repo:environment:prod"] },
        });
        scenario.Input("role-to-assume", RoleArn);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity", "CAC-E004");
        Assert.Single(scenario.Sts.Requests);
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("Retry ", StringComparison.Ordinal));
        Assert.Contains("  sub: repo:octo-org/octo-repo:ref:refs/heads/main", result.Lines);
        Assert.Contains(result.Lines, line => line.Contains("\"token.actions.githubusercontent.com:sub\": \"repo:octo-org/octo-repo:ref:refs/heads/main\"", StringComparison.Ordinal));
        var jwt = Assert.Single(result.Masks, mask => mask.StartsWith("eyJ", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, line => line.Contains(jwt, StringComparison.Ordinal) && !line.StartsWith("::add-mask::", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_audience_is_explained()
    {
        await using var scenario = await OidcScenarioAsync();
        scenario.Input("audience", "api://wrong");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Could not assume role with OIDC:", "CAC-E005");
        Assert.Single(scenario.Sts.Requests);
    }

    [Fact]
    public async Task The_github_token_service_is_retried_on_5xx()
    {
        await using var scenario = await OidcScenarioAsync();
        scenario.Oidc.Behavior.InjectFault(OidcFault.ServiceUnavailable, count: 2);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(3, scenario.Oidc.Requests.Count);
        Assert.Single(scenario.Sts.Requests);
        Assert.Contains(result.Lines, line => line.StartsWith("Retry getIDToken: attempt 1 of 12 failed:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_github_token_request_fails_without_retry()
    {
        await using var scenario = await OidcScenarioAsync();
        scenario.Environment["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "not-the-request-token";

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "getIDToken call failed: Error message: Failed to get ID Token.", "CAC-E003");
        Assert.Single(scenario.Oidc.Requests);
        Assert.Empty(scenario.Sts.Requests);
    }

    [Fact]
    public async Task A_missing_id_token_permission_fails_at_once_without_a_request_and_names_the_fix()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.WithDemoRole();

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set", "CAC-E002");
        Assert.Contains("permissions: id-token: write", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Dependabot", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(scenario.Sts.Requests);
        Assert.Empty(scenario.Oidc.Requests);
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("Retry ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Action_timeout_ends_a_hanging_run_with_one_error()
    {
        await using var scenario = await OidcScenarioAsync();
        scenario.Input("action-timeout-s", "1");
        scenario.Sts.Behavior.InjectFault(StsFault.Delayed(TimeSpan.FromSeconds(8)), count: 5);

        var result = await scenario.RunAsync();

        // One error, from the deadline: the delayed answer would have come after 8 s and succeeded. That the
        // run stops at the deadline itself, whatever it waits on, MainStepDeadlineTests shows with a fake clock.
        Expect.FailedWithNothingExported(result, "Action timed out after 1 seconds", "CAC-E019");
    }

    [Fact]
    public async Task An_answer_without_credentials_is_an_error()
    {
        await using var scenario = await OidcScenarioAsync();
        scenario.Sts.Behavior.OmitCredentialsInNext(1);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "returned no credentials", "CAC-E017");
    }

    [Fact]
    public async Task Special_characters_workaround_asks_again_until_the_keys_are_plain()
    {
        await using var scenario = await OidcScenarioAsync();
        scenario.Input("special-characters-workaround", "true");
        scenario.Sts.Behavior.IssueSecretsWithSpecialCharactersForNext(2);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Equal(3, scenario.Sts.Requests.Count);
        Assert.DoesNotMatch("[!@#$%^&*()_+=\\[\\]{};':\"\\\\|,.<>/?-]", result.FinalExports["AWS_SECRET_ACCESS_KEY"]);
    }
}
