using System.Linq;
using System;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Runner;

/// <summary>Every way of writing to the log keeps foreign text from becoming a workflow command.</summary>
public sealed class ActionLogInjectionTests
{
    private const string Hostile = "Rate exceeded\n::stop-commands::pwned\r\n::add-mask::x\n##[set-output name=a]b";

    private readonly RecordingConsole console = new();

    [Fact]
    public void Every_kind_of_line_is_one_line_and_only_the_intended_command()
    {
        var log = new ActionLog(console, isDebug: true);

        log.Info(Hostile);
        log.Debug(Hostile);
        log.Notice(Hostile);
        log.Warning(Hostile);
        log.Error(Hostile);
        log.StartGroup(Hostile);
        log.EndGroup();

        Assert.Equal(7, console.Lines.Count);
        Assert.All(console.Lines, line => Assert.False(line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal), line));
        Assert.False(console.Lines[0].TrimStart().StartsWith("::", StringComparison.Ordinal));
        Assert.DoesNotContain("##[", console.Lines[0], StringComparison.Ordinal);
        Assert.Equal(
            ["debug", "notice", "warning", "error", "group", "endgroup"],
            console.Lines.Skip(1).Select(line => line[2..line.IndexOf("::", 2, StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_secret_is_redacted_before_the_line_is_neutralised()
    {
        var log = new ActionLog(console, isDebug: false);
        log.AddMask("s3cret\nline");

        log.Info("value: s3cret\nline and ::x");

        Assert.Equal("value: *** and ::x", console.Lines[^1]);
    }
}
