using System;

namespace Cac.Emulators.Sts;

/// <summary>
/// Issues session credentials of a role as if something had assumed it (EC2 for an instance profile, ECS
/// or EKS for a task role, IAM Identity Center for a permission set), and registers them with the emulator,
/// so they can sign AssumeRole (role chaining) and GetCallerIdentity.
/// </summary>
internal sealed class StsSessionIssuer : ICredentialIssuer
{
    private readonly StsBehavior _behavior;
    private readonly string _roleArn;
    private readonly string _sessionName;

    public StsSessionIssuer(StsBehavior behavior, string roleArn, string sessionName)
    {
        _behavior = behavior;
        _roleArn = roleArn;
        _sessionName = sessionName;
    }

    public IssuedCredentials Issue(DateTimeOffset expiration)
    {
        // A registered role keeps its RoleId, so AssumedRoleId matches what AssumeRole would give.
        var role = _behavior.FindRole(_roleArn) ?? new StsRole(_roleArn);
        var session = SessionIssuer.IssueUntil(_behavior, role, _sessionName, DateTimeOffset.FromUnixTimeSeconds(expiration.ToUnixTimeSeconds()));
        return new IssuedCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken!, session.Expiration!.Value, session.Account, session.PrincipalArn);
    }
}
