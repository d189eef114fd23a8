using System.Collections.Generic;
using Cac.Abstractions;
using Cac.Action.Tags;

namespace Cac.Action.Inputs;

/// <summary>
/// Every input after parsing, defaulting and checking, for the <see cref="Planning.Planner"/>: it never
/// sees a raw string it would still have to validate. Built once by <see cref="InputValidator"/>; nothing
/// after planning reads it.
/// </summary>
public sealed record ValidatedInputs
{
    public required string Region { get; init; }
    public required string Partition { get; init; }

    /// <summary>The role as given (ARN or name); empty when no role is assumed.</summary>
    public required string RoleToAssume { get; init; }

    public required Secret AccessKeyId { get; init; }
    public required Secret SecretAccessKey { get; init; }
    public required Secret SessionToken { get; init; }
    public required string WebIdentityTokenFile { get; init; }
    public required bool RoleChaining { get; init; }
    public required string Audience { get; init; }
    public required string HttpProxy { get; init; }
    public required string NoProxy { get; init; }
    public required bool MaskAccountId { get; init; }
    public required int DurationSeconds { get; init; }
    public required string ExternalId { get; init; }
    public required string SessionName { get; init; }
    public required bool SkipSessionTagging { get; init; }
    public required IReadOnlyList<string> TransitiveTagKeys { get; init; }
    public required IReadOnlyList<SessionTag> CustomTags { get; init; }

    /// <summary>Whether <c>custom-tags</c> was set at all (<c>{}</c> included), for the warning when tags cannot be sent.</summary>
    public required bool CustomTagsGiven { get; init; }
    public required string InlineSessionPolicy { get; init; }
    public required IReadOnlyList<string> ManagedSessionPolicies { get; init; }
    public required bool OutputCredentials { get; init; }
    public required bool OutputEnvCredentials { get; init; }
    public required bool UnsetCurrentCredentials { get; init; }
    public required bool DisableRetry { get; init; }
    public required int RetryMaxAttempts { get; init; }
    public required bool SpecialCharactersWorkaround { get; init; }
    public required bool UseExistingCredentials { get; init; }
    public required IReadOnlyList<string> AllowedAccountIds { get; init; }
    public required bool ForceSkipOidc { get; init; }

    /// <summary>The endpoint given by <c>sts-endpoint</c> or the AWS_ENDPOINT_URL variables; empty for the SDK's regional default.</summary>
    public required string StsEndpoint { get; init; }

    public required int ActionTimeoutSeconds { get; init; }
    public required string AwsProfile { get; init; }
    public required bool OverwriteAwsProfile { get; init; }
    public required string SourceIdentity { get; init; }
    public required bool UseFipsEndpoint { get; init; }
    public required bool UseDualstackEndpoint { get; init; }
    public required bool DryRun { get; init; }
    public required bool JobSummary { get; init; }
    public required bool Cleanup { get; init; }

    public bool HasAccessKeys => !AccessKeyId.IsEmpty;
    public bool HasRole => RoleToAssume.Length > 0;
    public bool HasTokenFile => WebIdentityTokenFile.Length > 0;
}
