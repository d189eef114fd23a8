using System.Collections.Generic;
using Cac.Abstractions;

namespace Cac.Action.Tests.TestSupport;

/// <summary>An <see cref="ISecretMasker"/> that keeps the values it was asked to mask.</summary>
internal sealed class RecordingMasker : ISecretMasker
{
    private readonly List<string> masks = [];

    public IReadOnlyList<string> Masks => masks;

    public void AddMask(string value) => masks.Add(value);
}
