using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Cac.Analyzers.Tests.TestSupport;

/// <summary>
/// Runs one analyzer (and optionally its code fix) over a test's code with <see cref="TestReferences"/>, the
/// generated sample action and the MSBuild options a project using the package would pass.
/// </summary>
internal static class Verifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>A diagnostic of <paramref name="rule"/> at markup location <paramref name="at"/> (and the source at <paramref name="source"/>).</summary>
    public static DiagnosticResult Diagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor rule, int at = 0, int? source = null)
    {
        // Id and severity only: tests that care about the message add WithArguments.
        var result = new DiagnosticResult(rule.Id, rule.DefaultSeverity).WithLocation(at);
        return source is { } additional ? result.WithLocation(additional) : result;
    }

    public static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) => AnalyzeAsync(source, string.Empty, expected);

    /// <summary>Checks the diagnostics; <paramref name="globalConfig"/> adds <c>build_property.*</c> lines.</summary>
    public static async Task AnalyzeAsync(string source, string globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Configure(test.TestState, source, globalConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>Checks the diagnostics, the fix of each, and Fix All in document, project and solution.</summary>
    public static async Task FixAsync<TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> { FixedCode = fixedSource };
        Configure(test.TestState, source, string.Empty);
        Configure(test.FixedState, null, string.Empty);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static void Configure(SolutionState state, string? source, string globalConfig)
    {
        if (source is not null)
        {
            state.Sources.Add(source);
        }

        foreach (var generated in GeneratedAction.Sources)
        {
            state.Sources.Add(generated);
        }

        state.ReferenceAssemblies = TestReferences.ReferenceAssemblies;
        state.AdditionalReferences.AddRange(TestReferences.All);
        var outputs = globalConfig.Contains("Cac_SecretOutputs", System.StringComparison.Ordinal)
            ? string.Empty
            : "build_property.Cac_SecretOutputs = " + GeneratedAction.SecretOutputs + "\n";
        state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + outputs + globalConfig));
    }
}
