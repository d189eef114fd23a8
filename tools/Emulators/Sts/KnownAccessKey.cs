using System;

namespace Cac.Emulators.Sts;

/// <summary>
/// An access key the emulator can verify signatures for: a long-lived key registered by a test, or
/// session credentials the emulator issued (which then carry a session token and the role they came from).
/// </summary>
internal sealed record KnownAccessKey(
    string AccessKeyId,
    string SecretAccessKey,
    string PrincipalArn,
    string UserId,
    string Account,
    string? SessionToken = null,
    DateTimeOffset? Expiration = null,
    string? SourceRoleArn = null)
{
    public bool IsSession => SessionToken is not null;
}
