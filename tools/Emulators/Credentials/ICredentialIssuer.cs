using System;

namespace Cac.Emulators;

/// <summary>
/// Where a stand-in gets the credentials it answers with. <see cref="StsBehavior.IssuerFor"/> gives keys the
/// STS emulator accepts as callers; <see cref="CredentialIssuers.Unknown"/> gives keys nobody accepts.
/// </summary>
public interface ICredentialIssuer
{
    /// <summary>New credentials that expire at <paramref name="expiration"/> (in the past for expired ones).</summary>
    IssuedCredentials Issue(DateTimeOffset expiration);
}
