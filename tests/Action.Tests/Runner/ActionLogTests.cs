using System.Collections.Generic;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Runner;

public sealed class ActionLogTests
{
    private readonly RecordingConsole console = new();

    [Fact]
    public void AddMask_writes_the_mask_command()
    {
        var log = new ActionLog(console, isDebug: false);

        log.AddMask("s3cr3t-value");

        Assert.Equal(["::add-mask::s3cr3t-value"], console.Lines);
    }

    [Fact]
    public void AddMask_writes_each_distinct_value_once()
    {
        var log = new ActionLog(console, isDebug: false);

        log.AddMask("one");
        log.AddMask("two");
        log.AddMask("one");

        Assert.Equal(["::add-mask::one", "::add-mask::two"], console.Lines);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\t")]
    public void AddMask_ignores_empty_and_whitespace_values(string value)
    {
        var log = new ActionLog(console, isDebug: false);

        log.AddMask(value);
        log.Info("a b");

        Assert.Equal(["a b"], console.Lines);
    }

    [Fact]
    public void AddMask_escapes_the_value_as_command_data()
    {
        var log = new ActionLog(console, isDebug: false);

        log.AddMask("50%off");

        Assert.Equal(["::add-mask::50%25off"], console.Lines);
    }

    [Fact]
    public void A_multi_line_value_is_masked_whole_and_line_by_line()
    {
        var log = new ActionLog(console, isDebug: false);

        log.AddMask("line-one\r\nline-two\n\nline-one");

        Assert.Equal(
            [
                "::add-mask::line-one%0D%0Aline-two%0A%0Aline-one",
                "::add-mask::line-one",
                "::add-mask::line-two",
            ],
            console.Lines);
    }

    [Fact]
    public void Lines_of_a_multi_line_value_skip_whitespace_only_lines()
    {
        var log = new ActionLog(console, isDebug: false);

        log.AddMask("alpha\n   \nbeta");

        Assert.Equal(["::add-mask::alpha%0A   %0Abeta", "::add-mask::alpha", "::add-mask::beta"], console.Lines);
    }

    [Fact]
    public void A_line_of_a_multi_line_value_already_masked_is_not_masked_again()
    {
        var log = new ActionLog(console, isDebug: false);

        log.AddMask("alpha");
        log.AddMask("alpha\nbeta");

        Assert.Equal(["::add-mask::alpha", "::add-mask::alpha%0Abeta", "::add-mask::beta"], console.Lines);
    }

    [Fact]
    public void Info_writes_a_plain_line()
    {
        var log = new ActionLog(console, isDebug: false);

        log.Info("Proceeding with IAM user credentials");

        Assert.Equal(["Proceeding with IAM user credentials"], console.Lines);
    }

    [Theory]
    [InlineData("debug")]
    [InlineData("notice")]
    [InlineData("warning")]
    [InlineData("error")]
    public void Annotations_are_commands_with_escaped_data(string command)
    {
        var log = new ActionLog(console, isDebug: false);
        const string message = "50% done\nnext line";

        switch (command)
        {
            case "debug": log.Debug(message); break;
            case "notice": log.Notice(message); break;
            case "warning": log.Warning(message); break;
            default: log.Error(message); break;
        }

        Assert.Equal(["::" + command + "::50%25 done%0Anext line"], console.Lines);
    }

    [Fact]
    public void Groups_start_and_end()
    {
        var log = new ActionLog(console, isDebug: false);

        log.StartGroup("Assuming role");
        log.EndGroup();

        Assert.Equal(["::group::Assuming role", "::endgroup::"], console.Lines);
    }

    [Fact]
    public void Every_printed_line_hides_masked_values()
    {
        var log = new ActionLog(console, isDebug: false);
        log.AddMask("abc-secret");

        log.Info("info abc-secret");
        log.Debug("debug abc-secret");
        log.Notice("notice abc-secret");
        log.Warning("warning abc-secret");
        log.Error("error abc-secret");
        log.StartGroup("group abc-secret");

        Assert.Equal(
            [
                "::add-mask::abc-secret",
                "info ***",
                "::debug::debug ***",
                "::notice::notice ***",
                "::warning::warning ***",
                "::error::error ***",
                "::group::group ***",
            ],
            console.Lines);
    }

    [Fact]
    public void Redaction_happens_before_escaping()
    {
        var log = new ActionLog(console, isDebug: false);
        log.AddMask("p%q\nrst");

        log.Warning("value: p%q\nrst.");

        Assert.Equal("::warning::value: ***.", console.Lines[^1]);
    }

    [Fact]
    public void A_line_of_a_multi_line_secret_is_hidden_on_its_own()
    {
        var log = new ActionLog(console, isDebug: false);
        log.AddMask("first-line\nsecond-line");

        log.Info("got second-line only");

        Assert.Equal("got *** only", console.Lines[^1]);
    }


    [Theory]
    [InlineData("1", true)]
    [InlineData("true", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsDebugEnabled_requires_RUNNER_DEBUG_to_be_exactly_1(string? value, bool expected)
    {
        var environment = new DictionaryEnvironment([new KeyValuePair<string, string?>("RUNNER_DEBUG", value)]);

        Assert.Equal(expected, ActionLog.IsDebugEnabled(environment));
    }
}
