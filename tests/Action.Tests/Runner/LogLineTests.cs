using System;
using Cac.Action.Runner;

namespace Cac.Action.Tests.Runner;

/// <summary>Plain lines can never be read by the runner as a workflow command, whatever text they carry.</summary>
public sealed class LogLineTests
{
    /// <summary>The runner's two rules: "::" first after trimming white space, or "##[" anywhere in the line.</summary>
    private static bool RunnerSeesACommand(string line) =>
        line.TrimStart().StartsWith("::", StringComparison.Ordinal) || line.Contains("##[", StringComparison.Ordinal);

    [Theory]
    [InlineData("Rate exceeded\n::stop-commands::pwned", "Rate exceeded\\n::stop-commands::pwned")]
    [InlineData("a\r\n::add-mask::x", "a\\r\\n::add-mask::x")]
    [InlineData("a\r::set-output name=x::y", "a\\r::set-output name=x::y")]
    [InlineData("::error::forged", "\\::error::forged")]
    [InlineData("  \t::save-state name=x::y", "  \t\\::save-state name=x::y")]
    [InlineData("\u00A0::debug::x", "\u00A0\\::debug::x")]
    [InlineData("see ##[stop-commands]token", "see ##\\[stop-commands]token")]
    [InlineData("###[error]x", "###\\[error]x")]
    [InlineData("bell\u0007 esc\u001B[31m nel\u0085 ls\u2028", "bell\\u0007 esc\\u001B[31m nel\\u0085 ls\\u2028")]
    public void Hostile_text_stays_on_one_line_and_starts_no_command(string text, string expected)
    {
        var line = LogLine.Plain(text).Text;

        Assert.Equal(expected, line);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.False(RunnerSeesACommand(line), line);
    }

    [Theory]
    [InlineData("Assuming role with OIDC")]
    [InlineData("  sub: repo:octo-org/octo-repo:ref:refs/heads/main")]
    [InlineData("tab\tinside, a colon: and :: later, # and [x]")]
    [InlineData("")]
    public void Ordinary_text_is_left_alone(string text)
    {
        Assert.Equal(text, LogLine.Plain(text).Text);
    }

    [Fact]
    public void A_command_line_keeps_its_data_inside_the_command()
    {
        var line = LogLine.Command("error", "Rate exceeded\n::stop-commands::pwned").Text;

        Assert.Equal("::error::Rate exceeded%0A::stop-commands::pwned", line);
    }
}
