using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Cac.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cac.Tools.ActionDocs;

/// <summary>
/// Runs <see cref="ActionGenerator"/> through a <see cref="CSharpGeneratorDriver"/>, the way the compiler does,
/// and prints the time per run: cold (a new driver each run, as in a command-line build) and warm (the same
/// driver with unchanged inputs, as in the IDE).
/// </summary>
internal static class GeneratorBenchmark
{
    private const int WarmUpRuns = 20;

    public static int Run(string actionPath, int runs)
    {
        if (!File.Exists(actionPath))
        {
            Console.Error.WriteLine($"{actionPath}: file not found");
            return 2;
        }

        var files = new List<AdditionalText> { new FileText(Path.GetFullPath(actionPath)) };
        var typingsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(actionPath)) ?? ".", "action-types.yml");
        if (File.Exists(typingsPath))
        {
            files.Add(new FileText(typingsPath));
        }

        var compilation = CSharpCompilation.Create("Benchmark", new[] { CSharpSyntaxTree.ParseText("class C { }") });
        var options = new BenchmarkOptionsProvider();
        GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
            new[] { new ActionGenerator().AsSourceGenerator() }, files, optionsProvider: options);

        for (var i = 0; i < WarmUpRuns; i++)
        {
            NewDriver().RunGenerators(compilation);
        }

        var cold = Measure(runs, () => NewDriver().RunGenerators(compilation));
        var warmDriver = NewDriver().RunGenerators(compilation);
        var warm = Measure(runs, () => warmDriver = warmDriver.RunGenerators(compilation));

        var result = NewDriver().RunGenerators(compilation).GetRunResult();
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{actionPath}: {result.GeneratedTrees.Length} files generated, {result.Diagnostics.Length} diagnostics, {runs} runs each after {WarmUpRuns} warm-up runs"));
        Print("cold (new driver per run)", cold);
        Print("warm (same driver, inputs unchanged)", warm);
        return 0;
    }

    private static double[] Measure(int runs, Action action)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static void Print(string label, double[] sorted)
    {
        var median = sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var p95 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.95) - 1)];
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {label,-38} median {median,8:0.000} ms   mean {sorted.Average(),8:0.000} ms   p95 {p95,8:0.000} ms   min {sorted[0],8:0.000} ms"));
    }

    private sealed class FileText(string path) : AdditionalText
    {
        private readonly SourceText text = SourceText.From(File.ReadAllText(path));

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private sealed class BenchmarkOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Cac.Action",
            ["build_property.Cac_SecretInputs"] = "aws-access-key-id,aws-secret-access-key,aws-session-token",
            ["build_property.Cac_SecretOutputs"] = "aws-access-key-id,aws-secret-access-key,aws-session-token",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static Options Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

            public override bool TryGetValue(string key, out string value) =>
                values.TryGetValue(key, out value!);
        }
    }
}
