using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Runner;
using Polly;
using Polly.Retry;

namespace Cac.Action.Retries;

/// <summary>
/// One kind of call with up to <c>retry-max-attempts</c> attempts (each attempt is one request: nothing below
/// retries on its own), retrying what the caller's <see cref="IRetryClassifier"/> allows, waiting as
/// <see cref="Backoff"/> says (a patient schedule for throttling, full jitter for the rest, Retry-After
/// honoured), and with no sleep after the last attempt. Once the caller's token is cancelled (the run's
/// deadline), nothing is retried or logged as a failed attempt. Delays go through <see cref="TimeProvider"/>
/// so tests run without waiting. The Polly pipeline is built once, here, and shared by every call.
/// </summary>
public sealed class RetryPipeline
{
    private readonly string label;
    private readonly IRetryClassifier classifier;
    private readonly int maxAttempts;
    private readonly TimeProvider timeProvider;
    private readonly ActionLog log;
    private readonly ResiliencePipeline pipeline;

    public RetryPipeline(string label, IRetryClassifier classifier, int maxAttempts, TimeProvider timeProvider, ActionLog log, Func<double> random)
    {
        this.label = label;
        this.classifier = classifier;
        this.maxAttempts = maxAttempts;
        this.timeProvider = timeProvider;
        this.log = log;
        pipeline = maxAttempts <= 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = timeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = maxAttempts - 1,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is { } exception && MayRetry(exception) && !args.Context.CancellationToken.IsCancellationRequested),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(NextDelay(args.AttemptNumber, args.Outcome.Exception!, random())),
                    OnRetry = args =>
                    {
                        LogRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (maxAttempts <= 1)
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await pipeline.ExecuteAsync(async token => await operation(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (MayRetry(exception) && !cancellationToken.IsCancellationRequested)
        {
            log.Info(string.Create(CultureInfo.InvariantCulture, $"Retry {label}: reached max retries ({maxAttempts}); giving up."));
            throw;
        }
    }

    private bool MayRetry(Exception failure) => classifier.Classify(failure) != FailureKind.Final;

    private TimeSpan NextDelay(int retry, Exception failure, double draw) =>
        Backoff.Delay(retry, classifier.Classify(failure) == FailureKind.Throttling, classifier.RetryAfter(failure, timeProvider.GetUtcNow()), draw);

    private void LogRetry(int failedAttempt, TimeSpan delay, Exception failure)
    {
        var milliseconds = ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var retryAfter = classifier.RetryAfter(failure, timeProvider.GetUtcNow()) is { } wait
            ? " (the server asked for " + wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s)"
            : string.Empty;
        log.Info(string.Create(CultureInfo.InvariantCulture,
            $"Retry {label}: attempt {failedAttempt} of {maxAttempts} failed: {failure.Message}. Retrying after {milliseconds}ms{retryAfter}."));
    }
}
