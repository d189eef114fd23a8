using System.Threading.Tasks;
using Cac.Analyzers.Rules;
using Cac.Analyzers.Tests.TestSupport;
using Microsoft.CodeAnalysis.Testing;
using Verify = Cac.Analyzers.Tests.TestSupport.Verifier<Cac.Analyzers.Rules.SecretLeakAnalyzer>;

namespace Cac.Analyzers.Tests.Rules;

/// <summary>CAC2002. The sample action declares the output <c>token</c> secret and <c>result</c> plain.</summary>
public sealed class SecretToPlainOutputTests
{
    private const string FileCommands = """
        IFileCommands files = null!;
        interface IFileCommands
        {
            void ExportVariable(string name, string value);
            void SetOutput(string name, string value);
        }
        """;

    private static DiagnosticResult Written => Verify.Diagnostic(SecretLeakAnalyzer.SecretToPlainOutput, 0, 1);

    [Fact]
    public Task A_secret_given_to_a_generated_plain_output_setter() =>
        Verify.AnalyzeAsync(
            Code.InMethod("outputs.SetResult({|#0:{|#1:secret.Reveal()|}|});"),
            Written.WithArguments("secret.Reveal()", "the output 'result'", "Cac_SecretOutputs"));

    [Fact]
    public Task A_secret_written_to_a_plain_output_through_the_output_sink() =>
        Verify.AnalyzeAsync(Code.InMethod("sink.SetOutput(\"result\", {|#0:\"v=\" + {|#1:credentials.SessionToken|}|});"), Written);

    [Fact]
    public Task A_secret_written_to_an_output_named_at_run_time() =>
        Verify.AnalyzeAsync(
            Code.InMethod("sink.SetOutput(text, {|#0:{|#1:secret.Reveal()|}|});"),
            Written.WithArguments("secret.Reveal()", "an output whose name is not a constant (IOutputSink.SetOutput)", "Cac_SecretOutputs"));

    [Fact]
    public Task A_secret_exported_as_a_plain_variable() =>
        Verify.AnalyzeAsync(
            Code.InMethod("files.ExportVariable(\"DEPLOY_TARGET\", {|#0:{|#1:secret.Reveal()|}|});", FileCommands),
            Written.WithArguments("secret.Reveal()", "the exported variable 'DEPLOY_TARGET'", "Cac_SecretVariables"));

    [Fact]
    public Task A_secret_written_to_a_plain_output_by_a_hand_written_file_command() =>
        Verify.AnalyzeAsync(Code.InMethod("var key = {|#1:credentials.SecretAccessKey|}; files.SetOutput(\"result\", {|#0:key|});", FileCommands), Written);

    [Theory]
    [InlineData("outputs.SetToken(secret);")]
    [InlineData("sink.SetOutput(\"token\", secret.Reveal());")]
    [InlineData("files.SetOutput(\"token\", credentials.SessionToken);")]
    [InlineData("files.ExportVariable(\"AWS_SECRET_ACCESS_KEY\", credentials.SecretAccessKey);")]
    [InlineData("files.ExportVariable(\"AWS_SESSION_TOKEN\", credentials.SessionToken);")]
    [InlineData("files.ExportVariable(\"AWS_ACCESS_KEY_ID\", credentials.AccessKeyId);")]
    [InlineData("outputs.SetResult(secret.Reveal().Length.ToString());")]
    [InlineData("outputs.SetResult(text);")]
    [InlineData("files.ExportVariable(\"AWS_REGION\", text);")]
    public Task Secret_outputs_secret_variables_and_plain_values(string statement) =>
        Verify.AnalyzeAsync(Code.InMethod(statement, FileCommands));

    [Fact]
    public Task A_variable_the_project_declares_secret() =>
        Verify.AnalyzeAsync(
            Code.InMethod("files.ExportVariable(\"DEPLOY_KEY\", secret.Reveal());", FileCommands),
            "build_property.Cac_SecretVariables = DEPLOY_KEY");

    [Fact]
    public Task An_output_the_project_declares_secret() =>
        Verify.AnalyzeAsync(
            Code.InMethod("sink.SetOutput(\"result\", secret.Reveal());"),
            "build_property.Cac_SecretOutputs = token result");
}
