using System.Collections.Generic;
using Cac.Action.Tags;

namespace Cac.Action.Planning;

/// <summary>
/// The parameters of the role session the run asks STS for. AssumeRole sends all of them;
/// AssumeRoleWithWebIdentity takes no external ID, source identity or tags, and the planner leaves the
/// first and last empty for it (warning when an input was set).
/// </summary>
public sealed record SessionRequest
{
    public required string Name { get; init; }

    public required int DurationSeconds { get; init; }

    /// <summary><c>role-external-id</c>; empty when not set or when the role is assumed with a web identity.</summary>
    public required string ExternalId { get; init; }

    /// <summary><c>inline-session-policy</c> (a JSON policy document); empty when not set.</summary>
    public required string InlinePolicy { get; init; }

    public required IReadOnlyList<string> ManagedPolicyArns { get; init; }

    /// <summary><c>source-identity</c>; empty when not set.</summary>
    public required string SourceIdentity { get; init; }

    /// <summary>The tags AssumeRole sends; <see cref="SessionTagSet.None"/> for web identity or when tagging is skipped.</summary>
    public required SessionTagSet Tagging { get; init; }
}
