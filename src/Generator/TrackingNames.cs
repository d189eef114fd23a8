namespace Cac.Generator;

/// <summary>Names of the tracked pipeline steps; the incremental tests look them up by these names.</summary>
public static class TrackingNames
{
    /// <summary>action.yml text to <see cref="Model.MetadataParseResult"/>.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>action-types.yml text to <see cref="Model.TypingsParseResult"/>.</summary>
    public const string ParseTypings = nameof(ParseTypings);

    /// <summary>action-fallbacks.yml text to <see cref="Model.FallbacksParseResult"/>.</summary>
    public const string ParseFallbacks = nameof(ParseFallbacks);

    /// <summary>MSBuild properties to <see cref="Model.GeneratorOptions"/>.</summary>
    public const string Options = nameof(Options);

    /// <summary>Metadata, typings, fallbacks and options combined into a spec plus diagnostics.</summary>
    public const string BuildSpec = nameof(BuildSpec);

    /// <summary>The spec alone, without diagnostics, so that moving text in action.yml does not re-emit.</summary>
    public const string Spec = nameof(Spec);

    /// <summary>The diagnostics alone.</summary>
    public const string Diagnostics = nameof(Diagnostics);
}
