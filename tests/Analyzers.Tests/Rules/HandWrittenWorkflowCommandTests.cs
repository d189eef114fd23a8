using System.Threading.Tasks;
using Cac.Analyzers.Rules;
using Cac.Analyzers.Tests.TestSupport;
using Verify = Cac.Analyzers.Tests.TestSupport.Verifier<Cac.Analyzers.Rules.HandWrittenWorkflowCommandAnalyzer>;

namespace Cac.Analyzers.Tests.Rules;

/// <summary>CAC3003.</summary>
public sealed class HandWrittenWorkflowCommandTests
{
    private const string Log = """
        Log log = null!;
        sealed class Log { [LogSink] public void Info(string message) { } }
        """;

    [Theory]
    [InlineData("Console.WriteLine({|#0:\"::set-output name=x::\" + text|});", "::set-output")]
    [InlineData("Console.WriteLine({|#0:$\"::warning file={text}::bad\"|});", "::warning")]
    [InlineData("writer.WriteLine({|#0:\"::add-mask::\" + text|});", "::add-mask")]
    [InlineData("writer.Write({|#0:string.Format(\"::error::{0}\", text)|});", "::error")]
    [InlineData("logger.LogInformation({|#0:\"::stop-commands::x\"|});", "::stop-commands")]
    [InlineData("log.Info({|#0:$\"::group::{text}\"|});", "::group")]
    [InlineData("Console.Out.WriteLine({|#0:\"::\" + text|});", "::")]
    public Task A_command_written_by_hand(string statement, string command) =>
        Verify.AnalyzeAsync(Code.InMethod(statement, Log), Verify.Diagnostic(HandWrittenWorkflowCommandAnalyzer.Rule).WithArguments(command));

    [Theory]
    [InlineData("Console.WriteLine(\"text :: with colons\");")]
    [InlineData("Console.WriteLine(text + \"::warning::\");")]
    [InlineData("Console.WriteLine(\": not a command\");")]
    [InlineData("var line = \"::warning::x\";")]
    [InlineData("Use(\"::warning::x\");")]
    public Task Colons_elsewhere_and_commands_not_written(string statement) =>
        Verify.AnalyzeAsync(Code.InMethod(statement, "static void Use(string s) { }"));

    [Fact]
    public Task The_toolkit_itself() =>
        Verify.AnalyzeAsync(Code.Usings + """
            [ConsoleOwner]
            sealed class ProcessConsole { public void Mask(string v) => Console.Out.WriteLine("::add-mask::" + v); }

            [LogSink]
            sealed class ActionLog
            {
                private readonly TextWriter output = TextWriter.Null;
                public void Error(string message) => output.WriteLine("::error::" + message);
            }
            """);
}
