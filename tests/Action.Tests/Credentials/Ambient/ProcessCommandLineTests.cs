using Cac.Action.Credentials.Ambient;

namespace Cac.Action.Tests.Credentials.Ambient;

/// <summary>A credential_process line is split here, never by a shell: what each element becomes.</summary>
public sealed class ProcessCommandLineTests
{
    [Theory]
    [InlineData("/usr/local/bin/helper", new[] { "/usr/local/bin/helper" })]
    [InlineData("  helper   --profile  ci  ", new[] { "helper", "--profile", "ci" })]
    [InlineData("\"/opt/credential tools/helper\" --profile \"ci user\" --region us-east-1", new[] { "/opt/credential tools/helper", "--profile", "ci user", "--region", "us-east-1" })]
    [InlineData("helper --name \"say \\\"hi\\\"\"", new[] { "helper", "--name", "say \"hi\"" })]
    [InlineData("helper --empty \"\"", new[] { "helper", "--empty", "" })]
    [InlineData("helper; rm -rf / && echo $HOME `id` | tee ~/x", new[] { "helper;", "rm", "-rf", "/", "&&", "echo", "$HOME", "`id`", "|", "tee", "~/x" })]
    [InlineData("C:\\Tools\\helper.exe --flag", new[] { "C:\\Tools\\helper.exe", "--flag" })]
    public void Elements_are_split_on_white_space_with_double_quotes_grouping_and_nothing_else_special(string line, string[] expected)
    {
        var elements = ProcessCommandLine.Split(line, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, elements);
    }

    [Theory]
    [InlineData("helper --label \"x", "credential_process has an unbalanced double quote")]
    [InlineData("   ", "credential_process names no program")]
    [InlineData("\"\" --flag", "credential_process names no program")]
    public void An_unusable_line_says_why(string line, string expected)
    {
        Assert.Null(ProcessCommandLine.Split(line, out var problem));
        Assert.Equal(expected, problem);
    }
}
