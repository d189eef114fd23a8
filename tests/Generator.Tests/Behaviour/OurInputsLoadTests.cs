using System;
using System.Collections.Generic;
using System.Linq;
using Cac.Abstractions;
using Cac.Generator.Tests.TestSupport;

namespace Cac.Generator.Tests.Behaviour;

/// <summary>The generated ActionInputs.Load of our own action.yml, run against dictionary environments.</summary>
public class OurInputsLoadTests
{
    private static readonly GeneratedAction Action = GeneratedAction.OurAction;

    private static Dictionary<string, string> Env(params (string Name, string Value)[] variables)
    {
        var env = new Dictionary<string, string> { ["INPUT_AWS-REGION"] = "eu-west-1" };
        foreach (var (name, value) in variables)
        {
            env[name] = value;
        }

        return env;
    }

    [Fact]
    public void Defaults_apply_when_inputs_are_absent()
    {
        var inputs = Action.LoadValid(Env());

        Assert.Equal("eu-west-1", Action.Get(inputs, "AwsRegion"));
        Assert.Equal("sts.amazonaws.com", Action.Get(inputs, "Audience"));
        Assert.Equal(string.Empty, Action.Get(inputs, "RoleToAssume"));
        Assert.Equal(false, Action.Get(inputs, "DryRun"));
        Assert.Equal(true, Action.Get(inputs, "JobSummary"));
        Assert.Equal(true, Action.Get(inputs, "Cleanup"));
        Assert.Null(Action.Get(inputs, "RoleChaining"));
        Assert.Null(Action.Get(inputs, "RoleDurationSeconds"));
        Assert.Empty((IReadOnlyList<string>)Action.Get(inputs, "TransitiveTagKeys")!);
        Assert.Same(Secret.Empty, Action.Get(inputs, "AwsAccessKeyId"));
    }

    [Fact]
    public void Empty_or_blank_values_count_as_absent()
    {
        var inputs = Action.LoadValid(Env(("INPUT_DRY-RUN", "  "), ("INPUT_ROLE-CHAINING", ""), ("INPUT_AUDIENCE", " \t")));

        Assert.Equal(false, Action.Get(inputs, "DryRun"));
        Assert.Null(Action.Get(inputs, "RoleChaining"));
        Assert.Equal("sts.amazonaws.com", Action.Get(inputs, "Audience"));
    }

    [Fact]
    public void Values_are_trimmed_and_typed()
    {
        var inputs = Action.LoadValid(Env(
            ("INPUT_AWS-REGION", "  us-east-2 \n"),
            ("INPUT_ROLE-CHAINING", "TRUE"),
            ("INPUT_DRY-RUN", "True"),
            ("INPUT_ROLE-DURATION-SECONDS", " +900 "),
            ("INPUT_ACTION-TIMEOUT-S", "-0")));

        Assert.Equal("us-east-2", Action.Get(inputs, "AwsRegion"));
        Assert.Equal(true, Action.Get(inputs, "RoleChaining"));
        Assert.Equal(true, Action.Get(inputs, "DryRun"));
        Assert.Equal(900, Action.Get(inputs, "RoleDurationSeconds"));
        Assert.Equal(0, Action.Get(inputs, "ActionTimeoutS"));
    }

    [Fact]
    public void A_missing_required_input_is_reported_with_the_upstream_message()
    {
        var error = Action.LoadInvalid(new Dictionary<string, string>());

        var single = Assert.Single(error.Errors);
        Assert.Equal("aws-region", single.InputName);
        Assert.Equal(InputErrors.Required("aws-region").Message, single.Message);
    }

