using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action;
using Cac.Action.Runner;
using Cac.Emulators;
using Cac.Emulators.Runner;

namespace Cac.Bench;

/// <summary>
/// A throttled fleet: N OIDC runs released at the same moment against an STS that admits R requests a
/// second (a token bucket holding one second's worth; the rest get STS's real Throttling answer). Reports
/// how many got credentials, per-job p50/p95, the makespan against the ideal drain N/R, and the share of
/// the rate the fleet used (admitted requests / (R x makespan)). Runs are processes of the published
/// executable, or flows inside this process (each with its own HTTP handlers and SDK clients) when a
/// process per job would measure the machine rather than the backoff.
/// </summary>
internal static class FleetBenchmark
{
    public static async Task<int> RunAsync(int jobs, double rate, bool inProcess)
    {
        // As Program.cs does for the real executable: no SDK profile lookup.
        Amazon.AWSConfigs.AWSProfilesLocation = "/nonexistent/.aws/credentials";
        await using var aws = await LocalAws.StartAsync();
        var executable = inProcess ? string.Empty : LocalAws.FindPublishedExecutable();
        var runs = Enumerable.Range(0, jobs).Select(_ => new ActionProcess(executable)).ToList();
        try
        {
            var environments = runs.Select(run =>
            {
                var environment = aws.OidcEnvironment(run);
                DemoInputs.Set(environment);
                return environment;
            }).ToList();

            // One unlimited run first warms the emulators (and, in-process, the JIT), as the OIDC benchmark does.
            using (var warmUp = new ActionProcess(executable))
            {
                var environment = aws.OidcEnvironment(warmUp);
                DemoInputs.Set(environment);
                var outcome = inProcess ? await RunInProcessAsync(environment, Stopwatch.StartNew()) : await RunProcessAsync(warmUp, environment, Stopwatch.StartNew());
                if (!outcome.Ok)
                {
                    throw new InvalidOperationException("The warm-up run failed: " + outcome.Error);
                }
            }

            aws.Sts.ClearRequests();
            aws.Sts.Behavior.RateLimit = new StsRateLimit(rate);
            var clock = Stopwatch.StartNew();
            var outcomes = await Task.WhenAll(runs.Select((run, i) => inProcess
                ? RunInProcessAsync(environments[i], clock)
                : RunProcessAsync(run, environments[i], clock)));
            Report(jobs, rate, inProcess, outcomes, aws.Sts.Requests);
            return outcomes.All(outcome => outcome.Ok) ? 0 : 1;
        }
        finally
        {
            runs.ForEach(run => run.Dispose());
        }
    }

    private static async Task<Outcome> RunProcessAsync(ActionProcess run, Dictionary<string, string> environment, Stopwatch clock)
    {
        var result = await run.RunAsync(environment).ConfigureAwait(false);
        var error = result.Lines.FirstOrDefault(line => line.StartsWith("::error::", StringComparison.Ordinal));
        return new Outcome(result.ExitCode == 0, clock.Elapsed, error);
    }

    private static Task<Outcome> RunInProcessAsync(Dictionary<string, string> environment, Stopwatch clock) => Task.Run(async () =>
    {
        var console = new ErrorKeepingConsole();
        var exitCode = await ActionHost.RunAsync([], new JobVariables(environment), console, TimeProvider.System, ActionHostOptions.Default, default).ConfigureAwait(false);
        return new Outcome(exitCode == 0, clock.Elapsed, console.Error);
    });

    private static void Report(int jobs, double rate, bool inProcess, Outcome[] outcomes, IReadOnlyList<StsRequestRecord> requests)
    {
        var durations = outcomes.Where(outcome => outcome.Ok).Select(outcome => outcome.Finished.TotalSeconds).Order().ToList();
        var makespan = outcomes.Max(outcome => outcome.Finished).TotalSeconds;
        var ideal = jobs / rate;
        var admitted = requests.Count(request => request.StatusCode == 200);
        var throttled = requests.Count(request => request.ErrorCode == "Throttling");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fleet: {jobs} jobs released at once, STS limited to {rate:0.##} requests/s (burst {Math.Max(1, rate):0.##}), {(inProcess ? "in-process flows" : "processes of the published executable")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ok {durations.Count}/{jobs}  per-job p50 {Percentiles.Of(durations, 0.5):F1} s  p95 {Percentiles.Of(durations, 0.95):F1} s  makespan {makespan:F1} s  ideal drain {ideal:F1} s ({makespan / ideal:F2}x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rate used {100 * admitted / (rate * makespan):F0}% ({admitted} admitted in {makespan:F1} s at {rate:0.##}/s)  STS requests {requests.Count}, throttled {throttled}"));
        foreach (var error in outcomes.Where(outcome => !outcome.Ok).Select(outcome => outcome.Error ?? "(no error line)").Distinct().Take(3))
        {
            Console.WriteLine("failed: " + error);
        }
    }

    private sealed record Outcome(bool Ok, TimeSpan Finished, string? Error);

    /// <summary>One job's variables, for a flow in this process (never the benchmark's own environment).</summary>
    private sealed class JobVariables(Dictionary<string, string> variables) : IActionEnvironment
    {
        public string? GetVariable(string name) => variables.GetValueOrDefault(name);
    }

    /// <summary>A console for a flow in this process: keeps the error line, drops the rest.</summary>
    private sealed class ErrorKeepingConsole : IConsole
    {
        public string? Error { get; private set; }

        public void WriteLine(LogLine line)
        {
            if (line.Text.StartsWith("::error::", StringComparison.Ordinal))
            {
                Error = line.Text;
            }
        }
    }
}
