using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Errors;
using Cac.Action.Inputs;
using Cac.Action.Net.Proxy;
using Cac.Action.Tags;

namespace Cac.Action.Planning;

/// <summary>
/// Turns the validated inputs into the <see cref="Plan"/>: chooses the credential source and the assume
/// call (upstream's decision table with the fixes in docs/differences.md), builds the session request,
/// resolves endpoint and proxy, and checks everything about that choice that needs no network. Every
/// decision is made here, once; docs/planning.md describes them in order.
/// </summary>
public static class Planner
{
    private const string ExternalIdIgnored = "'role-external-id' is ignored: AssumeRoleWithWebIdentity (OIDC or a token file) takes no external ID.";

    private const string CustomTagsIgnored = "'custom-tags' is set but will be ignored because session tags cannot be applied when using OIDC or web identity token authentication. Tags are controlled by the identity provider token claims in these authentication flows.";

    public static Plan Create(ValidatedInputs inputs, IActionEnvironment environment)
    {
        var idTokenAvailable = !string.IsNullOrEmpty(environment.GetVariable("ACTIONS_ID_TOKEN_REQUEST_TOKEN"))
            && !string.IsNullOrEmpty(environment.GetVariable("ACTIONS_ID_TOKEN_REQUEST_URL"));
        var oidcImplied = inputs.HasRole && !inputs.ForceSkipOidc && !inputs.HasAccessKeys
            && !inputs.HasTokenFile && !inputs.RoleChaining;

        var (source, method) = Choose(inputs, oidcImplied, idTokenAvailable);
        CheckRoleNameHasSourceAccount(inputs, method);
        if (method != AssumeMethod.None)
        {
            CheckRunnerVariables(environment);
        }

        var assumeRole = method == AssumeMethod.AssumeRole;
        var tagging = assumeRole && !inputs.SkipSessionTagging
            ? SessionTagSet.Of(BuildTags(inputs, environment), inputs.TransitiveTagKeys)
            : SessionTagSet.None;

        return new Plan
        {
            Source = source,
            Method = method,
            ValidatesSourceCredentials = source is CredentialSource.AccessKeys or CredentialSource.RoleChaining or CredentialSource.Ambient,
            OidcImpliedWithoutToken = oidcImplied && !idTokenAvailable,
            UseExistingCredentials = inputs.UseExistingCredentials,
            Region = inputs.Region,
            Partition = inputs.Partition,
            InputKeys = inputs.HasAccessKeys ? new AccessKeys(inputs.AccessKeyId, inputs.SecretAccessKey, inputs.SessionToken) : null,
            Role = inputs.HasRole ? new RoleToAssume(inputs.RoleToAssume, inputs.Partition) : null,
            Session = new SessionRequest
            {
                Name = inputs.SessionName,
                DurationSeconds = inputs.DurationSeconds,
                ExternalId = assumeRole ? inputs.ExternalId : string.Empty,
                InlinePolicy = inputs.InlineSessionPolicy,
                ManagedPolicyArns = inputs.ManagedSessionPolicies,
                SourceIdentity = assumeRole ? inputs.SourceIdentity : string.Empty,
                Tagging = tagging,
            },
            Audience = inputs.Audience,
            WebIdentityTokenFile = inputs.WebIdentityTokenFile,
            SpecialCharactersWorkaround = inputs.SpecialCharactersWorkaround,
            AllowedAccountIds = inputs.AllowedAccountIds,
            MaskAccountId = inputs.MaskAccountId,
            UnsetCurrentCredentials = inputs.UnsetCurrentCredentials,
            Endpoint = new StsEndpoint(inputs.Region, inputs.StsEndpoint, inputs.UseFipsEndpoint, inputs.UseDualstackEndpoint),
            Proxy = ProxyResolver.Resolve(inputs.HttpProxy, inputs.NoProxy, environment),
            Retry = new RetryPolicy(!inputs.DisableRetry, inputs.RetryMaxAttempts),
            Exports = new ExportPlan
            {
                EnvironmentVariables = inputs.OutputEnvCredentials,
                CredentialOutputs = inputs.OutputCredentials,
                Profile = inputs.AwsProfile,
                OverwriteProfile = inputs.OverwriteAwsProfile,
                Cleanup = inputs.Cleanup,
                JobSummary = inputs.JobSummary,
            },
            TimeoutSeconds = inputs.ActionTimeoutSeconds,
            DryRun = inputs.DryRun,
            Warnings = Warnings(inputs, method),
        };
    }