    [Fact]
    public void Every_invalid_input_is_reported_at_once_in_declaration_order()
    {
        var error = Action.LoadInvalid(new Dictionary<string, string>
        {
            ["INPUT_ROLE-CHAINING"] = "yes",
            ["INPUT_ROLE-DURATION-SECONDS"] = "1h",
            ["INPUT_RETRY-MAX-ATTEMPTS"] = "99999999999",
            ["INPUT_DRY-RUN"] = "1",
        });

        Assert.Equal(
            [
                InputErrors.Required("aws-region").Message,
                InputErrors.NotBoolean("role-chaining").Message,
                InputErrors.NotInteger("role-duration-seconds", "1h").Message,
                InputErrors.NotInteger("retry-max-attempts", "99999999999").Message,
                InputErrors.NotBoolean("dry-run").Message,
            ],
            error.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("12abc")]
    [InlineData("+")]
    [InlineData("1 2")]
    [InlineData("٣")]
    [InlineData("2147483648")]
    public void Integers_are_strict(string value)
    {
        var error = Action.LoadInvalid(Env(("INPUT_ROLE-DURATION-SECONDS", value)));

        Assert.Equal(InputErrors.NotInteger("role-duration-seconds", value).Message, Assert.Single(error.Errors).Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    public void Booleans_accept_the_six_core_schema_literals(string value, bool expected) =>
        Assert.Equal(expected, Action.Get(Action.LoadValid(Env(("INPUT_ROLE-CHAINING", value))), "RoleChaining"));

    [Theory]
    [InlineData("tRUE")]
    [InlineData("1")]
    [InlineData("on")]
    public void Other_boolean_spellings_are_errors(string value) =>
        Assert.Equal("role-chaining", Assert.Single(Action.LoadInvalid(Env(("INPUT_ROLE-CHAINING", value))).Errors).InputName);

    [Fact]
    public void Secret_inputs_are_masked_on_load_and_print_as_stars()
    {
        var masker = new RecordingMasker();
        var inputs = Action.LoadValid(
            Env(("INPUT_AWS-ACCESS-KEY-ID", " AKIDEXAMPLE "), ("INPUT_AWS-SECRET-ACCESS-KEY", "wJalrEXAMPLEKEY"), ("INPUT_AWS-SESSION-TOKEN", "")),
            masker);

        Assert.Equal(["AKIDEXAMPLE", "wJalrEXAMPLEKEY"], masker.Masks);
        var secret = Assert.IsType<Secret>(Action.Get(inputs, "AwsSecretAccessKey"));
        Assert.Equal("***", secret.ToString());
        Assert.Equal("***", $"{secret}");
        Assert.Equal("wJalrEXAMPLEKEY", secret.Reveal());
        Assert.True(((Secret)Action.Get(inputs, "AwsSessionToken")!).IsEmpty);
    }

    [Fact]
    public void Newline_lists_split_trim_and_drop_empty_items()
    {
        var inputs = Action.LoadValid(Env(
            ("INPUT_TRANSITIVE-TAG-KEYS", "Repository\r\n\r\n  Actor  \n\nWorkflow\n"),
            ("INPUT_ALLOWED-ACCOUNT-IDS", "111111111111, ,222222222222,")));

        Assert.Equal(["Repository", "Actor", "Workflow"], (IReadOnlyList<string>)Action.Get(inputs, "TransitiveTagKeys")!);
        Assert.Equal(["111111111111", "222222222222"], (IReadOnlyList<string>)Action.Get(inputs, "AllowedAccountIds")!);
    }

    [Fact]
    public void Load_reads_only_through_the_environment_abstraction_and_only_its_inputs()
    {
        var previous = System.Environment.GetEnvironmentVariable("INPUT_AWS-REGION");
        System.Environment.SetEnvironmentVariable("INPUT_AWS-REGION", "from-process");
        try
        {
            var environment = new DictionaryEnvironment(new Dictionary<string, string> { ["INPUT_AWS-REGION"] = "from-dictionary" });
            var (inputs, error) = Action.Load(environment, new RecordingMasker());

            Assert.Null(error);
            Assert.Equal("from-dictionary", Action.Get(inputs!, "AwsRegion"));
            var expected = Action.InputsType.GetNestedType("EnvironmentVariables")!.GetFields().Select(f => (string)f.GetRawConstantValue()!);
            Assert.Equal(expected.Order(StringComparer.Ordinal), environment.Requested.Order(StringComparer.Ordinal));
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("INPUT_AWS-REGION", previous);
        }
    }

    [Fact]
    public void Names_and_environment_variables_are_exposed_as_constants()
    {
        Assert.Equal("aws-region", Action.Constant("Names", "AwsRegion"));
        Assert.Equal("INPUT_AWS-REGION", Action.Constant("EnvironmentVariables", "AwsRegion"));
        Assert.Equal("INPUT_ROLE-DURATION-SECONDS", Action.Constant("EnvironmentVariables", "RoleDurationSeconds"));
    }

    [Fact]
    public void Load_rejects_null_arguments()
    {
        var load = Action.InputsType.GetMethod("Load")!;

        var exception = Assert.Throws<System.Reflection.TargetInvocationException>(() => load.Invoke(null, [null, new RecordingMasker()]));
        Assert.IsType<ArgumentNullException>(exception.InnerException);
    }
}
