using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Cac.Action.Errors;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Runner;

public sealed class FileCommandWriterTests : IDisposable
{
    private const string Delimiter = "ghadelimiter_fixed";

    private readonly TempDir temp = new();
    private readonly string envFile;
    private readonly string outputFile;
    private readonly string stateFile;
    private readonly string summaryFile;
    private readonly FileCommandWriter writer;

    public FileCommandWriterTests()
    {
        envFile = temp.Write("set_env", string.Empty);
        outputFile = temp.Write("set_output", string.Empty);
        stateFile = temp.Write("save_state", string.Empty);
        summaryFile = temp.Write("step_summary", string.Empty);
        writer = new FileCommandWriter(EnvironmentWithAllFiles(), () => Delimiter);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ExportVariable_appends_a_heredoc_block_to_GITHUB_ENV()
    {
        writer.ExportVariable("AWS_REGION", "eu-west-1");
        Flush(writer);

        Assert.Equal("AWS_REGION<<ghadelimiter_fixed\neu-west-1\nghadelimiter_fixed\n", File.ReadAllText(envFile));
    }

    [Fact]
    public void Each_command_writes_to_its_own_file()
    {
        writer.ExportVariable("E", "env");
        writer.SetOutput("O", "output");
        writer.SaveState("S", "state");
        writer.AppendStepSummary("summary");
        Flush(writer);

        Assert.Equal("E<<ghadelimiter_fixed\nenv\nghadelimiter_fixed\n", File.ReadAllText(envFile));
        Assert.Equal("O<<ghadelimiter_fixed\noutput\nghadelimiter_fixed\n", File.ReadAllText(outputFile));
        Assert.Equal("S<<ghadelimiter_fixed\nstate\nghadelimiter_fixed\n", File.ReadAllText(stateFile));
        Assert.Equal("summary\n", File.ReadAllText(summaryFile));
    }

    [Fact]
    public void Blocks_are_appended_not_overwritten()
    {
        File.WriteAllText(outputFile, "existing=1\n");

        writer.SetOutput("a", "1");
        writer.SetOutput("b", "2");
        Flush(writer);

        Assert.Equal(
            "existing=1\na<<ghadelimiter_fixed\n1\nghadelimiter_fixed\nb<<ghadelimiter_fixed\n2\nghadelimiter_fixed\n",
            File.ReadAllText(outputFile));
    }

    [Fact]
    public void Multi_line_and_empty_values_are_written_verbatim()
    {
        writer.SetOutput("multi", "line 1\nline 2\r\n");
        writer.SetOutput("empty", "");
        Flush(writer);

        Assert.Equal(
            "multi<<ghadelimiter_fixed\nline 1\nline 2\r\n\nghadelimiter_fixed\n" +
            "empty<<ghadelimiter_fixed\n\nghadelimiter_fixed\n",
            File.ReadAllText(outputFile));
    }

    [Fact]
    public void What_is_written_reads_back_the_same_with_the_runners_rules()
    {
        var values = new[] { "", "plain", "a=b<<c", "line 1\nline 2", "trailing\n", "\nleading", "crlf\r\nvalue", "%0A::not-a-command::" };
        var defaultWriter = new FileCommandWriter(EnvironmentWithAllFiles());

        for (var i = 0; i < values.Length; i++)
        {
            defaultWriter.SetOutput("name" + i, values[i]);
        }

        Flush(defaultWriter);
        var pairs = RunnerEnvFileParser.Parse(File.ReadAllText(outputFile));
        Assert.Equal(values.Length, pairs.Count);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal("name" + i, pairs[i].Key);
            Assert.Equal(values[i], pairs[i].Value);
        }
    }

    [Fact]
    public void Files_are_written_as_utf8_without_bom()
    {
        writer.SetOutput("name", "é");
        Flush(writer);

        var expected = Encoding.UTF8.GetBytes("name<<ghadelimiter_fixed\né\nghadelimiter_fixed\n");
        Assert.Equal(expected, File.ReadAllBytes(outputFile));
    }

