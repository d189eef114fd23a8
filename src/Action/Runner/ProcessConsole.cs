using System;
using System.IO;
using System.Text;
using Cac.Abstractions;

namespace Cac.Action.Runner;

/// <summary>
/// The process's standard output as UTF-8 (no BOM) with LF line ends, which is what the runner parses.
/// Each line is flushed as it is written: the log is a few dozen lines, and a line still in a buffer
/// when the process exits (a timeout, a crash) would be lost, masks included.
/// </summary>
[ConsoleOwner] // the one writer of standard output (CAC3002); the log is its caller
public sealed class ProcessConsole : IConsole, IDisposable
{
    private readonly StreamWriter writer;
    private readonly object gate = new();

    /// <summary>Writes to the process's standard output.</summary>
    public ProcessConsole()
        : this(Console.OpenStandardOutput())
    {
    }

    /// <summary>Writes to <paramref name="stream"/> (tests).</summary>
    internal ProcessConsole(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096, leaveOpen: false)
        {
            AutoFlush = false,
            NewLine = "\n",
        };
    }

    /// <inheritdoc />
    public void WriteLine(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (gate)
        {
            writer.Write(line.Text);
            writer.Write('\n');
            writer.Flush();
        }
    }

    /// <summary>Flushes anything buffered (kept for callers that flush before exit as a matter of course).</summary>
    public void Flush()
    {
        lock (gate)
        {
            writer.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            writer.Dispose();
        }
    }
}
