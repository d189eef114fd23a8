using System;
using System.Linq;
using Cac.Action.Aws;
using Cac.Action.Errors;
using Cac.Action.Planning;
using Cac.Action.Tags;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Planning;

public class PlannerTests
{
    private const string Role = TestInputs.RoleArn;
    private const string Key = "aws-access-key-id=" + TestInputs.AccessKeyId;
    private const string SecretKey = "aws-secret-access-key=" + TestInputs.SecretAccessKey;
    private const string TokenFile = "web-identity-token-file=token.txt";
    private const string Chaining = "role-chaining=true";
    private const string WithRole = "role-to-assume=" + Role;

    private static Plan PlanFor(string[] inputs, DictionaryEnvironment environment)
    {
        var pairs = inputs.Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return (pair[..equals], pair[(equals + 1)..]);
        }).ToArray();
        var settings = TestInputs.Read(pairs, null, out _);
        return Planner.Create(settings, environment);
    }

    private static Plan PlanFor(params string[] inputs) => PlanFor(inputs, Env.RunnerWithIdToken());

    // Rows of upstream §2.5, as changed by decisions.md (#10 force-skip-oidc, #24 token file without role).
    [Theory]
    [InlineData("1 OIDC", new[] { WithRole }, true, CredentialSource.Oidc, AssumeMethod.WebIdentityOidc, false, false)]
    [InlineData("2 role, no ID token", new[] { WithRole }, false, CredentialSource.Ambient, AssumeMethod.AssumeRole, true, true)]
    [InlineData("2 role name, no ID token", new[] { "role-to-assume=MY-ROLE" }, false, CredentialSource.Ambient, AssumeMethod.AssumeRole, true, true)]
    [InlineData("3 nothing", new string[0], true, CredentialSource.Ambient, AssumeMethod.None, true, false)]
    [InlineData("3 nothing, no ID token", new string[0], false, CredentialSource.Ambient, AssumeMethod.None, true, false)]
    [InlineData("4 keys", new[] { Key, SecretKey }, true, CredentialSource.AccessKeys, AssumeMethod.None, true, false)]
    [InlineData("4 keys + chaining", new[] { Key, SecretKey, Chaining }, true, CredentialSource.AccessKeys, AssumeMethod.None, true, false)]
    [InlineData("5 keys + role", new[] { Key, SecretKey, WithRole }, true, CredentialSource.AccessKeys, AssumeMethod.AssumeRole, true, false)]
    [InlineData("5 keys + role name", new[] { Key, SecretKey, "role-to-assume=MY-ROLE" }, true, CredentialSource.AccessKeys, AssumeMethod.AssumeRole, true, false)]
    [InlineData("6 keys + file + role", new[] { Key, SecretKey, TokenFile, WithRole }, true, CredentialSource.AccessKeys, AssumeMethod.WebIdentityTokenFile, true, false)]
    [InlineData("7 file + role", new[] { TokenFile, WithRole }, true, CredentialSource.WebIdentityTokenFile, AssumeMethod.WebIdentityTokenFile, false, false)]
    [InlineData("7 file + role, no ID token", new[] { TokenFile, WithRole }, false, CredentialSource.WebIdentityTokenFile, AssumeMethod.WebIdentityTokenFile, false, false)]
    [InlineData("9 chaining + role", new[] { Chaining, WithRole }, true, CredentialSource.RoleChaining, AssumeMethod.AssumeRole, true, false)]
    [InlineData("9 chaining + role name", new[] { Chaining, "role-to-assume=MY-ROLE" }, true, CredentialSource.RoleChaining, AssumeMethod.AssumeRole, true, false)]
    [InlineData("9 chaining, no role", new[] { Chaining }, true, CredentialSource.RoleChaining, AssumeMethod.None, true, false)]
    [InlineData("10 chaining + file + role", new[] { Chaining, TokenFile, WithRole }, true, CredentialSource.RoleChaining, AssumeMethod.WebIdentityTokenFile, true, false)]
    [InlineData("11 force-skip-oidc + role", new[] { "force-skip-oidc=true", WithRole }, true, CredentialSource.Ambient, AssumeMethod.AssumeRole, true, false)]
    [InlineData("force-skip-oidc + keys + role", new[] { "force-skip-oidc=true", Key, SecretKey, WithRole }, true, CredentialSource.AccessKeys, AssumeMethod.AssumeRole, true, false)]
    public void Create_follows_the_call_matrix(
        string row, string[] inputs, bool idToken, CredentialSource source, AssumeMethod method, bool validatesSource, bool oidcImpliedWithoutToken)
    {
        var plan = PlanFor(inputs, idToken ? Env.RunnerWithIdToken() : Env.RunnerWith());

        Assert.True(source == plan.Source, row + ": source " + plan.Source);
        Assert.True(method == plan.Method, row + ": method " + plan.Method);
        Assert.True(validatesSource == plan.ValidatesSourceCredentials, row + ": ValidatesSourceCredentials");
        Assert.True(oidcImpliedWithoutToken == plan.OidcImpliedWithoutToken, row + ": OidcImpliedWithoutToken");
    }

    [Theory]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_TOKEN")]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_URL")]
    public void OIDC_needs_both_ID_token_request_variables(string missing)
    {
        var plan = PlanFor(new[] { WithRole }, Env.RunnerWithIdToken((missing, "")));

        Assert.Equal(CredentialSource.Ambient, plan.Source);
        Assert.Equal(AssumeMethod.AssumeRole, plan.Method);
        Assert.True(plan.OidcImpliedWithoutToken);
    }

    [Fact]
    public void AssumeRole_sends_the_built_in_tags_then_the_custom_tags()
    {
        var plan = PlanFor(Key, SecretKey, WithRole, "custom-tags={\"Environment\":\"Production\",\"Team\":\"DevOps\"}");

        Assert.Equal(15, plan.Tags.Count);
        Assert.Equal(SessionTagBuilder.BuiltIn(Env.RunnerWith()), plan.Tags.Take(13));
        Assert.Equal(new[] { new SessionTag("Environment", "Production"), new SessionTag("Team", "DevOps") }, plan.Tags.Skip(13));
    }

    [Theory]
    [InlineData("OIDC", new[] { WithRole })]
    [InlineData("token file", new[] { TokenFile, WithRole })]
    [InlineData("keys + token file", new[] { Key, SecretKey, TokenFile, WithRole })]
    [InlineData("no role", new[] { Key, SecretKey })]
    [InlineData("keys, skipped", new[] { Key, SecretKey, WithRole, "role-skip-session-tagging=true" })]
    [InlineData("chaining, skipped", new[] { Chaining, WithRole, "role-skip-session-tagging=true" })]
    public void Tags_and_transitive_keys_are_only_sent_with_AssumeRole_and_not_when_skipped(string path, string[] inputs)
    {
        Assert.NotEmpty(path);
        var all = inputs.Append("custom-tags={\"Team\":\"DevOps\"}").Append("transitive-tag-keys=Repository\nTeam").ToArray();

        var plan = PlanFor(all);

        Assert.Empty(plan.Tags);
        Assert.Empty(plan.TransitiveTagKeys);
    }

    [Fact]
    public void Transitive_keys_are_kept_only_for_tags_that_are_sent()
    {
        var plan = PlanFor(Key, SecretKey, WithRole, "custom-tags={\"Team\":\"DevOps\"}", "transitive-tag-keys=Repository\nMissing\nTeam\nBaseRef");

        Assert.Equal(new[] { "Repository", "Team", "BaseRef" }, plan.TransitiveTagKeys);
    }

    [Fact]
    public void Thirty_seven_custom_tags_fit_with_all_13_built_in_tags()
    {
        var plan = PlanFor(Key, SecretKey, WithRole, "custom-tags=" + CustomTags(37));

        Assert.Equal(50, plan.Tags.Count);
    }

    [Fact]
    public void More_than_50_tags_in_total_are_rejected()
    {
        var error = Assert.Throws<ActionError>(() => PlanFor(Key, SecretKey, WithRole, "custom-tags=" + CustomTags(38)));

        Assert.Equal("custom-tags: total session tags (51) would exceed the AWS limit of 50", error.Message);
        Assert.Same(ErrorCode.InvalidInput, error.Code);
    }

    [Fact]
    public void The_tag_limit_counts_only_the_built_in_tags_present()
    {
        var environment = Env.RunnerWith(("GITHUB_BASE_REF", null), ("GITHUB_HEAD_REF", null));

        var plan = PlanFor(new[] { Key, SecretKey, WithRole, "custom-tags=" + CustomTags(39) }, environment);

        Assert.Equal(50, plan.Tags.Count);
    }

    [Fact]
    public void The_tag_limit_does_not_apply_when_tags_are_not_sent()
    {
        var plan = PlanFor(TokenFile, WithRole, "custom-tags=" + CustomTags(40));

        Assert.Empty(plan.Tags);
    }

    [Theory]
    [InlineData(new[] { "role-to-assume=MY-ROLE" }, true)] // OIDC
    [InlineData(new[] { "role-to-assume=MY-ROLE", TokenFile }, true)]
    [InlineData(new[] { "role-to-assume=MY-ROLE", TokenFile, Chaining }, false)]
    [InlineData(new[] { "role-to-assume=MY-ROLE", TokenFile, Key, SecretKey }, false)]
    [InlineData(new[] { "role-to-assume=MY-ROLE", Key, SecretKey }, false)]
    [InlineData(new[] { "role-to-assume=MY-ROLE", Chaining }, false)]
    [InlineData(new[] { WithRole, TokenFile }, false)]
    public void A_role_name_needs_a_known_source_account(string[] inputs, bool fails)
    {
        if (fails)
        {
            var error = Assert.Throws<ActionError>(() => PlanFor(inputs));
            Assert.Equal(
                "Source Account ID is needed if the Role Name is provided and not the Role Arn. Pass the full role ARN (arn:aws:iam::<account ID>:role/MY-ROLE).",
                error.Message);
            Assert.Same(ErrorCode.InvalidInput, error.Code);
        }
        else
        {
            Assert.NotEqual(AssumeMethod.None, PlanFor(inputs).Method);
        }
    }

    [Fact]
    public void The_role_name_hint_uses_the_region_partition()
    {
        var error = Assert.Throws<ActionError>(() => PlanFor("aws-region=cn-north-1", "role-to-assume=MY-ROLE"));

        Assert.EndsWith("(arn:aws-cn:iam::<account ID>:role/MY-ROLE).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GITHUB_REPOSITORY")]
    [InlineData("GITHUB_WORKFLOW")]
    [InlineData("GITHUB_ACTION")]
    [InlineData("GITHUB_ACTOR")]
    [InlineData("GITHUB_SHA")]
    [InlineData("GITHUB_WORKSPACE")]
    public void Assuming_a_role_needs_the_runner_variables(string missing)
    {
        foreach (var inputs in new[] { new[] { WithRole }, new[] { Key, SecretKey, WithRole }, new[] { TokenFile, WithRole }, new[] { Chaining, WithRole, "role-skip-session-tagging=true" } })
        {
            var error = Assert.Throws<ActionError>(() => PlanFor(inputs, Env.RunnerWithIdToken((missing, ""))));

            Assert.Equal("Missing required environment variables. Are you running in GitHub Actions? (not set: " + missing + ")", error.Message);
            Assert.Same(ErrorCode.RunnerEnvironment, error.Code);
        }
    }

    [Fact]
    public void Every_missing_runner_variable_is_named()
    {
        var error = Assert.Throws<ActionError>(() => PlanFor(new[] { WithRole }, Env.Of()));

        Assert.Equal(
            "Missing required environment variables. Are you running in GitHub Actions? (not set: GITHUB_REPOSITORY, GITHUB_WORKFLOW, GITHUB_ACTION, GITHUB_ACTOR, GITHUB_SHA, GITHUB_WORKSPACE)",
            error.Message);
    }

    [Fact]
    public void Without_a_role_the_runner_variables_are_not_needed()
    {
        Assert.Equal(AssumeMethod.None, PlanFor(new[] { Key, SecretKey }, Env.Of()).Method);
    }

    [Fact]
    public void The_endpoint_carries_the_region_and_endpoint_settings()
    {
        var plan = PlanFor("aws-region=eu-west-1", "use-fips-endpoint=true");

        Assert.Equal(new StsEndpoint("eu-west-1", "", true, false), plan.Endpoint);
    }

    [Fact]
    public void FilterTransitiveKeys_keeps_order_and_duplicates_of_keys_naming_a_tag()
    {
        var tags = new[] { new SessionTag("Repository", "r"), new SessionTag("Team", "t") };

        var kept = Planner.FilterTransitiveKeys(new[] { "Team", "Missing", "Repository", "Team", "repository", "" }, tags);

        Assert.Equal(new[] { "Team", "Repository", "Team", "repository" }, kept);
    }

    [Fact]
    public void FilterTransitiveKeys_with_no_tags_keeps_nothing()
    {
        Assert.Empty(Planner.FilterTransitiveKeys(new[] { "Repository" }, Array.Empty<SessionTag>()));
    }

    private static string CustomTags(int count) =>
        "{" + string.Join(",", Enumerable.Range(1, count).Select(i => "\"Custom" + i + "\":\"v\"")) + "}";
}
