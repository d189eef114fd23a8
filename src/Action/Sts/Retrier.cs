using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Toolkit;
using Polly;
using Polly.Retry;

namespace Cac.Action.Sts;

/// <summary>
/// Runs a call with up to <c>retry-max-attempts</c> attempts, retrying transient failures only, with
/// exponential backoff and full jitter (a random delay in [0, 50 ms x 2^n), capped), and no sleep after
/// the last attempt. Delays go through <see cref="TimeProvider"/> so tests run without waiting.
/// </summary>
public sealed class Retrier
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

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
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && TransientErrors.IsTransient(exception)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(FullJitter(args.AttemptNumber)),
                OnRetry = args =>
                {
                    var failed = args.AttemptNumber + 1;
                    var milliseconds = ((long)args.RetryDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                    log.Info(string.Create(CultureInfo.InvariantCulture,
                        $"Retry {label}: attempt {failed} of {maxAttempts} failed: {args.Outcome.Exception?.Message}. Retrying after {milliseconds}ms."));
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

    private TimeSpan FullJitter(int attempt)
    {
        var ceiling = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        ceiling = Math.Min(ceiling, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(random() * ceiling);
    }
}
