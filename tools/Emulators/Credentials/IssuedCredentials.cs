using System;

namespace Cac.Emulators;

/// <summary>
/// Temporary credentials a stand-in hands out (an instance role, a task role, an SSO role), with the
/// principal they stand for.
/// </summary>
/// <param name="PrincipalArn">The assumed-role ARN that GetCallerIdentity reports for these keys.</param>
public sealed record IssuedCredentials(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string AccountId,
    string PrincipalArn);
