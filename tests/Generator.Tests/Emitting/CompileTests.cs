using System.Linq;
using Cac.Generator.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace Cac.Generator.Tests.Emitting;

public class CompileTests
{
    private const string Consumer = """
        namespace Cac.Action;

        internal static class UsesGeneratedApi
        {
            public static string Describe(ActionInputs inputs, ActionOutputs outputs, global::Cac.Abstractions.IActionEnvironment environment, global::Cac.Abstractions.ISecretMasker masker)
            {
                outputs.SetAwsAccountId("123456789012");
                outputs.SetAwsSecretAccessKey(inputs.AwsSecretAccessKey);
                global::Cac.Abstractions.Secret key = inputs.AwsAccessKeyId;
                int? duration = inputs.RoleDurationSeconds;
                bool dryRun = inputs.DryRun;
                bool? chaining = inputs.RoleChaining;
                global::System.Collections.Generic.IReadOnlyList<string> keys = inputs.TransitiveTagKeys;
                bool cleanup = ActionInputs.Declarations.Cleanup.Read(environment, masker);
                return inputs.AwsRegion + key + duration + dryRun + chaining + keys.Count + cleanup +
                    ActionInputs.Names.AwsRegion + ActionInputs.EnvironmentVariables.AwsRegion + ActionInputs.FallbackVariables.AwsRegion +
                    ActionOutputs.Names.AwsAccountId + ActionDocs.InputsTable + ActionDocs.OutputsTable;
            }
        }
        """;

    [Fact]
    public void Our_generated_code_compiles_without_any_diagnostic_including_documentation_warnings()
    {
        var (result, output, generatorDiagnostics) = GeneratorHarness.Run(GeneratorHarness.OurActionFiles(), GeneratorHarness.OurOptions());

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(3, result.GeneratedTrees.Length);
        Assert.Empty(output.GetDiagnostics());
    }

    [Fact]
    public void The_contract_used_by_the_runtime_compiles_against_the_generated_code()
    {
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.OurActionFiles(), GeneratorHarness.OurOptions(), Consumer);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Every_kind_deprecation_and_keyword_names_compile_without_diagnostics()
    {
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run(KitchenSink.Files(), KitchenSink.Options);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics());
    }

    [Fact]
    public void A_broken_action_yml_reports_a_located_error_and_generates_nothing()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run([new InMemoryAdditionalText("/x/action.yml", "inputs:\n  a: 'b\n")]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CAC1002", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/x/action.yml", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void A_bad_fallback_reports_a_located_error_in_action_fallbacks_yml_and_generates_nothing()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(
        [
            new InMemoryAdditionalText("/x/action.yml", "inputs:\n  region: {}\n"),
            new InMemoryAdditionalText("/x/action-fallbacks.yml", "inputs:\n  region: AWS-REGION\n"),
        ]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CAC1016", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("/x/action-fallbacks.yml", 1, 10), (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.EndsWith("docs/rules/CAC1016.md", diagnostic.Descriptor.HelpLinkUri, System.StringComparison.Ordinal);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void No_action_yml_reports_CAC1001()
    {
        var (result, _, diagnostics) = GeneratorHarness.Run([new InMemoryAdditionalText("/x/other.yml", "a: b\n")]);

        Assert.Equal("CAC1001", Assert.Single(diagnostics).Id);
        Assert.Empty(result.GeneratedTrees);
    }
}
