using System.Collections.Generic;
using Cac.Generator.Diagnostics;
using Cac.Generator.Model;

namespace Cac.Generator.Parsing;

/// <summary>Names already taken in one C# scope (or one environment), and who took them.</summary>
internal sealed class NameRegistry
{
    private readonly Dictionary<string, string> owners = new(System.StringComparer.Ordinal);

    public NameRegistry(IEnumerable<string> reserved, string reservedBy)
    {
        foreach (var name in reserved)
        {
            owners[name] = reservedBy;
        }
    }

    /// <summary>Takes <paramref name="name"/>, or reports CAC1004 when it is already taken.</summary>
    public void Claim(
        string name,
        string owner,
        string sourceKind,
        string sourceName,
        string targetKind,
        LocationInfo location,
        List<DiagnosticInfo> diagnostics)
    {
        if (owners.TryGetValue(name, out var previous))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                GeneratorDiagnostics.NameCollision.Id, location, sourceKind, sourceName, targetKind, name, previous));
            return;
        }

        owners.Add(name, owner);
    }
}
