using System;
using Cac.Emulators.Credentials;
using Cac.Emulators.Faults;

namespace Cac.Emulators;

/// <summary>Run-time settings and faults of the container-credentials stand-in. Thread-safe.</summary>
public sealed class ContainerCredentialsBehavior
{
    internal ContainerCredentialsBehavior(ServedCredentials credentials)
    {
        Credentials = credentials;
    }

    internal ServedCredentials Credentials { get; }

    internal CountedQueue<EndpointFault> Faults { get; } = new();

    /// <summary>Lifetime of newly served credentials; negative serves expired ones. Setting it rotates the credentials.</summary>
    public TimeSpan CredentialLifetime
    {
        get => Credentials.Lifetime;
        set => Credentials.Lifetime = value;
    }

    /// <summary>The credentials the stand-in serves now, issued if none were yet.</summary>
    public IssuedCredentials CurrentCredentials => Credentials.Current();

    public void RotateCredentials() => Credentials.Rotate();

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="count"/> requests.</summary>
    public void InjectFault(EndpointFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Faults.Add(fault, count);
    }

    public void ClearFaults() => Faults.Clear();
}
