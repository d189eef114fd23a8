namespace Cac.Generator.Model;

/// <summary>The MSBuild properties the generator reads, reduced to comparable values.</summary>
/// <param name="Namespace">Namespace of the generated types.</param>
/// <param name="SecretInputs">Input names from <c>Cac_SecretInputs</c>, in the order written.</param>
/// <param name="SecretOutputs">Output names from <c>Cac_SecretOutputs</c>, in the order written.</param>
public sealed record GeneratorOptions(
    string Namespace,
    EquatableArray<string> SecretInputs,
    EquatableArray<string> SecretOutputs)
{
    /// <summary>Namespace used when neither <c>Cac_GeneratedNamespace</c> nor <c>RootNamespace</c> is set.</summary>
    public const string DefaultNamespace = "Generated";

    /// <summary>No secrets, default namespace.</summary>
    public static GeneratorOptions Default { get; } =
        new(DefaultNamespace, EquatableArray<string>.Empty, EquatableArray<string>.Empty);
}
