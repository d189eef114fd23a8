using System;
using System.Collections.Generic;
using Cac.Action.FileSystem;

namespace Cac.Action.Runner;

/// <summary>
/// The command files of one run, opened and checked, each with the whole block it is to receive. Each
/// file is one <see cref="IStagedWrite"/>: its block goes in with one write, and rolling back cuts the file
/// to its length from before, because the runner applies every complete pair it finds in GITHUB_ENV and
/// GITHUB_OUTPUT even when the step fails, and a cut-off block would still hand out the pairs before the cut.
/// </summary>
public sealed class PreparedFileCommands : IDisposable
{
    private static readonly IStagedWrite Nothing = new NoWrite();

    private readonly Dictionary<string, PreparedCommandFile> files;

    internal PreparedFileCommands(Dictionary<string, PreparedCommandFile> files)
    {
        this.files = files;
    }

    /// <summary>The GITHUB_ENV block (does nothing when no variable was exported).</summary>
    public IStagedWrite Environment => Get(FileCommandWriter.EnvVariable);

    /// <summary>The GITHUB_OUTPUT block.</summary>
    public IStagedWrite Outputs => Get(FileCommandWriter.OutputVariable);

    /// <summary>The GITHUB_STATE block.</summary>
    public IStagedWrite State => Get(FileCommandWriter.StateVariable);

    /// <summary>The GITHUB_STEP_SUMMARY block.</summary>
    public IStagedWrite StepSummary => Get(FileCommandWriter.StepSummaryVariable);

    public void Dispose()
    {
        foreach (var file in files.Values)
        {
            file.Dispose();
        }
    }

    private IStagedWrite Get(string variable) => files.TryGetValue(variable, out var file) ? file : Nothing;

    private sealed class NoWrite : IStagedWrite
    {
        public void Commit()
        {
        }

        public void RollBack()
        {
        }
    }
}
