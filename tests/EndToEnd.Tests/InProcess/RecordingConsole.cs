using System.Collections.Generic;
using Cac.Action.Runner;

namespace Cac.EndToEnd.Tests.InProcess;

/// <summary>Collects the lines an in-process run prints.</summary>
internal sealed class RecordingConsole : IConsole
{
    private readonly List<string> lines = [];

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
