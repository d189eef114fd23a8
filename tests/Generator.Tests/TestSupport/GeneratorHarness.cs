using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cac.Generator.Tests.TestSupport;

/// <summary>
/// Runs <see cref="ActionGenerator"/> the way the compiler does, with step tracking on. Every run is followed by a
/// second one on an unchanged compilation, which must be all Cached or Unchanged with equal step values and no
/// compiler object in any step's output (<see cref="IncrementalChecks"/>).
/// </summary>
internal static class GeneratorHarness
{
    public const string OurSecrets = "aws-access-key-id,aws-secret-access-key,aws-session-token";

    /// <summary>The MSBuild properties src/Action sets.</summary>
    public static Dictionary<string, string> OurOptions() => new()
    {
        ["build_property.RootNamespace"] = "Cac.Action",
        ["build_property.Cac_SecretInputs"] = OurSecrets,
        ["build_property.Cac_SecretOutputs"] = OurSecrets,
    };

    /// <summary>Our action.yml, action-types.yml and action-fallbacks.yml, as AdditionalFiles.</summary>
    public static AdditionalText[] OurActionFiles() =>
    [
        new InMemoryAdditionalText("/repo/action.yml", File.ReadAllText(RepositoryPaths.ActionYml)),
        new InMemoryAdditionalText("/repo/action-types.yml", File.ReadAllText(RepositoryPaths.ActionTypesYml)),
        new InMemoryAdditionalText("/repo/action-fallbacks.yml", File.ReadAllText(RepositoryPaths.ActionFallbacksYml)),
    ];

    public static CSharpCompilation EmptyCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, CompilationReferences.ParseOptions)),
            CompilationReferences.All,
            CompilationReferences.LibraryOptions);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? options = null) =>
        CSharpGeneratorDriver.Create(
            [new ActionGenerator().AsSourceGenerator()],
            files,
            CompilationReferences.ParseOptions,
            new DictionaryOptionsProvider(options ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs once over <paramref name="sources"/>, checks that a second run is cached, and returns the first run's
    /// result and the compilation with the generated trees added.
    /// </summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(
        IEnumerable<AdditionalText> files,
        IReadOnlyDictionary<string, string>? options = null,
        params string[] sources)
    {
        var compilation = EmptyCompilation(sources);
        var driver = CreateDriver(files, options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        IncrementalChecks.SecondRunIsCached(driver, compilation);
        return (driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The text of one generated file.</summary>
    public static string Source(GeneratorDriverRunResult result, string hintName) =>
        result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}
