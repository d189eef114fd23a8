using System.Threading.Tasks;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests;

/// <summary>Every invalid input names the input and the accepted values, exits 1, and exports nothing.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("aws-region", "", "Input required and not supplied: aws-region")]
    [InlineData("aws-region", "US-EAST-1", "Region is not valid: US-EAST-1")]
    [InlineData("role-chaining", "yes", "Input does not meet YAML 1.2 \"Core Schema\" specification: role-chaining")]
    [InlineData("mask-aws-account-id", "no", "Support boolean input list: `true | True | TRUE | false | False | FALSE`")]
    [InlineData("role-duration-seconds", "60", "Input 'role-duration-seconds' must be a whole number from 900 to 43200, got 60")]
    [InlineData("role-duration-seconds", "50000", "from 900 to 43200")]
    [InlineData("role-duration-seconds", "12abc", "Input 'role-duration-seconds' must be a whole number")]
    [InlineData("role-duration-seconds", "0x10", "Input 'role-duration-seconds' must be a whole number")]
    [InlineData("retry-max-attempts", "0", "Input 'retry-max-attempts' must be a whole number from 1 to 100, got 0")]
    [InlineData("action-timeout-s", "-5", "Input 'action-timeout-s' must be 0")]
    [InlineData("role-to-assume", "arn:aws:iam::123:role/x", "Input 'role-to-assume' is not a valid IAM role ARN")]
    [InlineData("role-to-assume", "arn:aws-cn:iam::111111111111:role/x", "partition 'aws-cn' but the region's partition is 'aws'")]
    [InlineData("role-session-name", "a", "Role session name must be between 2 and 64 characters, got 1: 'a'")]
    [InlineData("role-session-name", "bad name!", "Role session name is not valid: 'bad name!'")]
    [InlineData("custom-tags", "not json", "custom-tags: input is not valid JSON")]
    [InlineData("custom-tags", "{\"github\":\"x\"}", "custom-tags: key 'github' conflicts with a protected session tag")]
    [InlineData("allowed-account-ids", "12345", "Input 'allowed-account-ids' must be 12-digit AWS account IDs")]
    [InlineData("sts-endpoint", "not a url", "Input 'sts-endpoint' must be an absolute http:// or https:// URL")]
    [InlineData("inline-session-policy", "[1]", "Input 'inline-session-policy' must be an IAM policy document")]
    [InlineData("managed-session-policies", "not-an-arn", "Input 'managed-session-policies' must list IAM policy ARNs")]
    [InlineData("source-identity", "x", "Input 'source-identity' must be 2 to 64 characters")]
    public async Task An_invalid_value_is_named_and_nothing_is_called_or_exported(string input, string value, string message)
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole().Input(input, value);

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, message, "CAC-E001");
        Assert.Empty(scenario.Sts.Requests);
        Assert.Empty(scenario.Oidc.Requests);
    }

    [Fact]
    public async Task Conflicting_sources_and_settings_are_reported_together()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Input("aws-region", "us-east-1").Input("aws-access-key-id", Scenario.UserAccessKeyId)
            .Input("web-identity-token-file", "token").Input("sts-endpoint", "https://sts.example.com").Input("use-fips-endpoint", "true");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "'aws-secret-access-key' must be provided if 'aws-access-key-id' is provided", "CAC-E001");
        Assert.Contains("'web-identity-token-file' is set but 'role-to-assume' is not", result.StandardOutput, System.StringComparison.Ordinal);
        Assert.Contains("'sts-endpoint' cannot be combined with 'use-fips-endpoint'", result.StandardOutput, System.StringComparison.Ordinal);
        Assert.Empty(scenario.Sts.Requests);
    }

    [Fact]
    public async Task A_missing_runner_file_fails_before_any_call()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WithDemoRole();
        scenario.Environment.Remove("GITHUB_ENV");

        var result = await scenario.RunAsync();

        Expect.FailedWithNothingExported(result, "Unable to find environment variable for file command GITHUB_ENV", "CAC-E018");
        Assert.Empty(scenario.Sts.Requests);
    }

    [Fact]
    public async Task Input_falls_back_to_the_environment_variable_of_the_same_name()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Environment["AWS_REGION"] = "eu-central-1";
        scenario.Environment["ROLE_TO_ASSUME"] = LocalAws.DemoRoleArn;
        scenario.Input("dry-run", "true");

        var result = await scenario.RunAsync();

        Expect.Succeeded(result);
        Assert.Contains("Region: eu-central-1 (partition aws)", result.Lines);
        Assert.Contains("Role: " + LocalAws.DemoRoleArn, result.Lines);
    }
}
