using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;
using Cac.Action.Aws;
using Cac.Action.Retries;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Cac.Action.Tests.Retries;

public class RetrierTests
{
    private readonly FakeTimeProvider time = new();
    private readonly RecordingConsole console = new();

    private RetryPipeline Create(int maxAttempts, double random, string label = "AssumeRole", IRetryClassifier? classifier = null) =>
        new Retrier(maxAttempts, time, new ActionLog(console, isDebug: false), () => random).For(label, classifier ?? StsRetryClassifier.Instance);

    // Throttling has a schedule of its own (ThrottlingBackoffTests); these tests use another transient error.
    private static Exception Unavailable() => SdkErrors.StsError("ServiceUnavailable", HttpStatusCode.ServiceUnavailable, "Service unavailable");

    private static Exception Denied() => SdkErrors.StsError("AccessDenied", HttpStatusCode.Forbidden, "not authorized to perform: sts:AssumeRole");

    /// <summary>Advances the fake clock until <paramref name="task"/> completes (bounded).</summary>
    private async Task<T> Drive<T>(Task<T> task)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(1));
        }

        return await task;
    }

    /// <summary>An operation that fails with the given errors in turn, then returns "ok".</summary>
    private sealed class Script(params Exception[] failures)
    {
        public int Calls { get; private set; }

        public Task<string> Run(CancellationToken cancellationToken)
        {
            Calls++;
            return Calls <= failures.Length ? Task.FromException<string>(failures[Calls - 1]) : Task.FromResult("ok");
        }
    }

    [Fact]
    public async Task A_success_is_returned_without_log_lines()
    {
        var script = new Script();

        var result = await Drive(Create(3, 0).ExecuteAsync(script.Run, CancellationToken.None));

        Assert.Equal("ok", result);
        Assert.Equal(1, script.Calls);
        Assert.Empty(console.Lines);
    }

    [Fact]
    public async Task With_one_attempt_a_transient_error_is_not_retried()
    {
        var script = new Script(Unavailable(), Unavailable());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Drive(Create(1, 0).ExecuteAsync(script.Run, CancellationToken.None)));

        Assert.Equal("Service unavailable", error.Message);
        Assert.Equal(1, script.Calls);
        Assert.Empty(console.Lines);
    }

    [Fact]
    public async Task A_transient_error_is_retried_and_logged()
    {
        var script = new Script(Unavailable());

        var result = await Drive(Create(3, 0, "TestOp").ExecuteAsync(script.Run, CancellationToken.None));

        Assert.Equal("ok", result);
        Assert.Equal(2, script.Calls);
        Assert.Equal(new[] { "Retry TestOp: attempt 1 of 3 failed: Service unavailable. Retrying after 0ms." }, console.Lines);
    }

    [Fact]
    public async Task A_persistent_transient_error_is_rethrown_after_max_attempts()
    {
        var failure = Unavailable();
        var script = new Script(failure, failure, failure, failure);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Drive(Create(3, 0, "TestOp").ExecuteAsync(script.Run, CancellationToken.None)));

        Assert.Same(failure, error);
        Assert.Equal(3, script.Calls);
        Assert.Equal(
            new[]
            {
                "Retry TestOp: attempt 1 of 3 failed: Service unavailable. Retrying after 0ms.",
                "Retry TestOp: attempt 2 of 3 failed: Service unavailable. Retrying after 0ms.",
                "Retry TestOp: reached max retries (3); giving up.",
            },
            console.Lines);
    }

    [Fact]
    public async Task A_non_transient_error_fails_at_once()
    {
        var failure = Denied();
        var script = new Script(failure, failure);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Drive(Create(12, 0).ExecuteAsync(script.Run, CancellationToken.None)));

        Assert.Same(failure, error);
        Assert.Equal(1, script.Calls);
        Assert.Empty(console.Lines);
    }

    [Fact]
    public async Task A_non_transient_error_after_a_retry_ends_the_retries_without_the_max_line()
    {
        var failure = Denied();
        var script = new Script(Unavailable(), failure);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Drive(Create(5, 0).ExecuteAsync(script.Run, CancellationToken.None)));

        Assert.Same(failure, error);
        Assert.Equal(2, script.Calls);
        Assert.Equal(new[] { "Retry AssumeRole: attempt 1 of 5 failed: Service unavailable. Retrying after 0ms." }, console.Lines);
    }

    [Fact]
    public async Task Delays_for_errors_other_than_throttling_are_full_jitter_below_50ms_times_2_to_the_n_capped_at_20s()
    {
        var script = new Script(Enumerable.Range(0, 12).Select(_ => Unavailable()).ToArray());

        await Assert.ThrowsAnyAsync<Exception>(() => Drive(Create(12, 0.999).ExecuteAsync(script.Run, CancellationToken.None)));

        var delays = console.Lines
            .Where(line => line.Contains("Retrying after", StringComparison.Ordinal))
            .Select(line => line[(line.LastIndexOf(' ') + 1)..^3])
            .Select(int.Parse)
            .ToArray();
        Assert.Equal(new[] { 49, 99, 199, 399, 799, 1598, 3196, 6393, 12787, 19980, 19980 }, delays);
        Assert.Equal(12, script.Calls);
        Assert.Equal("Retry AssumeRole: reached max retries (12); giving up.", console.Lines[^1]);
    }

    [Fact]
    public async Task The_delay_is_waited_before_the_next_attempt_and_not_after_the_last()
    {
        var script = new Script(Unavailable(), Unavailable(), Unavailable());
        var task = Create(2, 0.999).ExecuteAsync(script.Run, CancellationToken.None);

        // The first attempt failed; the retry waits about 49 ms of (fake) time.
        await Task.WhenAny(task, Task.Delay(50));
        time.Advance(TimeSpan.FromMilliseconds(48));
        await Task.WhenAny(task, Task.Delay(50));
        Assert.False(task.IsCompleted);
        Assert.Equal(1, script.Calls);

        // Once the delay has passed, the last attempt runs and its failure ends the call with no more waiting.
        time.Advance(TimeSpan.FromMilliseconds(2));
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(task, finished);
        await Assert.ThrowsAnyAsync<Exception>(() => task);
        Assert.Equal(2, script.Calls);
        Assert.Equal(
            new[]
            {
                "Retry AssumeRole: attempt 1 of 2 failed: Service unavailable. Retrying after 49ms.",
                "Retry AssumeRole: reached max retries (2); giving up.",
            },
            console.Lines);
    }

    /// <summary>A caller's own failure, retried because its classifier says so.</summary>
    private sealed class Flaky() : Exception("flaky");

    private sealed class FlakyIsTransient : IRetryClassifier
    {
        public FailureKind Classify(Exception failure) => failure is Flaky ? FailureKind.Transient : FailureKind.Final;

        public TimeSpan? RetryAfter(Exception failure, DateTimeOffset now) => null;
    }

    [Fact]
    public async Task What_is_retried_is_what_the_callers_classifier_says()
    {
        var own = new Script(new Flaky());
        var ownResult = await Drive(Create(3, 0, classifier: new FlakyIsTransient()).ExecuteAsync(own.Run, CancellationToken.None));

        // The same failure through the STS classifier, which does not know it, fails at once; and an STS
        // transient error through the caller's classifier is final there.
        var sts = new Script(new Flaky());
        await Assert.ThrowsAsync<Flaky>(() => Drive(Create(3, 0).ExecuteAsync(sts.Run, CancellationToken.None)));
        var unknown = new Script(Unavailable());
        await Assert.ThrowsAnyAsync<Exception>(() => Drive(Create(3, 0, classifier: new FlakyIsTransient()).ExecuteAsync(unknown.Run, CancellationToken.None)));

        Assert.Equal("ok", ownResult);
        Assert.Equal(2, own.Calls);
        Assert.Equal(1, sts.Calls);
        Assert.Equal(1, unknown.Calls);
    }

    [Fact]
    public async Task One_pipeline_serves_every_call_of_its_kind_with_its_own_attempts()
    {
        var pipeline = Create(2, 0, "TestOp");
        var first = new Script(Unavailable());
        var second = new Script(Unavailable());

        Assert.Equal("ok", await Drive(pipeline.ExecuteAsync(first.Run, CancellationToken.None)));
        Assert.Equal("ok", await Drive(pipeline.ExecuteAsync(second.Run, CancellationToken.None)));

        Assert.Equal(2, first.Calls);
        Assert.Equal(2, second.Calls);
    }
}
