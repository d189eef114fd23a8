using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Cac.Generator.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cac.Package.Tests.TestSupport;

/// <summary>
/// The package's <c>analyzers/dotnet/cs</c> assemblies loaded the way a compiler host loads them: each from the
/// package folder in a context of its own, with Microsoft.CodeAnalysis shared from the host, which in this test
/// process is the oldest Roslyn the package supports. An assembly built against a newer Roslyn fails to load here.
/// </summary>
internal sealed class PackagedCompiler
{
    private PackagedCompiler(IIncrementalGenerator generator, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixes)
    {
        Generator = generator;
        Analyzers = analyzers;
        CodeFixes = fixes;
    }

    public IIncrementalGenerator Generator { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> CodeFixes { get; }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static PackagedCompiler Load(string packageFolder)
    {
        var context = new PackageLoadContext(Path.Combine(packageFolder, "analyzers", "dotnet", "cs"));
        var assemblies = new[] { "Cac.Generator", "Cac.Analyzers", "Cac.Analyzers.CodeFixes" }
            .Select(name => context.LoadFromAssemblyName(new AssemblyName(name)))
            .ToList();
        foreach (var assembly in assemblies)
        {
            RequireHostRoslyn(assembly);
        }

        var types = assemblies.SelectMany(assembly => assembly.GetTypes()).Where(type => !type.IsAbstract).ToList();
        return new PackagedCompiler(
            types.Where(t => t.GetCustomAttribute<GeneratorAttribute>() is not null).Select(Create<IIncrementalGenerator>).Single(),
            types.Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null).Select(Create<DiagnosticAnalyzer>).ToImmutableArray(),
            types.Where(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null).Select(Create<CodeFixProvider>).ToImmutableArray());
    }

    /// <summary>What the sample's build passes the generator and analyzers (its MSBuild properties).</summary>
    public static DictionaryOptionsProvider SampleOptions() => new(new Dictionary<string, string>
    {
        ["build_property.RootNamespace"] = "Sample",
        ["build_property.Cac_SecretInputs"] = "api-token",
        ["build_property.Cac_SecretOutputs"] = "token",
    });

    /// <summary>The sample's action.yml, action-types.yml and action-fallbacks.yml.</summary>
    public static ImmutableArray<AdditionalText> SampleActionFiles(string project) => ImmutableArray.Create<AdditionalText>(
        new InMemoryAdditionalText(Path.Combine(project, "action.yml"), File.ReadAllText(Path.Combine(project, "action.yml"))),
        new InMemoryAdditionalText(Path.Combine(project, "action-types.yml"), File.ReadAllText(Path.Combine(project, "action-types.yml"))),
        new InMemoryAdditionalText(Path.Combine(project, "action-fallbacks.yml"), File.ReadAllText(Path.Combine(project, "action-fallbacks.yml"))));

    /// <summary>The reference pack plus the package's lib/ assembly: what the sample compiles against.</summary>
    public static ImmutableArray<MetadataReference> References(string packageFolder) =>
        Directory.GetFiles(BuildInfo.ReferencePack, "*.dll")
            .Append(Path.Combine(packageFolder, "lib", "netstandard2.0", "Cac.Abstractions.dll"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    /// <summary>Compiles <paramref name="sources"/> with the packaged generator; returns the compilation and generated trees.</summary>
    public (Compilation Compilation, ImmutableArray<SyntaxTree> Generated, ImmutableArray<Diagnostic> GeneratorDiagnostics) Generate(
        string project, string packageFolder, params (string Path, string Text)[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "Sample",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References(packageFolder),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(
            new[] { Generator.AsSourceGenerator() }, SampleActionFiles(project), ParseOptions, SampleOptions());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, output.SyntaxTrees.Except(compilation.SyntaxTrees).ToImmutableArray(), diagnostics);
    }

    /// <summary>The analyzers' diagnostics on <paramref name="compilation"/>, with the sample's options.</summary>
    public Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, string project) =>
        compilation.WithAnalyzers(Analyzers, new AnalyzerOptions(SampleActionFiles(project), SampleOptions())).GetAnalyzerDiagnosticsAsync();

    /// <summary>
    /// The compiler's own check (CS9057): an analyzer that references a newer Microsoft.CodeAnalysis than the
    /// running compiler is not loaded. The runtime here would bind it anyway, so the versions are compared.
    /// </summary>
    private static void RequireHostRoslyn(Assembly assembly)
    {
        var host = typeof(Compilation).Assembly.GetName().Version!;
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                Assert.True(
                    reference.Version! <= host,
                    assembly.GetName().Name + " references " + reference.Name + " " + reference.Version + ", newer than the oldest supported Roslyn " + host);
            }
        }
    }

    private static T Create<T>(Type type) => (T)Activator.CreateInstance(type)!;

    /// <summary>Loads the package's own assemblies from its folder; anything else (Roslyn, the framework) from the host.</summary>
    private sealed class PackageLoadContext(string directory) : AssemblyLoadContext("cac-package", isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
