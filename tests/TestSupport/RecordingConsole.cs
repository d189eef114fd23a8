using System.Collections.Generic;
using Cac.Action.Runner;

namespace Cac.TestSupport;

/// <summary>An <see cref="IConsole"/> that keeps the lines written to it (safe to write from several threads).</summary>
internal sealed class RecordingConsole : IConsole
{
    private readonly List<string> lines = [];

    /// <summary>The lines written so far, as a snapshot.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public void WriteLine(LogLine line)
    {
        lock (lines)
        {
            lines.Add(line.Text);
        }
    }
}
