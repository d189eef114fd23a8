using System;

namespace Cac.Action;

/// <summary>Network timeouts of a run; tests shorten them, production uses <see cref="Default"/>.</summary>
public sealed record ActionHostOptions(TimeSpan ConnectTimeout, TimeSpan RequestTimeout, TimeSpan MetadataTimeout)
{
    /// <summary>5 s to connect, 15 s per STS or token request (its whole answer, body included), 1 s per instance-metadata request.</summary>
    public static ActionHostOptions Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1));
}
