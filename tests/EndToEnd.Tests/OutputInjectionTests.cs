using System;
using System.Linq;
using System.Threading.Tasks;
using Cac.Emulators;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests;

/// <summary>
/// Text from servers, tokens and inputs is printed so that the runner never reads it as a workflow command:
/// the log is read back with the runner's own rules (modern and legacy forms, stop-commands).
/// </summary>
public sealed class OutputInjectionTests
{
    private static readonly string[] OurCommands = ["add-mask", "debug", "notice", "warning", "error", "group", "endgroup"];

    /// <summary>Only commands the action writes, none carrying injected text, and nothing that pauses command processing.</summary>
    private static void OnlyOurCommands(ActionRunResult result)
    {
        foreach (var command in result.Commands)
        {
            Assert.Contains(command.Name, OurCommands);
            Assert.StartsWith("::" + command.Name, command.Line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_throttling_message_carrying_stop_commands_cannot_unmask_the_credentials()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Input("output-credentials", "true");
        scenario.Sts.Behavior.InjectFault(StsFault.ThrottlingWith("Rate exceeded\n::stop-commands::pwned\n##[stop-commands]pwned2"), count: 2);

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        OnlyOurCommands(result);
        var masks = result.Commands.Where(command => command.Name == "add-mask").Select(command => command.Data).ToList();
        Assert.Contains(result.FinalExports["AWS_SECRET_ACCESS_KEY"], masks);
        Assert.Contains(result.FinalExports["AWS_SESSION_TOKEN"], masks);
        Expect.SecretsMaskedFirst(result, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
        Assert.Contains(result.Lines, line => line.Contains("Rate exceeded\\n::stop-commands::pwned\\n##\\[stop-commands]pwned2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_claims_printed_after_a_trust_policy_failure_stay_on_their_lines()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        const string RoleArn = "arn:aws:iam::111111111111:role/prod-only";
        scenario.Sts.Behavior.RegisterRole(new StsRole(RoleArn)
        {
            WebIdentity = new WebIdentityTrust { SubjectPatterns = ["repo:octo-org/octo-repo:environment:prod"] },
        });
        scenario.Input("role-to-assume", RoleArn);
        scenario.Oidc.Behavior.SetClaim("environment", "dev\n::set-output name=aws-account-id::999999999999");
        scenario.Oidc.Behavior.SetClaim("job_workflow_ref", "x\r::add-mask::r");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Not authorized to perform sts:AssumeRoleWithWebIdentity", "CAC-E004");
        OnlyOurCommands(result);
        Assert.Contains("  environment: dev\\n::set-output name=aws-account-id::999999999999", result.Lines);
        Assert.Contains("  job_workflow_ref: x\\r::add-mask::r", result.Lines);
    }

    [Fact]
    public async Task A_dry_run_plan_shows_odd_input_values_on_one_line()
    {
        await using var scenario = await Scenario.StartOidcAsync();
        scenario.Input("dry-run", "true")
            .Input("web-identity-token-file", "token\n::add-mask::Assuming")
            .Input("role-session-name", "ci");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        OnlyOurCommands(result);
        Assert.Contains(result.Lines, line => line.EndsWith("with the token in token\\n::add-mask::Assuming", StringComparison.Ordinal));
    }
}
