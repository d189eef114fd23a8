using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Cac.Action.Runner;

/// <summary>
/// One line of the action's standard output. There are exactly two ways to make one: <see cref="Plain"/>,
/// which neutralises the text so the runner can never read it as a workflow command, and
/// <see cref="Command"/>, which formats a command through <see cref="WorkflowCommands"/>. An
/// <see cref="IConsole"/> accepts nothing else, so no text from a server, a file or the environment can
/// reach standard output unescaped (see docs/log-output.md).
/// </summary>
public sealed class LogLine
{
    private LogLine(string text)
    {
        Text = text;
    }

    /// <summary>The line as written, without its line feed.</summary>
    public string Text { get; }

    /// <summary>
    /// A plain line. Line breaks and other control characters become visible escapes (<c>\n</c>,
    /// <c>\r</c>, <c>\u001B</c>), so the text stays on this one line; a <c>::</c> that would start the line
    /// (after leading white space, as the runner trims it) becomes <c>\::</c>; and every <c>##[</c>, the
    /// runner's older command form that it finds anywhere in a line, becomes <c>##\[</c>.
    /// </summary>
    public static LogLine Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new LogLine(Neutralize(text));
    }

    /// <summary>A workflow command (<c>::name::data</c>), its data escaped so it stays one command.</summary>
    public static LogLine Command(string name, string data) => new(WorkflowCommands.Format(name, data));

    /// <summary>A workflow command with properties (<c>::name key=value::data</c>).</summary>
    public static LogLine Command(string name, IEnumerable<KeyValuePair<string, string?>> properties, string data) =>
        new(WorkflowCommands.Format(name, properties, data));

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string Neutralize(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]) && !IsLineBreakOrControl(text[start]))
        {
            start++;
        }

        var commandStart = text.AsSpan(start).StartsWith("::", StringComparison.Ordinal);
        if (!commandStart && !text.Contains("##[", StringComparison.Ordinal) && !ContainsLineBreakOrControl(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i == start && commandStart)
            {
                builder.Append('\\');
            }

            if (c == '[' && i >= 2 && text[i - 1] == '#' && text[i - 2] == '#')
            {
                builder.Append('\\');
            }

            switch (c)
            {
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                default:
                    if (IsLineBreakOrControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static bool ContainsLineBreakOrControl(string text)
    {
        foreach (var c in text)
        {
            if (IsLineBreakOrControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Control characters other than tab (CR and LF end a line for the runner; the others, ANSI escapes
    /// among them, could disguise a line), and the Unicode line and paragraph separators.
    /// </summary>
    private static bool IsLineBreakOrControl(char c) =>
        (char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029';
}
