using System;
using System.Globalization;
using Cac.Bench;

// Benchmarks (not tests), against the local emulators:
//   bench [runs]                               one OIDC run, the binary alone and through the launcher (warm,
//                                              first use), post, Node's start; wall time and peak memory
//   bench fleet <jobs> <rate> [processes|in-process]
//                                              <jobs> runs released at once against an STS limited to <rate>
//                                              requests a second (default mode: processes up to 100 jobs)
//   bench generator [runs] [action.yml]        the source generator on action.yml, cold and warm (default 200 runs)
if (args.Length > 0 && args[0] == "generator")
{
    var generatorRuns = 200;
    if ((args.Length > 1 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out generatorRuns) || generatorRuns < 1)) || args.Length > 3)
    {
        Console.Error.WriteLine("usage: bench generator [runs] [path/to/action.yml]");
        return 2;
    }

    return GeneratorBenchmark.Run(args.Length > 2 ? args[2] : "action.yml", generatorRuns);
}

if (args.Length > 0 && args[0] == "fleet")
{
    if (args.Length < 3
        || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) || jobs < 1
        || !double.TryParse(args[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0
        || (args.Length > 3 && args[3] is not ("processes" or "in-process")))
    {
        Console.Error.WriteLine("usage: bench fleet <jobs> <requests per second> [processes|in-process]");
        return 2;
    }

    var inProcess = args.Length > 3 ? args[3] == "in-process" : jobs > 100;
    return await FleetBenchmark.RunAsync(jobs, rate, inProcess);
}

return await OidcBenchmark.RunAsync(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30);
