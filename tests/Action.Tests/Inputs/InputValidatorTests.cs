using System;
using System.Linq;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.Generated;
using Cac.Action.Inputs;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Inputs;

public class InputReaderTests
{
    private const string Role = TestInputs.RoleArn;

    /// <summary>"name=value" pairs, so theories can list inputs.</summary>
    private static (string Input, string Value)[] Pairs(string[] pairs) =>
        pairs.Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return (pair[..equals], pair[(equals + 1)..]);
        }).ToArray();

    [Fact]
    public void Only_a_region_gives_the_upstream_defaults()
    {
        var settings = TestInputs.Read();

        Assert.Equal("us-east-1", settings.Region);
        Assert.Equal("aws", settings.Partition);
        Assert.Equal(3600, settings.DurationSeconds);
        Assert.Equal(12, settings.RetryMaxAttempts);
        Assert.Equal("GitHubActions", settings.SessionName);
        Assert.Equal("sts.amazonaws.com", settings.Audience);
        Assert.True(settings.OutputEnvCredentials);
        Assert.False(settings.OutputCredentials);
        Assert.False(settings.RoleChaining);
        Assert.False(settings.DisableRetry);
        Assert.False(settings.UseExistingCredentials);
        Assert.Equal(0, settings.ActionTimeoutSeconds);
        Assert.Equal("", settings.StsEndpoint);
        Assert.Empty(settings.CustomTags);
        Assert.Empty(settings.AllowedAccountIds);
        Assert.False(settings.HasRole);
        Assert.False(settings.HasAccessKeys);
        Assert.False(settings.HasTokenFile);
        Assert.True(settings.JobSummary);
        Assert.True(settings.Cleanup);
        Assert.False(settings.DryRun);
    }

    [Theory]
    [InlineData("", null, true)]
    [InlineData("dev", null, false)]
    [InlineData("dev", "true", true)]
    [InlineData("", "false", false)]
    public void Output_env_credentials_defaults_to_false_only_when_a_profile_is_set(string profile, string? explicitValue, bool expected)
    {
        var inputs = new[] { ("aws-profile", profile) }.ToList();
        if (explicitValue is not null)
        {
            inputs.Add(("output-env-credentials", explicitValue));
        }

        Assert.Equal(expected, TestInputs.Read(inputs.ToArray()).OutputEnvCredentials);
    }

    [Fact]
    public void Special_characters_workaround_turns_disable_retry_off()
    {
        var settings = TestInputs.Read(("disable-retry", "true"), ("special-characters-workaround", "true"));

        Assert.False(settings.DisableRetry);
        Assert.True(settings.SpecialCharactersWorkaround);
        Assert.True(TestInputs.Read(("disable-retry", "true")).DisableRetry);
    }

    [Theory]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("eu-west-1", "aws")]
    public void The_partition_comes_from_the_region(string region, string partition)
    {
        Assert.Equal(partition, TestInputs.Read(("aws-region", region)).Partition);
    }

    [Fact]
    public void Values_in_range_are_kept()
    {
        var settings = TestInputs.Read(
            ("role-duration-seconds", "900"), ("retry-max-attempts", "1"), ("action-timeout-s", "30"),
            ("role-session-name", "my.session@ci"), ("allowed-account-ids", "111111111111, ,222222222222,"));

        Assert.Equal(900, settings.DurationSeconds);
        Assert.Equal(1, settings.RetryMaxAttempts);
        Assert.Equal(30, settings.ActionTimeoutSeconds);
        Assert.Equal("my.session@ci", settings.SessionName);
        Assert.Equal(new[] { "111111111111", "222222222222" }, settings.AllowedAccountIds);
    }

    [Theory]
    [InlineData(new[] { "aws-region=US-EAST-1" }, "Region is not valid: US-EAST-1. Expected lower-case letters, digits and hyphens ending in a number, e.g. us-east-1.")]
    [InlineData(new[] { "aws-region=-" }, "Region is not valid: -. Expected lower-case letters, digits and hyphens ending in a number, e.g. us-east-1.")]
    [InlineData(new[] { "aws-region=us-east" }, "Region is not valid: us-east. Expected lower-case letters, digits and hyphens ending in a number, e.g. us-east-1.")]
    [InlineData(new[] { "role-session-name=a" }, "Role session name must be between 2 and 64 characters, got 1: 'a'")]
    [InlineData(new[] { "role-session-name=bad name" }, "Role session name is not valid: 'bad name'. Must satisfy regular expression pattern: [\\w+=,.@-]*")]
    [InlineData(new[] { "role-session-name=ünïcode" }, "Role session name is not valid: 'ünïcode'. Must satisfy regular expression pattern: [\\w+=,.@-]*")]
    [InlineData(new[] { "role-duration-seconds=899" }, "Input 'role-duration-seconds' must be a whole number from 900 to 43200, got 899")]
    [InlineData(new[] { "role-duration-seconds=43201" }, "Input 'role-duration-seconds' must be a whole number from 900 to 43200, got 43201")]
    [InlineData(new[] { "role-duration-seconds=0" }, "Input 'role-duration-seconds' must be a whole number from 900 to 43200, got 0")]
    [InlineData(new[] { "retry-max-attempts=0" }, "Input 'retry-max-attempts' must be a whole number from 1 to 100, got 0")]
    [InlineData(new[] { "retry-max-attempts=101" }, "Input 'retry-max-attempts' must be a whole number from 1 to 100, got 101")]
    [InlineData(new[] { "action-timeout-s=-1" }, "Input 'action-timeout-s' must be 0 (no bound) or a positive number of seconds, got -1")]
    [InlineData(new[] { "aws-access-key-id=AKIAIOSFODNN7EXAMPLE" }, "'aws-secret-access-key' must be provided if 'aws-access-key-id' is provided")]
    [InlineData(new[] { "aws-secret-access-key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }, "'aws-access-key-id' must be provided if 'aws-secret-access-key' is provided")]
    [InlineData(new[] { "role-to-assume=arn:aws:iam::1111:role/R" }, "Input 'role-to-assume' is not a valid IAM role ARN: 'arn:aws:iam::1111:role/R'. Expected arn:<partition>:iam::<12-digit account ID>:role/<name>, or just the role name.")]
    [InlineData(new[] { "role-to-assume=arn:aws-cn:iam::111111111111:role/R" }, "Input 'role-to-assume' is in partition 'aws-cn' but the region's partition is 'aws': use a region of the role's partition.")]
    [InlineData(new[] { "role-to-assume=bad role" }, "Input 'role-to-assume' is neither a role ARN nor a role name: 'bad role'. A name has 1 to 64 characters from letters, digits and _+=,.@- (optionally after a path/).")]
    [InlineData(new[] { "web-identity-token-file=token.txt" }, "'web-identity-token-file' is set but 'role-to-assume' is not: a web identity token can only be used to assume a role.")]
    [InlineData(new[] { "role-external-id=x" }, "Input 'role-external-id' must be 2 to 1224 characters from letters, digits and _+=,.@:/-")]
    [InlineData(new[] { "role-external-id=has space" }, "Input 'role-external-id' must be 2 to 1224 characters from letters, digits and _+=,.@:/-")]
    [InlineData(new[] { "source-identity=a" }, "Input 'source-identity' must be 2 to 64 characters from letters, digits and _+=,.@-, got 'a'")]
    [InlineData(new[] { "allowed-account-ids=11111111111" }, "Input 'allowed-account-ids' must be 12-digit AWS account IDs separated by commas, got '11111111111'")]
    [InlineData(new[] { "custom-tags=[1, 2, 3]" }, "custom-tags: input must be a JSON object (not an array or primitive)")]
    [InlineData(new[] { "custom-tags={\"github\":\"x\"}" }, "custom-tags: key 'github' conflicts with a protected session tag set by this action and cannot be overridden")]
    [InlineData(new[] { "inline-session-policy=not json" }, "Input 'inline-session-policy' must be an IAM policy document: a JSON object such as {\"Version\":\"2012-10-17\",\"Statement\":[...]}")]
    [InlineData(new[] { "inline-session-policy=[]" }, "Input 'inline-session-policy' must be an IAM policy document: a JSON object such as {\"Version\":\"2012-10-17\",\"Statement\":[...]}")]
    [InlineData(new[] { "managed-session-policies=arn:aws:iam::aws:role/NotAPolicy" }, "Input 'managed-session-policies' must list IAM policy ARNs (arn:<partition>:iam::<account ID or aws>:policy/<name>), got 'arn:aws:iam::aws:role/NotAPolicy'")]
    [InlineData(new[] { "sts-endpoint=sts.example.com" }, "Input 'sts-endpoint' must be an absolute http:// or https:// URL, e.g. https://sts.us-east-1.amazonaws.com")]
    [InlineData(new[] { "sts-endpoint=https://sts.example.com", "use-fips-endpoint=true" }, "'sts-endpoint' cannot be combined with 'use-fips-endpoint' or 'use-dualstack-endpoint': remove one of them.")]
    [InlineData(new[] { "sts-endpoint=https://sts.example.com", "use-dualstack-endpoint=true" }, "'sts-endpoint' cannot be combined with 'use-fips-endpoint' or 'use-dualstack-endpoint': remove one of them.")]
    public void An_invalid_input_is_reported_with_its_message(string[] inputs, string expected)
    {
        Assert.Equal(expected, TestInputs.ErrorOf(Pairs(inputs)));
    }

    [Fact]
    public void More_than_ten_managed_policies_are_rejected()
    {
        var arns = string.Join("\n", Enumerable.Range(1, 11).Select(i => "arn:aws:iam::aws:policy/P" + i));

        Assert.Equal("Input 'managed-session-policies' accepts at most 10 policy ARNs, got 11", TestInputs.ErrorOf(("managed-session-policies", arns)));
    }

    [Theory]
    [InlineData("session-name-of-64-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("ab")]
    [InlineData("a+b=c,d.e@f-g_h")]
    public void Session_names_of_2_to_64_allowed_characters_are_accepted(string name)
    {
        Assert.Equal(name, TestInputs.Read(("role-session-name", name)).SessionName);
    }

    [Fact]
    public void A_65_character_session_name_fails_the_length_check_before_the_pattern()
    {
        var name = new string('!', 65);

        Assert.Equal("Role session name must be between 2 and 64 characters, got 65: '" + name + "'", TestInputs.ErrorOf(("role-session-name", name)));
    }

    [Theory]
    [InlineData("MY-ROLE")]
    [InlineData("path/to/MY-ROLE")]
    [InlineData(Role)]
    [InlineData("arn:aws:iam::111111111111:role/service-role/MY-ROLE")]
    public void Role_names_and_ARNs_of_the_region_partition_are_accepted(string role)
    {
        Assert.Equal(role, TestInputs.Read(("role-to-assume", role)).RoleToAssume);
    }

    [Fact]
    public void A_role_ARN_of_another_partition_is_accepted_with_a_region_of_that_partition()
    {
        var settings = TestInputs.Read(("aws-region", "cn-north-1"), ("role-to-assume", "arn:aws-cn:iam::111111111111:role/R"));

        Assert.Equal("aws-cn", settings.Partition);
    }

    [Fact]
    public void Every_problem_is_reported_together_in_one_error()
    {
        var message = TestInputs.ErrorOf(
            ("aws-region", "US-EAST-1"), ("role-duration-seconds", "60"), ("aws-access-key-id", TestInputs.AccessKeyId),
            ("custom-tags", "not a json"));

        Assert.Equal(
            new[]
            {
                "Region is not valid: US-EAST-1. Expected lower-case letters, digits and hyphens ending in a number, e.g. us-east-1.",
                "Input 'role-duration-seconds' must be a whole number from 900 to 43200, got 60",
                "'aws-secret-access-key' must be provided if 'aws-access-key-id' is provided",
                "custom-tags: input is not valid JSON",
            },
            message.Split('\n'));
    }

    [Fact]
    public void Input_syntax_errors_are_raised_by_the_generated_loader()
    {
        var environment = Env.Of(("INPUT_AWS-REGION", "us-east-1"), ("INPUT_ROLE-DURATION-SECONDS", "12abc"), ("INPUT_ROLE-CHAINING", "yes"));

        var error = Assert.Throws<InputValidationException>(() => ActionInputs.Load(environment, new RecordingMasker()));

        Assert.Equal(
            new[] { ActionInputs.Names.RoleChaining, ActionInputs.Names.RoleDurationSeconds },
            error.Errors.Select(e => e.InputName));
    }

    [Fact]
    public void A_fallback_variable_fills_an_empty_input()
    {
        var environment = Env.Of(("AWS_REGION", "eu-west-1"), ("ROLE_DURATION_SECONDS", "7200"), ("ROLE_SESSION_NAME", "from-env"), ("ROLE_TO_ASSUME", Role));

        var settings = TestInputs.Read(environment, ("aws-region", ""));

        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal(7200, settings.DurationSeconds);
        Assert.Equal("from-env", settings.SessionName);
        Assert.Equal(Role, settings.RoleToAssume);
    }

    [Fact]
    public void An_explicit_input_wins_over_its_fallback_variable()
    {
        var environment = Env.Of(("AWS_REGION", "eu-west-1"), ("ROLE_DURATION_SECONDS", "7200"));

        var settings = TestInputs.Read(environment, ("aws-region", "us-west-2"), ("role-duration-seconds", "1800"));

        Assert.Equal("us-west-2", settings.Region);
        Assert.Equal(1800, settings.DurationSeconds);
    }

    [Fact]
    public void Proxy_variables_are_not_copied_into_the_proxy_inputs()
    {
        var environment = Env.Of(("HTTP_PROXY", "http://proxy.example:3128"), ("HTTPS_PROXY", "http://proxy.example:3129"), ("NO_PROXY", "localhost"));

        var settings = TestInputs.Read(environment);

        Assert.Equal("", settings.HttpProxy);
        Assert.Equal("", settings.NoProxy);
    }

    [Theory]
    [InlineData("https://sts.input.example", "https://sts.specific.example", "https://sts.general.example", "https://sts.input.example")]
    [InlineData("", "https://sts.specific.example", "https://sts.general.example", "https://sts.specific.example")]
    [InlineData("", "", "https://sts.general.example", "https://sts.general.example")]
    [InlineData("", "  ", "http://localhost:9000", "http://localhost:9000")]
    [InlineData("", "", "", "")]
    public void The_endpoint_is_sts_endpoint_then_AWS_ENDPOINT_URL_STS_then_AWS_ENDPOINT_URL(string input, string specific, string general, string expected)
    {
        var environment = Env.Of(("AWS_ENDPOINT_URL_STS", specific), ("AWS_ENDPOINT_URL", general));

        Assert.Equal(expected, TestInputs.Read(environment, ("sts-endpoint", input)).StsEndpoint);
    }

    [Fact]
    public void An_endpoint_variable_that_is_not_a_URL_is_reported()
    {
        var error = Assert.Throws<ActionError>(() => TestInputs.Read(Env.Of(("AWS_ENDPOINT_URL_STS", "sts.example"))));

        Assert.Equal("Environment variable AWS_ENDPOINT_URL_STS must be an absolute http:// or https:// URL, got 'sts.example'", error.Message);
    }

    [Fact]
    public void Invalid_custom_tags_fail_even_when_they_would_be_ignored()
    {
        Assert.Equal(
            "custom-tags: input is not valid JSON",
            TestInputs.ErrorOf(("role-to-assume", Role), ("custom-tags", "not a json")));
    }

    [Fact]
    public void Secret_inputs_are_masked_when_loaded()
    {
        var masker = new RecordingMasker();
        var environment = Env.Of(
            ("INPUT_AWS-REGION", "us-east-1"), ("INPUT_AWS-ACCESS-KEY-ID", TestInputs.AccessKeyId),
            ("INPUT_AWS-SECRET-ACCESS-KEY", TestInputs.SecretAccessKey), ("INPUT_AWS-SESSION-TOKEN", "FwoGZXIvYXdzEBYaDEXAMPLE"));

        var settings = InputValidator.Read(ActionInputs.Load(environment, masker), environment);

        Assert.Equal(new[] { TestInputs.AccessKeyId, TestInputs.SecretAccessKey, "FwoGZXIvYXdzEBYaDEXAMPLE" }, masker.Masks);
        Assert.Equal(TestInputs.AccessKeyId, settings.AccessKeyId.Reveal());
        Assert.True(settings.HasAccessKeys);
    }
}
