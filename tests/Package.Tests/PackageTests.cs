using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Cac.Package.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Cac.Package.Tests;

/// <summary>Cac.ActionKit as a fork uses it, from a local feed (see <see cref="PackagedSample"/>).</summary>
public sealed class PackageTests(PackagedSample sample) : IClassFixture<PackagedSample>
{
    private static readonly string[] RuleIds = ["CAC2001", "CAC2002", "CAC2003", "CAC3001", "CAC3002", "CAC3003"];

    [Fact]
    public void The_package_holds_the_generator_with_its_dependencies_the_analyzers_the_library_and_the_props()
    {
        using var package = ZipFile.OpenRead(sample.Nupkg);
        var files = package.Entries
            .Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "Cac.ActionKit.nuspec",
                "README.md",
                "analyzers/dotnet/cs/Cac.Abstractions.dll",
                "analyzers/dotnet/cs/Cac.Analyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/Cac.Analyzers.dll",
                "analyzers/dotnet/cs/Cac.Generator.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
                "build/Cac.ActionKit.props",
                "build/Cac.Analyzers.props",
                "build/Cac.Generator.props",
                "lib/netstandard2.0/Cac.Abstractions.dll",
                "lib/netstandard2.0/Cac.Abstractions.xml",
            ],
            files);
    }

    [Fact]
    public async Task A_fork_builds_from_the_package_and_its_generated_inputs_outputs_and_docs_work()
    {
        // No AdditionalFiles in the project: build/ finds action.yml. The generator needs YamlDotNet from the package.
        await Dotnet.SucceedAsync(sample.Project, "build", "--no-restore", "-nologo");
        var output = await Dotnet.SucceedAsync(sample.Project, "run", "--no-build");

        Assert.Contains("::add-mask::sample-secret-value", output, StringComparison.Ordinal);
        Assert.Contains("output token set (19 characters)", output, StringComparison.Ordinal);
        Assert.Contains("output result set", output, StringComparison.Ordinal);
        Assert.Contains("token=*** retries=4", output, StringComparison.Ordinal);
        Assert.Contains("| Name | Description | Required | Default |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_rule_fires_on_its_seeded_mistake_when_built_from_the_package()
    {
        var build = await Dotnet.RunAsync(sample.Project, "build", "--no-restore", "-nologo", "-p:SeedMistakes=true");

        Assert.NotEqual(0, build.ExitCode);
        var reported = Regex.Matches(build.Output, @"Mistakes\.cs\((\d+),\d+\): (?:warning|error) (CAC\d{4})")
            .Select(match => (Line: int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Id: match.Groups[2].Value))
            .ToHashSet();
        Assert.Equal(ExpectedMistakes(), reported.Order());
        Assert.DoesNotContain(sample.SeededKey, build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_packaged_generator_and_analyzers_run_in_the_oldest_supported_Roslyn()
    {
        Assert.Equal(BuildInfo.RoslynBaseline, typeof(Compilation).Assembly.GetName().Version!.ToString(3));
        var compiler = PackagedCompiler.Load(sample.PackageFolder);
        var (compilation, generated, generatorDiagnostics) = compiler.Generate(
            sample.Project, sample.PackageFolder, ("Program.cs", sample.ProgramSource), ("Mistakes.cs", sample.MistakesSource));

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(["ActionDocs.g.cs", "ActionInputs.g.cs", "ActionOutputs.g.cs"], generated.Select(t => Path.GetFileName(t.FilePath)).Order(StringComparer.Ordinal));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compiler.AnalyzeAsync(compilation, sample.Project);
        var reported = diagnostics
            .Where(d => d.Location.SourceTree?.FilePath == "Mistakes.cs")
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id));
        Assert.Equal(ExpectedMistakes(), reported.Order());
        Assert.Empty(diagnostics.Where(d => d.Location.SourceTree?.FilePath != "Mistakes.cs"));
    }

    [Fact]
    public async Task The_packaged_code_fix_replaces_a_hand_read_input_with_the_generated_property()
    {
        var compiler = PackagedCompiler.Load(sample.PackageFolder);
        var (_, generated, _) = compiler.Generate(sample.Project, sample.PackageFolder, ("Program.cs", sample.ProgramSource));

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Sample", "Sample", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: PackagedCompiler.ParseOptions,
            metadataReferences: PackagedCompiler.References(sample.PackageFolder)));
        project = project.AddDocument("Program.cs", sample.ProgramSource).Project;
        foreach (var tree in generated)
        {
            project = project.AddDocument(Path.GetFileName(tree.FilePath), tree.GetText()).Project;
        }

        var mistakes = project.AddDocument("Mistakes.cs", sample.MistakesSource);
        var compilation = (await mistakes.Project.GetCompilationAsync())!;
        var diagnostic = (await compiler.AnalyzeAsync(compilation, sample.Project)).Single(d => d.Id == "CAC3001");
        var fixer = compiler.CodeFixes.Single(f => f.FixableDiagnosticIds.Contains("CAC3001"));
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(mistakes, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        var apply = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var fixedText = (await apply.ChangedSolution.GetDocument(mistakes.Id)!.GetTextAsync()).ToString();
        Assert.Contains("var retries = inputs.Retries; // CAC3001", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain("INPUT_RETRIES", fixedText, StringComparison.Ordinal);
    }

    /// <summary>(line, rule) for each line of Mistakes.cs that ends with <c>// CACnnnn</c>.</summary>
    private IEnumerable<(int Line, string Id)> ExpectedMistakes()
    {
        var expected = sample.MistakesSource.Split('\n')
            .Select((text, index) => (Line: index + 1, Id: Regex.Match(text, @"// (CAC\d{4})\s*$").Groups[1].Value))
            .Where(item => item.Id.Length > 0)
            .Order()
            .ToList();
        Assert.Equal(RuleIds, expected.Select(item => item.Id).Order(StringComparer.Ordinal));
        return expected;
    }
}
