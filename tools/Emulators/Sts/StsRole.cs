using System;
using System.Collections.Generic;

namespace Cac.Emulators;

/// <summary>
/// An IAM role the emulator knows, with the parts of its trust policy the emulator enforces.
/// Immutable: register a changed copy (<c>with</c>) to change a role at run time.
/// </summary>
public sealed record StsRole
{
    public StsRole(string arn)
    {
        ArgumentException.ThrowIfNullOrEmpty(arn);
        Arn = arn;
    }

    /// <summary>e.g. arn:aws:iam::111111111111:role/deploy (paths allowed).</summary>
    public string Arn { get; }

    /// <summary>The role's MaxSessionDuration; IAM's default is one hour.</summary>
    public TimeSpan MaxSessionDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Who may call sts:AssumeRole on this role, as IAM StringLike patterns (<c>*</c>, <c>?</c>) matched against
    /// the caller's access key ID, its principal ARN, and for an assumed-role caller also its role's ARN
    /// (role chaining). Empty: nobody.
    /// </summary>
    public IReadOnlyList<string> AllowedCallers { get; init; } = [];

    /// <summary>When set, AssumeRole must carry exactly this ExternalId (sts:ExternalId condition).</summary>
    public string? RequiredExternalId { get; init; }

    /// <summary>
    /// The trust policy's aws:MultiFactorAuthPresent condition: AssumeRole must carry SerialNumber and a TokenCode
    /// that a device registered with <see cref="StsBehavior.RegisterMfaDevice"/> shows; without them the caller is denied.
    /// </summary>
    public bool RequiresMfa { get; init; }

    /// <summary>The web-identity statement of the trust policy; null: AssumeRoleWithWebIdentity is denied.</summary>
    public WebIdentityTrust? WebIdentity { get; init; }

    /// <summary>Answer AccessDenied to every attempt, whatever the trust policy says.</summary>
    public bool DenyAll { get; init; }

    /// <summary>The role's unique ID (AROA…), part of AssumedRoleId.</summary>
    public string RoleId { get; init; } = Hosting.RandomIds.AwsId("AROA", 17);
}

/// <summary>The web-identity (OIDC) statement of a trust policy.</summary>
public sealed record WebIdentityTrust
{
    /// <summary>Allowed <c>aud</c> values (the provider's client IDs), StringLike patterns.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = ["sts.amazonaws.com"];

    /// <summary>Allowed <c>sub</c> values, StringLike patterns such as <c>repo:octo-org/octo-repo:*</c>.</summary>
    public IReadOnlyList<string> SubjectPatterns { get; init; } = ["*"];

    /// <summary>
    /// Accept tokens whose signature cannot be checked (no linked issuer) or that are not JWTs at all,
    /// e.g. a Kubernetes service-account token file in a test. Claims of a readable JWT are still checked.
    /// </summary>
    public bool AcceptUnverifiedTokens { get; init; }
}
