namespace Cac.Action.Toolkit;

/// <summary>The process's standard output, where the runner reads log lines and workflow commands.</summary>
public interface IConsole
{
    /// <summary>Writes one line (an LF is appended).</summary>
    void WriteLine(string line);
}
