using System.Globalization;

namespace Cac.Action.Planning;

/// <summary>How many attempts each call gets: <c>retry-max-attempts</c>, or one when <c>disable-retry</c> is on.</summary>
public sealed record RetryPolicy(bool Enabled, int MaxAttempts)
{
    /// <summary>The attempts each call makes at most, the first one included.</summary>
    public int Attempts => Enabled ? MaxAttempts : 1;

    /// <summary>What the dry run shows.</summary>
    public string Describe() => Enabled ? MaxAttempts.ToString(CultureInfo.InvariantCulture) + " attempts for transient errors" : "off";
}
