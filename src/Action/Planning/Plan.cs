using System.Collections.Generic;
using Cac.Action.Aws;
using Cac.Action.Net.Proxy;

namespace Cac.Action.Planning;

/// <summary>
/// Everything a run will do, decided from the inputs and the environment before any network call: where
/// the starting credentials come from, which STS call turns them into the role's, with which session
/// parameters, through which endpoint and proxy, how often a call is tried, and where the result goes.
/// A dry run prints it, tests assert on it, and every stage after planning (the credential flow, the STS
/// calls, the result writer, the job summary) reads it instead of the inputs. Built by
/// <see cref="Planner"/>; docs/planning.md walks through how.
/// </summary>
public sealed record Plan
{
    public required CredentialSource Source { get; init; }

    public required AssumeMethod Method { get; init; }

    /// <summary>GetCallerIdentity with the starting credentials before anything else (keys, chaining, ambient).</summary>
    public required bool ValidatesSourceCredentials { get; init; }

    /// <summary>OIDC was implied by the inputs but the runner gave no ID-token request variables.</summary>
    public required bool OidcImpliedWithoutToken { get; init; }

    /// <summary>Valid credentials the job already has are kept, and nothing new fetched (<c>use-existing-credentials</c>).</summary>
    public required bool UseExistingCredentials { get; init; }

    public required string Region { get; init; }

    /// <summary>The region's partition (<c>aws</c>, <c>aws-cn</c>, ...), for role ARNs and the <c>aws-partition</c> output.</summary>
    public required string Partition { get; init; }

    /// <summary>The <c>aws-access-key-id</c> / <c>aws-secret-access-key</c> / <c>aws-session-token</c> inputs; null without them.</summary>
    public required AccessKeys? InputKeys { get; init; }

    /// <summary>The role to assume; null when no role is assumed (<see cref="Method"/> is <see cref="AssumeMethod.None"/>).</summary>
    public required RoleToAssume? Role { get; init; }

    public required SessionRequest Session { get; init; }

    /// <summary>The audience of the GitHub OIDC token (<c>audience</c>).</summary>
    public required string Audience { get; init; }

    /// <summary>The <c>web-identity-token-file</c> input as given; empty when not set.</summary>
    public required string WebIdentityTokenFile { get; init; }

    /// <summary>New keys with characters some tools mishandle are refused and asked for again (<c>special-characters-workaround</c>).</summary>
    public required bool SpecialCharactersWorkaround { get; init; }

    /// <summary>The accounts the final credentials may belong to (<c>allowed-account-ids</c>); empty for any.</summary>
    public required IReadOnlyList<string> AllowedAccountIds { get; init; }

    /// <summary>The account ID and ARN are masked wherever they are printed or output (<c>mask-aws-account-id</c>).</summary>
    public required bool MaskAccountId { get; init; }

    /// <summary>
    /// The job's AWS_* credentials are neither used as ambient credentials nor left in place
    /// (<c>unset-current-credentials</c>): the exports set or clear them.
    /// </summary>
    public required bool UnsetCurrentCredentials { get; init; }

    public required StsEndpoint Endpoint { get; init; }

    /// <summary>The proxy for each call (the http-proxy input, else the standard proxy variables).</summary>
    public required ProxySettings Proxy { get; init; }

    public required RetryPolicy Retry { get; init; }

    public required ExportPlan Exports { get; init; }

    /// <summary>The bound on the whole run in seconds (<c>action-timeout-s</c>); 0 for none.</summary>
    public required int TimeoutSeconds { get; init; }

    /// <summary>Print this plan and stop before any call (<c>dry-run</c>).</summary>
    public required bool DryRun { get; init; }

    /// <summary>Inputs that were set but cannot apply to this plan, as warnings for the log.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
