using System;
using Cac.Abstractions;

namespace Cac.Action.Runner;

/// <summary>
/// The action's log, and the only writer of standard output: plain lines, annotations, groups and masks,
/// written to the runner through an <see cref="IConsole"/> as <see cref="LogLine"/>s. Every line except the
/// <c>::add-mask::</c> commands themselves first goes through a <see cref="SecretRedactor"/>, so our own
/// output never shows a masked value even where no runner masks it (local runs, tests); then a plain line
/// is neutralised (<see cref="LogLine.Plain"/>) and a command's data escaped, so text the action did not
/// write can never become a workflow command.
/// </summary>
[LogSink] // every message method is a log sink for the analyzers (CAC2001); AddMask is not
public sealed class ActionLog : ISecretMasker
{
    private readonly IConsole console;
    private readonly SecretRedactor redactor = new();
    private readonly object gate = new();

    /// <summary>Creates a log over <paramref name="console"/>.</summary>
    /// <param name="console">Where lines go (the process's standard output at run time).</param>
    /// <param name="isDebug">Whether step debug logging is on (<c>RUNNER_DEBUG</c> is <c>1</c>).</param>
    public ActionLog(IConsole console, bool isDebug)
    {
        ArgumentNullException.ThrowIfNull(console);
        this.console = console;
        IsDebug = isDebug;
    }

    /// <summary>Whether step debug logging is on; lets callers skip building expensive debug text.</summary>
    public bool IsDebug { get; }

    /// <summary>Reads <c>RUNNER_DEBUG</c> the way the toolkit does: only the exact value <c>1</c> turns it on.</summary>
    public static bool IsDebugEnabled(IActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.GetVariable("RUNNER_DEBUG") == "1";
    }

    /// <summary>
    /// Masks <paramref name="value"/> with the runner (once per distinct value) before returning. A
    /// multi-line value is also masked line by line, because the runner matches masks within single log
    /// lines. Empty and whitespace-only values are ignored: the runner refuses them with a warning, and
    /// redacting whitespace would garble every line.
    /// </summary>
    public void AddMask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        lock (gate)
        {
            MaskOne(value);
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                foreach (var line in value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        MaskOne(line);
                    }
                }
            }
        }
    }

    /// <summary>Writes a debug message (<c>::debug::</c>); the runner shows it only when debug logging is on.</summary>
    public void Debug(string message) => WriteCommand("debug", message);

    /// <summary>Writes a plain line; line breaks in <paramref name="message"/> are shown escaped, on this one line.</summary>
    public void Info(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            console.WriteLine(LogLine.Plain(redactor.Redact(message)));
        }
    }

    /// <summary>Writes a notice annotation.</summary>
    public void Notice(string message) => WriteCommand("notice", message);

    /// <summary>Writes a warning annotation.</summary>
    public void Warning(string message) => WriteCommand("warning", message);

    /// <summary>Writes an error annotation. It does not fail the step: the exit code does.</summary>
    public void Error(string message) => WriteCommand("error", message);

    /// <summary>Starts a collapsible group in the log; end it with <see cref="EndGroup"/>.</summary>
    public void StartGroup(string title) => WriteCommand("group", title);

    /// <summary>Ends the group started by <see cref="StartGroup"/>.</summary>
    public void EndGroup() => WriteCommand("endgroup", string.Empty);

    private void MaskOne(string value)
    {
        if (redactor.Add(value))
        {
            // Deliberately not redacted: this line is how the runner learns the value.
            console.WriteLine(LogLine.Command("add-mask", value));
        }
    }

    private void WriteCommand(string command, string message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Redact before escaping: the secret is known in its raw form, not in its escaped one. Both
        // happen under the lock so a mask added concurrently is either fully before or fully after.
        lock (gate)
        {
            console.WriteLine(LogLine.Command(command, redactor.Redact(message)));
        }
    }
}
