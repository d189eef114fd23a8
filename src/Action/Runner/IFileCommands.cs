using Cac.Abstractions;

namespace Cac.Action.Runner;

/// <summary>
/// The runner's file commands (<c>GITHUB_ENV</c>, <c>GITHUB_OUTPUT</c>, <c>GITHUB_STATE</c>,
/// <c>GITHUB_STEP_SUMMARY</c>). The four commands only collect: nothing reaches a file until
/// <see cref="Prepare"/> has opened and checked every file and the caller commits the prepared writes, so
/// a run either hands out its whole result or none of it. A name or value that cannot be written safely
/// throws <see cref="FileCommandException"/> at once.
/// </summary>
public interface IFileCommands
{
    /// <summary>Exports an environment variable to later steps.</summary>
    void ExportVariable(string name, string value);

    /// <summary>Sets a step output.</summary>
    void SetOutput(string name, string value);

    /// <summary>Saves a value for this action's post step (read back there as <c>STATE_name</c>).</summary>
    void SaveState(string name, string value);

    /// <summary>Appends Markdown to the job summary.</summary>
    [LogSink] // the job summary is as public as the log (CAC2001)
    void AppendStepSummary(string markdown);

    /// <summary>
    /// Opens and checks every file that has collected commands, without writing any, and hands the
    /// collected blocks over to the result (collecting starts afresh).
    /// </summary>
    PreparedFileCommands Prepare();
}
