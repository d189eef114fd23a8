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

namespace Cac.Bench;

/// <summary>
/// Runs <see cref="ActionGenerator"/> on an action.yml (and the action-types.yml and action-fallbacks.yml beside it)
/// through a <see cref="CSharpGeneratorDriver"/>, the way the compiler does, and prints the time per run: cold (a
/// new driver each run, as in a command-line build) and warm (the same driver with unchanged inputs, as in the IDE).
/// </summary>
internal static class GeneratorBenchmark
{
    private const int WarmUpRuns = 20;

    private static readonly string[] Sidecars = ["action-types.yml", "action-fallbacks.yml"];

    public static int Run(string actionPath, int runs)
    {
        if (!File.Exists(actionPath))
        {
            Console.Error.WriteLine($"{actionPath}: file not found");
            return 2;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(actionPath)) ?? ".";
        var files = Sidecars.Select(name => Path.Combine(directory, name))
            .Where(File.Exists)
            .Prepend(Path.GetFullPath(actionPath))
            .Select(path => (AdditionalText)new FileText(path))
            .ToList();

        var compilation = CSharpCompilation.Create("Benchmark", [CSharpSyntaxTree.ParseText("class C { }")]);
        var options = new BenchmarkOptionsProvider();
        GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
            [new ActionGenerator().AsSourceGenerator()], files, optionsProvider: options);

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
            $"{actionPath} (+ {files.Count - 1} beside it): {result.GeneratedTrees.Length} files generated, {result.Diagnostics.Length} diagnostics, {runs} runs each after {WarmUpRuns} warm-up runs"));
        Print("cold (new driver per run)", cold);
        Print("warm (same driver, inputs unchanged)", warm);
        return 0;
    }

    private static List<double> Measure(int runs, System.Action action)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static void Print(string label, List<double> sorted) =>
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {label,-38} median {Percentiles.Of(sorted, 0.5),8:0.000} ms   mean {sorted.Average(),8:0.000} ms   p95 {Percentiles.Of(sorted, 0.95),8:0.000} ms   min {sorted[0],8:0.000} ms"));

    private sealed class FileText(string path) : AdditionalText
    {
        private readonly SourceText text = SourceText.From(File.ReadAllText(path));

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>The MSBuild properties src/Action sets.</summary>
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
