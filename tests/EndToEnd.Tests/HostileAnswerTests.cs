using System;
using System.Threading.Tasks;
using Cac.Emulators;

namespace Cac.EndToEnd.Tests;

/// <summary>
/// Hostile or broken endpoints: a redirect is an error naming the endpoint (and nothing reaches the other
/// host), an oversized answer fails at once naming the limit, a DTD in an answer is skipped unread, and
/// action-timeout-s ends a run whose answer never finishes arriving.
/// </summary>
public sealed class HostileAnswerTests
{
    // Key IDs with a '0' cannot look like real ones to a scanner.
    private const string ForgedAnswer =
        "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleWithWebIdentityResult>"
        + "<Credentials><AccessKeyId>ASIA0FORGED0EXAMPLE</AccessKeyId><SecretAccessKey>forged0secret</SecretAccessKey>"
        + "<SessionToken>forged0token</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>"
        + "<AssumedRoleUser><AssumedRoleId>AROA0FORGED:ci</AssumedRoleId><Arn>arn:aws:sts::999999999999:assumed-role/x/ci</Arn></AssumedRoleUser>"
        + "</AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>";

    [Theory]
    [InlineData(307)]
    [InlineData(302)]
    [InlineData(308)]
    public async Task An_sts_redirect_is_an_error_naming_the_endpoint_and_nothing_goes_to_the_other_host(int status)
    {
        await using var scenario = await Scenario.StartOidcAsync();
        await using var elsewhere = await CapturingServer.StartAsync("text/xml", ForgedAnswer);
        scenario.Sts.Behavior.InjectFault(StsFault.RedirectTo(elsewhere.Endpoint, status), count: 5);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, scenario.Sts.Endpoint.AbsoluteUri + " answered " + status + " with a redirect to " + elsewhere.Endpoint.AbsoluteUri, "CAC-E030");
        Assert.Empty(elsewhere.Requests);
        Assert.Single(scenario.Sts.Requests);
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("Retry ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_service_redirect_is_an_error_and_the_request_token_stays_home()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        await using var elsewhere = await CapturingServer.StartAsync("application/json", "{\"value\":\"forged\"}");
        scenario.Oidc.Behavior.InjectFault(OidcFault.RedirectTo(elsewhere.Endpoint), count: 5);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "getIDToken call failed: Error message: Failed to get ID Token: " + scenario.Oidc.Endpoint.AbsoluteUri, "CAC-E030");
        Assert.Empty(elsewhere.Requests);
        Assert.Single(scenario.Oidc.Requests);
        Assert.Empty(scenario.Sts.Requests);
    }

    [Fact]
    public async Task An_oversized_sts_answer_fails_at_once_naming_the_limit()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Sts.Behavior.InjectFault(StsFault.OversizedAnswer(3 * 1024 * 1024), count: 5);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "is larger than 1 MiB", "CAC-E031");
        Assert.Single(scenario.Sts.Requests);
    }

    [Fact]
    public async Task An_oversized_token_answer_fails_at_once_naming_the_limit()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Oidc.Behavior.InjectFault(OidcFault.OversizedAnswer(2 * 1024 * 1024), count: 5);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "is larger than 1 MiB", "CAC-E031");
        Assert.Single(scenario.Oidc.Requests);
        Assert.Empty(scenario.Sts.Requests);
    }

    [Fact]
    public async Task A_dtd_in_an_sts_answer_is_skipped_unread_and_the_answer_is_used()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Sts.Behavior.InjectFault(StsFault.DoctypeAnswer, count: 5);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.StartsWith("ASIA", result.FinalExports["AWS_ACCESS_KEY_ID"], StringComparison.Ordinal);
        Assert.Equal("111111111111", result.FinalOutputs["aws-account-id"]);
        Assert.Single(scenario.Sts.Requests);
    }

    [Fact]
    public async Task Action_timeout_ends_a_run_whose_sts_answer_trickles_in_without_a_retry_line()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Input("action-timeout-s", "1");
        scenario.Sts.Behavior.InjectFault(StsFault.Drip(TimeSpan.FromSeconds(1)), count: 5);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Action timed out after 1 seconds", "CAC-E019");
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("Retry ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Action_timeout_ends_a_run_whose_token_answer_trickles_in()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Input("action-timeout-s", "1");
        scenario.Oidc.Behavior.InjectFault(OidcFault.Drip(TimeSpan.FromSeconds(1)), count: 5);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Action timed out after 1 seconds", "CAC-E019");
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("Retry ", StringComparison.Ordinal));
        Assert.Empty(scenario.Sts.Requests);
    }
}
