namespace Cac.Action.Credentials.Sts;

/// <summary>Who a set of credentials belongs to (GetCallerIdentity).</summary>
public sealed record CallerIdentity(string Account, string Arn);
