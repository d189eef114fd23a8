using System.Threading.Tasks;
using Cac.Analyzers.CodeFixes;
using Cac.Analyzers.Rules;
using Cac.Analyzers.Tests.TestSupport;
using Microsoft.CodeAnalysis.Testing;
using Verify = Cac.Analyzers.Tests.TestSupport.Verifier<Cac.Analyzers.Rules.InputReadByHandAnalyzer>;

namespace Cac.Analyzers.Tests.Rules;

/// <summary>CAC3001 and its fix. The sample action's inputs: api-token (secret), region, retries (integer), token-file.</summary>
public sealed class InputReadByHandTests
{
    private static DiagnosticResult Read(int at = 0) => Verify.Diagnostic(InputReadByHandAnalyzer.Rule, at);

    private static Task FixesAsync(string body, string fixedBody, params DiagnosticResult[] expected) =>
        Verify.FixAsync<InputReadByHandCodeFixProvider>(Code.InMethod(body), Code.InMethod(fixedBody), expected);

    [Fact]
    public Task A_constant_name_becomes_the_generated_property() =>
        FixesAsync(
            "var region = {|#0:Environment.GetEnvironmentVariable(\"INPUT_REGION\")|};",
            "var region = inputs.Region;",
            Read().WithArguments("INPUT_REGION", "the generated property ActionInputs.Region"));

    [Fact]
    public Task Any_case_is_a_read_of_the_input() =>
        FixesAsync(
            "var region = {|#0:Environment.GetEnvironmentVariable(\"input_region\", EnvironmentVariableTarget.Process)|};",
            "var region = inputs.Region;",
            Read());

    [Fact]
    public Task A_secret_input_keeps_its_string_type_and_is_now_masked_on_load() =>
        FixesAsync(
            "string? token = {|#0:environment.GetVariable(\"INPUT_API-TOKEN\")|};",
            "string? token = inputs.ApiToken.Reveal();",
            Read());

    [Fact]
    public Task A_typed_input_becomes_the_typed_property() =>
        FixesAsync(
            "var retries = {|#0:Environment.GetEnvironmentVariable(\"INPUT_RETRIES\")|};",
            "var retries = inputs.Retries;",
            Read());

    [Fact]
    public Task The_variables_dictionary() =>
        FixesAsync(
            "var region = (string?){|#0:Environment.GetEnvironmentVariables()[\"INPUT_REGION\"]|};",
            "var region = (string?)inputs.Region;",
            Read());

    [Fact]
    public Task Fix_all_replaces_every_read_in_the_document() =>
        FixesAsync(
            """
            var region = {|#0:Environment.GetEnvironmentVariable("INPUT_REGION")|};
            var file = {|#1:Environment.GetEnvironmentVariable("INPUT_TOKEN-FILE")|};
            Console.WriteLine(region + file + {|#2:environment.GetVariable("INPUT_REGION")|});
            """,
            """
            var region = inputs.Region;
            var file = inputs.TokenFile;
            Console.WriteLine(region + file + inputs.Region);
            """,
            Read(0),
            Read(1),
            Read(2));

    [Fact]
    public Task Inputs_from_a_field_when_no_local_has_them() =>
        Verify.FixAsync<InputReadByHandCodeFixProvider>(
            Code.Usings + """
                class C
                {
                    private readonly ActionInputs settings = null!;
                    string Region() => {|#0:Environment.GetEnvironmentVariable("INPUT_REGION")|} ?? "";
                }
                """,
            Code.Usings + """
                class C
                {
                    private readonly ActionInputs settings = null!;
                    string Region() => settings.Region ?? "";
                }
                """,
            Read());

    [Fact]
    public Task No_fix_without_ActionInputs_in_scope() =>
        Verify.FixAsync<InputReadByHandCodeFixProvider>(
            Code.Usings + "class C { string? Region() => {|#0:Environment.GetEnvironmentVariable(\"INPUT_REGION\")|}; }",
            Code.Usings + "class C { string? Region() => {|#0:Environment.GetEnvironmentVariable(\"INPUT_REGION\")|}; }",
            Read());

    [Theory]
    [InlineData("Environment.GetEnvironmentVariable(\"INPUT_\" + text)", "INPUT_...")]
    [InlineData("Environment.GetEnvironmentVariable($\"INPUT_{text.ToUpperInvariant()}\")", "INPUT_...")]
    [InlineData("Environment.GetEnvironmentVariable(string.Concat(\"INPUT_\", text))", "INPUT_...")]
    [InlineData("environment.GetVariable(\"INPUT_NOT-DECLARED\")", "INPUT_NOT-DECLARED")]
    [InlineData("Environment.GetEnvironmentVariable($\"{Prefix}{text}\")", "INPUT_...")]
    public Task A_name_that_is_not_a_declared_input_is_reported_without_a_fix(string read, string shown) =>
        Verify.FixAsync<InputReadByHandCodeFixProvider>(
            Code.InMethod("var value = {|#0:" + read + "|};", "const string Prefix = \"INPUT_\";"),
            Code.InMethod("var value = {|#0:" + read + "|};", "const string Prefix = \"INPUT_\";"),
            Read().WithArguments(shown, "the generated ActionInputs"));

    [Theory]
    [InlineData("Environment.GetEnvironmentVariable(\"GITHUB_WORKSPACE\")")]
    [InlineData("Environment.GetEnvironmentVariable(\"MY_INPUT_REGION\")")]
    [InlineData("Environment.GetEnvironmentVariable(text)")]
    [InlineData("environment.GetVariable(\"RUNNER_DEBUG\")")]
    [InlineData("inputs.Region")]
    [InlineData("ActionInputs.EnvironmentVariables.Region")]
    public Task Other_variables_and_the_generated_code_itself(string read) =>
        Verify.AnalyzeAsync(Code.InMethod("var value = " + read + ";"));

    [Fact]
    public Task An_implementation_of_the_environment_abstraction_called_directly() =>
        Verify.AnalyzeAsync(Code.Usings + """
            sealed class Env : IActionEnvironment
            {
                public string? GetVariable(string name) => null;
                string? Region() => {|#0:GetVariable("INPUT_REGION")|};
            }
            """, Read());
}
