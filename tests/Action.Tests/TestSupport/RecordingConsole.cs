using System.Collections.Generic;
using Cac.Action.Runner;

namespace Cac.Action.Tests.TestSupport;

/// <summary>An <see cref="IConsole"/> that keeps the lines written to it.</summary>
internal sealed class RecordingConsole : IConsole
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines => lines;

    public void WriteLine(LogLine line) => lines.Add(line.Text);
}
