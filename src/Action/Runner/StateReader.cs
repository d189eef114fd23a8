using System;
using Cac.Abstractions;

namespace Cac.Action.Runner;

/// <summary>
/// Reads, in the post step, the values the main step saved with <see cref="IFileCommands.SaveState"/>.
/// The runner hands them over as <c>STATE_&lt;name&gt;</c> variables, keeping the name's case as written.
/// </summary>
public sealed class StateReader
{
    private const string Prefix = "STATE_";

    private readonly IActionEnvironment environment;

    /// <summary>Creates a reader over <paramref name="environment"/>.</summary>
    public StateReader(IActionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        this.environment = environment;
    }

    /// <summary>Returns the saved value, or an empty string when nothing was saved (as the toolkit's <c>getState</c>).</summary>
    public string GetState(string name) => TryGetState(name) ?? string.Empty;

    /// <summary>Returns the saved value, or <c>null</c> when nothing was saved under <paramref name="name"/>.</summary>
    public string? TryGetState(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return environment.GetVariable(Prefix + name);
    }
}
