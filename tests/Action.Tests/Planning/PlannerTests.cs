using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Cac.Action.Aws;
using Cac.Action.Errors;
using Cac.Action.Planning;
using Cac.Action.Tags;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Planning;

public sealed partial class PlannerTests
{
    private const string Role = TestInputs.RoleArn;
    private const string Key = "aws-access-key-id=" + TestInputs.AccessKeyId;
    private const string SecretKey = "aws-secret-access-key=" + TestInputs.SecretAccessKey;
    private const string TokenFile = "web-identity-token-file=token.txt";
    private const string Chaining = "role-chaining=true";
    private const string WithRole = "role-to-assume=" + Role;
    private const string ExternalIdIgnored = "'role-external-id' is ignored: AssumeRoleWithWebIdentity (OIDC or a token file) takes no external ID.";
    private const string CustomTagsIgnored = "'custom-tags' is set but will be ignored because session tags cannot be applied when using OIDC or web identity token authentication. Tags are controlled by the identity provider token claims in these authentication flows.";

    private static Plan PlanFor(string[] inputs, DictionaryEnvironment environment)
    {
        var pairs = inputs.Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return (pair[..equals], pair[(equals + 1)..]);
        }).ToArray();
        return Planner.Create(TestInputs.Read(pairs, null), environment);
    }

    private static Plan PlanFor(params string[] inputs) => PlanFor(inputs, Env.RunnerWithIdToken());

    /// <summary>The inputs of each row of the README's "How it picks credentials" table, keyed by the row's first cell.</summary>
    private static readonly Dictionary<string, (string[] Inputs, bool IdToken)> ReadmeRows = new()
    {
        ["`role-to-assume`, job has `id-token: write`"] = ([WithRole], true),
        ["`aws-access-key-id` + `aws-secret-access-key`"] = ([Key, SecretKey], true),
        ["the keys + `role-to-assume`"] = ([Key, SecretKey, WithRole], true),
        ["`role-to-assume` + `web-identity-token-file`"] = ([WithRole, TokenFile], true),
        ["`role-to-assume` + `role-chaining: true`"] = ([WithRole, Chaining], true),
        ["`role-to-assume` without an ID token, on a runner with an instance role"] = ([WithRole], false),
        ["nothing but `aws-region`"] = ([], true),
    };

    public static TheoryData<string> ReadmeRowNames() => [.. ReadmeRows.Keys];

    [Fact]
    public void Every_row_of_the_readme_credentials_table_is_planned_here()
    {
        Assert.Equal(ReadmeRows.Keys.Order(StringComparer.Ordinal), ReadmeTable().Select(row => row.Inputs).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ReadmeRowNames))]
    public void The_plan_of_each_readme_row_has_its_credential_source_and_its_calls(string row)
    {
        var (inputs, idToken) = ReadmeRows[row];
        var documented = Assert.Single(ReadmeTable(), line => line.Inputs == row);

        var plan = PlanFor(inputs, idToken ? Env.RunnerWithIdToken() : Env.RunnerWith());

        Assert.Equal(documented.Source, "`" + plan.Source.ToOutputName() + "`");
        var calls = documented.Calls;
        Assert.Equal(calls.Contains("GetCallerIdentity", StringComparison.Ordinal), plan.ValidatesSourceCredentials);
        Assert.Equal(calls.Contains("GitHub token request", StringComparison.Ordinal), plan.Method == AssumeMethod.WebIdentityOidc);
        Assert.Equal(
            calls.Contains("AssumeRoleWithWebIdentity", StringComparison.Ordinal),
            plan.Method is AssumeMethod.WebIdentityOidc or AssumeMethod.WebIdentityTokenFile);
        Assert.Equal(AssumeRoleCall().IsMatch(calls), plan.Method == AssumeMethod.AssumeRole);
        Assert.Equal(calls.Contains("signed **with the keys**", StringComparison.Ordinal), plan.Method == AssumeMethod.AssumeRole && plan.InputKeys is not null);
    }

    [Fact]
    public void With_nothing_but_a_region_no_credentials_are_handed_out()
    {
        var plan = PlanFor();

        Assert.Null(plan.InputKeys);
        Assert.Null(plan.Role);
        Assert.Equal(AssumeMethod.None, plan.Method);
    }

    // The decision table of docs/planning.md, row by row (numbers as there): which source, which call, and
    // whether the starting credentials are checked first.
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
    [InlineData("8 chaining + role", new[] { Chaining, WithRole }, true, CredentialSource.RoleChaining, AssumeMethod.AssumeRole, true, false)]
    [InlineData("8 chaining + role name", new[] { Chaining, "role-to-assume=MY-ROLE" }, true, CredentialSource.RoleChaining, AssumeMethod.AssumeRole, true, false)]
    [InlineData("8 chaining, no role", new[] { Chaining }, true, CredentialSource.RoleChaining, AssumeMethod.None, true, false)]
    [InlineData("9 chaining + file + role", new[] { Chaining, TokenFile, WithRole }, true, CredentialSource.RoleChaining, AssumeMethod.WebIdentityTokenFile, true, false)]
    [InlineData("10 force-skip-oidc + role", new[] { "force-skip-oidc=true", WithRole }, true, CredentialSource.Ambient, AssumeMethod.AssumeRole, true, false)]
    [InlineData("10 force-skip-oidc + keys + role", new[] { "force-skip-oidc=true", Key, SecretKey, WithRole }, true, CredentialSource.AccessKeys, AssumeMethod.AssumeRole, true, false)]
    public void Create_follows_the_decision_table(
        string row, string[] inputs, bool idToken, CredentialSource source, AssumeMethod method, bool validatesSource, bool oidcImpliedWithoutToken)
    {
        Assert.NotEmpty(row);

        var plan = PlanFor(inputs, idToken ? Env.RunnerWithIdToken() : Env.RunnerWith());

        Assert.Equal((source, method, validatesSource, oidcImpliedWithoutToken), (plan.Source, plan.Method, plan.ValidatesSourceCredentials, plan.OidcImpliedWithoutToken));
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
    public void A_role_arn_is_used_as_given_and_a_role_name_becomes_an_arn_in_the_source_account_and_partition()
    {
        Assert.Equal(Role, PlanFor(Key, SecretKey, WithRole).Role!.ArnIn(null));

        var name = PlanFor(Key, SecretKey, "aws-region=cn-north-1", "role-to-assume=path/MY-ROLE").Role!;

        Assert.Equal("arn:aws-cn:iam::222222222222:role/path/MY-ROLE", name.ArnIn("222222222222"));
    }

    [Fact]
    public void The_session_request_carries_the_session_inputs()
    {
        var plan = PlanFor(
            Key, SecretKey, WithRole, "role-session-name=ci-run", "role-duration-seconds=900", "role-external-id=ext-id",
            "inline-session-policy={\"Version\":\"2012-10-17\"}", "managed-session-policies=arn:aws:iam::aws:policy/ReadOnlyAccess", "source-identity=alice");

        Assert.Equal(
            ("ci-run", 900, "ext-id", "{\"Version\":\"2012-10-17\"}", "alice"),
            (plan.Session.Name, plan.Session.DurationSeconds, plan.Session.ExternalId, plan.Session.InlinePolicy, plan.Session.SourceIdentity));
        Assert.Equal(new[] { "arn:aws:iam::aws:policy/ReadOnlyAccess" }, plan.Session.ManagedPolicyArns);
    }

    [Theory]
    [InlineData(new[] { WithRole, "role-external-id=my-external-id" }, true)]
    [InlineData(new[] { WithRole, "role-external-id=my-external-id", "web-identity-token-file=t.txt", Key, SecretKey }, true)]
    [InlineData(new[] { WithRole, "role-external-id=my-external-id", Key, SecretKey }, false)]
    [InlineData(new[] { WithRole, "role-external-id=my-external-id", Chaining }, false)]
    [InlineData(new[] { WithRole, "role-external-id=my-external-id", "force-skip-oidc=true" }, false)]
    [InlineData(new[] { WithRole }, false)]
    public void An_external_id_with_web_identity_is_warned_about_and_not_sent(string[] inputs, bool warned)
    {
        var plan = PlanFor(inputs);

        Assert.Equal(warned ? new[] { ExternalIdIgnored } : Array.Empty<string>(), plan.Warnings);
        var given = inputs.Any(input => input.StartsWith("role-external-id=", StringComparison.Ordinal));
        Assert.Equal(given && !warned ? "my-external-id" : "", plan.Session.ExternalId);
    }

    [Theory]
    [InlineData(new[] { WithRole }, true)]
    [InlineData(new[] { WithRole, "web-identity-token-file=t.txt", Chaining }, true)]
    [InlineData(new[] { WithRole, Key, SecretKey }, false)]
    [InlineData(new[] { WithRole, Chaining }, false)]
    [InlineData(new string[0], false)]
    public void Custom_tags_with_web_identity_are_warned_about(string[] inputs, bool warned)
    {
        var plan = PlanFor([.. inputs, "custom-tags={\"Team\":\"DevOps\"}"]);

        Assert.Equal(warned ? new[] { CustomTagsIgnored } : Array.Empty<string>(), plan.Warnings);
        Assert.Equal(plan.Method == AssumeMethod.AssumeRole, plan.Session.Tagging.Tags.Contains(new SessionTag("Team", "DevOps")));
    }

    [Fact]
    public void An_empty_custom_tags_object_with_web_identity_is_warned_about_too()
    {
        Assert.Equal(new[] { CustomTagsIgnored }, PlanFor(WithRole, "custom-tags={}").Warnings);
    }

    [Theory]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_TOKEN")]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_URL")]
    public void Without_the_ID_token_variables_a_role_is_assumed_with_AssumeRole_so_nothing_is_warned_about(string missing)
    {
        var plan = PlanFor(new[] { WithRole, "role-external-id=my-external-id", "custom-tags={\"Team\":\"DevOps\"}" }, Env.RunnerWithIdToken((missing, "")));

        Assert.Empty(plan.Warnings);
        Assert.Equal("my-external-id", plan.Session.ExternalId);
    }

    [Fact]
    public void AssumeRole_sends_the_built_in_tags_then_the_custom_tags()
    {
        var tags = PlanFor(Key, SecretKey, WithRole, "custom-tags={\"Environment\":\"Production\",\"Team\":\"DevOps\"}").Session.Tagging.Tags;

        Assert.Equal(15, tags.Count);
        Assert.Equal(SessionTagBuilder.BuiltIn(Env.RunnerWith()), tags.Take(13));
        Assert.Equal(new[] { new SessionTag("Environment", "Production"), new SessionTag("Team", "DevOps") }, tags.Skip(13));
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

        var plan = PlanFor([.. inputs, "custom-tags={\"Team\":\"DevOps\"}", "transitive-tag-keys=Repository\nTeam"]);

        Assert.Same(SessionTagSet.None, plan.Session.Tagging);
    }

    [Fact]
    public void Transitive_keys_are_kept_only_for_tags_that_are_sent()
    {
        var plan = PlanFor(Key, SecretKey, WithRole, "custom-tags={\"Team\":\"DevOps\"}", "transitive-tag-keys=Repository\nMissing\nTeam\nBaseRef");

        Assert.Equal(new[] { "Repository", "Team", "BaseRef" }, plan.Session.Tagging.TransitiveKeys);
    }

    [Fact]
    public void Thirty_seven_custom_tags_fit_with_all_13_built_in_tags()
    {
        Assert.Equal(50, PlanFor(Key, SecretKey, WithRole, "custom-tags=" + CustomTags(37)).Session.Tagging.Tags.Count);
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

        Assert.Equal(50, plan.Session.Tagging.Tags.Count);
    }

    [Fact]
    public void The_tag_limit_does_not_apply_when_tags_are_not_sent()
    {
        Assert.Empty(PlanFor(TokenFile, WithRole, "custom-tags=" + CustomTags(40)).Session.Tagging.Tags);
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
            var plan = PlanFor(inputs);
            Assert.NotEqual(AssumeMethod.None, plan.Method);

            // Whatever is assumed with a name, the account comes from checking the starting credentials first.
            Assert.True(plan.Role!.IsArn || plan.ValidatesSourceCredentials);
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
        Assert.Equal(new StsEndpoint("eu-west-1", "", true, false), PlanFor("aws-region=eu-west-1", "use-fips-endpoint=true").Endpoint);
    }

    [Theory]
    [InlineData(new string[0], true, 12)]
    [InlineData(new[] { "retry-max-attempts=3" }, true, 3)]
    [InlineData(new[] { "disable-retry=true" }, false, 1)]
    [InlineData(new[] { "disable-retry=true", "special-characters-workaround=true" }, true, 12)]
    public void Every_call_gets_the_attempts_of_the_retry_inputs(string[] inputs, bool enabled, int attempts)
    {
        var retry = PlanFor(inputs).Retry;

        Assert.Equal((enabled, attempts), (retry.Enabled, retry.Attempts));
    }

    [Fact]
    public void The_export_inputs_say_where_the_result_goes()
    {
        var exports = PlanFor("aws-profile=dev", "output-credentials=true", "overwrite-aws-profile=true", "cleanup=false", "job-summary=false").Exports;

        Assert.Equal(
            new ExportPlan { EnvironmentVariables = false, CredentialOutputs = true, Profile = "dev", OverwriteProfile = true, Cleanup = false, JobSummary = false },
            exports);
    }

    private static string CustomTags(int count) =>
        "{" + string.Join(",", Enumerable.Range(1, count).Select(i => "\"Custom" + i + "\":\"v\"")) + "}";

    /// <summary>The rows of the README's "How it picks credentials" table: inputs, credential source, calls.</summary>
    private static List<(string Inputs, string Source, string Calls)> ReadmeTable()
    {
        var readme = RepositoryFiles.ReadText("README.md");
        var section = readme[readme.IndexOf("## How it picks credentials", StringComparison.Ordinal)..];
        return section.Split('\n')
            .SkipWhile(line => !line.StartsWith("| Inputs |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Select(cells => (cells[0], cells[1], cells[2]))
            .ToList();
    }

    [GeneratedRegex(@"\bAssumeRole\b(?!WithWebIdentity)")]
    private static partial Regex AssumeRoleCall();
}
