using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cac.Emulators.Runner;

namespace Cac.Bench;

/// <summary>
/// N full OIDC runs of the published executable, one after another, against the local emulators. Reports
/// wall time per run (median, p90, min, max) and the peak resident set size of a run, measured by GNU time
/// around each run (the kernel's figure for that process alone).
/// </summary>
internal static class OidcBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        const string GnuTime = "/usr/bin/time";
        var rssFile = Path.GetTempFileName();
        IReadOnlyList<string>? meter = File.Exists(GnuTime) ? [GnuTime, "-f", "%M", "-o", rssFile] : null;
        if (meter is null)
        {
            Console.WriteLine("GNU time is not installed (apt-get install time): peak memory is not measured.");
        }

        await using var aws = await LocalAws.StartAsync();
        var executable = LocalAws.FindPublishedExecutable();
        var times = new List<double>();
        var peaks = new List<long>();
        const int WarmUpRuns = 3;
        for (var i = 0; i < runs + WarmUpRuns; i++)
        {
            using var process = new ActionProcess(executable, meter);
            var environment = aws.OidcEnvironment(process);
            DemoInputs.Set(environment);
            var result = await process.RunAsync(environment);
            if (result.ExitCode != 0)
            {
                Console.Error.WriteLine(result.StandardOutput + result.StandardError);
                throw new InvalidOperationException("A benchmark run failed (exit code " + result.ExitCode + ")");
            }

            // The first runs warm the emulators' JIT and the page cache; they are not counted.
            if (i < WarmUpRuns)
            {
                continue;
            }

            times.Add(result.Elapsed.TotalMilliseconds);
            if (meter is not null)
            {
                peaks.Add(long.Parse(File.ReadAllText(rssFile).Trim(), CultureInfo.InvariantCulture));
            }
        }

        File.Delete(rssFile);
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"OIDC runs: {runs}  wall time ms: median {Percentiles.Of(times, 0.5):F1}  p90 {Percentiles.Of(times, 0.9):F1}  min {times[0]:F1}  max {times[^1]:F1}"));
        if (peaks.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak RSS of a run: max {peaks.Max() / 1024.0:F1} MB  median {peaks.Order().ElementAt(peaks.Count / 2) / 1024.0:F1} MB"));
        }

        return 0;
    }
}
