using System;
using System.Collections.Generic;
using Cac.Abstractions;

namespace Cac.TestSupport;

/// <summary>
/// An environment held in a dictionary, optionally layered over another one, so tests never read or change
/// the process environment. Names are case-sensitive, as on Linux. Not safe for concurrent writes: set
/// variables from one thread.
/// </summary>
internal sealed class DictionaryEnvironment : IActionEnvironment
{
    private readonly Dictionary<string, string?> variables;
    private readonly IActionEnvironment? fallback;

    /// <summary>Creates an empty environment with nothing underneath.</summary>
    public DictionaryEnvironment()
        : this(null, null)
    {
    }

    /// <summary>Creates an environment holding <paramref name="variables"/>.</summary>
    public DictionaryEnvironment(IEnumerable<KeyValuePair<string, string?>> variables)
        : this(variables, null)
    {
    }

    /// <summary>
    /// Creates an overlay: a name set here (even to <c>null</c>, which hides it) wins, any other name is
    /// read from <paramref name="fallback"/>.
    /// </summary>
    public DictionaryEnvironment(IEnumerable<KeyValuePair<string, string?>>? variables, IActionEnvironment? fallback)
    {
        this.variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (variables is not null)
        {
            foreach (var variable in variables)
            {
                this.variables[variable.Key] = variable.Value;
            }
        }

        this.fallback = fallback;
    }

    /// <inheritdoc />
    public string? GetVariable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (variables.TryGetValue(name, out var value))
        {
            return value;
        }

        return fallback?.GetVariable(name);
    }

    /// <summary>Sets <paramref name="name"/> in this layer; <c>null</c> makes it unset, hiding the fallback's value.</summary>
    public void SetVariable(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        variables[name] = value;
    }
}