    private static (CredentialSource Source, AssumeMethod Method) Choose(ValidatedInputs inputs, bool oidcImplied, bool idTokenAvailable)
    {
        // With a token file, the role is always assumed with the file's token, whatever signed in before.
        var roleMethod = !inputs.HasRole ? AssumeMethod.None
            : inputs.HasTokenFile ? AssumeMethod.WebIdentityTokenFile
            : AssumeMethod.AssumeRole;

        if (inputs.HasAccessKeys)
        {
            return (CredentialSource.AccessKeys, roleMethod);
        }

        if (inputs.RoleChaining)
        {
            return (CredentialSource.RoleChaining, roleMethod);
        }

        if (inputs.HasTokenFile)
        {
            return (CredentialSource.WebIdentityTokenFile, AssumeMethod.WebIdentityTokenFile);
        }

        if (oidcImplied && idTokenAvailable)
        {
            return (CredentialSource.Oidc, AssumeMethod.WebIdentityOidc);
        }

        return (CredentialSource.Ambient, roleMethod);
    }

    /// <summary>
    /// A role name becomes an ARN in the account of the starting credentials, which only GetCallerIdentity
    /// tells: a web identity with nothing signed in before has no such account.
    /// </summary>
    private static void CheckRoleNameHasSourceAccount(ValidatedInputs inputs, AssumeMethod method)
    {
        var isName = inputs.HasRole && !inputs.RoleToAssume.StartsWith("arn:", StringComparison.Ordinal);
        var sourceAccountUnknown = method is AssumeMethod.WebIdentityOidc or AssumeMethod.WebIdentityTokenFile
            && !inputs.HasAccessKeys && !inputs.RoleChaining;
        if (isName && sourceAccountUnknown)
        {
            throw new ActionError(
                "Source Account ID is needed if the Role Name is provided and not the Role Arn. Pass the full role ARN (arn:" + inputs.Partition + ":iam::<account ID>:role/" + inputs.RoleToAssume + ").",
                ErrorCode.InvalidInput);
        }
    }

    private static void CheckRunnerVariables(IActionEnvironment environment)
    {
        var missing = SessionTagBuilder.RequiredVariables.Where(name => string.IsNullOrEmpty(environment.GetVariable(name))).ToList();
        if (missing.Count > 0)
        {
            throw new ActionError(
                "Missing required environment variables. Are you running in GitHub Actions? (not set: " + string.Join(", ", missing) + ")",
                ErrorCode.RunnerEnvironment);
        }
    }

    private static List<SessionTag> BuildTags(ValidatedInputs inputs, IActionEnvironment environment)
    {
        var tags = SessionTagBuilder.BuiltIn(environment);
        tags.AddRange(inputs.CustomTags);
        if (tags.Count > SessionTagBuilder.MaxTags)
        {
            throw new ActionError(
                string.Create(CultureInfo.InvariantCulture, $"custom-tags: total session tags ({tags.Count}) would exceed the AWS limit of {SessionTagBuilder.MaxTags}"),
                ErrorCode.InvalidInput);
        }

        return tags;
    }

    /// <summary>Inputs that AssumeRoleWithWebIdentity cannot carry, set anyway (upstream dropped them silently).</summary>
    private static List<string> Warnings(ValidatedInputs inputs, AssumeMethod method)
    {
        var warnings = new List<string>();
        if (method is AssumeMethod.WebIdentityOidc or AssumeMethod.WebIdentityTokenFile)
        {
            if (inputs.ExternalId.Length > 0)
            {
                warnings.Add(ExternalIdIgnored);
            }

            if (inputs.CustomTagsGiven)
            {
                warnings.Add(CustomTagsIgnored);
            }
        }

        return warnings;
    }
}
