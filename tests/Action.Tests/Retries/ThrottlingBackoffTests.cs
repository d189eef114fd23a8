using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Credentials;
using Cac.Action.Retries;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Cac.Action.Tests.Retries;

/// <summary>
/// Throttling gets a patient schedule of its own: a job keeps trying for at least a minute with the default
/// attempts whatever the random draws, Retry-After is honoured, and the run's deadline is never logged as a
/// failed attempt. Driven by a fake clock that records when each attempt ran.
/// </summary>
public sealed class ThrottlingBackoffTests
{
    private readonly FakeTimeProvider time = new();
    private readonly RecordingConsole console = new();

    private static Exception Throttled() => SdkErrors.StsError("Throttling", HttpStatusCode.BadRequest, "Rate exceeded");

    /// <summary>Runs until the call ends, advancing the fake clock 10 ms at a time; returns when each attempt started.</summary>
    private async Task<(List<TimeSpan> Attempts, Exception? Error)> RunAsync(int maxAttempts, double random, Func<int, Exception?> failure, CancellationToken cancellationToken = default)
    {
        var start = time.GetUtcNow();
        var attempts = new List<TimeSpan>();
        // The assume call kind: STS's failures and the token service's (a fresh token is fetched inside an attempt).
        var retries = new Retrier(maxAttempts, time, new ActionLog(console, isDebug: false), () => random).For("AssumeRole", AssumeRetryClassifier.Instance);
        var task = retries.ExecuteAsync(
            token =>
            {
                attempts.Add(time.GetUtcNow() - start);
                return failure(attempts.Count) is { } error ? Task.FromException<string>(error) : Task.FromResult("ok");
            },
            cancellationToken);
        for (var i = 0; i < 100_000 && !task.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        try
        {
            await task;
            return (attempts, null);
        }
        catch (Exception exception)
        {
            return (attempts, exception);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public async Task With_the_default_attempts_a_throttled_job_keeps_trying_for_at_least_a_minute_whatever_the_draws(double random)
    {
        var (attempts, error) = await RunAsync(12, random, _ => Throttled());

        Assert.Equal("Rate exceeded", error?.Message);
        Assert.Equal(12, attempts.Count);
        Assert.InRange(attempts[^1], TimeSpan.FromSeconds(60), TimeSpan.MaxValue);
        Assert.Equal("Retry AssumeRole: reached max retries (12); giving up.", console.Lines[^1]);
    }

    [Fact]
    public async Task Throttling_retries_stay_short_until_the_last_two_which_carry_the_patience()
    {
        var (attempts, _) = await RunAsync(12, 0.999, _ => Throttled());

        var waits = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
        Assert.Equal(11, waits.Length);
        Assert.All(waits.Take(3), wait => Assert.InRange(wait, 0.5, 3.6));
        Assert.All(waits.Take(9), wait => Assert.InRange(wait, 0.5, 8.1));
        Assert.All(waits.Skip(9), wait => Assert.InRange(wait, 16, 30));
    }

    [Fact]
    public void Throttling_waits_spread_over_a_window_so_a_fleet_does_not_retry_in_step()
    {
        for (var retry = 0; retry < 15; retry++)
        {
            var low = Backoff.Delay(retry, throttled: true, retryAfter: null, random: 0);
            var high = Backoff.Delay(retry, throttled: true, retryAfter: null, random: 0.999);
            Assert.InRange(high - low, TimeSpan.FromSeconds(0.49), TimeSpan.FromSeconds(6));
        }
    }

    [Fact]
    public void The_floors_of_the_default_eleven_retries_add_up_to_a_minute()
    {
        // A draw of 0 gives each retry's floor.
        var floors = Enumerable.Range(0, 11).Select(retry => Backoff.Delay(retry, throttled: true, retryAfter: null, random: 0).TotalSeconds).Sum();

        Assert.Equal(60.5, floors, precision: 6);
    }

    [Fact]
    public async Task A_retry_after_raises_the_wait_and_the_log_says_so()
    {
        var asked = new GitHubTokenException("Too many requests", isTransient: true, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7));

        var (attempts, error) = await RunAsync(3, 0.0, attempt => attempt == 1 ? asked : null);

        Assert.Null(error);
        Assert.InRange(attempts[1], TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.1));
        Assert.Equal("Retry AssumeRole: attempt 1 of 3 failed: Too many requests. Retrying after 7000ms (the server asked for 7 s).", console.Lines.Single());
    }

    [Fact]
    public async Task A_retry_after_longer_than_a_minute_is_honoured_up_to_a_minute()
    {
        var asked = new GitHubTokenException("Unavailable", isTransient: true, HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromHours(1));

        var (attempts, _) = await RunAsync(2, 0.0, attempt => attempt == 1 ? asked : null);

        Assert.InRange(attempts[1], TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(61));
    }

    [Fact]
    public async Task Other_transient_errors_keep_the_short_schedule()
    {
        var (attempts, _) = await RunAsync(12, 0.0, _ => SdkErrors.StsError("InternalFailure", HttpStatusCode.InternalServerError));

        Assert.Equal(12, attempts.Count);
        Assert.InRange(attempts[^1], TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_runs_deadline_is_not_logged_as_a_failed_attempt_and_nothing_is_retried()
    {
        using var deadline = new CancellationTokenSource();
        var (attempts, error) = await RunAsync(12, 0.0, _ =>
        {
            deadline.Cancel();
            return new OperationCanceledException(deadline.Token);
        }, deadline.Token);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Single(attempts);
        Assert.Empty(console.Lines);
    }
}
