using System;

namespace Cac.Emulators;

/// <summary>One request to the instance metadata stand-in, as it saw and answered it.</summary>
/// <param name="TokenSent">Whether the request carried X-aws-ec2-metadata-token.</param>
/// <param name="TokenAccepted">Whether that token was one the stand-in issued and still valid.</param>
/// <param name="RequestedTtl">The X-aws-ec2-metadata-token-ttl-seconds header as sent, or null.</param>
/// <param name="StatusCode">The status sent, or 0 when the connection was dropped or never answered.</param>
public sealed record InstanceMetadataRequestRecord(
    DateTimeOffset Time,
    string Method,
    string Path,
    InstanceMetadataPath Target,
    bool TokenSent,
    bool TokenAccepted,
    string? RequestedTtl,
    string? UserAgent,
    int StatusCode,
    EndpointFault? Fault);
