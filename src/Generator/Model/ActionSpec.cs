namespace Cac.Generator.Model;

/// <summary>Everything the emitters need, and nothing that depends on where text sits in the YAML files.</summary>
public sealed record ActionSpec(
    string Namespace,
    string Name,
    string Description,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<OutputSpec> Outputs);

/// <summary>The outcome of combining metadata, typings and options.</summary>
/// <param name="Spec"><c>null</c> when an error was found; the diagnostics then say why.</param>
public sealed record BuildResult(ActionSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
