using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cac.Action;
using Cac.Emulators;
using Cac.Emulators.Imds;
using Cac.Emulators.Runner;
using Cac.TestSupport;

namespace Cac.EndToEnd.Tests.InProcess;

/// <summary>
/// The ambient chain on a self-hosted runner, in process over real HTTP: the profile kinds of the AWS CLI
/// fixtures against the STS emulator and the instance-metadata, container and SSO stand-ins, and what the
/// run says when a configured profile cannot produce credentials.
/// </summary>
public sealed class AmbientChainTests
{
    private static async Task<(int ExitCode, string Log)> RunAsync(Scenario scenario, string? profile = null)
    {
        var environment = scenario.Aws.SelfHostedEnvironment(scenario.Process);
        // The scenario's inputs and the test's own variables; the stand-ins' variables stay as started.
        foreach (var (name, value) in scenario.Environment)
        {
            environment.TryAdd(name, value);
        }

        if (profile is not null)
        {
            environment["AWS_PROFILE"] = profile;
        }

        environment["ACTIONS_STEP_DEBUG"] = "true";
        var console = new RecordingConsole();
        var exitCode = await ActionHost.RunAsync(
            [], new DictionaryEnvironment(environment.Select(pair => new System.Collections.Generic.KeyValuePair<string, string?>(pair.Key, pair.Value))),
            console, TimeProvider.System, ActionHostOptions.Default, default);
        return (exitCode, string.Join("\n", console.Lines));
    }

    /// <param name="fixture">The AWS CLI fixture to write now; <c>null</c> when the test fills its placeholders first.</param>
    private static async Task<Scenario> StartAsync(string? fixture)
    {
        var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.Sts.Behavior.TrustUnregisteredRoles = true;
        scenario.Input("aws-region", "us-east-1");
        if (fixture is not null)
        {
            LocalAws.ConfigHome(scenario.Process).Write(AwsCliFixture.Load(fixture));
        }

        return scenario;
    }

    /// <summary>A scenario whose profiles are the web-identity fixture, with a token from the OIDC stand-in in the profile's token file.</summary>
    private static async Task<Scenario> StartWithWebIdentityProfileAsync()
    {
        var scenario = await StartAsync(null);
        var tokenFile = Path.Combine(scenario.Process.Home, "irsa-token");
        await File.WriteAllTextAsync(tokenFile, scenario.Oidc.IssueToken("sts.amazonaws.com"));
        LocalAws.ConfigHome(scenario.Process).Write(AwsCliFixture.Load("web-identity").With("TOKEN_FILE", tokenFile));
        return scenario;
    }

    [Fact]
    public async Task A_two_hop_source_profile_chain_assumes_each_role_once_with_the_profile_settings()
    {
        await using var scenario = await StartAsync("role-chain");

        var (exitCode, log) = await RunAsync(scenario, "target");

        AssertWith.Equal(0, exitCode, log);
        var assumes = scenario.Sts.Requests.Where(request => request.Parameter("Action") == "AssumeRole").ToList();
        Assert.Equal(["arn:aws:iam::111111111111:role/middle", "arn:aws:iam::222222222222:role/target"], assumes.Select(request => request.Parameter("RoleArn")));
        Assert.Equal("partner-EXAMPLE", assumes[1].Parameter("ExternalId"));
        Assert.Equal("ci-target", assumes[1].Parameter("RoleSessionName"));
        Assert.Equal("1800", assumes[1].Parameter("DurationSeconds"));
    }

    [Fact]
    public async Task A_five_hop_chain_works_and_a_profile_may_be_its_own_source()
    {
        await using var scenario = await StartAsync("role-chain");
        scenario.Sts.Behavior.RegisterAccessKey("AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");

        var (deepExit, deepLog) = await RunAsync(scenario, "deep-1");
        var (selfExit, selfLog) = await RunAsync(scenario, "self-source");

        AssertWith.Equal(0, deepExit, deepLog);
        AssertWith.Equal(0, selfExit, selfLog);
    }

