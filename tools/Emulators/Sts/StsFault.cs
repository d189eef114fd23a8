using System;

namespace Cac.Emulators;

/// <summary>The kinds of failure the emulator can inject.</summary>
public enum StsFaultKind
{
    /// <summary>400 Throttling "Rate exceeded".</summary>
    Throttling,

    /// <summary>500 InternalFailure.</summary>
    InternalFailure,

    /// <summary>503 ServiceUnavailable.</summary>
    ServiceUnavailable,

    /// <summary>400 IDPCommunicationError, as when STS cannot reach the identity provider.</summary>
    IdpCommunicationError,

    /// <summary>The connection is aborted without an answer.</summary>
    DropConnection,

    /// <summary>The request waits, then is served normally.</summary>
    Delay,
}

/// <summary>A fault applied to a request before anything else looks at it; each application consumes one count.</summary>
public sealed record StsFault(StsFaultKind Kind, TimeSpan Delay = default)
{
    public static StsFault Throttling { get; } = new(StsFaultKind.Throttling);

    public static StsFault InternalFailure { get; } = new(StsFaultKind.InternalFailure);

    public static StsFault ServiceUnavailable { get; } = new(StsFaultKind.ServiceUnavailable);

    public static StsFault IdpCommunicationError { get; } = new(StsFaultKind.IdpCommunicationError);

    public static StsFault DropConnection { get; } = new(StsFaultKind.DropConnection);

    public static StsFault Delayed(TimeSpan delay) => new(StsFaultKind.Delay, delay);
}
