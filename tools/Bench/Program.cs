using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cac.Bench;
using Cac.Emulators.Runner;

// Benchmark (not a test): N full OIDC runs of the published executable against the local emulators.
// Reports wall time per run (median, p90, min, max) and the peak resident set size of any run.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
await using var aws = await LocalAws.StartAsync();
var executable = LocalAws.FindPublishedExecutable();

var times = new List<double>();
for (var i = 0; i < runs + 3; i++)
{
    using var process = new ActionProcess(executable);
    var environment = aws.OidcEnvironment(process);
    LocalAws.SetInput(environment, "role-to-assume", LocalAws.DemoRoleArn);
    LocalAws.SetInput(environment, "aws-region", "us-east-1");
    LocalAws.SetInput(environment, "audience", "sts.amazonaws.com");
    var result = await process.RunAsync(environment);
    if (result.ExitCode != 0)
    {
        Console.Error.WriteLine(result.StandardOutput);
        throw new InvalidOperationException("A benchmark run failed (exit code " + result.ExitCode + ")");
    }

    // The first runs warm the emulators' JIT and the page cache; they are not counted.
    if (i >= 3)
    {
        times.Add(result.Elapsed.TotalMilliseconds);
    }
}

times.Sort();
var peakKilobytes = ChildResourceUsage.PeakResidentKilobytes();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"OIDC runs: {runs}  wall time ms: median {Percentile(times, 0.5):F1}  p90 {Percentile(times, 0.9):F1}  min {times[0]:F1}  max {times[^1]:F1}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS of a run: {peakKilobytes / 1024.0:F1} MB"));
return 0;

static double Percentile(List<double> sorted, double fraction) =>
    sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