    [Theory]
    [InlineData("cycle-a", "source_profile makes a cycle: cycle-a -> cycle-b -> cycle-a -> cycle-b")]
    [InlineData("missing-source", "has source_profile 'does-not-exist', which does not exist")]
    [InlineData("bad-credential-source", "credential_source 'Ec2Metadata', which is not Environment, Ec2InstanceMetadata or EcsContainer")]
    [InlineData("both-sources", "has both source_profile and credential_source")]
    [InlineData("needs-mfa", "needs an MFA code (mfa_serial = arn:aws:iam::111111111111:mfa/ci-user)")]
    public async Task A_configured_profile_that_cannot_produce_credentials_is_the_error(string profile, string cause)
    {
        await using var scenario = await StartAsync("role-chain");
        scenario.Input("role-to-assume", LocalAws.DemoRoleArn);

        var (exitCode, log) = await RunAsync(scenario, profile);

        Assert.Equal(1, exitCode);
        Assert.Contains("::error::Credentials could not be loaded, please check your action inputs: profile '" + profile + "'", log, StringComparison.Ordinal);
        Assert.Contains(cause, log, StringComparison.Ordinal);
        Assert.Contains("CAC-E045", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not get an OIDC token", log, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Sts.Requests, request => request.Parameter("RoleArn") == LocalAws.DemoRoleArn);
    }

    [Fact]
    public async Task Credential_source_takes_the_instance_role_and_the_container_role()
    {
        await using var scenario = await StartAsync("role-chain");
        await scenario.Aws.StartInstanceMetadataAsync();
        await scenario.Aws.StartContainerCredentialsAsync();

        var (ec2Exit, ec2Log) = await RunAsync(scenario, "from-ec2");
        var (ecsExit, ecsLog) = await RunAsync(scenario, "from-ecs");

        AssertWith.Equal(0, ec2Exit, ec2Log);
        AssertWith.Equal(0, ecsExit, ecsLog);
        Assert.Contains(scenario.Sts.Requests, request => request.Parameter("RoleArn") == "arn:aws:iam::111111111111:role/from-instance");
        Assert.Contains(scenario.Sts.Requests, request => request.Parameter("RoleArn") == "arn:aws:iam::111111111111:role/from-task");
    }

    [Fact]
    public async Task Without_any_credentials_the_error_lists_what_was_tried_and_debug_says_why_each_declined()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.Input("aws-region", "us-east-1");

        var (exitCode, log) = await RunAsync(scenario);

        Assert.Equal(1, exitCode);
        Assert.Contains("Could not load credentials from any providers (tried environment variables (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set); shared profile files (no profile 'default'", log, StringComparison.Ordinal);
        Assert.Contains("::debug::Ambient credentials: instance metadata service declined: not asked", log, StringComparison.Ordinal);
        Assert.Contains("::debug::Ambient credentials: container credentials declined:", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imds_falls_back_to_v1_when_the_token_request_is_refused_and_says_why_it_declines_otherwise()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.Input("aws-region", "us-east-1");
        var imds = await scenario.Aws.StartInstanceMetadataAsync();
        imds.Behavior.RequireToken = false;
        imds.Behavior.InjectFault(EndpointFault.Status(403), count: 1, InstanceMetadataPath.Token);

        var (exitCode, log) = await RunAsync(scenario);

        AssertWith.Equal(0, exitCode, log);
        Assert.Contains("Using credentials from instance metadata service", log, StringComparison.Ordinal);

        imds.Behavior.RequireToken = true;
        imds.Behavior.InjectFault(EndpointFault.Status(400), count: 1, InstanceMetadataPath.Token);
        var (refusedExit, refusedLog) = await RunAsync(scenario);
        Assert.Equal(1, refusedExit);
        Assert.Contains("instance metadata service (the IMDSv2 token request answered HTTP 400)", refusedLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sso_profile_uses_the_cached_login_and_an_expired_one_names_aws_sso_login()
    {
        await using var scenario = await StartAsync("sso");
        var sso = await scenario.Aws.StartSsoAsync();
        scenario.Aws.AssignSsoRole("111111111111", "Deploy");
        var home = LocalAws.ConfigHome(scenario.Process);
        home.WriteSsoToken(sso.Behavior.Login("my-sso"));

        var (exitCode, log) = await RunAsync(scenario, "sso");
        AssertWith.Equal(0, exitCode, log);

        home.WriteSsoToken(sso.Behavior.Login("my-sso", lifetime: TimeSpan.FromHours(-1)));
        var (expiredExit, expiredLog) = await RunAsync(scenario, "sso");
        Assert.Equal(1, expiredExit);
        Assert.Contains("run `aws sso login --sso-session my-sso`", expiredLog, StringComparison.Ordinal);

        var (mismatchExit, mismatchLog) = await RunAsync(scenario, "sso-mismatch");
        Assert.Equal(1, mismatchExit);
        Assert.Contains("contradicts", mismatchLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_process_gives_credentials_and_its_failure_is_the_error_without_its_stderr()
    {
        await using var scenario = await StartAsync(null);
        var recorded = Path.Combine(scenario.Process.Home, "process-runs");
        Directory.CreateDirectory(recorded);
        var user = new IssuedCredentials(Scenario.UserAccessKeyId, Scenario.UserSecretAccessKey, string.Empty, DateTimeOffset.UtcNow.AddHours(1), "111111111111", Scenario.UserArn);
        var printing = CredentialProcessCommand.Printing(recorded, user).Recording(recorded);
        LocalAws.ConfigHome(scenario.Process).Write(AwsCliFixture.Load("process").With("CREDENTIAL_PROCESS", printing.CommandLine));
        scenario.Input("role-to-assume", LocalAws.DemoRoleArn);

        var (exitCode, log) = await RunAsync(scenario, "process");
        AssertWith.Equal(0, exitCode, log);
        Assert.True(File.Exists(printing.ArgumentsFile));

        var failing = CredentialProcessCommand.Failing(3, "token=SECRET-IN-STDERR-EXAMPLE");
        LocalAws.ConfigHome(scenario.Process).Write(AwsCliFixture.Load("process").With("CREDENTIAL_PROCESS", failing.CommandLine));
        var (failedExit, failedLog) = await RunAsync(scenario, "process");
        Assert.Equal(1, failedExit);
        Assert.Contains("profile 'process': credential_process exited with code 3", failedLog, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-IN-STDERR", failedLog, StringComparison.Ordinal);

        var (sourcedExit, sourcedLog) = await RunAsync(scenario, "process-then-role");
        Assert.Equal(1, sourcedExit);
        Assert.Contains("inputs: profile 'process-then-role': profile 'process' (source of 'process-then-role'): credential_process exited with code 3", sourcedLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_identity_token_file_in_the_profile_is_exchanged_and_a_missing_one_is_the_error()
    {
        await using var scenario = await StartWithWebIdentityProfileAsync();

        var (exitCode, log) = await RunAsync(scenario);
        var (missingExit, missingLog) = await RunAsync(scenario, "web-identity-missing-file");

        AssertWith.Equal(0, exitCode, log);
        var exchange = Assert.Single(scenario.Sts.Requests, request => request.Parameter("Action") == "AssumeRoleWithWebIdentity");
        Assert.Equal("runner-pod", exchange.Parameter("RoleSessionName"));
        Assert.Equal(1, missingExit);
        Assert.Contains("profile 'web-identity-missing-file': Web identity token file does not exist: /var/run/secrets/eks.amazonaws.com/serviceaccount/does-not-exist", missingLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sts_call_of_the_chain_that_gets_no_answer_or_a_redirect_fails_with_the_code_of_what_happened()
    {
        await using var scenario = await StartWithWebIdentityProfileAsync();

        scenario.Sts.Behavior.InjectFault(StsFault.DropConnection, count: 1, StsAction.AssumeRoleWithWebIdentity);
        var (droppedExit, droppedLog) = await RunAsync(scenario);
        scenario.Sts.Behavior.InjectFault(StsFault.RedirectTo(new Uri("http://127.0.0.1:9/")), count: 1, StsAction.AssumeRoleWithWebIdentity);
        var (redirectedExit, redirectedLog) = await RunAsync(scenario);
        LocalAws.ConfigHome(scenario.Process).Write(AwsCliFixture.Load("role-chain"));
        scenario.Sts.Behavior.InjectFault(StsFault.DropConnection, count: 1, StsAction.AssumeRole);
        var (chainExit, chainLog) = await RunAsync(scenario, "target");

        Assert.Equal(1, droppedExit);
        Assert.Contains("[CAC-E012]", droppedLog, StringComparison.Ordinal);
        Assert.Equal(1, redirectedExit);
        Assert.Contains("[CAC-E030]", redirectedLog, StringComparison.Ordinal);
        Assert.Equal(1, chainExit);
        Assert.Contains("[CAC-E012]", chainLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chain_is_resolved_once_even_when_existing_credentials_are_checked_first()
    {
        await using var scenario = await StartAsync("role-chain");
        scenario.Input("role-to-assume", LocalAws.DemoRoleArn).Input("use-existing-credentials", "true");
        scenario.Sts.Behavior.InjectFault(StsFault.InternalFailure, count: 1, StsAction.GetCallerIdentity);

        var (exitCode, log) = await RunAsync(scenario, "target");

        AssertWith.Equal(0, exitCode, log);
        Assert.Contains("No valid credentials exist. Running as normal.", log, StringComparison.Ordinal);
        Assert.Equal(
            ["arn:aws:iam::111111111111:role/middle", "arn:aws:iam::222222222222:role/target", LocalAws.DemoRoleArn],
            scenario.Sts.Requests.Where(request => request.Parameter("Action") == "AssumeRole").Select(request => request.Parameter("RoleArn")));
    }

    [Fact]
    public async Task Sso_profiles_legacy_sourced_and_broken_ones()
    {
        await using var scenario = await StartAsync("sso");
        var sso = await scenario.Aws.StartSsoAsync();
        scenario.Aws.AssignSsoRole("111111111111", "Deploy");
        var home = LocalAws.ConfigHome(scenario.Process);

        var (missingExit, missingLog) = await RunAsync(scenario, "sso-legacy");
        home.WriteSsoToken(sso.Behavior.Login(), SsoTimestampStyle.UtcSuffix);
        var (legacyExit, legacyLog) = await RunAsync(scenario, "sso-legacy");
        home.WriteSsoToken(sso.Behavior.Login("my-sso"), SsoTimestampStyle.Offset);
        var (sourcedExit, sourcedLog) = await RunAsync(scenario, "sso-then-role");
        var (noSessionExit, noSessionLog) = await RunAsync(scenario, "sso-missing-session");

        Assert.Equal(1, missingExit);
        Assert.Contains("no SSO login for https://d-0123456789.awsapps.com/start is cached", missingLog, StringComparison.Ordinal);
        Assert.Contains("run `aws sso login --profile sso-legacy` on the runner", missingLog, StringComparison.Ordinal);
        AssertWith.Equal(0, legacyExit, legacyLog);
        AssertWith.Equal(0, sourcedExit, sourcedLog);
        Assert.Contains(scenario.Sts.Requests, request => request.Parameter("RoleArn") == "arn:aws:iam::222222222222:role/cross-account");
        Assert.Equal(1, noSessionExit);
        Assert.Contains("sso_session 'no-such-session' has no [sso-session no-such-session] section", noSessionLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sso_role_the_user_is_not_assigned_is_the_error()
    {
        await using var scenario = await StartAsync("sso");
        var sso = await scenario.Aws.StartSsoAsync();
        LocalAws.ConfigHome(scenario.Process).WriteSsoToken(sso.Behavior.Login("my-sso"));

        var (exitCode, log) = await RunAsync(scenario, "sso");

        Assert.Equal(1, exitCode);
        Assert.Contains("the SSO user has no access to role 'Deploy' in account 111111111111 (HTTP 403 ForbiddenException", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imds_v1_is_not_used_when_AWS_EC2_METADATA_V1_DISABLED_forbids_it()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.Input("aws-region", "us-east-1");
        var imds = await scenario.Aws.StartInstanceMetadataAsync();
        imds.Behavior.RequireToken = false;
        imds.Behavior.InjectFault(EndpointFault.Status(405), count: 1, InstanceMetadataPath.Token);
        scenario.Environment["AWS_EC2_METADATA_V1_DISABLED"] = "true";

        var (exitCode, log) = await RunAsync(scenario);

        Assert.Equal(1, exitCode);
        Assert.Contains("the IMDSv2 token request answered HTTP 405, and AWS_EC2_METADATA_V1_DISABLED=true forbids IMDSv1", log, StringComparison.Ordinal);
    }
    [Fact]
    public async Task A_failing_task_role_does_not_fall_back_to_the_instance_role()
    {
        await using var scenario = await Scenario.StartAsync(withIdToken: false);
        scenario.Input("aws-region", "us-east-1");
        var imds = await scenario.Aws.StartInstanceMetadataAsync();
        var container = await scenario.Aws.StartContainerCredentialsAsync();
        container.Behavior.InjectFault(EndpointFault.Status(500), count: 100);

        var (exitCode, log) = await RunAsync(scenario);

        Assert.Equal(1, exitCode);
        Assert.Contains("container credentials (" + container.FullUri.GetLeftPart(UriPartial.Authority) + " answered HTTP 500", log, StringComparison.Ordinal);
        Assert.Contains("instance metadata service (not asked: container credentials are configured", log, StringComparison.Ordinal);
        Assert.Empty(imds.Requests);
    }
    [Fact]
    public async Task The_order_is_environment_profile_token_file_container_instance()
    {
        await using var scenario = await StartAsync("basic");
        await scenario.Aws.StartInstanceMetadataAsync();
        await scenario.Aws.StartContainerCredentialsAsync();
        var tokenFile = Path.Combine(scenario.Process.Home, "irsa-token");
        await File.WriteAllTextAsync(tokenFile, scenario.Oidc.IssueToken("sts.amazonaws.com"));
        scenario.Environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile;
        scenario.Environment["AWS_ROLE_ARN"] = "arn:aws:iam::111111111111:role/irsa";
        scenario.WithJobCredentials();

        var (environmentExit, environmentLog) = await RunAsync(scenario);
        var (profileExit, profileLog) = await RunAsync(scenario, "default");
        LocalAws.ConfigHome(scenario.Process).WriteConfig(string.Empty).WriteCredentials(string.Empty);
        var (tokenExit, tokenLog) = await RunAsync(scenario, "default");
        scenario.Environment.Remove("AWS_WEB_IDENTITY_TOKEN_FILE");
        var (containerExit, containerLog) = await RunAsync(scenario, "default");

        AssertWith.Equal(0, environmentExit, environmentLog);
        Assert.Contains("::debug::Using credentials from environment variables", environmentLog, StringComparison.Ordinal);
        AssertWith.Equal(0, profileExit, profileLog);
        Assert.Contains("::debug::Ambient credentials: environment variables declined: AWS_PROFILE is set", profileLog, StringComparison.Ordinal);
        Assert.Contains("::debug::Using credentials from profile 'default' in ", profileLog, StringComparison.Ordinal);
        AssertWith.Equal(0, tokenExit, tokenLog);
        Assert.Contains("::debug::Using credentials from web identity token file in AWS_WEB_IDENTITY_TOKEN_FILE", tokenLog, StringComparison.Ordinal);
        AssertWith.Equal(0, containerExit, containerLog);
        Assert.Contains("::debug::Using credentials from container credentials at ", containerLog, StringComparison.Ordinal);
    }
}
