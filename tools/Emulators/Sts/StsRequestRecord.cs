using System;
using System.Collections.Generic;
using Cac.Emulators.Sts;

namespace Cac.Emulators;

/// <summary>One request to the emulator, as it saw and answered it.</summary>
/// <param name="Action">The <c>Action</c> parameter as sent (may be unknown or null).</param>
/// <param name="Parameters">Every form and query parameter, flattened list keys kept as sent.</param>
/// <param name="AccessKeyId">The access key in the SigV4 credential scope, or null for an unsigned request.</param>
/// <param name="HasSessionToken">Whether X-Amz-Security-Token was sent.</param>
/// <param name="StatusCode">The HTTP status sent, or 0 when the connection was dropped.</param>
/// <param name="ErrorCode">The STS error code sent, if any.</param>
/// <param name="Fault">The injected fault that shaped the answer, if any.</param>
public sealed record StsRequestRecord(
    DateTimeOffset Time,
    string? Action,
    IReadOnlyDictionary<string, string> Parameters,
    string? AccessKeyId,
    bool HasSessionToken,
    string? UserAgent,
    int StatusCode,
    string? ErrorCode,
    StsFault? Fault)
{
    /// <summary>Session tags from <c>Tags.member.N.Key/Value</c>.</summary>
    public IReadOnlyList<StsTag> Tags => QueryListParameters.Tags(Parameters);

    /// <summary>From <c>TransitiveTagKeys.member.N</c>.</summary>
    public IReadOnlyList<string> TransitiveTagKeys => QueryListParameters.Strings(Parameters, "TransitiveTagKeys");

    /// <summary>From <c>PolicyArns.member.N.arn</c>.</summary>
    public IReadOnlyList<string> PolicyArns => QueryListParameters.PolicyArns(Parameters);

    /// <summary>A parameter's value, or null when it was not sent.</summary>
    public string? Parameter(string name) => Parameters.GetValueOrDefault(name);
}
