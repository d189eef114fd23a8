namespace Cac.Generator.Model;

/// <summary>What action.yml says, before typings and options are applied. Scalars are kept as strings.</summary>
public sealed record ActionMetadata(
    string FilePath,
    string Name,
    string Description,
    EquatableArray<InputMetadata> Inputs,
    EquatableArray<OutputMetadata> Outputs);

/// <summary>One entry under <c>inputs:</c>.</summary>
/// <param name="Default">The default as written (quoted or not), or <c>null</c> when absent or YAML null.</param>
/// <param name="Location">The input's key.</param>
/// <param name="DefaultLocation">The default's value, when there is one.</param>
public sealed record InputMetadata(
    string Name,
    string Description,
    bool Required,
    string? Default,
    string? DeprecationMessage,
    LocationInfo Location,
    LocationInfo? DefaultLocation);

/// <summary>One entry under <c>outputs:</c>.</summary>
public sealed record OutputMetadata(string Name, string Description, LocationInfo Location);

/// <summary>The result of reading one action.yml: the metadata, or diagnostics explaining why there is none.</summary>
public sealed record MetadataParseResult(string FilePath, ActionMetadata? Metadata, EquatableArray<DiagnosticInfo> Diagnostics);
