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
/// Chooses the credential source and the assume call from the settings (upstream's decision table, with
/// the fixes of decisions.md §2), and checks everything about that choice that needs no network.
/// </summary>
public static class Planner
{
    public static Plan Create(ValidatedInputs settings, IActionEnvironment environment)
    {
        var idTokenAvailable = !string.IsNullOrEmpty(environment.GetVariable("ACTIONS_ID_TOKEN_REQUEST_TOKEN"))
            && !string.IsNullOrEmpty(environment.GetVariable("ACTIONS_ID_TOKEN_REQUEST_URL"));
        var oidcImplied = settings.HasRole && !settings.ForceSkipOidc && !settings.HasAccessKeys
            && !settings.HasTokenFile && !settings.RoleChaining;

        var (source, method) = Choose(settings, oidcImplied, idTokenAvailable);
        CheckRoleNameHasSourceAccount(settings, method);
        if (method != AssumeMethod.None)
        {
            CheckRunnerVariables(environment);
        }

        var tags = method == AssumeMethod.AssumeRole && !settings.SkipSessionTagging
            ? BuildTags(settings, environment)
            : [];

        return new Plan
        {
            Source = source,
            Method = method,
            ValidatesSourceCredentials = source is CredentialSource.AccessKeys or CredentialSource.RoleChaining or CredentialSource.Ambient,
            OidcImpliedWithoutToken = oidcImplied && !idTokenAvailable,
            Tags = tags,
            TransitiveTagKeys = FilterTransitiveKeys(settings.TransitiveTagKeys, tags),
            Endpoint = new StsEndpoint(settings.Region, settings.StsEndpoint, settings.UseFipsEndpoint, settings.UseDualstackEndpoint),
            Proxy = ProxyResolver.Resolve(settings.HttpProxy, settings.NoProxy, environment),
        };
    }

    /// <summary>Keeps the transitive keys that name a tag actually sent (STS rejects the others).</summary>
    public static IReadOnlyList<string> FilterTransitiveKeys(IReadOnlyList<string> keys, IReadOnlyList<SessionTag> tags) =>
        keys.Where(key => tags.Any(tag => string.Equals(tag.Key, key, StringComparison.OrdinalIgnoreCase))).ToList();

    private static (CredentialSource Source, AssumeMethod Method) Choose(ValidatedInputs settings, bool oidcImplied, bool idTokenAvailable)
    {
        // With a token file, the role is always assumed with the file's token, whatever signed in before.
        var roleMethod = !settings.HasRole ? AssumeMethod.None
            : settings.HasTokenFile ? AssumeMethod.WebIdentityTokenFile
            : AssumeMethod.AssumeRole;

        if (settings.HasAccessKeys)
        {
            return (CredentialSource.AccessKeys, roleMethod);
        }

        if (settings.RoleChaining)
        {
            return (CredentialSource.RoleChaining, roleMethod);
        }

        if (settings.HasTokenFile)
        {
            return (CredentialSource.WebIdentityTokenFile, AssumeMethod.WebIdentityTokenFile);
        }

        if (oidcImplied && idTokenAvailable)
        {
            return (CredentialSource.Oidc, AssumeMethod.WebIdentityOidc);
        }

        return (CredentialSource.Ambient, roleMethod);
    }

    private static void CheckRoleNameHasSourceAccount(ValidatedInputs settings, AssumeMethod method)
    {
        var isName = settings.HasRole && !settings.RoleToAssume.StartsWith("arn:", StringComparison.Ordinal);
        var sourceAccountUnknown = method is AssumeMethod.WebIdentityOidc or AssumeMethod.WebIdentityTokenFile
            && !settings.HasAccessKeys && !settings.RoleChaining;
        if (isName && sourceAccountUnknown)
        {
            throw new ActionError(
                "Source Account ID is needed if the Role Name is provided and not the Role Arn. Pass the full role ARN (arn:" + settings.Partition + ":iam::<account ID>:role/" + settings.RoleToAssume + ").",
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

    private static List<SessionTag> BuildTags(ValidatedInputs settings, IActionEnvironment environment)
    {
        var tags = SessionTagBuilder.BuiltIn(environment);
        tags.AddRange(settings.CustomTags);
        if (tags.Count > SessionTagBuilder.MaxTags)
        {
            throw new ActionError(
                string.Create(CultureInfo.InvariantCulture, $"custom-tags: total session tags ({tags.Count}) would exceed the AWS limit of {SessionTagBuilder.MaxTags}"),
                ErrorCode.InvalidInput);
        }

        return tags;
    }
}
