using Cac.Action.Inputs;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Inputs;

public class InputFallbackEnvironmentTests
{
    [Theory]
    [InlineData("AWS_REGION", "INPUT_AWS-REGION")]
    [InlineData("ROLE_TO_ASSUME", "INPUT_ROLE-TO-ASSUME")]
    [InlineData("WEB_IDENTITY_TOKEN_FILE", "INPUT_WEB-IDENTITY-TOKEN-FILE")]
    [InlineData("ROLE_CHAINING", "INPUT_ROLE-CHAINING")]
    [InlineData("AUDIENCE", "INPUT_AUDIENCE")]
    [InlineData("MASK_AWS_ACCOUNT_ID", "INPUT_MASK-AWS-ACCOUNT-ID")]
    [InlineData("ROLE_DURATION_SECONDS", "INPUT_ROLE-DURATION-SECONDS")]
    [InlineData("ROLE_EXTERNAL_ID", "INPUT_ROLE-EXTERNAL-ID")]
    [InlineData("ROLE_SESSION_NAME", "INPUT_ROLE-SESSION-NAME")]
    [InlineData("ROLE_SKIP_SESSION_TAGGING", "INPUT_ROLE-SKIP-SESSION-TAGGING")]
    [InlineData("TRANSITIVE_TAG_KEYS", "INPUT_TRANSITIVE-TAG-KEYS")]
    [InlineData("INLINE_SESSION_POLICY", "INPUT_INLINE-SESSION-POLICY")]
    [InlineData("MANAGED_SESSION_POLICIES", "INPUT_MANAGED-SESSION-POLICIES")]
    [InlineData("OUTPUT_CREDENTIALS", "INPUT_OUTPUT-CREDENTIALS")]
    [InlineData("UNSET_CURRENT_CREDENTIALS", "INPUT_UNSET-CURRENT-CREDENTIALS")]
    [InlineData("DISABLE_RETRY", "INPUT_DISABLE-RETRY")]
    [InlineData("RETRY_MAX_ATTEMPTS", "INPUT_RETRY-MAX-ATTEMPTS")]
    [InlineData("SPECIAL_CHARACTERS_WORKAROUND", "INPUT_SPECIAL-CHARACTERS-WORKAROUND")]
    [InlineData("USE_EXISTING_CREDENTIALS", "INPUT_USE-EXISTING-CREDENTIALS")]
    [InlineData("OVERWRITE_AWS_PROFILE", "INPUT_OVERWRITE-AWS-PROFILE")]
    public void A_fallback_variable_fills_its_empty_input(string variable, string input)
    {
        var unset = new InputFallbackEnvironment(Env.Of((variable, "from-env")));
        var empty = new InputFallbackEnvironment(Env.Of((variable, "from-env"), (input, "")));

        Assert.Equal("from-env", unset.GetVariable(input));
        Assert.Equal("from-env", empty.GetVariable(input));
    }

    [Fact]
    public void An_explicit_input_wins_over_its_fallback_variable()
    {
        var environment = new InputFallbackEnvironment(Env.Of(("AWS_REGION", "eu-west-1"), ("INPUT_AWS-REGION", "us-east-1")));

        Assert.Equal("us-east-1", environment.GetVariable("INPUT_AWS-REGION"));
    }

    [Fact]
    public void An_empty_fallback_variable_leaves_the_input_as_it_is()
    {
        var empty = new InputFallbackEnvironment(Env.Of(("AWS_REGION", ""), ("INPUT_AWS-REGION", "")));
        var unset = new InputFallbackEnvironment(Env.Of());

        Assert.Equal("", empty.GetVariable("INPUT_AWS-REGION"));
        Assert.Null(unset.GetVariable("INPUT_AWS-REGION"));
    }

    [Theory]
    [InlineData("HTTP_PROXY", "INPUT_HTTP-PROXY")]
    [InlineData("HTTPS_PROXY", "INPUT_HTTP-PROXY")]
    [InlineData("NO_PROXY", "INPUT_NO-PROXY")]
    [InlineData("AWS_ACCESS_KEY_ID", "INPUT_AWS-ACCESS-KEY-ID")]
    [InlineData("AWS_SECRET_ACCESS_KEY", "INPUT_AWS-SECRET-ACCESS-KEY")]
    [InlineData("AWS_SESSION_TOKEN", "INPUT_AWS-SESSION-TOKEN")]
    [InlineData("AWS_PROFILE", "INPUT_AWS-PROFILE")]
    [InlineData("OUTPUT_ENV_CREDENTIALS", "INPUT_OUTPUT-ENV-CREDENTIALS")]
    [InlineData("FORCE_SKIP_OIDC", "INPUT_FORCE-SKIP-OIDC")]
    [InlineData("ALLOWED_ACCOUNT_IDS", "INPUT_ALLOWED-ACCOUNT-IDS")]
    [InlineData("ACTION_TIMEOUT_S", "INPUT_ACTION-TIMEOUT-S")]
    [InlineData("CUSTOM_TAGS", "INPUT_CUSTOM-TAGS")]
    [InlineData("STS_ENDPOINT", "INPUT_STS-ENDPOINT")]
    public void Variables_without_a_fallback_are_not_translated(string variable, string input)
    {
        var environment = new InputFallbackEnvironment(Env.Of((variable, "from-env")));

        Assert.Null(environment.GetVariable(input));
    }

    [Fact]
    public void Other_variables_pass_through_unchanged()
    {
        var environment = new InputFallbackEnvironment(Env.Of(("AWS_REGION", "eu-west-1"), ("HTTP_PROXY", "http://proxy.example:3128")));

        Assert.Equal("eu-west-1", environment.GetVariable("AWS_REGION"));
        Assert.Equal("http://proxy.example:3128", environment.GetVariable("HTTP_PROXY"));
        Assert.Null(environment.GetVariable("GITHUB_SHA"));
    }
}
