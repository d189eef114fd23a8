using System;

namespace Cac.Action.Planning;

/// <summary>
/// The <c>role-to-assume</c> input: a role ARN, or a role name that becomes an ARN in the account of the
/// starting credentials, in the region's partition.
/// </summary>
public sealed record RoleToAssume(string Given, string Partition)
{
    /// <summary>Whether the input is a full ARN (otherwise a name, optionally after a path).</summary>
    public bool IsArn => Given.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>
    /// The role's ARN: the one given, or the name in <paramref name="sourceAccount"/>. The planner accepts a
    /// name only when the starting credentials are checked with GetCallerIdentity first, so the account is
    /// known by the time a name is turned into an ARN.
    /// </summary>
    public string ArnIn(string? sourceAccount)
    {
        if (IsArn)
        {
            return Given;
        }

        if (string.IsNullOrEmpty(sourceAccount))
        {
            throw new InvalidOperationException("A role name needs the account of the starting credentials; the plan should have refused it.");
        }

        return "arn:" + Partition + ":iam::" + sourceAccount + ":role/" + Given;
    }
}
