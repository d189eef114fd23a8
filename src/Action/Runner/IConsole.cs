namespace Cac.Action.Runner;

/// <summary>
/// The process's standard output, where the runner reads log lines and workflow commands. It takes
/// <see cref="LogLine"/>s only, never bare text: every line is either neutralised plain text or a command
/// formatted by <see cref="WorkflowCommands"/>.
/// </summary>
public interface IConsole
{
    /// <summary>Writes one line (an LF is appended).</summary>
    void WriteLine(LogLine line);
}
