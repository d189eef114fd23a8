using System;

namespace Cac.Emulators.Credentials;

/// <summary>
/// The credentials an instance or task role currently has: issued on first use and kept, like the real
/// services, until a test rotates them or changes their lifetime. Thread-safe.
/// </summary>
internal sealed class ServedCredentials
{
    private readonly object _gate = new();
    private readonly ICredentialIssuer _issuer;
    private readonly TimeProvider _time;
    private TimeSpan _lifetime;
    private IssuedCredentials? _current;

    public ServedCredentials(ICredentialIssuer issuer, TimeProvider time, TimeSpan lifetime)
    {
        _issuer = issuer;
        _time = time;
        _lifetime = lifetime;
    }

    /// <summary>Time from issue to expiration; a negative value gives already expired credentials. Setting it rotates.</summary>
    public TimeSpan Lifetime
    {
        get { lock (_gate) { return _lifetime; } }
        set { lock (_gate) { _lifetime = value; _current = null; } }
    }

    /// <summary>The credentials last served, or null before the first request.</summary>
    public IssuedCredentials? Last
    {
        get { lock (_gate) { return _current; } }
    }

    public IssuedCredentials Current()
    {
        lock (_gate)
        {
            return _current ??= _issuer.Issue(_time.GetUtcNow() + _lifetime);
        }
    }

    public void Rotate()
    {
        lock (_gate)
        {
            _current = null;
        }
    }
}
