using System;
using System.Linq;
using System.Threading.Tasks;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests;

/// <summary>The published binary on a self-hosted runner whose ~/.aws holds the credentials (see InProcess/AmbientChainTests for every provider).</summary>
public sealed class AmbientProfileTests
{
    private static async Task<(Scenario Scenario, ActionRunResult Result)> RunAsync(string profile, bool withRole)
    {
        var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.Sts.Behavior.TrustUnregisteredRoles = true;
        scenario.Input("aws-region", "us-east-1");
        if (withRole)
        {
            scenario.Input("role-to-assume", LocalAws.DemoRoleArn);
        }

        LocalAws.ConfigHome(scenario.Process).Write(AwsCliFixture.Load("role-chain"));
        foreach (var (name, value) in scenario.Aws.SelfHostedEnvironment(scenario.Process))
        {
            scenario.Environment.TryAdd(name, value);
        }

        scenario.Environment["AWS_PROFILE"] = profile;
        return (scenario, await scenario.RunAsync());
    }

    [Fact]
    public async Task A_source_profile_chain_in_the_runners_config_signs_the_role_assumption()
    {
        var (scenario, result) = await RunAsync("target", withRole: true);
        await using var owned = scenario;

        Expect.Succeeded(result);
        Assert.Equal(
            ["arn:aws:iam::111111111111:role/middle", "arn:aws:iam::222222222222:role/target", LocalAws.DemoRoleArn],
            scenario.Sts.Requests.Where(request => request.Parameter("Action") == "AssumeRole").Select(request => request.Parameter("RoleArn")));
        Assert.Equal("ambient", result.FinalOutputs["credential-source"]);
    }

    [Fact]
    public async Task A_profile_cycle_fails_with_the_profile_and_the_cause_and_exports_nothing()
    {
        var (scenario, result) = await RunAsync("cycle-a", withRole: true);
        await using var owned = scenario;

        Expect.FailedWithNothingExported(result, "Credentials could not be loaded, please check your action inputs: profile 'cycle-a': source_profile makes a cycle", "CAC-E045");
    }
}
