using System.Threading.Tasks;
using Cac.Analyzers.Rules;
using Cac.Analyzers.Tests.TestSupport;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = Cac.Analyzers.Tests.TestSupport.Verifier<Cac.Analyzers.Rules.DirectConsoleWriteAnalyzer>;

namespace Cac.Analyzers.Tests.Rules;

/// <summary>CAC3002.</summary>
public sealed class DirectConsoleWriteTests
{
    [Theory]
    [InlineData("{|#0:Console.WriteLine(\"hello\")|};", "Console.WriteLine", "output")]
    [InlineData("{|#0:Console.Write(1)|};", "Console.Write", "output")]
    [InlineData("{|#0:Console.Out|}.WriteLine(\"hello\");", "Console.Out", "output")]
    [InlineData("{|#0:Console.Error|}.WriteLine(\"oops\");", "Console.Error", "error")]
    [InlineData("using var stdout = {|#0:Console.OpenStandardOutput()|};", "Console.OpenStandardOutput", "output")]
    [InlineData("using var stderr = {|#0:Console.OpenStandardError()|};", "Console.OpenStandardError", "error")]
    [InlineData("TextWriter w = {|#0:Console.Out|};", "Console.Out", "output")]
    public Task Writes_to_the_standard_streams(string statement, string member, string stream) =>
        Verify.AnalyzeAsync(Code.InMethod(statement), Verify.Diagnostic(DirectConsoleWriteAnalyzer.Rule).WithArguments(member, stream));

    [Theory]
    [InlineData("var line = Console.ReadLine();")]
    [InlineData("var input = Console.In;")]
    [InlineData("var redirected = Console.IsOutputRedirected;")]
    [InlineData("writer.WriteLine(\"to a writer someone handed in\");")]
    public Task Reading_and_other_writers(string statement) => Verify.AnalyzeAsync(Code.InMethod(statement));

    [Fact]
    public Task The_type_marked_ConsoleOwner_its_nested_types_and_lambdas() =>
        Verify.AnalyzeAsync(Code.Usings + """
            [ConsoleOwner]
            sealed class ProcessConsole
            {
                private readonly Stream stdout = Console.OpenStandardOutput();
                public void WriteLine(string line) => Console.Out.WriteLine(line);
                public Action Later => () => Console.Error.WriteLine("late");
                sealed class Inner { void M() => Console.WriteLine("inner"); }
            }
            """);

    [Fact]
    public Task A_project_without_the_package_is_left_alone()
    {
        var test = new CSharpAnalyzerTest<DirectConsoleWriteAnalyzer, DefaultVerifier>
        {
            TestCode = "class C { void M() => System.Console.WriteLine(\"plain console program\"); }",
            ReferenceAssemblies = TestReferences.ReferenceAssemblies,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Framework);
        return test.RunAsync();
    }
}
