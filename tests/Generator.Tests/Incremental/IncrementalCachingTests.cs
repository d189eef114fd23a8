using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cac.Generator.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cac.Generator.Tests.Incremental;

/// <summary>
/// The generator must do as little as possible when action.yml changes only in ways that do not affect the
/// generated code (that an unchanged second run is all cached, every harness run checks).
/// </summary>
public class IncrementalCachingTests
{
    private static readonly string[] GeneratorSteps = IncrementalChecks.OwnSteps;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText ActionFile) FirstRun()
    {
        var files = GeneratorHarness.OurActionFiles();
        var compilation = GeneratorHarness.EmptyCompilation("namespace Consumer; internal static class Program { }");
        var driver = GeneratorHarness.CreateDriver(files, GeneratorHarness.OurOptions()).RunGenerators(compilation);
        IncrementalChecks.SecondRunIsCached(driver, compilation);
        return (driver, compilation, files[0]);
    }

    private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static IEnumerable<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void First_run_tracks_every_named_step()
    {
        var result = Result(FirstRun().Driver);

        Assert.All(GeneratorSteps, step => Assert.Contains(step, result.TrackedSteps.Keys));
        Assert.Equal(3, result.GeneratedSources.Length);
    }

    [Fact]
    public void Editing_unrelated_CSharp_leaves_every_step_cached()
    {
        var (driver, compilation, _) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; internal static class Other { }", CompilationReferences.ParseOptions));

        var result = Result(driver.RunGenerators(edited));

        foreach (var step in GeneratorSteps)
        {
            Assert.All(Reasons(result, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        Assert.All(OutputReasons(result), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void A_comment_at_the_end_of_action_yml_stops_at_Parse()
    {
        var (driver, compilation, actionFile) = FirstRun();
        var edited = new InMemoryAdditionalText(actionFile.Path, actionFile.GetText()!.ToString() + "# a trailing comment\n");

        var result = Result(driver.ReplaceAdditionalText(actionFile, edited).RunGenerators(compilation));

        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(result, TrackingNames.Parse));
        Assert.All(Reasons(result, TrackingNames.BuildSpec), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(OutputReasons(result), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void A_comment_that_moves_every_line_stops_at_BuildSpec()
    {
        var (driver, compilation, actionFile) = FirstRun();
        var edited = new InMemoryAdditionalText(actionFile.Path, "# a leading comment\n\n" + actionFile.GetText()!.ToString());

        var result = Result(driver.ReplaceAdditionalText(actionFile, edited).RunGenerators(compilation));

        // The positions kept for diagnostics moved, so the parse result differs; the spec does not.
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Parse));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(result, TrackingNames.BuildSpec));
        Assert.All(Reasons(result, TrackingNames.Spec), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(OutputReasons(result), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void A_new_input_reaches_the_generated_code()
    {
        var (driver, compilation, actionFile) = FirstRun();
        var text = actionFile.GetText()!.ToString().Replace(
            "inputs:\n",
            "inputs:\n  brand-new:\n    description: 'Added in the test.'\n",
            System.StringComparison.Ordinal);
        var edited = new InMemoryAdditionalText(actionFile.Path, text);

        var result = Result(driver.ReplaceAdditionalText(actionFile, edited).RunGenerators(compilation));

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Parse));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.BuildSpec));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Spec));
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(result));
        var inputs = result.GeneratedSources.Single(s => s.HintName == "ActionInputs.g.cs").SourceText.ToString();
        Assert.Contains("public string BrandNew { get; }", inputs, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_secret_list_reaches_the_generated_code_without_reparsing()
    {
        var (driver, compilation, _) = FirstRun();
        var options = GeneratorHarness.OurOptions();
        options["build_property.Cac_SecretInputs"] = "aws-access-key-id";

        var result = Result(driver.WithUpdatedAnalyzerConfigOptions(new DictionaryOptionsProvider(options)).RunGenerators(compilation));

        Assert.All(Reasons(result, TrackingNames.Parse), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Options));
        var inputs = result.GeneratedSources.Single(s => s.HintName == "ActionInputs.g.cs").SourceText.ToString();
        Assert.Contains("public string AwsSessionToken { get; }", inputs, System.StringComparison.Ordinal);
    }
}
