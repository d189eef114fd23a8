using System;
using Cac.Abstractions;

namespace Cac.Action.Runner;

/// <summary>Lets the generated output setters write step outputs through <see cref="IFileCommands.SetOutput"/>.</summary>
public sealed class OutputSink : IOutputSink
{
    private readonly IFileCommands fileCommands;

    /// <summary>Creates a sink that writes to <paramref name="fileCommands"/>.</summary>
    public OutputSink(IFileCommands fileCommands)
    {
        ArgumentNullException.ThrowIfNull(fileCommands);
        this.fileCommands = fileCommands;
    }

    /// <inheritdoc />
    public void SetOutput(string name, string value) => fileCommands.SetOutput(name, value);
}
