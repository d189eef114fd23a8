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
    public void Load_reads_only_through_the_environment_abstraction_and_only_its_inputs_and_their_fallbacks()
    {
        var previous = System.Environment.GetEnvironmentVariable("INPUT_AWS-REGION");
        System.Environment.SetEnvironmentVariable("INPUT_AWS-REGION", "from-process");
        try
        {
            var environment = new DictionaryEnvironment(new Dictionary<string, string> { ["INPUT_AWS-REGION"] = "from-dictionary" });
            var (inputs, error) = Action.Load(environment, new RecordingMasker());

            Assert.Null(error);
            Assert.Equal("from-dictionary", Action.Get(inputs!, "AwsRegion"));
            // A fallback is read only when its input is empty, so AWS_REGION is not asked for.
            var expected = Constants("EnvironmentVariables").Concat(Constants("FallbackVariables").Where(v => v != "AWS_REGION"));
            Assert.Equal(expected.Order(StringComparer.Ordinal), environment.Requested.Order(StringComparer.Ordinal));
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("INPUT_AWS-REGION", previous);
        }
    }

    // The upstream action's fallbacks, less HTTP_PROXY and NO_PROXY (standard proxy resolution applies instead).
    [Theory]
    [InlineData("AwsRegion", "AWS_REGION", "eu-north-1", "eu-north-1")]
    [InlineData("RoleToAssume", "ROLE_TO_ASSUME", "arn", "arn")]
    [InlineData("WebIdentityTokenFile", "WEB_IDENTITY_TOKEN_FILE", "/t", "/t")]
    [InlineData("RoleChaining", "ROLE_CHAINING", "true", true)]
    [InlineData("Audience", "AUDIENCE", "aud", "aud")]
    [InlineData("MaskAwsAccountId", "MASK_AWS_ACCOUNT_ID", "TRUE", true)]
    [InlineData("RoleDurationSeconds", "ROLE_DURATION_SECONDS", "900", 900)]
    [InlineData("RoleExternalId", "ROLE_EXTERNAL_ID", "ext", "ext")]
    [InlineData("RoleSessionName", "ROLE_SESSION_NAME", "session", "session")]
    [InlineData("RoleSkipSessionTagging", "ROLE_SKIP_SESSION_TAGGING", "true", true)]
    [InlineData("TransitiveTagKeys", "TRANSITIVE_TAG_KEYS", "Actor\nWorkflow", "Actor,Workflow")]
    [InlineData("InlineSessionPolicy", "INLINE_SESSION_POLICY", "{}", "{}")]
    [InlineData("ManagedSessionPolicies", "MANAGED_SESSION_POLICIES", "arn:a", "arn:a")]
    [InlineData("OutputCredentials", "OUTPUT_CREDENTIALS", "true", true)]
    [InlineData("UnsetCurrentCredentials", "UNSET_CURRENT_CREDENTIALS", "true", true)]
    [InlineData("DisableRetry", "DISABLE_RETRY", "true", true)]
    [InlineData("RetryMaxAttempts", "RETRY_MAX_ATTEMPTS", "3", 3)]
    [InlineData("SpecialCharactersWorkaround", "SPECIAL_CHARACTERS_WORKAROUND", "true", true)]
    [InlineData("UseExistingCredentials", "USE_EXISTING_CREDENTIALS", "true", true)]
    [InlineData("OverwriteAwsProfile", "OVERWRITE_AWS_PROFILE", "true", true)]
    public void A_fallback_variable_fills_its_empty_input(string property, string variable, string value, object expected)
    {
        var input = Action.Constant("EnvironmentVariables", property);
        var withoutInput = Env((variable, value));
        withoutInput.Remove(input);

        var unset = Action.LoadValid(withoutInput);
        var empty = Action.LoadValid(Env((variable, value), (input, " ")));

        Assert.Equal(variable, Action.Constant("FallbackVariables", property));
        Assert.Equal(expected, Shown(Action.Get(unset, property)));
        Assert.Equal(expected, Shown(Action.Get(empty, property)));
    }

    [Fact]
    public void Only_those_inputs_have_a_fallback()
    {
        Assert.Equal(20, Constants("FallbackVariables").Count());
    }

    [Fact]
    public void An_explicit_input_wins_over_its_fallback_and_an_empty_fallback_leaves_the_default()
    {
        var explicitInput = Action.LoadValid(Env(("AWS_REGION", "eu-north-1"), ("ROLE_DURATION_SECONDS", "900"), ("INPUT_ROLE-DURATION-SECONDS", "1200")));
        var emptyFallback = Action.LoadValid(Env(("AUDIENCE", "  ")));

        Assert.Equal("eu-west-1", Action.Get(explicitInput, "AwsRegion"));
        Assert.Equal(1200, Action.Get(explicitInput, "RoleDurationSeconds"));
        Assert.Equal("sts.amazonaws.com", Action.Get(emptyFallback, "Audience"));
    }

    [Fact]
    public void A_bad_fallback_value_is_reported_under_its_input()
    {
        var error = Action.LoadInvalid(Env(("ROLE_CHAINING", "yes")));

        Assert.Equal(InputErrors.NotBoolean("role-chaining").Message, Assert.Single(error.Errors).Message);
    }

    [Theory]
    [InlineData("HttpProxy", "HTTP_PROXY")]
    [InlineData("NoProxy", "NO_PROXY")]
    [InlineData("AwsAccessKeyId", "AWS_ACCESS_KEY_ID")]
    [InlineData("AwsProfile", "AWS_PROFILE")]
    [InlineData("OutputEnvCredentials", "OUTPUT_ENV_CREDENTIALS")]
    [InlineData("StsEndpoint", "STS_ENDPOINT")]
    public void Other_inputs_ignore_same_named_variables(string property, string variable)
    {
        var inputs = Action.LoadValid(Env((variable, "true")));

        Assert.DoesNotContain(property, Action.InputsType.GetNestedType("FallbackVariables")!.GetFields().Select(f => f.Name));
        Assert.True(Action.Get(inputs, property) is null or "" or Secret { IsEmpty: true }, property + " took " + variable);
    }

    [Fact]
    public void One_input_is_read_alone_without_failing_on_the_others_or_masking_them()
    {
        var masker = new RecordingMasker();
        var environment = new DictionaryEnvironment(new Dictionary<string, string>
        {
            ["INPUT_CLEANUP"] = "FALSE",
            ["INPUT_ROLE-CHAINING"] = "not a boolean",
            ["INPUT_AWS-ACCESS-KEY-ID"] = "AKIDEXAMPLE",
        });

        Assert.Equal(false, Action.ReadOne("Cleanup", environment, masker));
        Assert.Equal(["INPUT_CLEANUP"], environment.Requested);
        Assert.Empty(masker.Masks);
        Assert.Equal(true, Action.ReadOne("Cleanup", new DictionaryEnvironment(new Dictionary<string, string>()), masker));
    }

    [Fact]
    public void Reading_one_invalid_input_alone_reports_only_that_input()
    {
        var environment = new DictionaryEnvironment(new Dictionary<string, string> { ["INPUT_CLEANUP"] = "maybe", ["INPUT_DRY-RUN"] = "maybe" });

        var error = Assert.IsType<InputValidationException>(Record.Exception(() => Action.ReadOne("Cleanup", environment, new RecordingMasker())));

        Assert.Equal(InputErrors.NotBoolean("cleanup").Message, Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void A_secret_read_alone_is_masked()
    {
        var masker = new RecordingMasker();
        var environment = new DictionaryEnvironment(new Dictionary<string, string> { ["INPUT_AWS-SECRET-ACCESS-KEY"] = " wJalrEXAMPLEKEY " });

        var secret = Assert.IsType<Secret>(Action.ReadOne("AwsSecretAccessKey", environment, masker));

        Assert.Equal(["wJalrEXAMPLEKEY"], masker.Masks);
        Assert.Equal("wJalrEXAMPLEKEY", secret.Reveal());
    }

    private static IEnumerable<string> Constants(string nestedClass) =>
        Action.InputsType.GetNestedType(nestedClass)!.GetFields().Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>Lists as comma-joined text, so that theory data can name them.</summary>
    private static object? Shown(object? value) => value is IReadOnlyList<string> list ? string.Join(",", list) : value;

    [Fact]
    public void Load_rejects_null_arguments()
    {
        var load = Action.InputsType.GetMethod("Load")!;

        var exception = Assert.Throws<System.Reflection.TargetInvocationException>(() => load.Invoke(null, [null, new RecordingMasker()]));
        Assert.IsType<ArgumentNullException>(exception.InnerException);
    }
}
