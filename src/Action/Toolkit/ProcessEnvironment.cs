using System;
using Cac.Abstractions;

namespace Cac.Action.Toolkit;

/// <summary>
/// The real process environment. Apart from <c>Program.cs</c>, this is the only place that reads it;
/// everything else takes an <see cref="IActionEnvironment"/> so tests can pass a dictionary.
/// </summary>
public sealed class ProcessEnvironment : IActionEnvironment
{
    /// <summary>The one instance (the process has one environment).</summary>
    public static ProcessEnvironment Instance { get; } = new();

    private ProcessEnvironment()
    {
    }

    /// <inheritdoc />
    public string? GetVariable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Environment.GetEnvironmentVariable(name);
    }
}
