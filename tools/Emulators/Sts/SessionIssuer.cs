using System;
using Cac.Emulators.Hosting;

namespace Cac.Emulators.Sts;

/// <summary>Mints session credentials for an assumed role and remembers them, so they can sign later calls.</summary>
internal static class SessionIssuer
{
    public static KnownAccessKey Issue(StsBehavior behavior, StsRole role, string sessionName, int durationSeconds, DateTimeOffset now) =>
        // STS expirations have whole seconds.
        IssueUntil(behavior, role, sessionName, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + durationSeconds));

    /// <summary>Session credentials of <paramref name="role"/> that expire at <paramref name="expiration"/>, remembered as a caller.</summary>
    public static KnownAccessKey IssueUntil(StsBehavior behavior, StsRole role, string sessionName, DateTimeOffset expiration)
    {
        var secret = behavior.SpecialCharacterSecrets.TryTake(_ => true, out _)
            ? RandomIds.SecretAccessKeyWithSpecialCharacters()
            : RandomIds.SecretAccessKey();
        var session = new KnownAccessKey(
            AccessKeyId: RandomIds.AwsId("ASIA", 16),
            SecretAccessKey: secret,
            PrincipalArn: Arns.AssumedRole(role.Arn, sessionName),
            UserId: role.RoleId + ":" + sessionName,
            Account: Arns.Account(role.Arn) ?? behavior.AccountId,
            SessionToken: RandomIds.SessionToken(),
            Expiration: expiration,
            SourceRoleArn: role.Arn);
        behavior.RememberIssuedKey(session);
        return session;
    }

    /// <summary>The role's MaxSessionDuration, and the one-hour cap STS puts on role chaining.</summary>
    public static void CheckDuration(StsRole role, int durationSeconds, bool chained)
    {
        if (chained && durationSeconds > 3600)
        {
            throw StsErrors.Validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }

        if (durationSeconds > role.MaxSessionDuration.TotalSeconds)
        {
            throw StsErrors.Validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
    }

    public static bool TakeOmitCredentials(StsBehavior behavior, StsAction action) =>
        behavior.OmittedCredentials.TryTake(filter => filter is null || filter == action, out _);
}
