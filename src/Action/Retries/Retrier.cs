using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Aws;
using Cac.Action.Runner;
using Polly;
using Polly.Retry;

namespace Cac.Action.Retries;

/// <summary>
/// Runs a call with up to <c>retry-max-attempts</c> attempts (each attempt is one request: nothing below
/// retries on its own), retrying transient failures only, waiting as <see cref="Backoff"/> says (a patient
/// schedule for throttling, full jitter for the rest, Retry-After honoured), and with no sleep after the
/// last attempt. Once the caller's token is cancelled (the run's deadline), nothing is retried or logged
/// as a failed attempt. Delays go through <see cref="TimeProvider"/> so tests run without waiting.
/// </summary>
public sealed class Retrier
{
    private readonly int maxAttempts;
    private readonly TimeProvider timeProvider;
    private readonly ActionLog log;
    private readonly Func<double> random;

    public Retrier(int maxAttempts, TimeProvider timeProvider, ActionLog log, Func<double> random)
    {
        this.maxAttempts = maxAttempts;
        this.timeProvider = timeProvider;
        this.log = log;
        this.random = random;
    }

    public int MaxAttempts => maxAttempts;

    public async Task<T> ExecuteAsync<T>(string label, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (maxAttempts <= 1)
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }

        var pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && TransientErrors.IsTransient(exception) && !args.Context.CancellationToken.IsCancellationRequested),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(NextDelay(args.AttemptNumber, args.Outcome.Exception!)),
                OnRetry = args =>
                {
                    var failed = args.AttemptNumber + 1;
                    var milliseconds = ((long)args.RetryDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                    var retryAfter = RetryAfterHeader.From(args.Outcome.Exception!, timeProvider.GetUtcNow()) is { } wait
                        ? " (the server asked for " + wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s)"
                        : string.Empty;
                    log.Info(string.Create(CultureInfo.InvariantCulture,
                        $"Retry {label}: attempt {failed} of {maxAttempts} failed: {args.Outcome.Exception?.Message}. Retrying after {milliseconds}ms{retryAfter}."));
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        try
        {
            return await pipeline.ExecuteAsync(async token => await operation(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TransientErrors.IsTransient(exception) && !cancellationToken.IsCancellationRequested)
        {
            log.Info(string.Create(CultureInfo.InvariantCulture, $"Retry {label}: reached max retries ({maxAttempts}); giving up."));
            throw;
        }
    }

    private TimeSpan NextDelay(int retry, Exception failure) =>
        Backoff.Delay(retry, TransientErrors.IsThrottling(failure), RetryAfterHeader.From(failure, timeProvider.GetUtcNow()), random());
}
