using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cac.Emulators.Runner;

namespace Cac.Bench;

/// <summary>
/// Full OIDC runs against the local emulators, timed from process start to exit, interleaved so that every
/// case shares the machine's load:
/// <list type="bullet">
/// <item>binary: the published executable run directly (and its peak resident set size, by GNU time);</item>
/// <item>launcher, warm: <c>node launcher/main.js</c> of the release layout, the binary already unpacked in RUNNER_TEMP;</item>
/// <item>launcher, first use: the same with an empty RUNNER_TEMP each time (unpack, verify, write, then run);</item>
/// <item>post: <c>node launcher/post.js</c> with the state a main step saved, and the binary's post directly;</item>
/// <item><c>node -e 0</c>: Node's own start, for reference.</item>
/// </list>
/// </summary>
internal static class OidcBenchmark
{
    private const int WarmUpRounds = 3;

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
        var package = Path.Combine(RepositoryRoot(), "artifacts", "package");
        var mainScript = Path.Combine(package, "launcher", "main.js");
        var postScript = Path.Combine(package, "launcher", "post.js");
        IReadOnlyList<string> node = [FindOnPath("node")];
        var scratch = Directory.CreateTempSubdirectory("cac-bench-").FullName;
        var warmTemp = Directory.CreateDirectory(Path.Combine(scratch, "warm")).FullName;
        var peaks = new List<long>();

        async Task<ActionRunResult> MainAsync(string program, IReadOnlyList<string>? launcher, string? runnerTemp)
        {
            using var process = new ActionProcess(program, launcher);
            var environment = aws.OidcEnvironment(process);
            if (runnerTemp is not null)
            {
                environment["RUNNER_TEMP"] = runnerTemp;
            }

            DemoInputs.Set(environment);
            return await process.RunAsync(environment);
        }

        // The post step with the main step's state; the launcher's post.js runs the binary with `post` itself.
        async Task<ActionRunResult> PostAsync(string program, IReadOnlyList<string>? launcher, IReadOnlyList<KeyValuePair<string, string>> state)
        {
            using var process = new ActionProcess(program, launcher);
            var environment = aws.Environment(process);
            environment["RUNNER_TEMP"] = warmTemp;
            foreach (var (name, value) in state)
            {
                environment["STATE_" + name] = value;
            }

            return await process.RunAsync(environment, launcher is null ? "post" : null);
        }

        var saved = (await MainAsync(executable, null, warmTemp)).State;
        var cases = new List<(string Name, Func<Task<ActionRunResult>> Run)>
        {
            ("binary, main", async () =>
            {
                var result = await MainAsync(executable, meter, runnerTemp: null);
                if (meter is not null)
                {
                    peaks.Add(long.Parse(File.ReadAllText(rssFile).Trim(), CultureInfo.InvariantCulture));
                }

                return result;
            }),
            ("launcher, main, binary already unpacked", () => MainAsync(mainScript, node, warmTemp)),
            ("launcher, main, first use in the job", () =>
            {
                // A fresh RUNNER_TEMP each time, as in a new job; the previous one goes.
                var previous = Path.Combine(scratch, "first");
                if (Directory.Exists(previous))
                {
                    Directory.Delete(previous, recursive: true);
                }

                return MainAsync(mainScript, node, Directory.CreateDirectory(previous).FullName);
            }),
            ("binary, post", () => PostAsync(executable, null, saved)),
            ("launcher, post", () => PostAsync(postScript, node, saved)),
            // ActionProcess runs `launcher... executable argument`: here `node -e 0`.
            ("node -e 0", () => new ActionProcess("-e", node).RunAsync(new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, "0")),
        };
        var upstreamShaped = Environment.GetEnvironmentVariable("CAC_BENCH_UPSTREAM_SHAPED");
        if (!string.IsNullOrEmpty(upstreamShaped))
        {
            cases.Add(("upstream-shaped JS (see bench-upstream-shaped)", () => MainAsync(upstreamShaped, node, warmTemp)));
        }

        var medians = await MeasureInterleavedAsync(cases, runs);
        if (peaks.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak RSS of a binary run: max {peaks.Max() / 1024.0:F1} MB  median {peaks.Order().ElementAt(peaks.Count / 2) / 1024.0:F1} MB"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"launcher overhead over the binary (medians): main {medians[1] - medians[0]:F1} ms warm, {medians[2] - medians[0]:F1} ms on first use; post {medians[4] - medians[3]:F1} ms"));
        if (medians.Count > 6)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first use through the launcher / upstream-shaped run: {medians[2] / medians[6]:F2}"));
        }

        File.Delete(rssFile);
        Directory.Delete(scratch, recursive: true);
        return 0;
    }

    // Runs every case `runs` times, one run of each in turn, after warm-up rounds (emulator JIT, page
    // cache); prints each case's spread and returns the medians in order.
    private static async Task<List<double>> MeasureInterleavedAsync(IReadOnlyList<(string Name, Func<Task<ActionRunResult>> Run)> measured, int runs)
    {
        var times = measured.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < runs + WarmUpRounds; round++)
        {
            for (var i = 0; i < measured.Count; i++)
            {
                var result = await measured[i].Run();
                if (result.ExitCode != 0)
                {
                    Console.Error.WriteLine(result.StandardOutput + result.StandardError);
                    throw new InvalidOperationException(measured[i].Name + ": a run failed (exit code " + result.ExitCode + ")");
                }

                if (round >= WarmUpRounds)
                {
                    times[i].Add(result.Elapsed.TotalMilliseconds);
                }
            }
        }

        var medians = new List<double>();
        for (var i = 0; i < measured.Count; i++)
        {
            times[i].Sort();
            medians.Add(Percentiles.Of(times[i], 0.5));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{measured[i].Name,-48} runs {runs}  ms: median {medians[i],6:F1}  p90 {Percentiles.Of(times[i], 0.9),6:F1}  min {times[i][0],6:F1}  max {times[i][^1],6:F1}"));
        }

        return medians;
    }

    private static string FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(name + " is not on PATH");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "action.yml")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
