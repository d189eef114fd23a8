using System;
using System.Net.Http.Headers;

namespace Cac.Action.Net;

/// <summary>A Retry-After header as a wait from now, in either of its forms (seconds, or an HTTP date).</summary>
public static class RetryAfterValue
{
    public static TimeSpan? Parse(string? value, DateTimeOffset now) =>
        RetryConditionHeaderValue.TryParse(value, out var parsed) ? Of(parsed, now) : null;

    /// <summary>The wait <paramref name="header"/> asks for (a date in the past means none), or null without one.</summary>
    public static TimeSpan? Of(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        return wait is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
