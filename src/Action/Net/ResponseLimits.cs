using System;
using System.Globalization;

namespace Cac.Action.Net;

/// <summary>How long one request may take, body included, and how big its answer may be.</summary>
public sealed record ResponseLimits(TimeSpan RequestTimeout, long MaxResponseBytes)
{
    /// <summary>1 MiB: STS and token answers are a few kilobytes.</summary>
    public const long DefaultMaxResponseBytes = 1024 * 1024;

    public static string Format(long bytes) =>
        bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB"
        : bytes % 1024 == 0 ? (bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KiB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
}
