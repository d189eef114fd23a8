using System;
using Cac.Emulators.Credentials;
using Cac.Emulators.Faults;

namespace Cac.Emulators;

/// <summary>What the instance metadata stand-in serves and which faults it injects. Thread-safe; tests change it between (or during) runs.</summary>
public sealed class InstanceMetadataBehavior
{
    private readonly object _gate = new();
    private string? _roleName;
    private bool _requireToken = true;
    private bool _extendedCredentialsAvailable = true;

    internal InstanceMetadataBehavior(ServedCredentials credentials, string roleName)
    {
        Credentials = credentials;
        _roleName = roleName;
    }

    internal ServedCredentials Credentials { get; }

    internal CountedQueue<(EndpointFault Fault, InstanceMetadataPath? Target)> Faults { get; } = new();

    /// <summary>
    /// True (the default): IMDSv2 only (HttpTokens=required), a GET without a session token gets 401.
    /// False: IMDSv1 answers too (HttpTokens=optional); a token that is sent must still be valid.
    /// </summary>
    public bool RequireToken
    {
        get { lock (_gate) { return _requireToken; } }
        set { lock (_gate) { _requireToken = value; } }
    }

    /// <summary>The attached instance profile's role; null: the instance has none, and the credential paths answer 404.</summary>
    public string? RoleName
    {
        get { lock (_gate) { return _roleName; } }
        set { lock (_gate) { _roleName = value; } }
    }

    /// <summary>
    /// Whether /latest/meta-data/iam/security-credentials-extended/ (the document with AccountId that newer
    /// SDKs ask first) exists; false answers it 404, as on instances that predate it.
    /// </summary>
    public bool ExtendedCredentialsAvailable
    {
        get { lock (_gate) { return _extendedCredentialsAvailable; } }
        set { lock (_gate) { _extendedCredentialsAvailable = value; } }
    }

    /// <summary>Lifetime of newly served credentials; negative serves expired ones. Setting it rotates the credentials.</summary>
    public TimeSpan CredentialLifetime
    {
        get => Credentials.Lifetime;
        set => Credentials.Lifetime = value;
    }

    /// <summary>The credentials the stand-in serves now, issued if none were yet.</summary>
    public IssuedCredentials CurrentCredentials => Credentials.Current();

    /// <summary>The next request gets newly issued credentials, as after the role's rotation.</summary>
    public void RotateCredentials() => Credentials.Rotate();

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="count"/> requests for <paramref name="target"/> (null: any).</summary>
    public void InjectFault(EndpointFault fault, int count = 1, InstanceMetadataPath? target = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Faults.Add((fault, target), count);
    }

    public void ClearFaults() => Faults.Clear();
}