    [Fact]
    public void The_default_delimiter_is_ghadelimiter_and_a_new_guid_per_block()
    {
        var defaultWriter = new FileCommandWriter(EnvironmentWithAllFiles());

        defaultWriter.SetOutput("a", "1");
        defaultWriter.SetOutput("b", "2");
        Flush(defaultWriter);

        var lines = File.ReadAllText(outputFile).Split('\n');
        var pattern = new Regex("^ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        Assert.Equal("a<<" + lines[2], lines[0]);
        Assert.Equal("b<<" + lines[5], lines[3]);
        Assert.Matches(pattern, lines[2]);
        Assert.Matches(pattern, lines[5]);
        Assert.NotEqual(lines[2], lines[5]);
    }

    [Fact]
    public void A_name_containing_the_delimiter_is_refused()
    {
        var error = Assert.Throws<FileCommandException>(() => writer.ExportVariable("x" + Delimiter, "v"));

        Assert.Equal("Unexpected input: name should not contain the delimiter \"ghadelimiter_fixed\"", error.Message);
        Assert.Equal("", File.ReadAllText(envFile));
    }

    [Fact]
    public void A_value_containing_the_delimiter_is_refused()
    {
        var error = Assert.Throws<FileCommandException>(() => writer.SetOutput("name", "a\n" + Delimiter + "\nb"));

        Assert.Equal("Unexpected input: value should not contain the delimiter \"ghadelimiter_fixed\"", error.Message);
        Assert.Equal("", File.ReadAllText(outputFile));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a=b")]
    [InlineData("a<<b")]
    public void Names_the_runner_would_misread_are_refused(string name)
    {
        var error = Assert.Throws<FileCommandException>(() => writer.SaveState(name, "v"));

        Assert.StartsWith("Unexpected input: name should not ", error.Message, StringComparison.Ordinal);
        Assert.Equal("", File.ReadAllText(stateFile));
    }

    [Fact]
    public void A_single_angle_bracket_in_a_name_is_fine()
    {
        writer.SetOutput("a<b", "v");
        Flush(writer);

        Assert.StartsWith("a<b<<", File.ReadAllText(outputFile), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GITHUB_ENV")]
    [InlineData("GITHUB_OUTPUT")]
    [InlineData("GITHUB_STATE")]
    [InlineData("GITHUB_STEP_SUMMARY")]
    public void A_missing_or_empty_file_variable_is_an_error_naming_it(string variable)
    {
        foreach (var value in new[] { null, "" })
        {
            var environment = new DictionaryEnvironment([new KeyValuePair<string, string?>(variable, value)], EnvironmentWithAllFiles());
            var commands = new FileCommandWriter(environment, () => Delimiter);

            Invoke(commands, variable);
            var error = Assert.Throws<FileCommandException>(() => commands.Prepare());

            Assert.StartsWith("Unable to find environment variable for file command " + variable, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("GITHUB_ENV")]
    [InlineData("GITHUB_OUTPUT")]
    [InlineData("GITHUB_STATE")]
    [InlineData("GITHUB_STEP_SUMMARY")]
    public void A_variable_naming_a_missing_file_is_an_error_and_the_file_is_not_created(string variable)
    {
        var missing = Path.Combine(temp.Path, "gone");
        var environment = new DictionaryEnvironment([new KeyValuePair<string, string?>(variable, missing)], EnvironmentWithAllFiles());
        var commands = new FileCommandWriter(environment, () => Delimiter);

        Invoke(commands, variable);
        var error = Assert.Throws<ActionError>(() => commands.Prepare());

        Assert.Equal("Missing file at path: " + missing + " (from " + variable + ")", error.Message);
        Assert.Same(ErrorCode.RunnerFileUnusable, error.Code);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_file_in_a_missing_directory_is_a_missing_file()
    {
        var missing = Path.Combine(temp.Path, "no-such-dir", "set_env");
        var environment = new DictionaryEnvironment([new KeyValuePair<string, string?>("GITHUB_ENV", missing)]);

        var commands = new FileCommandWriter(environment);
        commands.ExportVariable("A", "b");
        var error = Assert.Throws<ActionError>(() => commands.Prepare());

        Assert.Equal("Missing file at path: " + missing + " (from GITHUB_ENV)", error.Message);
    }

    [Fact]
    public void AppendStepSummary_appends_the_markdown_and_a_newline()
    {
        File.WriteAllText(summaryFile, "# Before\n");

        writer.AppendStepSummary("| a | b |\n|---|---|");
        writer.AppendStepSummary("");
        Flush(writer);

        Assert.Equal("# Before\n| a | b |\n|---|---|\n\n", File.ReadAllText(summaryFile));
    }

    [Fact]
    public void OutputSink_forwards_to_SetOutput()
    {
        var sink = new OutputSink(writer);

        sink.SetOutput("aws-account-id", "000000000000");
        Flush(writer);

        Assert.Equal("aws-account-id<<ghadelimiter_fixed\n000000000000\nghadelimiter_fixed\n", File.ReadAllText(outputFile));
    }

    /// <summary>Hands over everything collected, in the order the result writer uses.</summary>
    internal static void Flush(IFileCommands commands)
    {
        using var prepared = commands.Prepare();
        Cac.Action.FileSystem.AllOrNothing.Commit([prepared.State, prepared.StepSummary, prepared.Outputs, prepared.Environment]);
    }

    private static void Invoke(FileCommandWriter commands, string variable)
    {
        switch (variable)
        {
            case "GITHUB_ENV": commands.ExportVariable("A", "b"); break;
            case "GITHUB_OUTPUT": commands.SetOutput("A", "b"); break;
            case "GITHUB_STATE": commands.SaveState("A", "b"); break;
            default: commands.AppendStepSummary("b"); break;
        }
    }

    private DictionaryEnvironment EnvironmentWithAllFiles() => new(
    [
        new KeyValuePair<string, string?>("GITHUB_ENV", envFile),
        new KeyValuePair<string, string?>("GITHUB_OUTPUT", outputFile),
        new KeyValuePair<string, string?>("GITHUB_STATE", stateFile),
        new KeyValuePair<string, string?>("GITHUB_STEP_SUMMARY", summaryFile),
    ]);
}
