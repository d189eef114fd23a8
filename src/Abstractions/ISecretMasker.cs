namespace Cac.Abstractions;

/// <summary>
/// Registers a value with the runner's log masker (<c>::add-mask::</c>). Implementations must write the
/// mask before returning, so that no line printed afterwards can show the value.
/// </summary>
public interface ISecretMasker
{
    /// <summary>Masks <paramref name="value"/>; empty values are ignored.</summary>
    void AddMask(string value);
}
