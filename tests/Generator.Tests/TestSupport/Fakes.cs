using System.Collections.Generic;
using Cac.Abstractions;

namespace Cac.Generator.Tests.TestSupport;

/// <summary>An environment backed by a dictionary; records every name asked for.</summary>
internal sealed class DictionaryEnvironment(IReadOnlyDictionary<string, string> variables) : IActionEnvironment
{
    public List<string> Requested { get; } = new();

    public string? GetVariable(string name)
    {
        Requested.Add(name);
        return variables.TryGetValue(name, out var value) ? value : null;
    }
}

/// <summary>Records masks, and where they fall among the outputs written through the paired sink.</summary>
internal sealed class RecordingMasker(List<string>? journal = null) : ISecretMasker
{
    public List<string> Masks { get; } = new();

    public void AddMask(string value)
    {
        Masks.Add(value);
        journal?.Add("mask:" + value);
    }
}

/// <summary>Records outputs in order, in the same journal as a <see cref="RecordingMasker"/>.</summary>
internal sealed class RecordingSink(List<string> journal) : IOutputSink
{
    public void SetOutput(string name, string value) => journal.Add("output:" + name + "=" + value);
}
