namespace Cac.Action.Credentials.Sts;

/// <summary>An assumed role's masked credentials and session identity.</summary>
public sealed record AssumedRole(IssuedCredentials Credentials, string Arn, string AssumedRoleId);
