using Cac.Abstractions;

namespace Cac.Action.Toolkit;

/// <summary>
/// The runner's file commands (<c>GITHUB_ENV</c>, <c>GITHUB_OUTPUT</c>, <c>GITHUB_STATE</c>,
/// <c>GITHUB_STEP_SUMMARY</c>). Each call appends to the file named by its variable; a missing variable
/// or a value that cannot be written safely throws <see cref="FileCommandException"/>.
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
}
