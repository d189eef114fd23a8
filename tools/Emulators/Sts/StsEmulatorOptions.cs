using System.Collections.Generic;

namespace Cac.Emulators;

/// <summary>Start-time settings of an <see cref="StsEmulator"/>; run-time settings are on <see cref="StsBehavior"/>.</summary>
public sealed class StsEmulatorOptions
{
    /// <summary>Account used where the emulator has to make one up (default registered-key user ARNs).</summary>
    public string AccountId { get; init; } = "111111111111";

    /// <summary>OIDC stand-ins whose tokens AssumeRoleWithWebIdentity verifies; more can be linked later with <see cref="StsBehavior.TrustOidcIssuer"/>.</summary>
    public IReadOnlyList<OidcStandIn> TrustedOidcIssuers { get; init; } = [];
}
