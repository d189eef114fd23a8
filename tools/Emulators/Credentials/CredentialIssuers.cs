using System;
using Cac.Emulators.Hosting;

namespace Cac.Emulators;

/// <summary>Issuers that no STS emulator knows.</summary>
public static class CredentialIssuers
{
    /// <summary>Well-formed session credentials for <paramref name="roleArn"/> that every emulator refuses (InvalidClientTokenId).</summary>
    public static ICredentialIssuer Unknown(string roleArn, string sessionName) => new UnknownIssuer(roleArn, sessionName);

    private sealed class UnknownIssuer(string roleArn, string sessionName) : ICredentialIssuer
    {
        public IssuedCredentials Issue(DateTimeOffset expiration) => new(
            RandomIds.AwsId("ASIA", 16),
            RandomIds.SecretAccessKey(),
            RandomIds.SessionToken(),
            expiration,
            Sts.Arns.Account(roleArn) ?? string.Empty,
            Sts.Arns.AssumedRole(roleArn, sessionName));
    }
}
