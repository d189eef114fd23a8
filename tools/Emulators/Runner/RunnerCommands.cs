using System;
using System.Collections.Generic;

namespace Cac.Emulators.Runner;

/// <summary>A workflow command as the runner took it from a log line.</summary>
public sealed record RunnerCommand(string Name, string Data, string Line);

/// <summary>
/// Reads a step's standard output the way the GitHub Actions runner does, to see which lines it would
/// act on: a line is a command when, after leading white space is trimmed, it starts with
/// <c>::name ...::</c>, or when it holds the older <c>##[name ...]</c> form anywhere; the name must be one the
/// runner knows. <c>::stop-commands::TOKEN</c> makes it ignore every command until <c>::TOKEN::</c>.
/// </summary>
public static class RunnerCommands
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "add-mask", "add-matcher", "add-path", "debug", "echo", "endgroup", "error", "group", "notice",
        "remove-matcher", "save-state", "set-env", "set-output", "stop-commands", "warning",
    };

    /// <summary>The commands the runner would carry out, in order (a paused stretch left out).</summary>
    public static IReadOnlyList<RunnerCommand> Processed(IEnumerable<string> lines)
    {
        var processed = new List<RunnerCommand>();
        string? stopToken = null;
        foreach (var line in lines)
        {
            if (stopToken is not null)
            {
                if (TryParseModern(line, name => string.Equals(name, stopToken, StringComparison.OrdinalIgnoreCase), out _))
                {
                    stopToken = null;
                }

                continue;
            }

            if (!TryParse(line, out var command))
            {
                continue;
            }

            processed.Add(command);
            if (string.Equals(command.Name, "stop-commands", StringComparison.OrdinalIgnoreCase))
            {
                stopToken = command.Data;
            }
        }

        return processed;
    }

    /// <summary>Whether the runner would read <paramref name="line"/> as a command, and which.</summary>
    public static bool TryParse(string line, out RunnerCommand command) =>
        TryParseModern(line, Known.Contains, out command) || TryParseLegacy(line, out command);

    private static bool TryParseModern(string line, Func<string, bool> known, out RunnerCommand command)
    {
        command = null!;
        var text = line.TrimStart();
        if (!text.StartsWith("::", StringComparison.Ordinal))
        {
            return false;
        }

        var end = text.IndexOf("::", 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var info = text[2..end];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        if (!known(name))
        {
            return false;
        }

        command = new RunnerCommand(name, Unescape(text[(end + 2)..]), line);
        return true;
    }

    private static bool TryParseLegacy(string line, out RunnerCommand command)
    {
        command = null!;
        var prefix = line.IndexOf("##[", StringComparison.Ordinal);
        var close = prefix < 0 ? -1 : line.IndexOf(']', prefix);
        if (close < 0)
        {
            return false;
        }

        var info = line[(prefix + 3)..close];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        if (!Known.Contains(name))
        {
            return false;
        }

        command = new RunnerCommand(name, Unescape(line[(close + 1)..]), line);
        return true;
    }

    private static string Unescape(string data) =>
        data.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
}
