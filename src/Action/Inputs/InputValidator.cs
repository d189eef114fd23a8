using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Errors;
using Cac.Action.Generated;
using Cac.Action.Tags;

namespace Cac.Action.Inputs;

/// <summary>
/// Turns the generated <see cref="ActionInputs"/> into <see cref="ValidatedInputs"/>: applies the defaults that
/// depend on other inputs, and runs every check of an input's value that needs no network, so a bad input
/// fails before any call is made. All problems are reported together. What the inputs mean together (the
/// credential source, the calls) is the <see cref="Planning.Planner"/>'s to decide.
/// </summary>
public static partial class InputValidator
{
    public const int DefaultDurationSeconds = 3600;
    public const int DefaultRetryMaxAttempts = 12;
    public const string DefaultSessionName = "GitHubActions";

    /// <summary>Reads and checks every input; throws one <see cref="ActionError"/> listing all problems.</summary>
    public static ValidatedInputs Read(ActionInputs inputs, IActionEnvironment environment)
    {
        var errors = new List<string>();

        var region = inputs.AwsRegion;
        if (!RegionPattern().IsMatch(region))
        {
            errors.Add($"Region is not valid: {region}. Expected lower-case letters, digits and hyphens ending in a number, e.g. us-east-1.");
        }

        var partition = Partition.FromRegion(region);
        var sessionName = inputs.RoleSessionName.Length == 0 ? DefaultSessionName : inputs.RoleSessionName;
        CheckSessionName(sessionName, errors);

        var duration = inputs.RoleDurationSeconds ?? DefaultDurationSeconds;
        CheckRange(ActionInputs.Names.RoleDurationSeconds, duration, 900, 43200, errors);

        var retryMaxAttempts = inputs.RetryMaxAttempts ?? DefaultRetryMaxAttempts;
        CheckRange(ActionInputs.Names.RetryMaxAttempts, retryMaxAttempts, 1, 100, errors);

        var timeout = inputs.ActionTimeoutS ?? 0;
        if (timeout < 0)
        {
            errors.Add($"Input 'action-timeout-s' must be 0 (no bound) or a positive number of seconds, got {timeout.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!inputs.AwsAccessKeyId.IsEmpty && inputs.AwsSecretAccessKey.IsEmpty)
        {
            errors.Add("'aws-secret-access-key' must be provided if 'aws-access-key-id' is provided");
        }

        if (inputs.AwsAccessKeyId.IsEmpty && !inputs.AwsSecretAccessKey.IsEmpty)
        {
            errors.Add("'aws-access-key-id' must be provided if 'aws-secret-access-key' is provided");
        }

        var role = inputs.RoleToAssume;
        CheckRole(role, partition, errors);

        if (inputs.WebIdentityTokenFile.Length > 0 && role.Length == 0)
        {
            errors.Add("'web-identity-token-file' is set but 'role-to-assume' is not: a web identity token can only be used to assume a role.");
        }

        var roleChaining = inputs.RoleChaining ?? false;
        var forceSkipOidc = inputs.ForceSkipOidc ?? false;
        if (inputs.RoleExternalId.Length > 0 && (inputs.RoleExternalId.Length < 2 || inputs.RoleExternalId.Length > 1224 || !ExternalIdPattern().IsMatch(inputs.RoleExternalId)))
        {
            errors.Add("Input 'role-external-id' must be 2 to 1224 characters from letters, digits and _+=,.@:/-");
        }

        CheckSourceIdentity(inputs.SourceIdentity, errors);

        var allowedAccounts = new List<string>();
        foreach (var account in inputs.AllowedAccountIds)
        {
            if (AccountPattern().IsMatch(account))
            {
                allowedAccounts.Add(account);
            }
            else
            {
                errors.Add($"Input 'allowed-account-ids' must be 12-digit AWS account IDs separated by commas, got '{account}'");
            }
        }

        var customTags = CustomTagsParser.Parse(inputs.CustomTags, out var tagError);
        if (tagError is not null)
        {
            errors.Add(tagError);
        }

        if (inputs.AwsProfile.Length > 0 && Profiles.ProfileName.Validate(inputs.AwsProfile) is { } profileError)
        {
            errors.Add("Failed to write AWS profile '" + inputs.AwsProfile + "': " + profileError);
        }

        CheckPolicy(inputs.InlineSessionPolicy, errors);
        CheckManagedPolicies(inputs.ManagedSessionPolicies, errors);

        var endpoint = ResolveEndpoint(inputs, environment, errors);
        if (inputs.StsEndpoint.Length > 0 && (inputs.UseFipsEndpoint || inputs.UseDualstackEndpoint))
        {
            errors.Add("'sts-endpoint' cannot be combined with 'use-fips-endpoint' or 'use-dualstack-endpoint': remove one of them.");
        }

        if (errors.Count > 0)
        {
            throw new ActionError(string.Join("\n", errors), ErrorCode.InvalidInput);
        }

        return new ValidatedInputs
        {
            Region = region,
            Partition = partition,
            RoleToAssume = role,
            AccessKeyId = inputs.AwsAccessKeyId,
            SecretAccessKey = inputs.AwsSecretAccessKey,
            SessionToken = inputs.AwsSessionToken,
            WebIdentityTokenFile = inputs.WebIdentityTokenFile,
            RoleChaining = roleChaining,
            Audience = inputs.Audience,
            HttpProxy = inputs.HttpProxy,
            NoProxy = inputs.NoProxy,
            MaskAccountId = inputs.MaskAwsAccountId ?? false,
            DurationSeconds = duration,
            ExternalId = inputs.RoleExternalId,
            SessionName = sessionName,
            SkipSessionTagging = inputs.RoleSkipSessionTagging ?? false,
            TransitiveTagKeys = inputs.TransitiveTagKeys,
            CustomTags = customTags,
            CustomTagsGiven = inputs.CustomTags.Length > 0,
            InlineSessionPolicy = inputs.InlineSessionPolicy,
            ManagedSessionPolicies = inputs.ManagedSessionPolicies,
            OutputCredentials = inputs.OutputCredentials ?? false,
            OutputEnvCredentials = inputs.OutputEnvCredentials ?? inputs.AwsProfile.Length == 0,
            UnsetCurrentCredentials = inputs.UnsetCurrentCredentials ?? false,
            DisableRetry = (inputs.DisableRetry ?? false) && !(inputs.SpecialCharactersWorkaround ?? false),
            RetryMaxAttempts = retryMaxAttempts,
            SpecialCharactersWorkaround = inputs.SpecialCharactersWorkaround ?? false,
            UseExistingCredentials = inputs.UseExistingCredentials ?? false,
            AllowedAccountIds = allowedAccounts,
            ForceSkipOidc = forceSkipOidc,
            StsEndpoint = endpoint,
            ActionTimeoutSeconds = timeout,
            AwsProfile = inputs.AwsProfile,
            OverwriteAwsProfile = inputs.OverwriteAwsProfile ?? false,
            SourceIdentity = inputs.SourceIdentity,
            UseFipsEndpoint = inputs.UseFipsEndpoint,
            UseDualstackEndpoint = inputs.UseDualstackEndpoint,
            DryRun = inputs.DryRun,
            JobSummary = inputs.JobSummary,
            Cleanup = inputs.Cleanup,
        };
    }

    private static void CheckSessionName(string name, List<string> errors)
    {
        if (name.Length is < 2 or > 64)
        {
            errors.Add($"Role session name must be between 2 and 64 characters, got {name.Length.ToString(CultureInfo.InvariantCulture)}: '{name}'");
        }
        else if (!SessionNamePattern().IsMatch(name))
        {
            errors.Add($"Role session name is not valid: '{name}'. Must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
    }

    private static void CheckSourceIdentity(string sourceIdentity, List<string> errors)
    {
        if (sourceIdentity.Length > 0 && (sourceIdentity.Length is < 2 or > 64 || !SessionNamePattern().IsMatch(sourceIdentity)))
        {
            errors.Add($"Input 'source-identity' must be 2 to 64 characters from letters, digits and _+=,.@-, got '{sourceIdentity}'");
        }
    }

    private static void CheckRange(string input, int value, int minimum, int maximum, List<string> errors)
    {
        if (value < minimum || value > maximum)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Input '{input}' must be a whole number from {minimum} to {maximum}, got {value}"));
        }
    }

    private static void CheckRole(string role, string partition, List<string> errors)
    {
        if (role.Length == 0)
        {
            return;
        }

        if (role.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (!RoleArnPattern().IsMatch(role))
            {
                errors.Add($"Input 'role-to-assume' is not a valid IAM role ARN: '{role}'. Expected arn:<partition>:iam::<12-digit account ID>:role/<name>, or just the role name.");
            }
            else if (Partition.FromArn(role) is { } arnPartition && arnPartition != partition)
            {
                errors.Add($"Input 'role-to-assume' is in partition '{arnPartition}' but the region's partition is '{partition}': use a region of the role's partition.");
            }
        }
        else if (!RoleNamePattern().IsMatch(role))
        {
            errors.Add($"Input 'role-to-assume' is neither a role ARN nor a role name: '{role}'. A name has 1 to 64 characters from letters, digits and _+=,.@- (optionally after a path/).");
        }
    }

    private static void CheckPolicy(string policy, List<string> errors)
    {
        if (policy.Length == 0)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(policy);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return;
            }
        }
        catch (JsonException)
        {
            // Reported below with the same message as a non-object.
        }

        errors.Add("Input 'inline-session-policy' must be an IAM policy document: a JSON object such as {\"Version\":\"2012-10-17\",\"Statement\":[...]}");
    }

    private static void CheckManagedPolicies(IReadOnlyList<string> arns, List<string> errors)
    {
        if (arns.Count > 10)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Input 'managed-session-policies' accepts at most 10 policy ARNs, got {arns.Count}"));
        }

        foreach (var arn in arns)
        {
            if (!PolicyArnPattern().IsMatch(arn))
            {
                errors.Add($"Input 'managed-session-policies' must list IAM policy ARNs (arn:<partition>:iam::<account ID or aws>:policy/<name>), got '{arn}'");
            }
        }
    }

    private static string ResolveEndpoint(ActionInputs inputs, IActionEnvironment environment, List<string> errors)
    {
        if (inputs.StsEndpoint.Length > 0)
        {
            if (!IsHttpUrl(inputs.StsEndpoint))
            {
                errors.Add("Input 'sts-endpoint' must be an absolute http:// or https:// URL, e.g. https://sts.us-east-1.amazonaws.com");
            }

            return inputs.StsEndpoint;
        }

        // The AWS SDKs' own configuration, honoured here because we read the environment explicitly.
        foreach (var variable in new[] { "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL" })
        {
            var value = environment.GetVariable(variable)?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                if (!IsHttpUrl(value))
                {
                    errors.Add($"Environment variable {variable} must be an absolute http:// or https:// URL, got '{value}'");
                }

                return value;
            }
        }

        return string.Empty;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[a-z]{2,}(-[a-z0-9]+)*-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Za-z0-9_+=,.@-]*$")]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_+=,.@:/-]*$")]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/([A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64}$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex("^([A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64}$")]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex("^arn:aws(-[a-z]+)*:iam::([0-9]{12}|aws):policy/.+$")]
    private static partial Regex PolicyArnPattern();
}
